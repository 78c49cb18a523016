package io.github.matomotracking.client;

import io.github.matomotracking.model.Nullable;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns Matomo's error answers into the library's exceptions. Matomo's JSON error
 * {@code {"result":"error","message":"..."}} comes with HTTP 200 for most errors (always on
 * Matomo 4), so the message text decides first and the status only when the text is not known:
 *
 * <ul>
 *   <li>the token was refused ("Unable to authenticate with the provided token", an invalid
 *       {@code token_auth}, "You must be logged in", or HTTP 401 with other text) &rarr;
 *       {@link MatomoAuthenticationException};
 *   <li>Matomo is busy or failing ("Could not run the query in time.", older "The query took too
 *       long to execute.", MySQL's "Query execution was interrupted" / "maximum statement
 *       execution time exceeded" / {@code max_execution_time} / {@code max_statement_time},
 *       "MySQL server has gone away", lock wait timeouts, deadlocks, too many connections or
 *       requests, or HTTP 429 / 5xx with other text) &rarr; {@link MatomoServerException},
 *       retryable;
 *   <li>the token lacks access ("You can't access this resource", "requires 'view' access",
 *       "requires 'admin' access", "not allowed to", or HTTP 403 with other text) &rarr;
 *       {@link MatomoAccessDeniedException};
 *   <li>anything else, for example a bad segment, a bad date or "Visits log is deactivated"
 *       &rarr; {@link MatomoBadRequestException}.
 * </ul>
 *
 * <p>Stateless and thread-safe. Runs of 32 or more hex characters in Matomo's message are masked,
 * since they could be a token.
 */
public final class MatomoErrors {

  private static final String[] AUTHENTICATION_TEXTS = {
    "unable to authenticate",
    "token is not valid",
    "you must be logged in",
    "your session has expired",
  };

  private static final String[] SERVER_BUSY_TEXTS = {
    "could not run the query in time",
    "the query took too long to execute",
    "query execution was interrupted",
    "maximum statement execution time exceeded",
    "max_execution_time",
    "max_statement_time",
    "sort aborted",
    "server has gone away",
    "lock wait timeout exceeded",
    "deadlock found",
    "too many connections",
    "too many requests",
  };

  private static final String[] ACCESS_TEXTS = {
    "access this resource",
    "requires 'view' access",
    "requires 'write' access",
    "requires 'admin' access",
    "requires 'superuser' access",
    "not allowed to",
  };

  private MatomoErrors() {}

  /**
   * The exception for a Matomo error body, without a {@code Retry-After}.
   *
   * @param httpStatus the HTTP status the body came with, or -1 when there was none
   * @param unescapedMessage Matomo's {@code message} with HTML entities already decoded (see
   *     {@link #unescapeHtml(String)}), or null when the body had none
   * @return the typed exception, to be thrown by the caller
   */
  public static MatomoException fromErrorBody(int httpStatus, @Nullable String unescapedMessage) {
    return fromErrorBody(httpStatus, unescapedMessage, null);
  }

  /**
   * The exception for a Matomo error body.
   *
   * @param httpStatus the HTTP status the body came with, or -1 when there was none
   * @param unescapedMessage Matomo's {@code message} with HTML entities already decoded, or null
   * @param retryAfter the server's {@code Retry-After}, or null; kept only on a {@link
   *     MatomoServerException}
   * @return the typed exception, to be thrown by the caller
   */
  public static MatomoException fromErrorBody(
      int httpStatus, @Nullable String unescapedMessage, @Nullable Duration retryAfter) {
    String matomoMessage = SafeText.maskSecrets(blankToNull(unescapedMessage));
    String shown = matomoMessage == null ? "(Matomo sent no message)" : matomoMessage;
    String status = httpStatus < 0 ? "" : " (HTTP " + httpStatus + ")";
    String text = matomoMessage == null ? "" : matomoMessage.toLowerCase(Locale.ROOT);
    if (containsAny(text, AUTHENTICATION_TEXTS) || mentionsInvalidToken(text)) {
      return authentication(httpStatus, matomoMessage, status, shown);
    }
    if (containsAny(text, SERVER_BUSY_TEXTS)) {
      return server(httpStatus, matomoMessage, status, shown, retryAfter);
    }
    if (containsAny(text, ACCESS_TEXTS)) {
      return access(httpStatus, matomoMessage, status, shown);
    }
    if (httpStatus == 401) {
      return authentication(httpStatus, matomoMessage, status, shown);
    }
    if (httpStatus == 403) {
      return access(httpStatus, matomoMessage, status, shown);
    }
    if (isServerStatus(httpStatus)) {
      return server(httpStatus, matomoMessage, status, shown, retryAfter);
    }
    return new MatomoBadRequestException(
        "Matomo rejected the request" + status + ": " + shown, httpStatus, matomoMessage, null);
  }

  /**
   * The exception an HTTP status alone calls for, for a body that is not a Matomo answer (an HTML
   * error page from a proxy, for example): 401 &rarr; authentication, 403 &rarr; access, 429 and
   * 5xx &rarr; server (retryable). Other statuses give nothing: the body then decides.
   *
   * @param httpStatus the HTTP status
   * @param description what the body was, for people (no token in it)
   * @param retryAfter the server's {@code Retry-After}, or null
   * @return the exception, or empty when the status alone says nothing
   */
  public static Optional<MatomoException> fromHttpStatus(
      int httpStatus, String description, @Nullable Duration retryAfter) {
    String prefix = "HTTP " + httpStatus + ": ";
    if (httpStatus == 401) {
      return Optional.of(
          new MatomoAuthenticationException(
              prefix + "Matomo (or a proxy in front of it) refused the credentials. " + description,
              httpStatus,
              null,
              null));
    }
    if (httpStatus == 403) {
      return Optional.of(
          new MatomoAccessDeniedException(
              prefix + "access forbidden. " + description, httpStatus, null, null));
    }
    if (isServerStatus(httpStatus)) {
      return Optional.of(
          new MatomoServerException(
              prefix + "Matomo is failing or busy; try again later. " + description,
              httpStatus,
              null,
              retryAfter,
              null));
    }
    return Optional.empty();
  }

  /**
   * Decodes the HTML entities Matomo writes into messages: {@code &amp; &lt; &gt; &quot; &apos;
   * &nbsp;} and numeric ones such as {@code &#039;} or {@code &#x27;}. One pass only, so
   * {@code &amp;lt;} becomes {@code &lt;}; unknown entities stay as written.
   *
   * @param text the escaped text, or null
   * @return the decoded text, or null for null
   */
  public static @Nullable String unescapeHtml(@Nullable String text) {
    return HtmlEntities.decode(text);
  }

  private static MatomoException authentication(
      int httpStatus, String matomoMessage, String status, String shown) {
    return new MatomoAuthenticationException(
        "Matomo did not accept the token" + status + ": " + shown,
        httpStatus,
        matomoMessage,
        null);
  }

  private static MatomoException access(
      int httpStatus, String matomoMessage, String status, String shown) {
    return new MatomoAccessDeniedException(
        "The token has no access to the requested site or method" + status + ": " + shown,
        httpStatus,
        matomoMessage,
        null);
  }

  private static MatomoException server(
      int httpStatus, String matomoMessage, String status, String shown, Duration retryAfter) {
    return new MatomoServerException(
        "Matomo could not answer now; try again later" + status + ": " + shown,
        httpStatus,
        matomoMessage,
        retryAfter,
        null);
  }

  private static boolean isServerStatus(int httpStatus) {
    return httpStatus == 429 || (httpStatus >= 500 && httpStatus <= 599);
  }

  private static boolean mentionsInvalidToken(String text) {
    return text.contains("token_auth")
        && (text.contains("invalid")
            || text.contains("not valid")
            || text.contains("expired")
            || text.contains("wrong"));
  }

  private static boolean containsAny(String text, String[] needles) {
    for (String needle : needles) {
      if (text.contains(needle)) {
        return true;
      }
    }
    return false;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
