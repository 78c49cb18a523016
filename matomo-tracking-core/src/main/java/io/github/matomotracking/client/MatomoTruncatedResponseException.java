package io.github.matomotracking.client;

/**
 * The response ended in the middle of the JSON: the connection dropped or a proxy cut it. The
 * visits read before the cut were handed over; {@link #visitsRead()} says how many. Retryable.
 */
public class MatomoTruncatedResponseException extends MatomoUnreadableResponseException {

  private static final long serialVersionUID = 1L;

  private final int visitsRead;

  /**
   * @param message what went wrong, for people
   * @param httpStatus the HTTP status, or -1 when unknown
   * @param visitsRead complete visits read before the cut
   * @param cause the cause, or null
   */
  public MatomoTruncatedResponseException(
      String message, int httpStatus, int visitsRead, Throwable cause) {
    super(message, httpStatus, null, cause);
    this.visitsRead = visitsRead;
  }

  /** Complete visits read (and handed over) before the response was cut. */
  public int visitsRead() {
    return visitsRead;
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
