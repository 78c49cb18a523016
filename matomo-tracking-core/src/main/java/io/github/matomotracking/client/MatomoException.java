package io.github.matomotracking.client;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Root of the library's unchecked exceptions about talking to Matomo. Each says whether trying
 * again can help, the HTTP status when there was one, and Matomo's own (unescaped) message when
 * Matomo sent one. No message ever contains the token.
 */
public abstract class MatomoException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final String matomoMessage;

  /**
   * @param message what went wrong, for people
   * @param httpStatus the HTTP status, or -1 when unknown
   * @param matomoMessage Matomo's message, unescaped, or null
   * @param cause the cause, or null
   */
  protected MatomoException(String message, int httpStatus, String matomoMessage, Throwable cause) {
    super(message, cause);
    this.httpStatus = httpStatus;
    this.matomoMessage = matomoMessage;
  }

  /** The HTTP status of the response, when there was a response. */
  public OptionalInt httpStatus() {
    return httpStatus < 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
  }

  /** Matomo's own error message (HTML entities decoded), when Matomo sent one. */
  public Optional<String> matomoMessage() {
    return Optional.ofNullable(matomoMessage);
  }

  /** Whether the same request may succeed if tried again later. */
  public abstract boolean isRetryable();
}
