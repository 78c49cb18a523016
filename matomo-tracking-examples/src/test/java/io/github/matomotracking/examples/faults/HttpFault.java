package io.github.matomotracking.examples.faults;

import java.util.Locale;

/**
 * One fault the {@link FaultProxy} puts into the answer to one request: which kind, and where in
 * the answer it strikes.
 *
 * @param kind what goes wrong
 * @param position where in the answer, as a fraction from 0 (inclusive) to 1 (exclusive) of the
 *     part the kind cuts (the whole wire bytes, or the body); drawn once when the schedule is
 *     made, so a replay cuts at the same byte
 * @param retryAfterSeconds the {@code Retry-After} of a 429 or 503 in seconds (negative: none)
 * @param retryAfterAsDate whether the {@code Retry-After} is sent as an HTTP date
 * @param refusals for {@link Kind#REFUSE}: how many client requests find the port closed
 */
record HttpFault(Kind kind, double position, int retryAfterSeconds, boolean retryAfterAsDate,
    int refusals) {

  /** What goes wrong. */
  enum Kind {
    /** After this answer the port is closed; the next {@code refusals} requests are refused. */
    REFUSE,
    /** The connection is reset (RST) after {@code position} of the answer's bytes. */
    RESET,
    /** The connection is closed (FIN) after {@code position} of the answer's bytes. */
    CLOSE,
    /** HTTP 500 with a PHP error page. */
    HTTP_500,
    /** HTTP 502 with a proxy's page. */
    HTTP_502,
    /** HTTP 503, with or without {@code Retry-After}. */
    HTTP_503,
    /** HTTP 429 with {@code Retry-After}. */
    HTTP_429,
    /** HTTP 200 with Matomo's "Could not run the query in time." error object. */
    QUERY_TIMEOUT,
    /** HTTP 200 with an HTML page (a login page) instead of JSON. */
    HTML_PAGE,
    /** The body cut inside a visit object, the HTTP message itself complete. */
    TRUNCATED_MID_VISIT,
    /** The answer stops after {@code position} of its bytes for longer than the read timeout. */
    STALL;

    /** The name used in reports: lower case with dashes. */
    String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** A fault without the parameters only some kinds use. */
  static HttpFault of(Kind kind, double position) {
    return new HttpFault(kind, position, -1, false, 0);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(kind.label());
    switch (kind) {
      case RESET, CLOSE, STALL, TRUNCATED_MID_VISIT ->
          text.append(String.format(Locale.ROOT, "@%.3f", position));
      case REFUSE -> text.append(" x").append(refusals);
      case HTTP_429, HTTP_503 -> {
        if (retryAfterSeconds >= 0) {
          text.append(" Retry-After ").append(retryAfterSeconds).append(" s")
              .append(retryAfterAsDate ? " as date" : "");
        }
      }
      default -> { }
    }
    return text.toString();
  }
}
