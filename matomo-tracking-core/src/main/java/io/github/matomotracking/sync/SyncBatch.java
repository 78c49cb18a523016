package io.github.matomotracking.sync;

import io.github.matomotracking.identify.IdentityKey;
import io.github.matomotracking.identify.IdentityKind;
import java.util.List;

/**
 * One identity batch, as the {@link SyncListener} sees it: identities of one kind whose visits
 * are fetched together, from one {@code minTimestamp}.
 *
 * @param flow the entry point running it
 * @param number its number within the run, from 1
 * @param kind visitorIds or userIds
 * @param identities the identities, sorted
 * @param minTimestamp Matomo's {@code minTimestamp} it reads from (epoch seconds; visits with a
 *     later last action)
 */
public record SyncBatch(
    SyncFlow flow, int number, IdentityKind kind, List<IdentityKey> identities, long minTimestamp) {

  /**
   * Copies the identities.
   *
   * @param flow the entry point
   * @param number the number, from 1
   * @param kind the kind
   * @param identities the identities
   * @param minTimestamp the read start
   */
  public SyncBatch {
    identities = List.copyOf(identities);
  }

  @Override
  public String toString() {
    return "batch " + number + " of " + flow + " (" + identities.size() + " "
        + (kind == IdentityKind.VISITOR_ID ? "visitorIds" : "userIds") + " from " + minTimestamp
        + ")";
  }
}
