package io.github.matomotracking.client;

/**
 * Matomo answered with a redirect the client does not follow: to another host or port, from
 * HTTPS to plain HTTP, without a {@code Location}, or too many in a row. Nothing (least of all
 * the token) was sent to the redirect's target. Usually the base URL is wrong. Not retryable.
 */
public class MatomoRedirectException extends MatomoException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what went wrong, for people (names the target's origin only)
   * @param httpStatus the redirect's HTTP status
   * @param cause the cause, or null
   */
  public MatomoRedirectException(String message, int httpStatus, Throwable cause) {
    super(message, httpStatus, null, cause);
  }

  @Override
  public boolean isRetryable() {
    return false;
  }
}
