package io.github.matomotracking.client;

import java.util.OptionalLong;

/**
 * Where paging through one (site, segment) stands, and the rules that move it. Matomo returns
 * visits ordered by (last action second, idVisit), ascending with {@code filter_sort_order=asc},
 * and {@code minTimestamp} keeps visits strictly after a second. Offsets are never used (they
 * lose visits when the data moves, matomo issue 16394).
 *
 * <ul>
 *   <li><b>Normal</b>: ask for visits after second {@code C}. After a page that was full (or cut
 *       short by a failure after some visits), the next page starts at {@code last - 1}, where
 *       {@code last} is the second of the last visit received: everything before {@code last}
 *       has been seen, and the visits of {@code last} are asked for again so none beyond the page
 *       is lost (the ones already handed over are dropped as duplicates).
 *   <li><b>Drain</b>: a full page whose visits all share one second {@code T} cannot move the
 *       cursor. Then the client pages through that second by id: {@code minTimestamp=T-1} plus
 *       the segment condition {@code visitId>n}, where {@code n} is the last idVisit received
 *       at {@code T}. Only visits of second {@code T} are used from those answers; the first
 *       visit after {@code T} (or a short page) ends the drain and normal paging resumes after
 *       {@code T}.
 * </ul>
 */
final class PageState {

  private final boolean drain;
  private final long second;
  private final long idFloor;
  private final boolean hasLowerBound;

  private PageState(boolean drain, boolean hasLowerBound, long second, long idFloor) {
    this.drain = drain;
    this.hasLowerBound = hasLowerBound;
    this.second = second;
    this.idFloor = idFloor;
  }

  /** Normal paging from the query's own lower bound, if any. */
  static PageState start(OptionalLong minTimestamp) {
    return minTimestamp.isPresent() && minTimestamp.getAsLong() > 0
        ? after(minTimestamp.getAsLong())
        : new PageState(false, false, 0, 0);
  }

  /** Normal paging: visits after {@code second}. */
  static PageState after(long second) {
    return new PageState(false, true, second, 0);
  }

  /** Paging through second {@code second} by idVisit, above {@code idFloor}. */
  static PageState drain(long second, long idFloor) {
    return new PageState(true, true, second, idFloor);
  }

  boolean draining() {
    return drain;
  }

  /** The drained second (drain mode only). */
  long drainSecond() {
    return second;
  }

  /** The {@code minTimestamp} to send, if any. */
  OptionalLong minTimestamp() {
    if (drain) {
      return OptionalLong.of(second - 1);
    }
    return hasLowerBound ? OptionalLong.of(second) : OptionalLong.empty();
  }

  /** The idVisit above which to ask (drain mode only). */
  long idFloor() {
    return idFloor;
  }

  /** Visits at or before this second can not come back unchanged from the next request. */
  OptionalLong forgettableUpTo() {
    return minTimestamp();
  }

  /**
   * The state after a page of which a prefix was received: the page was full, or it failed
   * after {@code progress} visits.
   */
  PageState afterPrefix(PageProgress progress) {
    if (drain) {
      return drain(second, progress.lastVisitId());
    }
    if (progress.firstSecond() < progress.lastSecond()) {
      return after(progress.lastSecond() - 1);
    }
    return drain(progress.lastSecond(), progress.lastVisitId());
  }

  /** The state after a drain ended (a short page, or a visit after the drained second). */
  PageState afterDrain() {
    return after(second);
  }

  @Override
  public String toString() {
    return drain ? "drain(" + second + ", id>" + idFloor + ")" : "after(" + minTimestamp() + ")";
  }
}
