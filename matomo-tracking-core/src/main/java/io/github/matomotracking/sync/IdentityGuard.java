package io.github.matomotracking.sync;

import io.github.matomotracking.identify.IdentityKey;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Lets at most one piece of work of an engine handle an identity at a time: an identity batch
 * and the import after a new identification of the same visitor never overlap, so one cannot
 * save a cursor that hides what the other still has to redo. All identities of a batch are taken
 * at once or not at all, so two batches can never wait for each other.
 */
final class IdentityGuard {

  private final Set<IdentityKey> busy = new HashSet<>();

  /**
   * Waits until none of the identities is busy, then marks them all busy.
   *
   * @param identities the identities
   * @throws InterruptedException when interrupted while waiting (nothing is taken then)
   */
  synchronized void acquire(Collection<IdentityKey> identities) throws InterruptedException {
    List<IdentityKey> wanted = List.copyOf(identities);
    while (anyBusy(wanted)) {
      wait();
    }
    busy.addAll(wanted);
  }

  /**
   * Marks the identities free again.
   *
   * @param identities the identities taken with {@link #acquire}
   */
  synchronized void release(Collection<IdentityKey> identities) {
    busy.removeAll(identities);
    notifyAll();
  }

  private boolean anyBusy(List<IdentityKey> wanted) {
    for (IdentityKey identity : wanted) {
      if (busy.contains(identity)) {
        return true;
      }
    }
    return false;
  }
}
