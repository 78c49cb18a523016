package io.github.matomotracking.examples.demo;

import java.io.IOException;

/** Writes CSV rows: RFC 4180 quoting (a value with a comma, quote or line break is quoted), CRLF line ends. */
final class Csv {

  private Csv() {}

  static void row(Appendable out, String... values) throws IOException {
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(quote(values[i]));
    }
    out.append("\r\n");
  }

  static String quote(String value) {
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
