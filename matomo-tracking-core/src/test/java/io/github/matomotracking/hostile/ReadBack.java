package io.github.matomotracking.hostile;

import io.github.matomotracking.client.LiveResponseReader;
import io.github.matomotracking.model.Visit;
import io.github.matomotracking.model.VisitWarning;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What one read handed over, including what it threw (anything at all, so that a property can
 * say which exception types are allowed).
 */
record ReadBack(List<Visit> visits, List<VisitWarning> warnings, Throwable thrown) {

  private static final LiveResponseReader READER = new LiveResponseReader();

  static ReadBack of(InputStream body) {
    List<Visit> visits = new ArrayList<>();
    List<VisitWarning> warnings = new ArrayList<>();
    Throwable thrown = null;
    try {
      READER.read(body, 200, visits::add, warnings::add);
    } catch (RuntimeException | StackOverflowError e) {
      thrown = e;
    }
    return new ReadBack(visits, warnings, thrown);
  }
}
