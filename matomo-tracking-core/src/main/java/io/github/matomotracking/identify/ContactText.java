package io.github.matomotracking.identify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** How contact texts compare: names and emails trimmed but otherwise exact, phones by digits. */
final class ContactText {

  private ContactText() {}

  static Optional<String> trimmed(Optional<String> text) {
    return text.map(String::trim).filter(value -> !value.isEmpty());
  }

  static Optional<String> trimmed(String text) {
    return trimmed(Optional.ofNullable(text));
  }

  /**
   * Only the digits of a phone number, as ASCII: "+1 (555) 010-2030" gives "15550102030". Digits
   * of other scripts (full-width digits typed on some keyboards) count as the same digits.
   */
  static String digits(String phone) {
    StringBuilder digits = new StringBuilder(phone.length());
    phone.codePoints().map(cp -> Character.digit(cp, 10)).filter(d -> d >= 0)
        .forEach(d -> digits.append((char) ('0' + d)));
    return digits.toString();
  }

  /** {@code sha256:} and the SHA-256 of the text in lower-case hex. */
  static String sha256(String text) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
