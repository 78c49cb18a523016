package io.github.matomotracking.examples.demo.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.matomotracking.examples.demo.DemoAction;
import io.github.matomotracking.examples.demo.DemoVisit;
import io.github.matomotracking.examples.demo.SampleSite;
import io.github.matomotracking.identify.IdentityKey;
import io.github.matomotracking.identify.IdentityKind;
import io.github.matomotracking.sync.SyncBatch;
import io.github.matomotracking.sync.SyncFlow;
import io.github.matomotracking.sync.SyncReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's small parts: the replayed timeline, the progress line, the text tables. */
class DemoPiecesTest {

  private static final SampleSite SAMPLE =
      SampleSite.generate(Instant.parse("2025-04-10T14:00:00Z"), 11);

  private static SyncBatch batch(int identities) {
    List<IdentityKey> keys = java.util.stream.IntStream.range(0, identities)
        .mapToObj(i -> IdentityKey.visitorId(String.format("%016x", i))).toList();
    return new SyncBatch(SyncFlow.SCHEDULED, 1, IdentityKind.VISITOR_ID, keys, 0);
  }

  private static SyncReport report() {
    return SyncReport.builder().flow(SyncFlow.SCHEDULED).startedAt(Instant.EPOCH)
        .finishedAt(Instant.EPOCH).build();
  }

  @Test
  void theTimelineHoldsOnlyVisitsBegunAndTheActionsDoneByThen() {
    DemoVisit visit = SAMPLE.visits().stream().filter(v -> v.actions().size() >= 3).findFirst()
        .orElseThrow();
    Instant middle = visit.actions().get(1).time();

    List<DemoVisit> then = Timeline.asOf(SAMPLE.visits(), middle);

    DemoVisit cut = then.stream().filter(v -> v.key().equals(visit.key())).findFirst().orElseThrow();
    assertThat(cut.actions()).allSatisfy(a -> assertThat(a.time()).isBeforeOrEqualTo(middle));
    assertThat(cut.actions()).containsExactlyElementsOf(visit.actions().stream()
        .filter(a -> !a.time().isAfter(middle)).toList());
    assertThat(then).allSatisfy(v -> assertThat(v.firstActionTime()).isBeforeOrEqualTo(middle));
    assertThat(then.size()).isEqualTo((int) SAMPLE.visits().stream()
        .filter(v -> !v.firstActionTime().isAfter(middle)).count());
    assertThat(Timeline.asOf(SAMPLE.visits(), SAMPLE.now())).isEqualTo(SAMPLE.visits());
    assertThat(cut.actions().get(0)).isInstanceOf(DemoAction.class);
  }

  @Test
  void onATerminalTheProgressLineIsRedrawnInPlaceAndClearedAtTheEnd() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProgressLine progress = new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);

    progress.begin("scheduled run 1", 9, true);
    progress.onWriteBatch(batch(3), 40, 38);
    progress.onBatchFinished(batch(3), report());
    progress.end();

    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(text).doesNotContain("\n")
        .contains("\r[scheduled run 1] 0/9 identities, 40 visits, 38 sessions")
        .contains("\r[scheduled run 1] 3/9 identities, 40 visits, 38 sessions")
        .endsWith("\r");
  }

  @Test
  void elsewhereItPrintsOnePlainLinePerIdentityBatchWhenAsked() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProgressLine progress = new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);

    progress.begin("import", 1, false);
    progress.onWriteBatch(batch(1), 5, 5);
    progress.onBatchFinished(batch(1), report());
    progress.begin("scheduled run 1", 4, true);
    progress.onWriteBatch(batch(2), 7, 6);
    progress.onBatchFinished(batch(2), report());
    progress.onBatchFinished(batch(3), report());
    progress.end();

    assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
        "[scheduled run 1] 2/4 identities, 7 visits, 6 sessions",
        "[scheduled run 1] 5/5 identities, 7 visits, 6 sessions");
  }

  @Test
  void tablesPadColumnsAlignNumbersRightAndShortenLongCells() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new TextTable("name", "#count").row("a", 7).row("x".repeat(60), 1234)
        .print(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).isEqualTo("  name" + " ".repeat(44) + "  count");
    assertThat(lines.get(2)).isEqualTo("  a" + " ".repeat(47) + "      7");
    assertThat(lines.get(3)).isEqualTo("  " + "x".repeat(45) + "...   1234");
  }
}
