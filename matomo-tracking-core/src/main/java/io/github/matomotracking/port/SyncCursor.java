package io.github.matomotracking.port;

import io.github.matomotracking.model.MatomoStyle;
import io.github.matomotracking.model.VisitKey;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.immutables.value.Value;

/**
 * How far the visits of one identity are stored: Matomo returns a visit again whenever it gets new
 * actions, so the cursor is an "updated since" mark on the visits' <em>last action time</em>.
 *
 * <p>Meaning: every visit of the identity whose last action time (epoch seconds) was before
 * {@link #lastActionTime()} when fetched has been stored, and so have the visits in
 * {@link #visitsAtLastSecond()}, whose last action was exactly at that second. The engine saves a
 * cursor only after the {@link SessionSink} acknowledged the visits it covers.
 *
 * <p>How to resume: Matomo's {@code minTimestamp} keeps visits whose last action time is
 * <em>strictly greater</em>, so ask for {@link #minTimestamp()} ({@code lastActionTime - 1}): the
 * answer starts again at the cursor's second and therefore cannot miss a visit that shares that
 * second with the ones already stored, nor one that received another action within that second.
 * The visits returned again are upserted again, which changes nothing when nothing changed.
 * {@link #visitsAtLastSecond()} lets the engine recognise that overlap: with ascending paging,
 * when more visits share one second than fit in a page, it proves that a next page continues
 * where the previous one stopped instead of repeating it forever.
 *
 * <p>A failure before the cursor is saved leaves the previous cursor, so the next run fetches the
 * same visits again and converges to the same stored result.
 */
@Value.Immutable
@MatomoStyle
public interface SyncCursor {

  /** The last action time covered, in epoch seconds (UTC). */
  long lastActionTime();

  /** The stored visits whose last action time is exactly {@link #lastActionTime()}. */
  Set<VisitKey> visitsAtLastSecond();

  /**
   * The value for Matomo's {@code minTimestamp} to resume from: one second before
   * {@link #lastActionTime()}, because Matomo keeps only visits strictly after it.
   *
   * @return epoch seconds
   */
  default long minTimestamp() {
    return lastActionTime() - 1;
  }

  /**
   * Whether the visit, as last fetched with this last action time, is already covered.
   *
   * @param visit the visit's key
   * @param visitLastActionTime the visit's last action time, epoch seconds
   * @return true when it is before the cursor, or at its second and listed
   */
  default boolean covers(VisitKey visit, long visitLastActionTime) {
    return visitLastActionTime < lastActionTime()
        || (visitLastActionTime == lastActionTime() && visitsAtLastSecond().contains(visit));
  }

  /**
   * The cursor once a visit is stored (visits must be taken in ascending order of last action
   * time, as fetched with ascending sort).
   *
   * @param visit the visit's key
   * @param visitLastActionTime its last action time, epoch seconds
   * @return a cursor at the later of the two seconds; at the same second, with the visit added
   */
  default SyncCursor advance(VisitKey visit, long visitLastActionTime) {
    if (visitLastActionTime < lastActionTime()) {
      return this;
    }
    if (visitLastActionTime > lastActionTime()) {
      return of(visitLastActionTime, Set.of(visit));
    }
    if (visitsAtLastSecond().contains(visit)) {
      return this;
    }
    Set<VisitKey> visits = new LinkedHashSet<>(visitsAtLastSecond());
    visits.add(visit);
    return of(lastActionTime(), visits);
  }

  /**
   * The cursor once a visit is stored.
   *
   * @param visit the visit's key
   * @param visitLastActionTime its last action time
   * @return see {@link #advance(VisitKey, long)}
   */
  default SyncCursor advance(VisitKey visit, Instant visitLastActionTime) {
    return advance(visit, visitLastActionTime.getEpochSecond());
  }

  /**
   * A cursor.
   *
   * @param lastActionTime the last action time covered, epoch seconds
   * @param visitsAtLastSecond the stored visits whose last action was at that second
   * @return the cursor
   */
  static SyncCursor of(long lastActionTime, Collection<VisitKey> visitsAtLastSecond) {
    return ImmutableSyncCursor.builder()
        .lastActionTime(lastActionTime)
        .visitsAtLastSecond(visitsAtLastSecond)
        .build();
  }

  /**
   * A cursor before any visit: everything with a last action after {@code time} is still to fetch
   * (for instance 365 days ago on the first run).
   *
   * @param time epoch seconds; visits at this very second are not covered
   * @return a cursor whose {@link #minTimestamp()} is {@code time - 1}
   */
  static SyncCursor startingAt(long time) {
    return of(time, Set.of());
  }
}
