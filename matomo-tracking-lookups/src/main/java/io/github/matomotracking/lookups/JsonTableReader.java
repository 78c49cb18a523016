package io.github.matomotracking.lookups;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a lookup table from JSON: an array of objects whose keys are the table's columns. A value
 * is a string (numbers are taken as their text); {@code null}, a missing key and a blank string
 * count as absent. Values are trimmed. A key that is not a column of the table, or a key given
 * twice in one object, is an error.
 */
final class JsonTableReader {

  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private JsonTableReader() {}

  /** The rows of the table in the stream, which is read to its end and not closed. */
  static List<HostRow> read(String file, InputStream stream, TableSpec spec) {
    JsonNode root;
    try {
      root = MAPPER.readTree(stream);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? null : "line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new LookupFileException(file, where, "not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new LookupFileException(file, null, "cannot be read: " + e.getMessage(), e);
    }
    if (root == null || root.isMissingNode()) {
      throw new LookupFileException(file, null,
          "the file is empty; expected an array of objects", null);
    }
    if (!root.isArray()) {
      throw new LookupFileException(file, null,
          "expected an array of objects, found " + kind(root), null);
    }
    List<HostRow> rows = new ArrayList<>(root.size());
    for (int i = 0; i < root.size(); i++) {
      rows.add(row(file, "element [" + i + "]", root.get(i), spec));
    }
    return rows;
  }

  private static HostRow row(String file, String location, JsonNode element, TableSpec spec) {
    if (!element.isObject()) {
      throw new LookupFileException(file, location,
          "expected an object, found " + kind(element), null);
    }
    Map<String, String> values = new HashMap<>();
    for (Map.Entry<String, JsonNode> field : element.properties()) {
      String key = field.getKey();
      if (!spec.columns().contains(key)) {
        throw new LookupFileException(file, location, "unknown key '" + key + "'; the keys of "
            + spec.baseName() + " are " + String.join(", ", spec.columns()), null);
      }
      JsonNode node = field.getValue();
      if (node.isNull()) {
        continue;
      }
      if (!node.isTextual() && !node.isNumber()) {
        throw new LookupFileException(file, location,
            "the value of '" + key + "' must be a string, found " + kind(node), null);
      }
      String value = node.asText().trim();
      if (!value.isEmpty()) {
        values.put(key, value);
      }
    }
    HostRow row = new HostRow(file, location, values);
    for (String column : spec.required()) {
      row.required(column);
    }
    return row;
  }

  private static String kind(JsonNode node) {
    switch (node.getNodeType()) {
      case ARRAY:
        return "an array";
      case OBJECT:
        return "an object";
      case BOOLEAN:
        return "a boolean";
      case NUMBER:
        return "a number";
      case STRING:
        return "a string";
      case NULL:
        return "null";
      default:
        return node.getNodeType().toString().toLowerCase(Locale.ROOT);
    }
  }
}
