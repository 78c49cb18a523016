package io.github.matomotracking.mapping;

import io.github.matomotracking.model.Nullable;
import io.github.matomotracking.model.Visit;
import io.github.matomotracking.model.VisitAction;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Turns Matomo's action {@code timestamp}s into true instants (domain rules, section 3.1).
 *
 * <p>Matomo writes an action's time as the site's <em>local wall-clock time</em> encoded as if it
 * were UTC epoch seconds. So {@code LocalDateTime.ofEpochSecond(timestamp, 0, UTC)} is the local
 * time, and the true instant is that local time in the site's zone:
 *
 * <ul>
 *   <li>Normal case: the zone's only valid offset at that local time is subtracted.
 *   <li>Daylight-saving <em>overlap</em> (the local time happened twice, as on the last Sunday of
 *       October in Europe): of the two candidate instants, the earlier is taken when it is not
 *       before the visit's {@code firstActionTimestamp} (a true UTC instant), otherwise the later
 *       one. This keeps every action at or after the visit's start and as close to it as
 *       possible.
 *   <li>Daylight-saving <em>gap</em> (a local time that never happened, which Matomo cannot
 *       produce unless the zone changed): the time is moved forward by the length of the gap,
 *       like {@link java.time.ZonedDateTime#ofLocal}, and a problem is reported.
 * </ul>
 *
 * <p>When the site's zone is unknown, the offset is implied by the visit itself: the first page
 * view's shifted timestamp minus the visit's {@code firstActionTimestamp}, rounded to the nearest
 * 15 minutes (every real UTC offset is a multiple of 15 minutes), then subtracted from every
 * action. When the visit has no page view with a timestamp, or the implied offset lies outside
 * UTC-12:00..UTC+14:00, the timestamps are taken as UTC and a problem is reported. Either way the
 * offset is fixed for the whole visit, so a visit spanning a daylight-saving change is off by the
 * change for its later actions.
 *
 * <p>An action without {@code timestamp} gets no time and a problem, and so does an action whose
 * time would fall outside the years 1970 to 9999 (a CRM date column holds no other, and
 * {@code java.time} cannot even represent the extremes of a {@code long}). Pure and thread-safe.
 */
public final class ActionTimeCorrector {

  private static final String PAGE_VIEW = "action";
  private static final int QUARTER_HOUR = 15 * 60;
  private static final int MIN_OFFSET = -12 * 3600;
  private static final int MAX_OFFSET = 14 * 3600;

  /** 1970-01-01T00:00:01Z: the earliest action time kept. */
  static final long EARLIEST_SECOND = 1L;

  /** 9999-12-31T23:59:59Z: the latest action time kept. */
  static final long LATEST_SECOND = 253_402_300_799L;

  /** Any zone's offset lies within 18 hours (java.time's limit): the slack for shifted times. */
  private static final long OFFSET_SLACK = 18L * 3600;

  private ActionTimeCorrector() {}

  /**
   * Corrects the timestamps of every action of a visit.
   *
   * @param visit the visit
   * @param zone the site's time zone, or null when unknown
   * @return one instant per action, how they were found, and the problems met
   */
  public static ActionTimes correct(Visit visit, @Nullable ZoneId zone) {
    return correct(visit, zone, null);
  }

  /**
   * {@link #correct(Visit, ZoneId)} remembering, across the visits of a batch, the stretch of
   * local time around each action in which the zone has one single valid offset (between two
   * transitions, months long): later actions in the stretch skip the zone rules. Same results.
   */
  static ActionTimes correct(Visit visit, @Nullable ZoneId zone, @Nullable ZoneSpans spans) {
    List<VisitAction> actions = visit.actions();
    Instant[] times = new Instant[actions.size()];
    List<String> problems = new ArrayList<>(0);
    boolean anyTimestamp = false;
    for (int i = 0; i < times.length; i++) {
      VisitAction action = actions.get(i);
      OptionalLong timestamp = action.shiftedTimestamp();
      if (timestamp.isEmpty()) {
        problems.add("action #" + i + " (" + action.type() + ") has no timestamp; its time is unknown");
      } else if (!isUsable(timestamp)) {
        problems.add("action #" + i + " (" + action.type() + ") has the timestamp "
            + timestamp.getAsLong() + ", not a time between 1970 and 9999;"
            + " its time is unknown");
      } else {
        anyTimestamp = true;
      }
    }
    if (!anyTimestamp) {
      return new ActionTimes(times, ActionTimes.Method.NO_TIMESTAMPS, null, problems);
    }
    if (zone != null) {
      return inZone(visit, zone, times, problems, spans);
    }
    return withImpliedOffset(visit, times, problems);
  }

  /**
   * Whether the action has a timestamp that can be corrected: one within the years 1970 to 9999,
   * give or take any zone's offset.
   */
  private static boolean isUsable(VisitAction action) {
    return isUsable(action.shiftedTimestamp());
  }

  /** {@link #isUsable(VisitAction)} for a timestamp already read (one read per action). */
  private static boolean isUsable(OptionalLong timestamp) {
    if (timestamp.isEmpty()) {
      return false;
    }
    long shifted = timestamp.getAsLong();
    return shifted >= EARLIEST_SECOND - OFFSET_SLACK && shifted <= LATEST_SECOND + OFFSET_SLACK;
  }

  /** The result, once a time the offset pushed just outside 1970..9999 is made unknown too. */
  private static ActionTimes finish(
      List<VisitAction> actions, Instant[] times, ActionTimes.Method method,
      @Nullable ZoneOffset offset, List<String> problems) {
    for (int i = 0; i < times.length; i++) {
      Instant time = times[i];
      if (time != null && (time.getEpochSecond() < EARLIEST_SECOND || time.getEpochSecond() > LATEST_SECOND)) {
        times[i] = null;
        problems.add("action #" + i + " (" + actions.get(i).type() + ") would happen at " + time
            + ", not between 1970 and 9999; its time is unknown");
      }
    }
    return new ActionTimes(times, method, offset, problems);
  }

  /**
   * The true instant of one shifted timestamp in a zone.
   *
   * @param shiftedTimestamp Matomo's {@code timestamp}: local time written as UTC epoch seconds
   * @param zone the site's zone
   * @param visitStart the visit's true first action time, which settles daylight-saving overlaps
   * @return the instant
   * @throws java.time.DateTimeException when the time lies beyond what {@code java.time} can hold
   *     (about a billion years); {@link #correct} checks the range first
   */
  public static Instant inZone(long shiftedTimestamp, ZoneId zone, Instant visitStart) {
    return Instant.ofEpochSecond(
        trueEpochSecond(shiftedTimestamp, zone.getRules(), visitStart.getEpochSecond(), null, -1, zone));
  }

  /**
   * The offset implied by a visit when its site's zone is unknown: the first page view's shifted
   * timestamp minus the visit's first action time, rounded to the nearest 15 minutes.
   *
   * @param visit the visit
   * @return the offset in seconds, or null when the visit has no page view with a timestamp
   */
  static @Nullable Long impliedOffsetSeconds(Visit visit) {
    for (VisitAction action : visit.actions()) {
      if (PAGE_VIEW.equals(action.type()) && isUsable(action)) {
        long difference = action.shiftedTimestamp().getAsLong() - visit.firstActionTime().getEpochSecond();
        return Math.floorDiv(difference + QUARTER_HOUR / 2, QUARTER_HOUR) * QUARTER_HOUR;
      }
    }
    return null;
  }

  private static ActionTimes inZone(
      Visit visit, ZoneId zone, Instant[] times, List<String> problems, @Nullable ZoneSpans spans) {
    List<VisitAction> actions = visit.actions();
    ZoneRules rules = zone.getRules();
    if (rules.isFixedOffset()) {
      ZoneOffset offset = rules.getOffset(Instant.EPOCH);
      subtract(actions, times, offset.getTotalSeconds());
      return finish(visit.actions(), times, ActionTimes.Method.SITE_ZONE, offset, problems);
    }
    long visitStart = visit.firstActionTime().getEpochSecond();
    ZoneSpans.Span span = spans == null ? null : spans.last(zone);
    for (int i = 0; i < times.length; i++) {
      OptionalLong timestamp = actions.get(i).shiftedTimestamp();
      if (isUsable(timestamp)) {
        long shifted = timestamp.getAsLong();
        if (span == null || !span.contains(shifted)) {
          if (spans != null && (span = ZoneSpans.Span.around(shifted, rules)) != null) {
            spans.remember(zone, span);
          }
        }
        times[i] = Instant.ofEpochSecond(span != null && span.contains(shifted)
            ? shifted - span.offsetSeconds()
            : trueEpochSecond(shifted, rules, visitStart, problems, i, zone));
      }
    }
    return finish(visit.actions(), times, ActionTimes.Method.SITE_ZONE, null, problems);
  }

  private static ActionTimes withImpliedOffset(Visit visit, Instant[] times, List<String> problems) {
    Long implied = impliedOffsetSeconds(visit);
    if (implied == null) {
      problems.add("the site's time zone is unknown and the visit has no page view with a timestamp "
          + "to infer its UTC offset from; action times are taken as UTC");
      subtract(visit.actions(), times, 0);
      return finish(visit.actions(), times, ActionTimes.Method.ASSUMED_UTC, ZoneOffset.UTC, problems);
    }
    if (implied < MIN_OFFSET || implied > MAX_OFFSET) {
      problems.add("the site's time zone is unknown and the first page view implies a UTC offset of "
          + implied + " seconds, outside UTC-12:00..UTC+14:00; action times are taken as UTC");
      subtract(visit.actions(), times, 0);
      return finish(visit.actions(), times, ActionTimes.Method.ASSUMED_UTC, ZoneOffset.UTC, problems);
    }
    ZoneOffset offset = ZoneOffset.ofTotalSeconds(implied.intValue());
    subtract(visit.actions(), times, offset.getTotalSeconds());
    return finish(visit.actions(), times, ActionTimes.Method.IMPLIED_OFFSET, offset, problems);
  }

  private static void subtract(List<VisitAction> actions, Instant[] times, long offsetSeconds) {
    for (int i = 0; i < times.length; i++) {
      OptionalLong timestamp = actions.get(i).shiftedTimestamp();
      if (isUsable(timestamp)) {
        times[i] = Instant.ofEpochSecond(timestamp.getAsLong() - offsetSeconds);
      }
    }
  }

  private static long trueEpochSecond(
      long shifted, ZoneRules rules, long visitStart, @Nullable List<String> problems, int index, ZoneId zone) {
    LocalDateTime local = LocalDateTime.ofEpochSecond(shifted, 0, ZoneOffset.UTC);
    List<ZoneOffset> valid = rules.getValidOffsets(local);
    if (valid.size() == 1) {
      return shifted - valid.get(0).getTotalSeconds();
    }
    ZoneOffsetTransition transition = Objects.requireNonNull(rules.getTransition(local));
    long earlier = shifted - transition.getOffsetBefore().getTotalSeconds();
    if (transition.isGap()) {
      if (problems != null) {
        problems.add("action #" + index + ": local time " + local + " does not exist in " + zone
            + " (daylight-saving gap); moved forward to " + local.plus(transition.getDuration())
            + transition.getOffsetAfter());
      }
      return earlier;
    }
    long later = shifted - transition.getOffsetAfter().getTotalSeconds();
    return earlier >= visitStart ? earlier : later;
  }
}
