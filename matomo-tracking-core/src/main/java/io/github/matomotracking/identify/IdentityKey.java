package io.github.matomotracking.identify;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Matomo identity: a visitorId or a userId. VisitorIds are validated (exactly 16 hexadecimal
 * characters, because a visitorId ends up in a Matomo segment) and kept in lower case, as Matomo
 * writes them, so the same visitor always has the same key.
 *
 * @param kind which identity
 * @param value the visitorId (lower case) or the userId (as given, trimmed)
 */
public record IdentityKey(IdentityKind kind, String value) implements Comparable<IdentityKey> {

  /** Longest userId Matomo accepts. */
  public static final int MAX_USER_ID_LENGTH = 200;

  private static final Pattern VISITOR_ID = Pattern.compile("[0-9a-fA-F]{16}");

  /**
   * Validates and normalises the key.
   *
   * @param kind which identity
   * @param value the identity's value
   */
  public IdentityKey {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
    if (kind == IdentityKind.VISITOR_ID) {
      value = checkVisitorId(value, "visitorId");
    } else {
      value = value.trim();
      if (value.isEmpty() || value.length() > MAX_USER_ID_LENGTH) {
        throw new IllegalArgumentException(
            "userId must have 1 to " + MAX_USER_ID_LENGTH + " characters, got "
                + value.length());
      }
    }
  }

  /**
   * The key of a visitorId.
   *
   * @param visitorId 16 hexadecimal characters (any case)
   * @return the key
   * @throws IllegalArgumentException when the text is not a visitorId
   */
  public static IdentityKey visitorId(String visitorId) {
    return new IdentityKey(IdentityKind.VISITOR_ID, visitorId);
  }

  /**
   * The key of a userId.
   *
   * @param userId 1 to 200 characters (surrounding blanks are dropped)
   * @return the key
   */
  public static IdentityKey userId(String userId) {
    return new IdentityKey(IdentityKind.USER_ID, userId);
  }

  /**
   * Whether the text is a Matomo visitorId: exactly 16 hexadecimal characters.
   *
   * @param text the text, may be {@code null}
   * @return true for a visitorId
   */
  public static boolean isVisitorId(String text) {
    return text != null && VISITOR_ID.matcher(text).matches();
  }

  /**
   * Checks a visitorId and returns it in lower case.
   *
   * @param text the candidate
   * @param field what the text is, for the error message
   * @return the visitorId in lower case
   * @throws IllegalArgumentException naming the field when the text is not a visitorId
   */
  static String checkVisitorId(String text, String field) {
    if (!isVisitorId(text)) {
      throw new IllegalArgumentException(
          field + " must be exactly 16 hexadecimal characters (Matomo's visitorId), got "
              + describe(text));
    }
    return text.toLowerCase(Locale.ROOT);
  }

  private static String describe(String text) {
    if (text == null) {
      return "nothing";
    }
    // Shown to help the caller, but shortened: the value comes from outside.
    String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
    return "\"" + shown + "\" (" + text.length() + " characters)";
  }

  @Override
  public int compareTo(IdentityKey other) {
    int byKind = kind.compareTo(other.kind);
    return byKind != 0 ? byKind : value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return (kind == IdentityKind.VISITOR_ID ? "visitorId:" : "userId:") + value;
  }
}
