package io.github.matomotracking.mapping;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The corrected times of a visit's actions, as computed by {@link ActionTimeCorrector}: one per
 * entry of {@code actionDetails}, in the same order, with how they were corrected and what went
 * wrong.
 */
public final class ActionTimes {

  /** How the shifted timestamps were turned into instants. */
  public enum Method {
    /** With the site's time zone, daylight saving included. */
    SITE_ZONE,
    /** Zone unknown: with the offset implied by the first page view (see {@link #offset()}). */
    IMPLIED_OFFSET,
    /** Zone unknown and no usable page view: taken as UTC (a problem is reported). */
    ASSUMED_UTC,
    /** No action carries a timestamp: nothing to correct. */
    NO_TIMESTAMPS
  }

  private final Instant[] times;
  private final Method method;
  private final ZoneOffset offset;
  private final List<String> problems;

  ActionTimes(Instant[] times, Method method, ZoneOffset offset, List<String> problems) {
    this.times = times;
    this.method = method;
    this.offset = offset;
    this.problems = List.copyOf(problems);
  }

  /**
   * The true instant of an action.
   *
   * @param index the action's index in the visit's actions
   * @return the instant; empty when the action had no timestamp
   * @throws IndexOutOfBoundsException when there is no such action
   */
  public Optional<Instant> at(int index) {
    return Optional.ofNullable(times[index]);
  }

  /**
   * The number of actions.
   *
   * @return the number of actions
   */
  public int size() {
    return times.length;
  }

  /**
   * How the times were corrected.
   *
   * @return the method
   */
  public Method method() {
    return method;
  }

  /**
   * The single offset that was subtracted from every timestamp, when there was one: the implied
   * offset, UTC when assumed, or the zone's offset when the zone has a fixed offset.
   *
   * @return the offset, or empty when it varied with daylight saving or nothing was corrected
   */
  public Optional<ZoneOffset> offset() {
    return Optional.ofNullable(offset);
  }

  /**
   * What could not be corrected exactly, one sentence each, naming the action.
   *
   * @return the problems (an unmodifiable list)
   */
  public List<String> problems() {
    return problems;
  }
}
