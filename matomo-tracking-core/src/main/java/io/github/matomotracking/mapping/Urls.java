package io.github.matomotracking.mapping;

import java.util.Optional;

/**
 * Cheap URL text helpers for the mapping hot path: plain character scans, no
 * {@code java.net.URI}, no regular expressions, no decoding. They never fail: text that is not
 * a URL is handled as described on each method.
 *
 * <p>A URL is <em>absolute</em> when it starts with a scheme followed by {@code ://}
 * ({@code https://example.com/}, {@code android-app://...}); a scheme is a letter followed by
 * letters, digits, {@code +}, {@code -} or {@code .}.
 */
public final class Urls {

  private static final String WWW = "www.";

  private Urls() {}

  /**
   * Whether the text is an absolute URL ({@code scheme://...}).
   *
   * @param url the text
   * @return true for {@code scheme://...}
   */
  public static boolean isAbsolute(String url) {
    return authorityStart(url) >= 0;
  }

  /**
   * The URL without its query string (domain.md: "URL without its query string"): the text from
   * the first {@code ?} up to the fragment is removed, a fragment ({@code #...}) is kept
   * ({@code https://example.com/a?b=c#top} gives {@code https://example.com/a#top}, so
   * single-page-application routes such as {@code /#/pricing} stay apart). A {@code ?} after the
   * {@code #} belongs to the fragment. Text without a query string is returned as it is (the same
   * instance).
   *
   * @param url the text
   * @return the text without its query string
   */
  public static String withoutQuery(String url) {
    int end = queryStart(url, 0);
    if (end == url.length() || url.charAt(end) == '#') {
      return url;
    }
    int fragment = url.indexOf('#', end);
    return fragment < 0 ? url.substring(0, end) : url.substring(0, end) + url.substring(fragment);
  }

  /**
   * The host of an absolute URL: the authority without user information, port and a trailing
   * dot, as written (not lower-cased). IPv6 literals keep their brackets.
   *
   * @param url the text
   * @return the host, empty when the text is not absolute or its host is empty
   */
  public static Optional<String> host(String url) {
    String host = hostOrNull(url);
    return host == null || host.isEmpty() ? Optional.empty() : Optional.of(host);
  }

  /**
   * A readable name for a page: its host without a leading {@code www.} followed by its path,
   * without query string and fragment ({@code https://www.example.com/pricing?x=1} gives
   * {@code example.com/pricing}; the root page {@code https://example.com/} gives
   * {@code example.com/}). Text that is not an absolute URL gives the text without query string
   * and fragment, without a leading {@code www.}.
   *
   * @param url the page URL
   * @return the name, possibly empty
   */
  public static String pageName(String url) {
    int start = authorityStart(url);
    if (start < 0) {
      return stripWww(withoutQuery(url));
    }
    int authorityEnd = authorityEnd(url, start);
    int hostStart = hostStart(url, start, authorityEnd);
    int hostEnd = hostEnd(url, hostStart, authorityEnd);
    if (hostEnd - hostStart > WWW.length() && url.regionMatches(true, hostStart, WWW, 0, WWW.length())) {
      hostStart += WWW.length();
    }
    int pathEnd = queryStart(url, authorityEnd);
    String host = url.substring(hostStart, hostEnd);
    return authorityEnd == pathEnd ? host : host + url.substring(authorityEnd, pathEnd);
  }

  /**
   * Whether the URL's query string has the parameter with a non-empty value. Names match
   * exactly; values are not decoded.
   *
   * @param url the URL (or any text)
   * @param name the parameter name, such as {@code gclid}
   * @return true when {@code name=value} is in the query string
   */
  public static boolean hasQueryParameter(String url, String name) {
    int question = url.indexOf('?');
    if (question < 0 || name.isEmpty()) {
      return false;
    }
    int end = url.indexOf('#', question);
    if (end < 0) {
      end = url.length();
    }
    int start = question + 1;
    while (start < end) {
      int amp = url.indexOf('&', start);
      if (amp < 0 || amp > end) {
        amp = end;
      }
      int equals = start + name.length();
      if (equals + 1 < amp && url.charAt(equals) == '=' && url.startsWith(name, start)) {
        return true;
      }
      start = amp + 1;
    }
    return false;
  }

  /** The host of an absolute URL ("" when empty), or null when the text is not absolute. */
  static String hostOrNull(String url) {
    int start = authorityStart(url);
    if (start < 0) {
      return null;
    }
    int authorityEnd = authorityEnd(url, start);
    int hostStart = hostStart(url, start, authorityEnd);
    return url.substring(hostStart, hostEnd(url, hostStart, authorityEnd));
  }

  /** Index just after {@code ://} when the text starts with a scheme, else -1. */
  static int authorityStart(String url) {
    int length = url.length();
    if (length == 0 || !isAsciiLetter(url.charAt(0))) {
      return -1;
    }
    for (int i = 1; i < length; i++) {
      char c = url.charAt(i);
      if (c == ':') {
        return i + 2 < length && url.charAt(i + 1) == '/' && url.charAt(i + 2) == '/' ? i + 3 : -1;
      }
      if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
        return -1;
      }
    }
    return -1;
  }

  private static int authorityEnd(String url, int from) {
    int length = url.length();
    for (int i = from; i < length; i++) {
      char c = url.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        return i;
      }
    }
    return length;
  }

  private static int queryStart(String url, int from) {
    int length = url.length();
    for (int i = from; i < length; i++) {
      char c = url.charAt(i);
      if (c == '?' || c == '#') {
        return i;
      }
    }
    return length;
  }

  private static int hostStart(String url, int authorityStart, int authorityEnd) {
    for (int i = authorityEnd - 1; i >= authorityStart; i--) {
      if (url.charAt(i) == '@') {
        return i + 1;
      }
    }
    return authorityStart;
  }

  private static int hostEnd(String url, int hostStart, int authorityEnd) {
    int end = authorityEnd;
    if (hostStart < authorityEnd && url.charAt(hostStart) == '[') {
      int close = url.indexOf(']', hostStart);
      if (close >= 0 && close < authorityEnd) {
        end = close + 1;
      }
    } else {
      int colon = url.indexOf(':', hostStart);
      if (colon >= 0 && colon < authorityEnd) {
        end = colon;
      }
    }
    if (end > hostStart && url.charAt(end - 1) == '.') {
      end--;
    }
    return end;
  }

  private static String stripWww(String text) {
    return text.length() > WWW.length() && text.regionMatches(true, 0, WWW, 0, WWW.length())
        ? text.substring(WWW.length())
        : text;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
