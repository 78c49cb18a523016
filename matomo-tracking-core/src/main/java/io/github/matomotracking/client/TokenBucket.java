package io.github.matomotracking.client;

import java.time.Clock;
import java.time.Duration;

/**
 * The request-rate limiter: a token bucket refilled evenly at the configured rate, holding at
 * most {@code burst} tokens. A caller that finds the bucket empty reserves the next token and
 * sleeps (outside the lock) until it is due, so waiting callers are served in turn.
 */
final class TokenBucket {

  private final double tokensPerMilli;
  private final double capacity;
  private final Clock clock;
  private final Sleeper sleeper;
  private double tokens;
  private long lastRefill;

  TokenBucket(RateLimit limit, Clock clock, Sleeper sleeper) {
    this.tokensPerMilli = limit.requestsPerMinute() / 60_000.0;
    this.capacity = limit.burst();
    this.clock = clock;
    this.sleeper = sleeper;
    this.tokens = capacity;
    this.lastRefill = clock.millis();
  }

  /** Takes one token, waiting for it when needed. */
  void acquire() throws InterruptedException {
    Duration wait = reserve();
    if (!wait.isZero()) {
      sleeper.sleep(wait);
    }
  }

  /** Takes a token now (possibly going into debt) and says how long to wait before using it. */
  synchronized Duration reserve() {
    long now = clock.millis();
    if (now > lastRefill) {
      tokens = Math.min(capacity, tokens + (now - lastRefill) * tokensPerMilli);
      lastRefill = now;
    }
    tokens -= 1;
    if (tokens >= 0) {
      return Duration.ZERO;
    }
    return Duration.ofMillis((long) Math.ceil(-tokens / tokensPerMilli));
  }
}
