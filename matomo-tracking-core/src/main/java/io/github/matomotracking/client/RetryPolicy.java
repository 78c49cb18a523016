package io.github.matomotracking.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How failed requests are tried again: exponential backoff with (by default) full jitter. The
 * wait before retry {@code n} (1 for the first retry) is a random duration between zero and
 * {@code min(maxDelay, baseDelay * 2^(n-1))}; without jitter it is that cap itself. When the server
 * sent {@code Retry-After}, the wait is at least that long; a {@code Retry-After} longer than
 * {@code maxRetryAfter} is not waited for: the error is thrown instead.
 *
 * <p>Only failures whose exception says {@link MatomoException#isRetryable()} are retried
 * (transport errors, timeouts, HTTP 429 and 5xx, cut responses, "Could not run the query in
 * time."); authentication, access and bad-request errors never are.
 *
 * @param maxAttempts attempts per request, the first included (1 means no retry)
 * @param baseDelay the cap of the first retry's wait
 * @param maxDelay the largest cap
 * @param fullJitter whether waits are drawn at random below the cap
 * @param maxRetryAfter the longest server-requested wait the client accepts
 */
public record RetryPolicy(
    int maxAttempts, Duration baseDelay, Duration maxDelay, boolean fullJitter, Duration maxRetryAfter) {

  /**
   * Validates the policy.
   *
   * @param maxAttempts attempts per request, the first included (1 means no retry)
   * @param baseDelay the cap of the first retry's wait
   * @param maxDelay the largest cap
   * @param fullJitter whether waits are drawn at random below the cap
   * @param maxRetryAfter the longest server-requested wait the client accepts
   * @throws IllegalArgumentException if a value is out of range
   */
  public RetryPolicy {
    Objects.requireNonNull(baseDelay, "baseDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    if (baseDelay.isNegative() || maxDelay.isNegative() || maxRetryAfter.isNegative()) {
      throw new IllegalArgumentException("retry delays must not be negative");
    }
    if (maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException("maxDelay (" + maxDelay + ") is below baseDelay (" + baseDelay + ")");
    }
  }

  /**
   * The default: 4 attempts, waits capped at 1 s, 2 s, 4 s (never above 30 s), full jitter, and
   * server-requested waits up to 2 minutes.
   *
   * @return the default policy
   */
  public static RetryPolicy defaults() {
    return new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30), true, Duration.ofMinutes(2));
  }

  /**
   * No retries at all.
   *
   * @return a policy with one attempt
   */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, false, Duration.ZERO);
  }

  /**
   * This policy with another number of attempts.
   *
   * @param attempts attempts per request, the first included
   * @return the changed policy
   */
  public RetryPolicy withMaxAttempts(int attempts) {
    return new RetryPolicy(attempts, baseDelay, maxDelay, fullJitter, maxRetryAfter);
  }

  /**
   * The cap of the wait before retry {@code retry} (1-based), before jitter.
   *
   * @param retry 1 for the first retry
   * @return {@code min(maxDelay, baseDelay * 2^(retry-1))}
   */
  public Duration capFor(int retry) {
    int shift = Math.min(Math.max(retry - 1, 0), 30);
    long base = baseDelay.toMillis();
    long cap = base > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : base << shift;
    return Duration.ofMillis(Math.min(cap, maxDelay.toMillis()));
  }
}
