package io.github.matomotracking.client.fake;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PHP's string functions that decide how Matomo reads a request, on byte strings. A PHP string
 * is modelled as a Java string of ISO-8859-1 characters, one per byte; {@link #bytes(String)}
 * and {@link #utf8(String)} convert at the edges.
 */
public final class Php {

  private Php() {}

  /** A Java (UTF-16) string as the PHP byte string of its UTF-8 encoding. */
  public static String bytes(String text) {
    return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  /** A PHP byte string read as UTF-8 text. */
  public static String utf8(String phpBytes) {
    return new String(phpBytes.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
  }

  /**
   * PHP {@code urldecode}: {@code +} becomes a space, {@code %XX} with two hex digits becomes
   * that byte, anything else (a lone {@code %} too) stays.
   */
  public static String urldecode(String in) {
    StringBuilder out = new StringBuilder(in.length());
    for (int i = 0; i < in.length(); i++) {
      char c = in.charAt(i);
      if (c == '+') {
        out.append(' ');
      } else if (c == '%' && i + 2 < in.length() && isHex(in.charAt(i + 1)) && isHex(in.charAt(i + 2))) {
        out.append((char) Integer.parseInt(in.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** PHP {@code urlencode}: letters, digits and {@code -_.} stay, a space becomes {@code +}. */
  public static String urlencode(String in) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < in.length(); i++) {
      char c = in.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.') {
        out.append(c);
      } else if (c == ' ') {
        out.append('+');
      } else {
        out.append(String.format("%%%02X", (int) c & 0xFF));
      }
    }
    return out.toString();
  }

  /** PHP {@code trim} with its default characters. */
  public static String trim(String in) {
    int start = 0;
    int end = in.length();
    while (start < end && isTrimmed(in.charAt(start))) {
      start++;
    }
    while (end > start && isTrimmed(in.charAt(end - 1))) {
      end--;
    }
    return in.substring(start, end);
  }

  /**
   * An {@code application/x-www-form-urlencoded} body as PHP fills {@code $_POST}: the last of
   * repeated names wins; names and values are URL-decoded and then read as UTF-8 text.
   */
  public static Map<String, String> parseForm(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    if (body == null || body.isEmpty()) {
      return form;
    }
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      form.put(utf8(urldecode(name)), utf8(urldecode(value)));
    }
    return form;
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static boolean isTrimmed(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\0' || c == 0x0B;
  }
}
