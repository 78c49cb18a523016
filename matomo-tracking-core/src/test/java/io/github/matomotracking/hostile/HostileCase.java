package io.github.matomotracking.hostile;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of {@code hostile/manifest.csv}: a response and what reading and mapping it must give.
 *
 * @param file the file under {@code hostile/}, or {@code generated/<name>} for a body that
 *     {@link CorpusGenerators} produces at test time
 * @param httpStatus the HTTP status the body is read with
 * @param outcome {@code ok} (no warning), {@code warning} (at least one warning, no exception)
 *     or {@code error:<ExceptionSimpleName>}
 * @param keptVisitIds the idVisit of every visit handed over, in order
 * @param fragment text the exception message (error) or one warning (warning) must contain;
 *     empty for {@code ok}
 * @param what what the case is about, for people
 */
record HostileCase(
    String file, int httpStatus, String outcome, List<Long> keptVisitIds, String fragment,
    String what) {

  static final String GENERATED = "generated/";

  /** Whether the body is produced at test time rather than read from a file. */
  boolean generated() {
    return file.startsWith(GENERATED);
  }

  /** Whether an exception is expected. */
  boolean expectsError() {
    return outcome.startsWith("error:");
  }

  @Override
  public String toString() {
    return file;
  }

  /**
   * Parses one manifest line: comma-separated, fields with a comma or quote in double quotes
   * (a quote inside doubled).
   */
  static HostileCase parse(String line, int lineNumber) {
    List<String> fields = splitCsv(line);
    if (fields.size() != 6) {
      throw new IllegalArgumentException("manifest.csv line " + lineNumber + " has "
          + fields.size() + " fields, not 6: " + line);
    }
    String outcome = fields.get(2).strip();
    if (!outcome.equals("ok") && !outcome.equals("warning") && !outcome.startsWith("error:")) {
      throw new IllegalArgumentException("manifest.csv line " + lineNumber
          + ": outcome must be ok, warning or error:<Exception>, not " + outcome);
    }
    List<Long> kept = new ArrayList<>();
    String keptText = fields.get(3).strip();
    if (!keptText.equals("-")) {
      for (String id : keptText.split(" +")) {
        kept.add(Long.parseLong(id));
      }
    }
    return new HostileCase(fields.get(0).strip(), Integer.parseInt(fields.get(1).strip()),
        outcome, List.copyOf(kept), fields.get(4), fields.get(5).strip());
  }

  private static List<String> splitCsv(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }
}
