package io.github.matomotracking.examples.cli;

import io.github.matomotracking.identify.EmailClick;
import io.github.matomotracking.identify.FormSubmission;
import io.github.matomotracking.identify.Identification;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code --identities} file of {@code import}: CSV (UTF-8, comma-separated, fields may be
 * double-quoted) with the header {@code event,contact_id,visitor_id,occurred_at,page_url}.
 *
 * <ul>
 *   <li>{@code form_submit}: a form submitted; {@code visitor_id} is the page's
 *       {@code TrackingUserId} (16 hexadecimal characters), {@code occurred_at} the submission
 *       time (an ISO instant such as {@code 2024-04-20T10:05:00Z}), {@code page_url} the
 *       page's {@code PageUrl} (optional).
 *   <li>{@code email_click}: a marketing-email link clicked by {@code contact_id};
 *       {@code visitor_id} stays empty; {@code page_url} may be the clicked link, whose
 *       {@code bulkEmailRecipientId} is then kept (its {@code contactId} must be the row's).
 * </ul>
 *
 * The whole file is checked before anything is imported: any bad row is a usage error naming
 * every bad line (up to twenty), and nothing is imported. Rows come back in time order (rows
 * with the same time in file order).
 */
final class IdentityFile {

  /** The header the file must start with. */
  static final String HEADER = "event,contact_id,visitor_id,occurred_at,page_url";

  private static final int MAX_REPORTED = 20;

  /** One good row. */
  sealed interface Row permits FormRow, ClickRow {
    /** When it happened. */
    Instant at();

    /** Its line in the file, from 1. */
    int line();
  }

  /** A form submission row. */
  record FormRow(int line, FormSubmission submission) implements Row {
    @Override
    public Instant at() {
      return submission.submittedAt();
    }

    /** The identification it makes. */
    Identification identification() {
      return Identification.ofSubmission(submission, submission.contactId().orElseThrow());
    }
  }

  /** An email click row. */
  record ClickRow(int line, EmailClick click) implements Row {
    @Override
    public Instant at() {
      return click.clickedAt();
    }
  }

  private IdentityFile() {}

  /**
   * Reads and checks the file.
   *
   * @param file the file
   * @return the rows, in time order
   * @throws UsageException when the file is missing, unreadable or has bad rows
   */
  static List<Row> read(Path file) {
    List<String> lines;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      lines = reader.lines().toList();
    } catch (NoSuchFileException e) {
      throw new UsageException("--identities: no such file: " + file);
    } catch (java.io.UncheckedIOException e) {
      throw new UsageException("--identities: " + file + " is not UTF-8 text"
          + (e.getCause() instanceof CharacterCodingException ? "" : " (" + e.getMessage() + ")"));
    } catch (IOException e) {
      throw new UsageException("--identities: cannot read " + file + " ("
          + e.getClass().getSimpleName() + ")");
    }
    if (lines.isEmpty() || !stripBom(lines.get(0)).trim().equalsIgnoreCase(HEADER)) {
      throw new UsageException(file + ":1: the first line must be the header " + HEADER);
    }
    List<Row> rows = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String text = lines.get(i);
      if (text.isBlank()) {
        continue;
      }
      int line = i + 1;
      try {
        rows.add(row(line, fields(text)));
      } catch (IllegalArgumentException | DateTimeParseException e) {
        problems.add(file + ":" + line + ": " + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      StringBuilder message = new StringBuilder(problems.size() + " bad row"
          + (problems.size() == 1 ? "" : "s") + ", nothing was imported:");
      problems.stream().limit(MAX_REPORTED).forEach(p -> message.append(System.lineSeparator())
          .append("  ").append(p));
      if (problems.size() > MAX_REPORTED) {
        message.append(System.lineSeparator()).append("  ... and ")
            .append(problems.size() - MAX_REPORTED).append(" more");
      }
      throw new UsageException(message.toString());
    }
    rows.sort(Comparator.comparing(Row::at).thenComparingInt(Row::line));
    return rows;
  }

  private static String stripBom(String line) {
    return line.startsWith("\uFEFF") ? line.substring(1) : line;
  }

  private static Row row(int line, List<String> fields) {
    if (fields.size() != 5) {
      throw new IllegalArgumentException("expected 5 fields (" + HEADER + "), found "
          + fields.size());
    }
    String event = fields.get(0).trim();
    String contactId = fields.get(1).trim();
    String visitorId = fields.get(2).trim();
    String occurredAt = fields.get(3).trim();
    String pageUrl = fields.get(4).trim();
    if (contactId.isEmpty()) {
      throw new IllegalArgumentException("contact_id is empty");
    }
    Instant at = instant(occurredAt);
    switch (event) {
      case "form_submit":
        return new FormRow(line, FormSubmission.builder()
            .trackingUserId(visitorId)
            .contactId(contactId)
            .submittedAt(at)
            .pageUrl(pageUrl.isEmpty() ? null : pageUrl)
            .build());
      case "email_click":
        if (!visitorId.isEmpty()) {
          throw new IllegalArgumentException("visitor_id must be empty for an email_click");
        }
        return new ClickRow(line, click(contactId, at, pageUrl));
      default:
        throw new IllegalArgumentException("event must be form_submit or email_click, got \""
            + shorten(event) + "\"");
    }
  }

  private static EmailClick click(String contactId, Instant at, String pageUrl) {
    EmailClick plain = EmailClick.builder().contactId(contactId).clickedAt(at).build();
    if (pageUrl.isEmpty()) {
      return plain;
    }
    EmailClick fromUrl;
    try {
      fromUrl = EmailClick.fromClickedUrl(pageUrl, at);
    } catch (IllegalArgumentException e) {
      return plain;
    }
    if (!fromUrl.contactId().equals(contactId)) {
      throw new IllegalArgumentException("page_url carries contactId \""
          + shorten(fromUrl.contactId()) + "\", not the row's contact_id");
    }
    return fromUrl;
  }

  private static Instant instant(String text) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("occurred_at is empty");
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("occurred_at must be an ISO instant such as "
          + "2024-04-20T10:05:00Z, got \"" + shorten(text) + "\"");
    }
  }

  private static String shorten(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "..." : text;
  }

  /** Splits one CSV line; fields may be double-quoted, with {@code ""} for a quote inside. */
  static List<String> fields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
      } else if (c == '"' && field.toString().isBlank() && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
        field.setLength(0);
      } else if (wasQuoted && !Character.isWhitespace(c)) {
        throw new IllegalArgumentException("text after a closing quote at column " + (i + 1));
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("a quoted field is not closed (fields cannot span lines)");
    }
    fields.add(field.toString());
    return fields;
  }
}
