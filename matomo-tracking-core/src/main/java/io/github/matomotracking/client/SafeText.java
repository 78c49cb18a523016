package io.github.matomotracking.client;

/**
 * Makes text from a response safe to put into an exception or warning message: one line, short,
 * and with anything that looks like a Matomo token masked.
 *
 * <p>Matomo tokens are 32 hexadecimal characters. The library never sends the token where a
 * server could echo it (it goes in the POST body), but a proxy page or a plugin might still echo
 * request data; so every run of 32 or more hex characters is replaced by {@value #MASK}.
 */
final class SafeText {

  /** What replaces a run of hex characters that could be a token. */
  static final String MASK = "[masked]";

  private static final int TOKEN_LIKE_RUN = 32;

  private SafeText() {}

  /**
   * Masks every run of 32 or more hex characters.
   *
   * @param text any text, or null
   * @return the text with token-like runs masked (null stays null)
   */
  static String maskSecrets(String text) {
    if (text == null || text.length() < TOKEN_LIKE_RUN) {
      return text;
    }
    StringBuilder out = null;
    int copiedUpTo = 0;
    int i = 0;
    int length = text.length();
    while (i < length) {
      if (!isHex(text.charAt(i))) {
        i++;
        continue;
      }
      int runStart = i;
      while (i < length && isHex(text.charAt(i))) {
        i++;
      }
      if (i - runStart >= TOKEN_LIKE_RUN) {
        if (out == null) {
          out = new StringBuilder(length);
        }
        out.append(text, copiedUpTo, runStart).append(MASK);
        copiedUpTo = i;
      }
    }
    if (out == null) {
      return text;
    }
    return out.append(text, copiedUpTo, length).toString();
  }

  /**
   * One line of at most {@code maxChars} characters: control characters become spaces, runs of
   * white space shrink to one space, tokens are masked, then a cut is marked with an ellipsis.
   * Masking comes before the cut, so a token that straddles the cut is masked whole rather than
   * shown in part.
   *
   * @param text any text
   * @param maxChars the longest result before the ellipsis
   * @return the one-line form
   */
  static String oneLine(String text, int maxChars) {
    int seen = maxChars + TOKEN_LIKE_RUN;
    StringBuilder line = new StringBuilder(Math.min(text.length(), seen) + 1);
    boolean lastWasSpace = true; // drops leading white space
    boolean more = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean space = Character.isWhitespace(c) || Character.isISOControl(c) || c == '\uFEFF';
      if (space) {
        if (!lastWasSpace) {
          line.append(' ');
        }
        lastWasSpace = true;
        continue;
      }
      if (line.length() >= seen) {
        more = true;
        break;
      }
      line.append(c);
      lastWasSpace = false;
    }
    String masked = trimEnd(maskSecrets(trimEnd(line.toString())));
    if (!more && masked.length() <= maxChars) {
      return masked;
    }
    return trimEnd(masked.substring(0, Math.min(maxChars, masked.length()))) + "\u2026";
  }

  private static String trimEnd(String text) {
    int end = text.length();
    while (end > 0 && text.charAt(end - 1) == ' ') {
      end--;
    }
    return text.substring(0, end);
  }

  /**
   * A value for a warning, quoted when it is text: {@code "abc"}, {@code 12.5}, {@code true}.
   *
   * @param value the text to show
   * @param quoted whether to put it in double quotes
   * @return the safe, short form
   */
  static String value(String value, boolean quoted) {
    String shown = oneLine(value, 60);
    return quoted ? '"' + shown + '"' : shown;
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
