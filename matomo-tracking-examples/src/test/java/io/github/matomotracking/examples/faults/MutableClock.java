package io.github.matomotracking.examples.faults;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock the schedule moves: it stands still while the engine runs, and jumps forward when
 * Matomo's table changes (to the change's time), so that every change happens at or after the
 * engine's "now", as on a server whose clock agrees with Matomo's. Thread-safe.
 */
final class MutableClock extends Clock {

  private volatile Instant now;

  MutableClock(Instant start) {
    this.now = start;
  }

  /** Moves the clock forward to {@code time}; an earlier time changes nothing. */
  synchronized void advanceTo(Instant time) {
    if (time.isAfter(now)) {
      now = time;
    }
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the schedule clock is UTC only");
  }
}
