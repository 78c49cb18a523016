package io.github.matomotracking.lookups;

import java.util.Map;

/**
 * One row of a host lookup file: where it came from and its values (trimmed; blank values are
 * left out).
 */
final class HostRow {

  private final String file;
  private final String location;
  private final Map<String, String> values;

  HostRow(String file, String location, Map<String, String> values) {
    this.file = file;
    this.location = location;
    this.values = Map.copyOf(values);
  }

  /** Where the row is, such as {@code line 4} or {@code element [2]}. */
  String location() {
    return location;
  }

  /** The value of a column that must have one. */
  String required(String column) {
    String value = values.get(column);
    if (value == null) {
      throw error("no value for '" + column + "'");
    }
    return value;
  }

  /** The value of an optional column, or null. */
  String optional(String column) {
    return values.get(column);
  }

  /** An error at this row. */
  LookupFileException error(String problem) {
    return new LookupFileException(file, location, problem, null);
  }
}
