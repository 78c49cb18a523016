package io.github.matomotracking.client;

import io.github.matomotracking.model.ImmutableVisitWarning;
import io.github.matomotracking.model.VisitWarning;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Masks this client's own token, and any piece of it of {@value #MIN_PIECE} characters or more,
 * in text that came from the server: a proxy page, a plugin error or a hostile server may echo
 * the request body, or the token, back into an error message. {@link SafeText} already masks
 * anything that looks like a Matomo token (32 hex characters); this catches the configured token
 * whatever it looks like, in each form it travels or may be echoed in (as is, form- and
 * percent-encoded, HTML- and JSON-escaped), and the pieces left when a message was cut.
 */
final class TokenScrubber {

  /** The shortest piece of the token that is masked. */
  static final int MIN_PIECE = 8;

  private final List<String> forms;
  private final Set<String> pieces = new HashSet<>();

  TokenScrubber(MatomoToken token) {
    String value = token.reveal();
    Set<String> all = new LinkedHashSet<>();
    all.add(value);
    all.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
    String percent = SegmentBuilder.percentEncode(value);
    all.add(percent);
    all.add(percent.toLowerCase(Locale.ROOT));
    all.add(value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&#039;"));
    all.add(jsonEscaped(value));
    this.forms = List.copyOf(all);
    for (String form : forms) {
      for (int i = 0; i + MIN_PIECE <= form.length(); i++) {
        pieces.add(form.substring(i, i + MIN_PIECE));
      }
    }
  }

  /**
   * The text with every run of characters that is part of a token form, {@value #MIN_PIECE}
   * characters or longer, replaced by {@value SafeText#MASK}.
   *
   * @param text any text, or null
   * @return the masked text (the same instance when nothing was found); null stays null
   */
  String scrub(String text) {
    if (text == null || text.length() < MIN_PIECE || pieces.isEmpty()) {
      return text;
    }
    StringBuilder out = null;
    int copied = 0;
    int i = 0;
    while (i + MIN_PIECE <= text.length()) {
      if (!pieces.contains(text.substring(i, i + MIN_PIECE))) {
        i++;
        continue;
      }
      int end = i + MIN_PIECE;
      while (end < text.length() && isPartOfAForm(text.substring(i, end + 1))) {
        end++;
      }
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, copied, i).append(SafeText.MASK);
      copied = end;
      i = end;
    }
    return out == null ? text : out.append(text, copied, text.length()).toString();
  }

  /**
   * The exception itself when none of its texts holds a piece of the token; otherwise the same
   * kind of exception with masked message and Matomo message, its cause dropped if the cause's
   * texts hold a piece too.
   *
   * @param failure the exception
   * @return a safe exception of the same type
   */
  MatomoException scrub(MatomoException failure) {
    String message = scrub(failure.getMessage());
    String matomoMessage = scrub(failure.matomoMessage().orElse(null));
    Throwable cause = failure.getCause();
    boolean causeLeaks = causeLeaks(cause);
    if (message == failure.getMessage() && matomoMessage == failure.matomoMessage().orElse(null) && !causeLeaks) {
      return failure;
    }
    MatomoException safe = rebuild(failure, message, matomoMessage, causeLeaks ? null : cause);
    safe.setStackTrace(failure.getStackTrace());
    for (Throwable suppressed : failure.getSuppressed()) {
      safe.addSuppressed(suppressed);
    }
    return safe;
  }

  /**
   * The warning with its message masked.
   *
   * @param warning a reader warning
   * @return the same warning when nothing was masked
   */
  VisitWarning scrub(VisitWarning warning) {
    String message = scrub(warning.message());
    return message == warning.message() ? warning : ImmutableVisitWarning.copyOf(warning).withMessage(message);
  }

  private boolean isPartOfAForm(String candidate) {
    for (String form : forms) {
      if (form.contains(candidate)) {
        return true;
      }
    }
    return false;
  }

  private boolean causeLeaks(Throwable cause) {
    List<Throwable> seen = new ArrayList<>();
    for (Throwable t = cause; t != null && !seen.contains(t); t = t.getCause()) {
      seen.add(t);
      String text = String.valueOf(t.getMessage());
      if (scrub(text) != text) {
        return true;
      }
    }
    return false;
  }

  private static MatomoException rebuild(MatomoException e, String message, String matomoMessage, Throwable cause) {
    int status = e.httpStatus().orElse(-1);
    if (e instanceof MatomoTruncatedResponseException) {
      return new MatomoTruncatedResponseException(
          message, status, ((MatomoTruncatedResponseException) e).visitsRead(), cause);
    }
    if (e instanceof MatomoUnreadableResponseException) {
      return new MatomoUnreadableResponseException(message, status, matomoMessage, cause);
    }
    if (e instanceof MatomoConnectTimeoutException) {
      return new MatomoConnectTimeoutException(message, status, matomoMessage, cause);
    }
    if (e instanceof MatomoRequestTimeoutException) {
      return new MatomoRequestTimeoutException(message, status, matomoMessage, cause);
    }
    if (e instanceof MatomoTransportException) {
      return new MatomoTransportException(message, status, matomoMessage, cause);
    }
    if (e instanceof MatomoServerException) {
      return new MatomoServerException(
          message, status, matomoMessage, ((MatomoServerException) e).retryAfter().orElse(null), cause);
    }
    if (e instanceof MatomoAuthenticationException) {
      return new MatomoAuthenticationException(message, status, matomoMessage, cause);
    }
    if (e instanceof MatomoAccessDeniedException) {
      return new MatomoAccessDeniedException(message, status, matomoMessage, cause);
    }
    if (e instanceof MatomoRedirectException) {
      return new MatomoRedirectException(message, status, cause);
    }
    return new MatomoBadRequestException(message, status, matomoMessage, cause);
  }

  private static String jsonEscaped(String value) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\' || c == '/') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7E) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
