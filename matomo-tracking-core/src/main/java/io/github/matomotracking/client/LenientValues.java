package io.github.matomotracking.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The leniency rules for Matomo values, allocation-free for the hot path. A value is one of
 * three things: <em>absent</em> (JSON {@code null}, {@code false}, a blank text, or no field),
 * <em>usable</em>, or <em>invalid</em> (present but not of the expected kind; the caller warns).
 *
 * <p>Whole numbers come as JSON numbers or as texts ({@code 35}, {@code "35"}); a decimal with
 * only zeros after the point ({@code 10.0}, {@code "10.00"}) counts as the whole number. Texts
 * come as JSON strings or numbers ({@code "5"} or {@code 5}).
 */
final class LenientValues {

  /** {@link #wholeNumber(JsonNode)}: the value is absent. */
  static final long ABSENT = Long.MIN_VALUE;

  /** {@link #wholeNumber(JsonNode)}: the value is present but not a whole number. */
  static final long INVALID = Long.MIN_VALUE + 1;

  /** A distinct instance, never the same object as a text read from JSON: compare by identity. */
  private static final String INVALID_TEXT = new String("\u0000invalid");

  /** Doubles beyond this lose whole-number precision. */
  private static final double LARGEST_EXACT_DOUBLE = 9.007199254740992E15;

  private LenientValues() {}

  /**
   * The whole number a JSON value holds.
   *
   * @param value a JSON value, or null for a missing field
   * @return the number, {@link #ABSENT} or {@link #INVALID}
   */
  static long wholeNumber(JsonNode value) {
    if (value == null) {
      return ABSENT;
    }
    switch (value.getNodeType()) {
      case NUMBER:
        if (value.isIntegralNumber()) {
          return value.canConvertToLong() ? checked(value.longValue()) : INVALID;
        }
        double d = value.doubleValue();
        if (d == Math.rint(d) && Math.abs(d) < LARGEST_EXACT_DOUBLE) {
          return (long) d;
        }
        return INVALID;
      case STRING:
        String text = value.textValue();
        return isBlank(text) ? ABSENT : parseWholeNumber(text);
      case NULL:
      case MISSING:
        return ABSENT;
      case BOOLEAN:
        return value.booleanValue() ? INVALID : ABSENT;
      default:
        return INVALID;
    }
  }

  /**
   * Parses {@code "35"}, {@code " -7 "}, {@code "+3"}, {@code "10.0"}; anything else (an
   * exponent, a fraction that is not zero, other characters, overflow) is invalid.
   *
   * @param text a non-blank text
   * @return the number or {@link #INVALID}
   */
  static long parseWholeNumber(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && text.charAt(start) <= ' ') {
      start++;
    }
    while (end > start && text.charAt(end - 1) <= ' ') {
      end--;
    }
    boolean negative = false;
    if (start < end && (text.charAt(start) == '-' || text.charAt(start) == '+')) {
      negative = text.charAt(start) == '-';
      start++;
    }
    long value = 0;
    int digits = 0;
    int i = start;
    for (; i < end; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        break;
      }
      if (value > (Long.MAX_VALUE - (c - '0')) / 10) {
        return INVALID;
      }
      value = value * 10 + (c - '0');
      digits++;
    }
    if (digits == 0) {
      return INVALID;
    }
    if (i < end) {
      if (text.charAt(i) != '.' || i + 1 == end) {
        return INVALID;
      }
      for (i++; i < end; i++) {
        if (text.charAt(i) != '0') {
          return INVALID;
        }
      }
    }
    return checked(negative ? -value : value);
  }

  /**
   * The text a JSON value holds: strings as they are (blank ones absent), numbers as their
   * decimal text.
   *
   * @param value a JSON value, or null for a missing field
   * @return the text, null when absent, or {@link #invalidText()} when of another kind
   */
  static String text(JsonNode value) {
    if (value == null) {
      return null;
    }
    switch (value.getNodeType()) {
      case STRING:
        String text = value.textValue();
        return isBlank(text) ? null : text;
      case NUMBER:
        return value.asText();
      case NULL:
      case MISSING:
        return null;
      case BOOLEAN:
        return value.booleanValue() ? INVALID_TEXT : null;
      default:
        return INVALID_TEXT;
    }
  }

  /**
   * The marker {@link #text(JsonNode)} returns for a value that is present but not a text; compare
   * by identity.
   *
   * @return the marker
   */
  static String invalidText() {
    return INVALID_TEXT;
  }

  /** Whether a text is empty or only white space. */
  static boolean isBlank(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (!Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '\u00A0') {
        return false;
      }
    }
    return true;
  }

  /** How a JSON value is called in a message: "a JSON object", "the text \"abc\"", "12.5". */
  static String describe(JsonNode value) {
    switch (value.getNodeType()) {
      case STRING:
        return SafeText.value(value.textValue(), true);
      case NUMBER:
      case BOOLEAN:
        return SafeText.value(value.asText(), false);
      case OBJECT:
        return "a JSON object";
      case ARRAY:
        return "a JSON array";
      case NULL:
        return "null";
      default:
        return "a JSON " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private static long checked(long value) {
    return value == ABSENT || value == INVALID ? INVALID : value;
  }
}
