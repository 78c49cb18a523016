package io.github.matomotracking.client;

/**
 * Decodes the HTML entities Matomo puts into its error messages ({@code &#039;} for an
 * apostrophe, {@code &amp;}, {@code &quot;} ...), in one pass: {@code &amp;lt;} becomes
 * {@code &lt;}, not {@code <}. Unknown or broken entities stay as they are.
 */
final class HtmlEntities {

  private static final int LONGEST_NAMED = "&quot;".length();
  private static final int LONGEST_NUMERIC = "&#x10FFFF;".length();

  private HtmlEntities() {}

  /**
   * Decodes the named entities {@code amp lt gt quot apos nbsp} and every numeric one
   * ({@code &#39;}, {@code &#x27;}).
   *
   * @param text text with entities, or null
   * @return the decoded text (null stays null)
   */
  static String decode(String text) {
    if (text == null || text.indexOf('&') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '&') {
        int semicolon = semicolonWithin(text, i + 2, i + LONGEST_NUMERIC);
        if (semicolon > 0) {
          int codePoint = decodeOne(text, i + 1, semicolon);
          if (codePoint >= 0) {
            out.appendCodePoint(codePoint);
            i = semicolon + 1;
            continue;
          }
        }
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  /**
   * The first ';' from {@code from} before {@code limit}, or -1. The search stops at the longest
   * entity: searching the whole rest of the text for every '&' made a message of many '&' and no
   * ';' take quadratic time (a 2 MB message hung the reader).
   */
  private static int semicolonWithin(String text, int from, int limit) {
    int end = Math.min(limit, text.length());
    for (int i = from; i < end; i++) {
      if (text.charAt(i) == ';') {
        return i;
      }
    }
    return -1;
  }

  /** The code point of the entity between '&' and ';' (exclusive), or -1 if it is not one. */
  private static int decodeOne(String text, int from, int to) {
    if (text.charAt(from) == '#') {
      return numeric(text, from + 1, to);
    }
    if (to - from + 2 > LONGEST_NAMED) {
      return -1;
    }
    switch (text.substring(from, to)) {
      case "amp":
        return '&';
      case "lt":
        return '<';
      case "gt":
        return '>';
      case "quot":
        return '"';
      case "apos":
        return '\'';
      case "nbsp":
        return '\u00A0';
      default:
        return -1;
    }
  }

  private static int numeric(String text, int from, int to) {
    int radix = 10;
    if (from < to && (text.charAt(from) == 'x' || text.charAt(from) == 'X')) {
      radix = 16;
      from++;
    }
    if (from >= to) {
      return -1;
    }
    int value = 0;
    for (int i = from; i < to; i++) {
      int digit = Character.digit(text.charAt(i), radix);
      if (digit < 0) {
        return -1;
      }
      value = value * radix + digit;
      if (value > Character.MAX_CODE_POINT) {
        return -1;
      }
    }
    boolean surrogate = value >= Character.MIN_SURROGATE && value <= Character.MAX_SURROGATE;
    return value == 0 || surrogate ? -1 : value;
  }
}
