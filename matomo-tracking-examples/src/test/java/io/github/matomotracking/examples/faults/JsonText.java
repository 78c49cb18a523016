package io.github.matomotracking.examples.faults;

import java.util.Arrays;

/** Finds the visit objects in the text of a Live response without parsing it. */
final class JsonText {

  private JsonText() {}

  /**
   * Where the objects that are elements of the top-level array start and end.
   *
   * @param json UTF-8 JSON text
   * @return pairs of offsets: the opening brace and the closing brace of each object, in order
   *     (empty when the text is not an array of objects)
   */
  static int[] topLevelObjects(byte[] json) {
    int first = 0;
    while (first < json.length && Character.isWhitespace(json[first])) {
      first++;
    }
    if (first == json.length || json[first] != '[') {
      return new int[0];
    }
    int[] found = new int[16];
    int count = 0;
    int depth = 0;
    boolean inString = false;
    boolean escaped = false;
    int start = -1;
    for (int i = 0; i < json.length; i++) {
      byte b = json[i];
      if (inString) {
        if (escaped) {
          escaped = false;
        } else if (b == '\\') {
          escaped = true;
        } else if (b == '"') {
          inString = false;
        }
        continue;
      }
      switch (b) {
        case '"' -> inString = true;
        case '[', '{' -> {
          depth++;
          if (b == '{' && depth == 2) {
            start = i;
          }
        }
        case ']', '}' -> {
          if (b == '}' && depth == 2 && start >= 0) {
            if (count + 2 > found.length) {
              found = Arrays.copyOf(found, found.length * 2);
            }
            found[count++] = start;
            found[count++] = i;
            start = -1;
          }
          depth--;
        }
        default -> { }
      }
    }
    return Arrays.copyOf(found, count);
  }
}
