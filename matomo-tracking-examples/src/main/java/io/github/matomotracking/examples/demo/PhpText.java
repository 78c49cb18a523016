package io.github.matomotracking.examples.demo;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The few PHP string functions that decide how Matomo reads a request. A PHP string is a byte
 * string; here it is a Java string with one ISO-8859-1 character per byte ("byte text"), turned
 * into real text with {@link #utf8(String)} only where PHP would treat it as text.
 */
final class PhpText {

  private PhpText() {}

  /** Real text as the byte text of its UTF-8 encoding. */
  static String bytes(String text) {
    return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  /** Byte text read as UTF-8 (invalid sequences become U+FFFD). */
  static String utf8(String byteText) {
    return new String(byteText.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
  }

  /** PHP {@code urldecode}: {@code +} is a space, {@code %XX} a byte; a broken escape stays. */
  static String urldecode(String in) {
    if (in.indexOf('%') < 0 && in.indexOf('+') < 0) {
      return in;
    }
    StringBuilder out = new StringBuilder(in.length());
    for (int i = 0; i < in.length(); i++) {
      char c = in.charAt(i);
      if (c == '+') {
        out.append(' ');
      } else if (c == '%' && i + 2 < in.length() && hex(in.charAt(i + 1)) >= 0 && hex(in.charAt(i + 2)) >= 0) {
        out.append((char) (hex(in.charAt(i + 1)) * 16 + hex(in.charAt(i + 2))));
        i += 2;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** PHP {@code urlencode} of byte text: letters, digits and {@code -_.} stay, space is {@code +}. */
  static String urlencode(String byteText) {
    StringBuilder out = new StringBuilder(byteText.length() * 3);
    for (int i = 0; i < byteText.length(); i++) {
      char c = byteText.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.') {
        out.append(c);
      } else if (c == ' ') {
        out.append('+');
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit((c >> 4) & 0xF, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return out.toString();
  }

  /** PHP {@code trim} with its default characters (space, tab, newline, return, NUL, vertical tab). */
  static String trim(String in) {
    int start = 0;
    int end = in.length();
    while (start < end && trimmed(in.charAt(start))) {
      start++;
    }
    while (end > start && trimmed(in.charAt(end - 1))) {
      end--;
    }
    return in.substring(start, end);
  }

  /**
   * An {@code application/x-www-form-urlencoded} string (a POST body or a query string) as PHP
   * fills {@code $_POST} / {@code $_GET}: names and values URL-decoded, kept as byte text; the
   * last of repeated names wins.
   */
  static Map<String, String> parseForm(String raw) {
    Map<String, String> form = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return form;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = urldecode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : urldecode(pair.substring(eq + 1));
      if (!name.isEmpty()) {
        form.put(name, value);
      }
    }
    return form;
  }

  /** PHP's truthiness of a request value: not empty and not {@code "0"}. */
  static boolean truthy(String value) {
    return value != null && !value.isEmpty() && !value.equals("0");
  }

  /** PHP {@code htmlspecialchars} with {@code ENT_QUOTES}, as Matomo escapes its error messages. */
  static String htmlEscape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&':
          out.append("&amp;");
          break;
        case '<':
          out.append("&lt;");
          break;
        case '>':
          out.append("&gt;");
          break;
        case '"':
          out.append("&quot;");
          break;
        case '\'':
          out.append("&#039;");
          break;
        default:
          out.append(c);
      }
    }
    return out.toString();
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private static boolean trimmed(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\0' || c == 0x0B;
  }
}
