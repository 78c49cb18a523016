package io.github.matomotracking.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.matomotracking.model.Visit;
import io.github.matomotracking.model.VisitWarning;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The pull form: one visit per call, warnings on demand, the caller's stream left alone. */
class VisitCursorTest {

  private final LiveResponseReader reader = new LiveResponseReader();

  @Test
  void pullsVisitsOneByOneAndSkipsAVisitWithoutIdVisit() {
    try (VisitCursor cursor = reader.open(ReadResult.resource("visit-without-idvisit.json"), 200)) {
      Visit first = cursor.next();
      assertThat(first.visitId()).isEqualTo(10);
      assertThat(cursor.drainWarnings()).isEmpty();

      Visit second = cursor.next();
      assertThat(second.visitId()).as("the visit after the skipped one").isEqualTo(12);
      List<VisitWarning> warnings = cursor.drainWarnings();
      assertThat(warnings).singleElement().satisfies(warning -> {
        assertThat(warning.message()).isEqualTo("skipped: idVisit is missing");
        assertThat(warning.siteId()).hasValue(1);
        assertThat(warning.visitId()).isEmpty();
        assertThat(warning.position()).hasValue(1);
      });
      assertThat(cursor.drainWarnings()).as("drained warnings are forgotten").isEmpty();

      assertThat(cursor.next()).isNull();
      assertThat(cursor.next()).as("the end stays the end").isNull();
      assertThat(cursor.visitsRead()).isEqualTo(2);
      assertThat(cursor.visitsSkipped()).isEqualTo(1);
    }
  }

  @Test
  void readHandsOverTheSkipWarningAndTheSurroundingVisits() {
    ReadResult result = ReadResult.readResource("visit-without-idvisit.json");

    assertThat(result.visits()).extracting(Visit::visitId).containsExactly(10L, 12L);
    assertThat(result.warnings()).singleElement()
        .satisfies(w -> assertThat(w.describe()).isEqualTo(
            "visit (#1 in the response): skipped: idVisit is missing"));
    assertThat(result.summary()).isEqualTo(new ReadSummary(2, 1));
  }

  @Test
  void neitherTheCursorNorReadClosesTheCallersStream() {
    CloseTracking body = new CloseTracking(ReadResult.resource("two-visits-typed.json"));
    VisitCursor cursor = reader.open(body, 200);
    cursor.next();
    cursor.close();
    assertThat(body.closed).isFalse();

    CloseTracking again = new CloseTracking(ReadResult.resource("two-visits-typed.json"));
    reader.read(again, 200, visit -> { }, warning -> { });
    assertThat(again.closed).isFalse();

    CloseTracking failing = new CloseTracking(ReadResult.resource("error-wrong-token.json"));
    assertThatThrownBy(() -> reader.open(failing, 200))
        .isInstanceOf(MatomoAuthenticationException.class);
    assertThat(failing.closed).isFalse();
  }

  @Test
  void aClosedCursorRefusesToGoOn() {
    VisitCursor cursor = reader.open(ReadResult.resource("two-visits-typed.json"), 200);
    cursor.close();
    cursor.close();

    assertThatThrownBy(cursor::next)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void afterAFailureEveryCallThrowsTheSameException() {
    try (VisitCursor cursor =
        reader.open(ReadResult.resource("truncated-after-two-visits.json"), 200)) {
      assertThat(cursor.next()).isNotNull();
      assertThat(cursor.next()).isNotNull();
      MatomoTruncatedResponseException first =
          catchThrowableOfType(MatomoTruncatedResponseException.class, cursor::next);

      assertThat(first.visitsRead()).isEqualTo(2);
      assertThatThrownBy(cursor::next).isSameAs(first);
    }
  }

  @Test
  void handsOverTheFirstVisitLongBeforeTheBodyIsRead() {
    GeneratedResponse body = new GeneratedResponse(10_000);

    try (VisitCursor cursor = reader.open(body, 200)) {
      Visit first = cursor.next();

      assertThat(first.visitId()).isEqualTo(1);
      assertThat(body.ended()).isFalse();
      assertThat(body.bytesRead()).as("bytes read for the first visit").isLessThan(32 * 1024);
    }
  }

  @Test
  void reads50000VisitsFromAGeneratorWithoutHoldingThem() {
    GeneratedResponse body = new GeneratedResponse(50_000);
    long[] idSum = {0};
    int[] actions = {0};

    ReadSummary summary = reader.read(body, 200, visit -> {
      idSum[0] += visit.visitId();
      actions[0] += visit.actions().size();
    }, warning -> {
      throw new AssertionError(warning.describe());
    });

    assertThat(summary).isEqualTo(new ReadSummary(50_000, 0));
    assertThat(idSum[0]).isEqualTo(50_000L * 50_001L / 2);
    assertThat(actions[0]).isEqualTo(100_000);
    assertThat(body.ended()).isTrue();
  }

  @Test
  void oneReaderServesSeveralThreadsAtOnce() throws Exception {
    byte[] typed = ReadResult.resourceBytes("two-visits-typed.json");
    List<Visit> expected = ReadResult.read(typed, 200).visits();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<List<Visit>>> jobs = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        jobs.add(() -> {
          List<Visit> visits = new ArrayList<>();
          reader.read(new ByteArrayInputStream(typed), 200, visits::add, warning -> { });
          return visits;
        });
      }
      for (Future<List<Visit>> result : pool.invokeAll(jobs)) {
        assertThat(result.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void generatedVisitsAreValidForTheReader() {
    String one = "[" + GeneratedResponse.visit(0) + "]";

    Visit visit = ReadResult.read(one).onlyVisit();

    assertThat(visit.durationSeconds()).hasValue(42);
    assertThat(visit.actions().get(0).url()).contains("https://shop.example.com/p0");
    assertThat(visit.actions().get(1).timeSpentSeconds()).isEmpty();
  }

  private static final class CloseTracking extends FilterInputStream {
    boolean closed;

    CloseTracking(InputStream in) {
      super(in);
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
