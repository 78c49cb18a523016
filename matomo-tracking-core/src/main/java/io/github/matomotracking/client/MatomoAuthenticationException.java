package io.github.matomotracking.client;

/** Matomo did not accept the token (wrong, expired, or not sent as a POST parameter). Not retryable. */
public class MatomoAuthenticationException extends MatomoException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what went wrong, for people
   * @param httpStatus the HTTP status, or -1 when unknown
   * @param matomoMessage Matomo's message, unescaped, or null
   * @param cause the cause, or null
   */
  public MatomoAuthenticationException(String message, int httpStatus, String matomoMessage, Throwable cause) {
    super(message, httpStatus, matomoMessage, cause);
  }

  @Override
  public boolean isRetryable() {
    return false;
  }
}
