package io.github.matomotracking.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock the test sets; it never moves by itself. */
public final class TestClock extends Clock {

  private final AtomicReference<Instant> now;

  /**
   * A clock at an instant.
   *
   * @param start the instant
   */
  public TestClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  /**
   * Sets the time.
   *
   * @param instant the new time
   */
  public void set(Instant instant) {
    now.set(instant);
  }

  /**
   * Moves the time forward (or back, for a negative amount).
   *
   * @param by how far
   */
  public void advance(Duration by) {
    now.updateAndGet(instant -> instant.plus(by));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
