// TEMPORARY: replaced by the reader branch at merge
package io.github.matomotracking.client;

import java.util.Locale;

/** Turns a Matomo error object into the matching exception (temporary, minimal). */
public final class MatomoErrors {

  private MatomoErrors() {}

  /**
   * The exception for Matomo's {@code {"result":"error","message":...}}.
   *
   * @param status the HTTP status the error came with, or -1
   * @param message Matomo's message (may be HTML-escaped)
   * @return the typed exception (not thrown)
   */
  public static MatomoException fromErrorBody(int status, String message) {
    String text = unescape(message == null ? "" : message);
    String lower = text.toLowerCase(Locale.ROOT);
    String what = "Matomo answered with an error: " + text;
    if (lower.contains("could not run the query in time")
        || lower.contains("maximum execution time")) {
      return new MatomoServerException(what, status, text, null, null);
    }
    if (lower.contains("unable to authenticate") || lower.contains("token_auth")) {
      return new MatomoAuthenticationException(what, status, text, null);
    }
    if (lower.contains("access") && (lower.contains("you can't") || lower.contains("requires"))) {
      return new MatomoAccessDeniedException(what, status, text, null);
    }
    if (status == 401) {
      return new MatomoAuthenticationException(what, status, text, null);
    }
    if (status == 403) {
      return new MatomoAccessDeniedException(what, status, text, null);
    }
    if (status == 429 || status >= 500) {
      return new MatomoServerException(what, status, text, null, null);
    }
    return new MatomoBadRequestException(what, status, text, null);
  }

  private static String unescape(String text) {
    return text.replace("&quot;", "\"")
        .replace("&#039;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }
}
