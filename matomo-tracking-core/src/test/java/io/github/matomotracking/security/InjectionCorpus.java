package io.github.matomotracking.security;

import io.github.matomotracking.client.fake.Php;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Hostile identity values, by class, and the encodings and list positions they are tried in.
 * Each class names what it attacks; the values are built here rather than listed once, so the
 * same payload is tried raw and in each encoding an attacker could use to slip a delimiter past a
 * decoder.
 */
final class InjectionCorpus {

  /** A visitorId that belongs to somebody else (the "victim" visitor). */
  static final String VICTIM_VISITOR = "a1a1a1a1a1a1a1a1";

  /** Another visitor's id, used inside payloads. */
  static final String OTHER_VISITOR = "b2b2b2b2b2b2b2b2";

  /** A userId that belongs to somebody else. */
  static final String VICTIM_USER = "victim";

  private InjectionCorpus() {}

  /** Classes of userId payloads, each with its values before encoding. */
  enum UserIdClass {
    OR_AND_OPERATORS("',' and ';' that would add an OR or AND condition",
        "x,userId==victim", "x;userId==victim", ",userId==victim", "victim,", "victim;", "a,b", "a;b",
        "x,visitorId==" + VICTIM_VISITOR, "x;visitorId!=0000000000000000", "x,visitId>0", "x;visitId>=1",
        "x,userId!=nobody", "victim,alice,bob"),
    OPERATOR_FRAGMENTS("operator fragments == != =@ !@ =^ =$ >= <= that would change the comparison",
        "==victim", "userId==victim", "userId!=victim", "!=", "==", "userId=@vic", "userId!@x",
        "userId=^vic", "userId=$tim", "visitId>=1", "visitId<=9", ">=", "=@", "!@", "=^", "=$",
        "x=@y", "userId==", "userId!=", "=", "=="),
    URL_ENCODED("delimiters URL-encoded once (%2C %3B %3D), either hex case",
        "x%2CuserId%3D%3Dvictim", "x%3BuserId%3D%3Dvictim", "%2C", "%3B", "%3D%3D", "x%2cuserId%3d%3dvictim",
        "x%2CvisitorId%3D%3D" + VICTIM_VISITOR, "%2CuserId%21%3D"),
    MULTIPLY_ENCODED("delimiters encoded twice or three times (%252C, %25252C)",
        "x%252CuserId%253D%253Dvictim", "x%25252CuserId%25253D%25253Dvictim", "%252C", "%25252C",
        "%2525252C", "x%253BvisitId%253E0", "%25"),
    PLUS_AND_SPACE("'+', '%20' and spaces, which URL decoding turns into or out of each other",
        "vic+tim", "vic%20tim", "vic tim", "+", "%20", " victim", "victim ", "  ", "x+,userId==victim",
        "+victim+", "%2B"),
    UNICODE_LOOKALIKES("Unicode look-alikes of the delimiters, and case or accent variants of a real id",
        "x\uFF0CuserId\uFF1D\uFF1Dvictim", "x\uFF1BuserId==victim", "x\uFE50userId==victim",
        "x\u060CuserId==victim", "x\u037EuserId==victim", "x\uFE54userId==victim", "x\u201AuserId==victim",
        "victim\u200B", "\uFEFFvictim", "vict\u0131m", "VICTIM", "Victim", "vict\u00EDm", "vi\u0441tim",
        "\uFF56\uFF49\uFF43\uFF54\uFF49\uFF4D"),
    CONTROL_CHARACTERS("NUL and other control characters",
        "x\u0000,userId==victim", "\u0000", "victim\u0000", "\u0000victim", "x\u0001y", "\u007F",
        "x\tuserId==victim", "victim\u001B[0m", "x\u000BuserId==victim", "\u0008"),
    LINE_BREAKS("CR, LF, CRLF and Unicode line separators",
        "x\r\nuserId==victim", "x\nuserId==victim", "x\ruserId==victim", "\r\n", "victim\r\n",
        "victim\r\n\r\nPOST /index.php HTTP/1.1", "x\u2028y", "x\u0085y", "\n,userId==victim"),
    BACKSLASH_ESCAPES("backslashes, Matomo's own escape for delimiters",
        "x\\,userId==victim", "x\\;userId==victim", "\\", "x\\", "\\,", "\\%2C", "\\\\,userId==victim",
        "victim\\"),
    LENGTH_LIMITS("values at the 200-character limit, ending in an injection",
        "v".repeat(200), "\uD83D\uDE00".repeat(200), "a".repeat(199) + ",",
        "x".repeat(185) + ",userId==victim", ";".repeat(200), "%2C".repeat(66),
        "\u00E9".repeat(200)),
    OTHER_PEOPLES_IDS("values that are other visitors' or users' ids, or look like them",
        VICTIM_VISITOR, VICTIM_VISITOR.toUpperCase(Locale.ROOT), VICTIM_VISITOR + "," + OTHER_VISITOR,
        VICTIM_VISITOR + ",visitorId==" + OTHER_VISITOR, "1", "0", "-1", "alice,bob", "null", "false",
        "undefined", "*", "%"),
    ONLY_SEPARATORS("values made only of separators",
        ",", ";", ",,", ";;", ",;", ";,", ",,,;;;", "%%", "\\,\\;", "==,==", "&", "&&", "=");

    private final String description;
    private final List<String> payloads;

    UserIdClass(String description, String... payloads) {
      this.description = description;
      this.payloads = List.of(payloads);
    }

    String description() {
      return description;
    }

    List<String> payloads() {
      return payloads;
    }

    @Override
    public String toString() {
      return name() + " (" + description + ")";
    }
  }

  /** How a payload is presented: as is, or encoded the ways a decoder might undo. */
  enum Encoding {
    RAW(value -> value),
    FORM_ENCODED(value -> URLEncoder.encode(value, StandardCharsets.UTF_8)),
    PERCENT_UPPER(value -> percent(value, true)),
    PERCENT_LOWER(value -> percent(value, false)),
    DOUBLE(value -> percent(percent(value, true), true)),
    TRIPLE(value -> percent(percent(percent(value, true), true), true));

    private final UnaryOperator<String> encoder;

    Encoding(UnaryOperator<String> encoder) {
      this.encoder = encoder;
    }

    String apply(String value) {
      return encoder.apply(value);
    }
  }

  /** Where the hostile value sits in the OR list the client builds. */
  enum Position {
    ALONE, FIRST, MIDDLE, LAST
  }

  /**
   * Every userId payload of a class in every encoding that is a usable userId (at most 200
   * characters, not blank), duplicates removed, in order.
   */
  static List<String> userIdValues(UserIdClass kind) {
    Set<String> values = new LinkedHashSet<>();
    for (String payload : kind.payloads()) {
      for (Encoding encoding : Encoding.values()) {
        values.add(encoding.apply(payload));
      }
    }
    values.removeIf(value -> !usable(value));
    return new ArrayList<>(values);
  }

  /** The forms of a class's payloads that must be refused: too long for Matomo, or blank. */
  static List<String> refusedForms(UserIdClass kind) {
    Set<String> values = new LinkedHashSet<>();
    for (String payload : kind.payloads()) {
      for (Encoding encoding : Encoding.values()) {
        values.add(encoding.apply(payload));
      }
    }
    values.removeIf(InjectionCorpus::usable);
    return new ArrayList<>(values);
  }

  /**
   * At most 200 code points, and not blank: the reader takes a blank userId for none, so a blank
   * one could only be matched loosely.
   */
  static boolean usable(String value) {
    return value.codePointCount(0, value.length()) <= 200
        && !value.chars().allMatch(c -> Character.isWhitespace(c) || c == '\u00A0');
  }

  /** userIds that must be refused before any request, with the reason. */
  static Map<String, String> refusedUserIds() {
    Map<String, String> refused = new LinkedHashMap<>();
    refused.put("", "empty: userId== would match every visit without a userId");
    refused.put(" ", "a space");
    refused.put("   ", "spaces");
    refused.put("\t", "a tab");
    refused.put("\r\n", "CRLF");
    refused.put("\u00A0", "a no-break space");
    refused.put(" \u2028\u00A0\n", "mixed white space");
    refused.put("v".repeat(201), "201 characters");
    refused.put("\uD83D\uDE00".repeat(201), "201 code points");
    refused.put(",userId==victim".repeat(14), "210 characters of injections");
    refused.put("x".repeat(8193), "8193 characters, past Matomo's segment cut");
    refused.put(",".repeat(10_000), "10000 separators");
    refused.put("%2C".repeat(3000), "9000 characters of encoded commas");
    return refused;
  }

  /**
   * Strings a hostile value could turn into if something decoded, split, trimmed or normalised
   * it: visits with these userIds are put into the fake so that any such mistake pulls in
   * somebody else's visits.
   */
  static Set<String> neighbours(String value) {
    Set<String> out = new LinkedHashSet<>();
    List<String> decodings = new ArrayList<>();
    String current = value;
    for (int i = 0; i < 3; i++) {
      current = phpUrlDecodeText(current);
      decodings.add(current);
    }
    List<String> forms = new ArrayList<>(decodings);
    forms.add(value);
    forms.add(Normalizer.normalize(value, Normalizer.Form.NFKC));
    for (String form : forms) {
      out.add(form);
      out.add(form.trim());
      out.add(form.strip());
      out.add(form.toLowerCase(Locale.ROOT));
      out.add(form.toUpperCase(Locale.ROOT));
      out.add(form.replace("\\", ""));
      for (String part : form.split("[,;]", -1)) {
        out.add(part);
        int operator = firstOperator(part);
        if (operator >= 0) {
          out.add(part.substring(operator).replaceFirst("^[=!<>@^$]+", ""));
        }
      }
    }
    out.remove(value);
    out.removeIf(s -> s.isEmpty() || s.codePointCount(0, s.length()) > 200);
    return out;
  }

  private static int firstOperator(String part) {
    for (String op : new String[] {"==", "!=", ">=", "<=", "=@", "!@", "=^", "=$", ">", "<"}) {
      int at = part.indexOf(op);
      if (at >= 0) {
        return at;
      }
    }
    return -1;
  }

  /** Percent-encodes every UTF-8 byte except letters, digits and {@code - _ .}. */
  static String percent(String value, boolean upper) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
          || c == '.') {
        out.append((char) c);
      } else {
        String hex = String.format("%%%02X", c);
        out.append(upper ? hex : hex.toLowerCase(Locale.ROOT));
      }
    }
    return out.toString();
  }

  /** PHP urldecode on UTF-8 text (invalid byte sequences become U+FFFD). */
  static String phpUrlDecodeText(String text) {
    return Php.utf8(Php.urldecode(Php.bytes(text)));
  }

  // ------------------------------------------------------------------------- visitorIds

  /** Well-formed visitorIds: 16 hex characters in lower, upper and mixed case. */
  static List<String> acceptedVisitorIds() {
    return List.of(
        VICTIM_VISITOR, VICTIM_VISITOR.toUpperCase(Locale.ROOT), "a1A1a1A1a1A1a1A1", OTHER_VISITOR,
        "0123456789abcdef", "0123456789ABCDEF", "0123456789AbCdEf", "ffffffffffffffff", "0000000000000000",
        "FfFfFfFfFfFfFfFf");
  }

  /** Characters that must never be accepted inside a visitorId. */
  static final List<Character> BAD_VISITOR_ID_CHARACTERS = List.of(
      ',', ';', '=', '!', '@', '^', '$', '%', '+', '\\', '<', '>', ' ', '\t', '\n', '\r', '\u0000', '\u000B',
      '\u00A0', '\u200B', '\uFEFF', '\u2028', '\uFF0C', '\uFF1B', '\uFF10', '\uFF41', '\u0660', '\u0430',
      'g', 'G', 'x', 'z', '-', '.');

  /**
   * Malformed visitorIds, generated: each bad character in each of the 16 positions, inserted
   * before, appended after, and whole-string variants (lengths, whitespace, lists, encodings).
   */
  static Map<String, String> refusedVisitorIds() {
    Map<String, String> refused = new LinkedHashMap<>();
    String base = VICTIM_VISITOR;
    for (char bad : BAD_VISITOR_ID_CHARACTERS) {
      String shown = String.format("U+%04X", (int) bad);
      for (int i = 0; i < 16; i++) {
        refused.put(base.substring(0, i) + bad + base.substring(i + 1), shown + " replacing position " + i);
      }
      refused.put(bad + base, shown + " before");
      refused.put(base + bad, shown + " after");
    }
    refused.put("", "empty");
    refused.put(base.substring(1), "15 characters");
    refused.put(base + "a", "17 characters");
    refused.put(base + base, "32 characters");
    refused.put(" " + base + " ", "surrounded by spaces");
    refused.put(base + "\r\n", "followed by CRLF");
    refused.put(base + "," + OTHER_VISITOR, "two ids with a comma");
    refused.put(base + ";" + OTHER_VISITOR, "two ids with a semicolon");
    refused.put(base + ",visitorId==" + OTHER_VISITOR, "an id followed by a condition");
    refused.put(percent(base + ",", true), "percent-encoded with a comma");
    refused.put("%61%31%61%31%61%31%61%31", "percent-encoded digits");
    refused.put("0x" + base.substring(2), "0x prefix");
    refused.put(base.substring(0, 8) + " " + base.substring(8, 15), "space in the middle, 16 characters");
    refused.put("\uFF41\uFF11".repeat(8), "fullwidth letters and digits");
    refused.put("\u0430" + base.substring(1), "Cyrillic a");
    return refused;
  }
}
