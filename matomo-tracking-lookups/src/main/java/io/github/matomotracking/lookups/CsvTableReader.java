package io.github.matomotracking.lookups;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a lookup table from CSV as RFC 4180 describes it: UTF-8 (a leading byte order mark is
 * skipped), a header row naming the columns, fields separated by commas, records by CRLF or LF;
 * a field may be put in double quotes, and then holds commas, line breaks and doubled quotes
 * ({@code ""} for one {@code "}). Values are trimmed; a blank value counts as absent; rows whose
 * values are all blank (such as empty lines) are skipped.
 */
final class CsvTableReader {

  private final String file;
  private final String text;
  private int pos;
  private int line = 1;

  private CsvTableReader(String file, String text) {
    this.file = file;
    this.text = text;
  }

  /** The next character, or -1 at the end. */
  private int next() {
    return pos < text.length() ? text.charAt(pos++) : -1;
  }

  /** The next character without consuming it, or -1 at the end. */
  private int peek() {
    return pos < text.length() ? text.charAt(pos) : -1;
  }

  /** The rows of the table in the stream, which is read to its end and not closed. */
  static List<HostRow> read(String file, InputStream stream, TableSpec spec) {
    byte[] bytes;
    try {
      bytes = stream.readAllBytes();
    } catch (IOException e) {
      throw new LookupFileException(file, null, "cannot be read: " + e.getMessage(), e);
    }
    return new CsvTableReader(file, decode(file, bytes)).rows(spec);
  }

  /** Strict UTF-8: a malformed byte is an error naming its line. */
  private static String decode(String file, byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(ByteBuffer.wrap(bytes), out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      out.flip();
      long line = 1 + out.chars().filter(ch -> ch == '\n').count();
      throw new LookupFileException(file, "line " + line, "not valid UTF-8", null);
    }
    out.flip();
    return out.toString();
  }

  private List<HostRow> rows(TableSpec spec) {
    List<Record> records = records();
    if (records.isEmpty()) {
      throw new LookupFileException(file, null,
          "the file is empty; expected a header row such as " + String.join(",", spec.columns()),
          null);
    }
    Record header = records.get(0);
    List<String> columns = header(header, spec);
    List<HostRow> rows = new ArrayList<>(records.size() - 1);
    for (Record r : records.subList(1, records.size())) {
      String location = "line " + r.line;
      if (r.fields.stream().allMatch(String::isBlank)) {
        continue;
      }
      if (r.fields.size() != columns.size()) {
        throw new LookupFileException(file, location, "has " + r.fields.size()
            + " values but the header (line " + header.line + ") names " + columns.size()
            + " columns", null);
      }
      Map<String, String> values = new HashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        String value = r.fields.get(i).trim();
        if (!value.isEmpty()) {
          values.put(columns.get(i), value);
        }
      }
      HostRow row = new HostRow(file, location, values);
      for (String column : spec.required()) {
        row.required(column);
      }
      rows.add(row);
    }
    return rows;
  }

  private List<String> header(Record header, TableSpec spec) {
    String location = "line " + header.line;
    List<String> columns = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String field : header.fields) {
      String column = field.trim();
      if (column.isEmpty()) {
        throw new LookupFileException(file, location, "a column in the header has no name", null);
      }
      if (!spec.columns().contains(column)) {
        throw new LookupFileException(file, location, "unknown column '" + column
            + "'; the columns of " + spec.baseName() + " are " + String.join(", ", spec.columns()),
            null);
      }
      if (!seen.add(column)) {
        throw new LookupFileException(file, location, "column '" + column + "' appears twice",
            null);
      }
      columns.add(column);
    }
    for (String column : spec.required()) {
      if (!seen.contains(column)) {
        throw new LookupFileException(file, location, "missing column '" + column
            + "'; required columns of " + spec.baseName() + " are "
            + String.join(", ", spec.required()), null);
      }
    }
    return columns;
  }

  /** One record and the line it starts on. */
  private static final class Record {
    final int line;
    final List<String> fields;

    Record(int line, List<String> fields) {
      this.line = line;
      this.fields = fields;
    }
  }

  private enum State { FIELD_START, UNQUOTED, QUOTED, AFTER_QUOTE }

  private List<Record> records() {
    List<Record> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder value = new StringBuilder();
    State state = State.FIELD_START;
    int recordLine = 1;
    int quoteLine = 0;
    boolean started = false;
    if (peek() == '\uFEFF') {
      next();
    }
    while (true) {
      int c = next();
      if (state == State.QUOTED) {
        if (c == -1) {
          throw new LookupFileException(file, "line " + quoteLine,
              "a quoted value opened here is never closed", null);
        } else if (c == '"') {
          state = State.AFTER_QUOTE;
        } else {
          value.append((char) c);
          countLineBreakInValue(c);
        }
        continue;
      }
      if (c == ',' || isLineEnd(c) || c == -1) {
        if (c == -1 && !started) {
          return records;
        }
        fields.add(value.toString());
        value.setLength(0);
        state = State.FIELD_START;
        if (c == ',') {
          started = true;
          continue;
        }
        records.add(new Record(recordLine, fields));
        if (c == -1) {
          return records;
        }
        endLine(c);
        fields = new ArrayList<>();
        recordLine = line;
        started = false;
        continue;
      }
      started = true;
      if (state == State.AFTER_QUOTE) {
        if (c == '"') {
          value.append('"');
          state = State.QUOTED;
        } else if (c != ' ' && c != '\t') {
          throw new LookupFileException(file, "line " + line, "unexpected '" + (char) c
              + "' after a closing quote; a quote inside a quoted value is written twice (\"\")",
              null);
        }
      } else if (c == '"') {
        if (!value.toString().isBlank()) {
          throw new LookupFileException(file, "line " + line, "a quote inside an unquoted value;"
              + " put the whole value in quotes and write the quote twice (\"\")", null);
        }
        value.setLength(0);
        quoteLine = line;
        state = State.QUOTED;
      } else {
        value.append((char) c);
        state = State.UNQUOTED;
      }
    }
  }

  private static boolean isLineEnd(int c) {
    return c == '\n' || c == '\r';
  }

  /** Ends a record's line: a CR followed by LF is one line break, and the LF is consumed. */
  private void endLine(int c) {
    if (c == '\r' && peek() == '\n') {
      next();
    }
    line++;
  }

  /** Counts a line break inside a quoted value, which keeps its characters as written. */
  private void countLineBreakInValue(int c) {
    if (c == '\n' || (c == '\r' && peek() != '\n')) {
      line++;
    }
  }
}
