package io.github.matomotracking.examples.demo.run;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A plain-text table for terminals and log files: a header row, a rule, and rows whose columns are
 * padded to the widest cell. Numeric columns are right-aligned. Cells longer than the column limit
 * are shortened with {@code ...}.
 */
final class TextTable {

  private static final int MAX_CELL = 48;

  private final String[] headers;
  private final boolean[] numeric;
  private final List<String[]> rows = new ArrayList<>();

  /**
   * A table with these column headers; a header starting with {@code #} marks a right-aligned
   * numeric column (the {@code #} is not printed).
   */
  TextTable(String... headers) {
    this.headers = new String[headers.length];
    this.numeric = new boolean[headers.length];
    for (int i = 0; i < headers.length; i++) {
      numeric[i] = headers[i].startsWith("#");
      this.headers[i] = numeric[i] ? headers[i].substring(1) : headers[i];
    }
  }

  /** Adds a row; values are printed with {@link String#valueOf(Object)}. */
  TextTable row(Object... cells) {
    if (cells.length != headers.length) {
      throw new IllegalArgumentException("a row of " + cells.length + " cells in a table of "
          + headers.length + " columns");
    }
    String[] text = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      text[i] = shorten(Objects.toString(cells[i], ""));
    }
    rows.add(text);
    return this;
  }

  /** Whether no row was added. */
  boolean isEmpty() {
    return rows.isEmpty();
  }

  /** Prints the table, each line indented by two spaces. */
  void print(PrintStream out) {
    int[] widths = new int[headers.length];
    for (int i = 0; i < headers.length; i++) {
      widths[i] = headers[i].length();
    }
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    out.println(line(headers, widths));
    String[] rule = new String[headers.length];
    for (int i = 0; i < rule.length; i++) {
      char[] dashes = new char[widths[i]];
      Arrays.fill(dashes, '-');
      rule[i] = new String(dashes);
    }
    out.println(line(rule, widths));
    for (String[] row : rows) {
      out.println(line(row, widths));
    }
  }

  private String line(String[] cells, int[] widths) {
    StringBuilder text = new StringBuilder("  ");
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        text.append("  ");
      }
      String pad = " ".repeat(widths[i] - cells[i].length());
      text.append(numeric[i] ? pad + cells[i] : cells[i] + (i == cells.length - 1 ? "" : pad));
    }
    return text.toString();
  }

  private static String shorten(String text) {
    String oneLine = text.replaceAll("\\p{Cntrl}", " ");
    return oneLine.length() <= MAX_CELL ? oneLine : oneLine.substring(0, MAX_CELL - 3) + "...";
  }
}
