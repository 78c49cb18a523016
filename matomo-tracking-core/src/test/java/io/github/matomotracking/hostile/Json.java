package io.github.matomotracking.hostile;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A JSON value as the generators build it and the way it is written: numbers keep their literal
 * text, objects their field order. {@link Writer} writes like PHP's {@code json_encode} does,
 * optionally with {@code \/} and {@code \\uXXXX} escapes (its defaults) and pretty-printed.
 */
sealed interface Json {

  /** A JSON text. */
  record Text(String value) implements Json {}

  /** A JSON number, written exactly as {@code literal}. */
  record Num(String literal) implements Json {}

  /** true or false. */
  record Bool(boolean value) implements Json {}

  /** null. */
  enum Null implements Json { NULL }

  /** An object; its fields in order. */
  record Obj(List<Map.Entry<String, Json>> fields) implements Json {}

  /** An array. */
  record Arr(List<Json> elements) implements Json {}

  /**
   * How values are written.
   *
   * @param escapeSlashes write {@code /} as {@code \/} (PHP's default)
   * @param escapeUnicode write every non-ASCII character as {@code \\uXXXX} (PHP's default)
   * @param pretty one field per line, indented
   */
  record Writer(boolean escapeSlashes, boolean escapeUnicode, boolean pretty) {

    /** The value as JSON text. */
    String write(Json value) {
      StringBuilder out = new StringBuilder();
      write(value, out, 0);
      return out.toString();
    }

    /** The value as UTF-8 bytes. */
    byte[] bytes(Json value) {
      return write(value).getBytes(StandardCharsets.UTF_8);
    }

    void write(Json value, StringBuilder out, int indent) {
      if (value instanceof Text text) {
        string(text.value(), out);
      } else if (value instanceof Num number) {
        out.append(number.literal());
      } else if (value instanceof Bool bool) {
        out.append(bool.value());
      } else if (value instanceof Obj object) {
        out.append('{');
        for (int i = 0; i < object.fields().size(); i++) {
          out.append(i == 0 ? "" : ",");
          newline(out, indent + 1);
          string(object.fields().get(i).getKey(), out);
          out.append(pretty ? ": " : ":");
          write(object.fields().get(i).getValue(), out, indent + 1);
        }
        if (!object.fields().isEmpty()) {
          newline(out, indent);
        }
        out.append('}');
      } else if (value instanceof Arr array) {
        out.append('[');
        for (int i = 0; i < array.elements().size(); i++) {
          out.append(i == 0 ? "" : ",");
          newline(out, indent + 1);
          write(array.elements().get(i), out, indent + 1);
        }
        if (!array.elements().isEmpty()) {
          newline(out, indent);
        }
        out.append(']');
      } else {
        out.append("null");
      }
    }

    private void newline(StringBuilder out, int indent) {
      if (pretty) {
        out.append('\n').append("    ".repeat(indent));
      }
    }

    private void string(String text, StringBuilder out) {
      out.append('"');
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        switch (c) {
          case '"' -> out.append("\\\"");
          case '\\' -> out.append("\\\\");
          case '/' -> out.append(escapeSlashes ? "\\/" : "/");
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          case '\t' -> out.append("\\t");
          case '\b' -> out.append("\\b");
          case '\f' -> out.append("\\f");
          default -> {
            boolean lone = Character.isSurrogate(c) && !(Character.isHighSurrogate(c)
                && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)));
            if (Character.isHighSurrogate(c) && !lone && !escapeUnicode) {
              out.append(c).append(text.charAt(++i));
            } else if (c < 0x20 || lone || (escapeUnicode && c > 0x7E)) {
              out.append(String.format("\\u%04x", (int) c));
            } else {
              out.append(c);
            }
          }
        }
      }
      out.append('"');
    }
  }
}
