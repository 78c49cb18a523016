package io.github.matomotracking.client;

/** The response did not complete within the request timeout. Retryable. */
public class MatomoRequestTimeoutException extends MatomoTransportException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what went wrong, for people
   * @param httpStatus the HTTP status, or -1 when unknown
   * @param matomoMessage Matomo's message, unescaped, or null
   * @param cause the cause, or null
   */
  public MatomoRequestTimeoutException(String message, int httpStatus, String matomoMessage, Throwable cause) {
    super(message, httpStatus, matomoMessage, cause);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
