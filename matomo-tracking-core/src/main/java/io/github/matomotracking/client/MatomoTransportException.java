package io.github.matomotracking.client;

/** The request did not get a complete answer: connection refused or reset, I/O failure, timeout. Retryable. */
public class MatomoTransportException extends MatomoException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what went wrong, for people
   * @param httpStatus the HTTP status, or -1 when unknown
   * @param matomoMessage Matomo's message, unescaped, or null
   * @param cause the cause, or null
   */
  public MatomoTransportException(String message, int httpStatus, String matomoMessage, Throwable cause) {
    super(message, httpStatus, matomoMessage, cause);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
