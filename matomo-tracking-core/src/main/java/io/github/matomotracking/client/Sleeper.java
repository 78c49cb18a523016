package io.github.matomotracking.client;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits. The client waits only through this (retry backoff, rate limiting), so tests can pass a
 * sleeper that records the wait instead of taking it.
 */
@FunctionalInterface
public interface Sleeper {

  /** Sleeps on the calling thread. */
  Sleeper SYSTEM = duration -> TimeUnit.NANOSECONDS.sleep(Math.max(0, duration.toNanos()));

  /**
   * Waits for {@code duration}.
   *
   * @param duration how long; zero or negative returns at once
   * @throws InterruptedException if the thread was interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;
}
