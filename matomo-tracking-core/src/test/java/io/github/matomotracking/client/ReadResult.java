package io.github.matomotracking.client;

import io.github.matomotracking.model.Visit;
import io.github.matomotracking.model.VisitWarning;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Everything one {@link LiveResponseReader#read} call handed over, for assertions. */
record ReadResult(List<Visit> visits, List<VisitWarning> warnings, ReadSummary summary) {

  static final LiveResponseReader READER = new LiveResponseReader();

  static ReadResult read(String body) {
    return read(body.getBytes(StandardCharsets.UTF_8), 200);
  }

  static ReadResult read(byte[] body, int httpStatus) {
    return read(new ByteArrayInputStream(body), httpStatus);
  }

  static ReadResult read(InputStream body, int httpStatus) {
    List<Visit> visits = new ArrayList<>();
    List<VisitWarning> warnings = new ArrayList<>();
    ReadSummary summary = READER.read(body, httpStatus, visits::add, warnings::add);
    return new ReadResult(visits, warnings, summary);
  }

  static ReadResult readResource(String name) {
    try (InputStream in = resource(name)) {
      return read(in, 200);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static InputStream resource(String name) {
    InputStream in = ReadResult.class.getResourceAsStream("/responses/" + name);
    if (in == null) {
      throw new IllegalArgumentException("no test resource /responses/" + name);
    }
    return in;
  }

  static byte[] resourceBytes(String name) {
    try (InputStream in = resource(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One visit object inside an array, with the three required fields and {@code fields}. */
  static String oneVisit(String fields) {
    String extra = fields.isBlank() ? "" : ", " + fields;
    return "[{\"idSite\": 1, \"idVisit\": 2, \"firstActionTimestamp\": 1700000000" + extra + "}]";
  }

  Visit onlyVisit() {
    if (visits.size() != 1) {
      throw new AssertionError("expected exactly one visit, got " + visits.size() + " " + warnings);
    }
    return visits.get(0);
  }
}
