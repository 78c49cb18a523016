package io.github.matomotracking.sync;

import io.github.matomotracking.identify.IdentityKey;
import io.github.matomotracking.model.VisitKey;
import io.github.matomotracking.port.SyncCursor;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The cursor each identity of a batch reaches with the visits the sink acknowledged: the latest
 * last action time seen, and the visits at that second. Used by one thread.
 */
final class CursorTracker {

  private final Map<IdentityKey, SyncCursor> reached = new HashMap<>();

  /** Counts a stored visit of the identity. */
  void stored(IdentityKey identity, VisitKey visit, long lastActionSecond) {
    reached.merge(identity, SyncCursor.of(lastActionSecond, Set.of(visit)),
        (current, ignored) -> current.advance(visit, lastActionSecond));
  }

  /** The cursor the identity reached, if any of its visits was stored. */
  Optional<SyncCursor> reached(IdentityKey identity) {
    return Optional.ofNullable(reached.get(identity));
  }

  /**
   * The later of two cursors; at the same second, the visits of both (each is a true statement
   * about what is stored, so their union is too).
   */
  static SyncCursor later(SyncCursor a, SyncCursor b) {
    if (a == null) {
      return b;
    }
    if (a.lastActionTime() != b.lastActionTime()) {
      return a.lastActionTime() > b.lastActionTime() ? a : b;
    }
    Set<VisitKey> visits = new LinkedHashSet<>(a.visitsAtLastSecond());
    visits.addAll(b.visitsAtLastSecond());
    return visits.size() == a.visitsAtLastSecond().size() ? a : SyncCursor.of(a.lastActionTime(), visits);
  }
}
