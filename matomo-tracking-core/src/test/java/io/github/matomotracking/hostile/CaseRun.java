package io.github.matomotracking.hostile;

import io.github.matomotracking.client.LiveResponseReader;
import io.github.matomotracking.client.MatomoException;
import io.github.matomotracking.mapping.MappingBatch;
import io.github.matomotracking.mapping.SiteTimeZones;
import io.github.matomotracking.mapping.TestLookups;
import io.github.matomotracking.mapping.VisitMapper;
import io.github.matomotracking.model.MappedVisit;
import io.github.matomotracking.model.Visit;
import io.github.matomotracking.model.VisitWarning;
import io.github.matomotracking.model.WebAction;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one body with the default {@link LiveResponseReader} and maps every visit it hands over
 * with {@link VisitMapper#standard()} against {@link TestLookups#defaults()}, as it is handed over
 * (nothing is kept but ids and counts, so it also runs in a small heap). Checks the invariants that
 * hold for every input and records what broke them.
 */
final class CaseRun {

  /** How many kept ids a result lists. */
  static final int KEPT_IDS_SHOWN = 1000;

  /** A new mapping batch every this many visits, as a host would map page by page. */
  static final int BATCH_SIZE = 1000;

  private static final int WARNINGS_SHOWN = 5;
  private static final LiveResponseReader READER = new LiveResponseReader();
  private static final TestLookups LOOKUPS = TestLookups.defaults();
  private static final SiteTimeZones ZONES =
      SiteTimeZones.fromMatomo(Map.of(1L, "Europe/Berlin", 2L, "UTC", 3L, "UTC+5.5"));

  private final String fragment;
  private final List<Long> kept = new ArrayList<>();
  private final List<String> firstWarnings = new ArrayList<>();
  private final List<String> violations = new ArrayList<>();
  private long visitsKept;
  private long warnings;
  private boolean fragmentFound;
  private MappingBatch batch;
  private int inBatch;

  private CaseRun(String fragment) {
    this.fragment = fragment;
  }

  /** Reads and maps the body of a case (closing it) and checks the invariants. */
  static CaseResult run(HostileCase hostileCase) {
    try (InputStream body = HostileCorpus.open(hostileCase)) {
      return run(body, hostileCase.httpStatus(), hostileCase.fragment());
    } catch (IOException e) {
      throw new IllegalStateException("closing " + hostileCase.file(), e);
    }
  }

  /** Reads and maps a body (not closing it) and checks the invariants. */
  static CaseResult run(InputStream body, int httpStatus, String fragment) {
    return new CaseRun(fragment).go(body, httpStatus);
  }

  private CaseResult go(InputStream body, int httpStatus) {
    String outcome;
    String message = null;
    try {
      READER.read(body, httpStatus, this::visit, this::readerWarning);
      outcome = warnings == 0 ? "ok" : "warning";
    } catch (MatomoException e) {
      outcome = "error:" + e.getClass().getSimpleName();
      message = e.getMessage() == null ? null : shorten(e.getMessage());
      fragmentFound = !fragment.isEmpty() && e.getMessage() != null
          && e.getMessage().contains(fragment);
    } catch (RuntimeException e) {
      outcome = "crash:" + e.getClass().getName();
      message = e.toString();
      violation("the reader threw " + e + ", not a MatomoException");
    }
    return new CaseResult(outcome, List.copyOf(kept), visitsKept, message, fragmentFound, warnings,
        List.copyOf(firstWarnings), List.copyOf(violations));
  }

  private void readerWarning(VisitWarning warning) {
    note(warning);
    if (warning.position().isEmpty()) {
      violation("a reader warning names no position: " + warning.describe());
    }
  }

  private void mapperWarning(Visit visit, VisitWarning warning) {
    note(warning);
    if (warning.siteId().isEmpty() || warning.visitId().isEmpty()) {
      violation("a mapper warning names no visit: " + warning.describe());
    } else if (warning.visitId().getAsLong() != visit.visitId()
        || warning.siteId().getAsLong() != visit.siteId()) {
      violation("a mapper warning names another visit: " + warning.describe());
    }
  }

  private void note(VisitWarning warning) {
    warnings++;
    String text = warning.describe();
    if (!fragmentFound && !fragment.isEmpty() && text.contains(fragment)) {
      fragmentFound = true;
    }
    if (firstWarnings.size() < WARNINGS_SHOWN) {
      firstWarnings.add(shorten(text));
    }
  }

  private void violation(String text) {
    if (violations.size() < WARNINGS_SHOWN) {
      violations.add(shorten(text));
    }
  }

  /** Texts from hostile input may be megabytes long: a failure message shows their start. */
  static String shorten(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "\u2026" : text;
  }

  private void visit(Visit visit) {
    visitsKept++;
    if (kept.size() < KEPT_IDS_SHOWN) {
      kept.add(visit.visitId());
    }
    if (batch == null || inBatch == BATCH_SIZE) {
      batch = VisitMapper.standard().newBatch(LOOKUPS, ZONES);
      inBatch = 0;
    }
    inBatch++;
    MappedVisit mapped;
    try {
      mapped = batch.map(visit);
    } catch (RuntimeException e) {
      violation("mapping visit " + visit.key() + " threw " + e);
      batch = null;
      return;
    }
    mapped.warnings().forEach(warning -> mapperWarning(visit, warning));
    if (!mapped.session().key().equals(visit.key())) {
      violation("visit " + visit.key() + " became session " + mapped.session().key());
    }
    if (mapped.actions().size() != visit.actions().size()) {
      violation("visit " + visit.key() + " has " + visit.actions().size()
          + " actions but " + mapped.actions().size() + " web actions");
    }
    Set<String> keys = new HashSet<>();
    for (WebAction action : mapped.actions()) {
      if (!keys.add(action.naturalKey())) {
        violation("visit " + visit.key() + " has two web actions keyed "
            + action.naturalKey());
      }
    }
  }
}
