package io.github.matomotracking.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.matomotracking.benchmarks.EconomyRunner.Outcome;
import io.github.matomotracking.examples.demo.DemoVisit;
import io.github.matomotracking.model.VisitKey;
import io.github.matomotracking.sync.SyncConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The request-economy runner on a small world, without latency: correctness only, no timing. */
class EconomyRunnerTest {

  private static final int VISITORS = 200;
  private static EconomyWorld world;
  private static Outcome outcome;

  @BeforeAll
  static void run() {
    world = EconomyWorld.generate(VISITORS, 7, EconomyRunner.REFRESH_AT);
    outcome = EconomyRunner.run(world, Duration.ZERO, SyncConfig.forSites(world.siteIds()));
  }

  @Test
  void theWorldHasNewAndOngoingVisitsAndIsTheSameForTheSameSeed() {
    EconomyWorld again = EconomyWorld.generate(VISITORS, 7, EconomyRunner.REFRESH_AT);

    assertThat(world.newVisits()).isPositive();
    assertThat(world.ongoing()).isPositive();
    assertThat(world.after()).hasSize(world.before().size() + world.newVisits());
    assertThat(again.after()).isEqualTo(world.after());
    assertThat(again.before()).isEqualTo(world.before());
    assertThat(EconomyWorld.generate(VISITORS, 8, EconomyRunner.REFRESH_AT).after()).isNotEqualTo(world.after());
  }

  @Test
  void ongoingVisitsAreCutAtThePreviousSyncAndGrowAfterIt() {
    Map<VisitKey, DemoVisit> after = world.after().stream()
        .collect(Collectors.toMap(DemoVisit::key, visit -> visit));
    long grown = world.before().stream()
        .filter(visit -> after.get(visit.key()).actions().size() > visit.actions().size())
        .peek(visit -> assertThat(visit.lastActionTime()).isBefore(world.previousSync()))
        .count();

    assertThat(grown).isEqualTo(world.ongoing());
    assertThat(world.before()).allSatisfy(visit ->
        assertThat(visit.lastActionTime()).isBefore(world.previousSync()));
  }

  @Test
  void bothVariantsStoreEveryVisitOfTheWorldWithItsActions() {
    assertThat(outcome.stored().sessions()).isEqualTo(world.after().size());
    assertThat(outcome.stored().actions()).isEqualTo(world.actionsAfter());
    assertThat(outcome.oursReport().succeeded()).isTrue();
    assertThat(outcome.oursReport().sessionsInserted()).isEqualTo(world.newVisits());
    assertThat(outcome.oursReport().sessionsUpdated()).isEqualTo(world.ongoing());
  }

  @Test
  void theCountsAgreeWithEachOtherAndWithTheSchemes() {
    int sites = world.siteIds().length;
    long segments = (VISITORS + NaiveSync.IDS_PER_SEGMENT - 1) / NaiveSync.IDS_PER_SEGMENT;
    long batches = outcome.oursReport().batches();

    assertThat(outcome.naive().requests()).as("the server's count and the integration's own")
        .isEqualTo(outcome.naiveRequests());
    assertThat(outcome.naive().requests()).as("a time-zone call per site, then at least a page per segment and site")
        .isGreaterThanOrEqualTo(sites + segments * sites);
    assertThat(outcome.ours().requests()).as("Live requests as the engine reports them, plus a time-zone call per site")
        .isEqualTo(outcome.oursReport().requests() + sites);
    assertThat(batches).isEqualTo((VISITORS + SyncConfig.DEFAULT_IDENTITIES_PER_REQUEST - 1)
        / SyncConfig.DEFAULT_IDENTITIES_PER_REQUEST);
    assertThat(outcome.ours().visitsSent()).as("every changed visit at least")
        .isGreaterThanOrEqualTo(world.newVisits() + world.ongoing());
    assertThat(outcome.naive().visitsSent()).as("what changed since the previous run, exactly")
        .isEqualTo(world.newVisits() + world.ongoing());
    assertThat(outcome.ours().requestBytes()).isPositive();
    assertThat(outcome.requestRatio()).isEqualTo((double) outcome.ours().requests() / outcome.naive().requests());
    assertThat(outcome.byteRatio()).isEqualTo((double) outcome.ours().bytes() / outcome.naive().bytes());
  }

  @Test
  void differentSinkContentsFailLoudlyNamingTheFirstVisitThatDiffers() {
    VisitKey key = VisitKey.of(1, 9);
    SinkContents mine = new SinkContents(Map.of(key, "contact-1\n"), 0, "aa");
    SinkContents theirs = new SinkContents(Map.of(key, "contact-2\n"), 0, "bb");

    assertThatThrownBy(() -> mine.requireSameAs(theirs, "test"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("NOT the same stored result")
        .hasMessageContaining("contact-1")
        .hasMessageContaining("contact-2");
    mine.requireSameAs(new SinkContents(Map.of(key, "contact-1\n"), 0, "aa"), "equal");
    assertThat(Set.of(mine.digest(), theirs.digest())).hasSize(2);
  }
}
