package io.github.matomotracking.client;

/**
 * A cap on the request rate, enforced with a token bucket: tokens refill evenly at
 * {@code requestsPerMinute}, at most {@code burst} of them are saved up, and each HTTP request
 * (retries and redirects included) takes one. Matomo Cloud, for example, allows about 200 Live
 * API calls a minute.
 *
 * @param requestsPerMinute sustained requests per minute, at least 1
 * @param burst requests that may go out back to back after a quiet spell, at least 1
 */
public record RateLimit(int requestsPerMinute, int burst) {

  /**
   * Validates the limit.
   *
   * @param requestsPerMinute sustained requests per minute, at least 1
   * @param burst requests that may go out back to back after a quiet spell, at least 1
   * @throws IllegalArgumentException if a value is below 1
   */
  public RateLimit {
    if (requestsPerMinute < 1) {
      throw new IllegalArgumentException("requestsPerMinute must be at least 1, was " + requestsPerMinute);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be at least 1, was " + burst);
    }
  }

  /**
   * Evenly spaced requests, no burst.
   *
   * @param requestsPerMinute sustained requests per minute
   * @return the limit
   */
  public static RateLimit perMinute(int requestsPerMinute) {
    return new RateLimit(requestsPerMinute, 1);
  }
}
