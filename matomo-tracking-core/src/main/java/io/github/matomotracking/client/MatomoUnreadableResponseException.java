package io.github.matomotracking.client;

/** The response is not a Live.getLastVisitsDetails answer: HTML (often a login page), malformed JSON, or JSON of another shape. */
public class MatomoUnreadableResponseException extends MatomoException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what went wrong, for people
   * @param httpStatus the HTTP status, or -1 when unknown
   * @param matomoMessage Matomo's message, unescaped, or null
   * @param cause the cause, or null
   */
  public MatomoUnreadableResponseException(String message, int httpStatus, String matomoMessage, Throwable cause) {
    super(message, httpStatus, matomoMessage, cause);
  }

  @Override
  public boolean isRetryable() {
    return false;
  }
}
