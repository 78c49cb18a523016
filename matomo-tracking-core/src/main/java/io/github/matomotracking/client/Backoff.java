package io.github.matomotracking.client;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/** Decides whether and after how long a failed request is tried again (see {@link RetryPolicy}). */
final class Backoff {

  private final RetryPolicy policy;
  private final DoubleSupplier jitter;

  Backoff(RetryPolicy policy, DoubleSupplier jitter) {
    this.policy = policy;
    this.jitter = jitter;
  }

  /**
   * The wait before the next attempt, or empty when the failure must be thrown.
   *
   * @param failedAttempt the attempt that just failed, 1 for the first
   * @param cause why it failed
   */
  Optional<Duration> delayAfter(int failedAttempt, MatomoException cause) {
    if (!cause.isRetryable() || failedAttempt >= policy.maxAttempts() || Thread.currentThread().isInterrupted()) {
      return Optional.empty();
    }
    Duration cap = policy.capFor(failedAttempt);
    Duration delay = policy.fullJitter()
        ? Duration.ofMillis((long) Math.floor(cap.toMillis() * clampUnit(jitter.getAsDouble())))
        : cap;
    if (cause instanceof MatomoServerException) {
      Optional<Duration> retryAfter = ((MatomoServerException) cause).retryAfter();
      if (retryAfter.isPresent()) {
        if (retryAfter.get().compareTo(policy.maxRetryAfter()) > 0) {
          return Optional.empty();
        }
        if (retryAfter.get().compareTo(delay) > 0) {
          delay = retryAfter.get();
        }
      }
    }
    return Optional.of(delay);
  }

  private static double clampUnit(double value) {
    if (!(value >= 0)) {
      return 0;
    }
    return Math.min(value, 1);
  }
}
