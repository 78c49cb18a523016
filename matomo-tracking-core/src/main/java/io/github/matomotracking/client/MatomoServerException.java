package io.github.matomotracking.client;

import java.time.Duration;
import java.util.Optional;

/**
 * Matomo failed or is busy: HTTP 5xx, 429, or Matomo's "Could not run the query in time.".
 * Retryable; {@link #retryAfter()} carries the server's {@code Retry-After} when it sent one.
 */
public class MatomoServerException extends MatomoException {

  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  /**
   * @param message what went wrong, for people
   * @param httpStatus the HTTP status, or -1 when unknown
   * @param matomoMessage Matomo's message, unescaped, or null
   * @param retryAfter the server's requested wait, or null
   * @param cause the cause, or null
   */
  public MatomoServerException(
      String message, int httpStatus, String matomoMessage, Duration retryAfter, Throwable cause) {
    super(message, httpStatus, matomoMessage, cause);
    this.retryAfter = retryAfter;
  }

  /** How long the server asked to wait before trying again. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
