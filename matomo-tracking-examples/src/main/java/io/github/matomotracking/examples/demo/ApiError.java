package io.github.matomotracking.examples.demo;

/** An API call Matomo would answer with its error object: the HTTP status and Matomo's message. */
final class ApiError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Matomo's answer to a token that is wrong, or not sent as a POST parameter. */
  static final String BAD_TOKEN = "Unable to authenticate with the provided token. It is either invalid, expired"
      + " or is required to be sent as a POST parameter.";

  private final int status;

  ApiError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  /** An error Matomo 5 sends with HTTP 200 (bad segment, bad date, unknown site ...). */
  static ApiError ok(String message) {
    return new ApiError(200, message);
  }

  int status() {
    return status;
  }
}
