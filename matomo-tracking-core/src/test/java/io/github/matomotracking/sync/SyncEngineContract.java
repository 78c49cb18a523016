package io.github.matomotracking.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.matomotracking.client.FetchSummary;
import io.github.matomotracking.client.MatomoServerException;
import io.github.matomotracking.client.VisitQuery;
import io.github.matomotracking.identify.EmailClick;
import io.github.matomotracking.identify.Identification;
import io.github.matomotracking.identify.IdentityKey;
import io.github.matomotracking.identify.IdentityKind;
import io.github.matomotracking.model.VisitKey;
import io.github.matomotracking.model.WebAction;
import io.github.matomotracking.port.SessionSink;
import io.github.matomotracking.port.StoredSession;
import io.github.matomotracking.port.SyncCursor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The behaviour of the {@link SyncEngine} over any implementation of the ports: the story of
 * {@link Scenario} played through the engine's entry points, with the identification rules,
 * re-runs, an ongoing visit, batching, concurrency, cancellation, and faults injected at every
 * step followed by a restart that must converge, row for row, to an undisturbed run. Extend it
 * and create fresh ports in {@link #newPorts()}.
 */
public abstract class SyncEngineContract {

  /**
   * Fresh, empty ports.
   *
   * @return the ports
   */
  protected abstract SyncPorts newPorts();

  /**
   * A harness over fresh ports, with the story's default configuration (two identities per
   * request, two visits per write batch, one batch at a time).
   *
   * @return the harness
   */
  protected EngineHarness harness() {
    return new EngineHarness(this::newPorts);
  }

  /** What an undisturbed story stores and how many fault points it passes. */
  private record Baseline(StoreExport export, int points) {}

  /** Baselines by implementation and configuration: the story is deterministic, play it once. */
  private static final Map<String, Baseline> BASELINES = new ConcurrentHashMap<>();

  private Baseline baseline(String configuration, EngineHarness harness) {
    return BASELINES.computeIfAbsent(getClass().getName() + "/" + configuration,
        key -> new Baseline(harness.clean().export(), harness.countPoints()));
  }

  private static VisitKey visit(long id) {
    return VisitKey.of(Scenario.SITE, id);
  }

  private static StoredSession stored(EngineHarness.Outcome outcome, long visitId) {
    return outcome.ports().sessions().session(visit(visitId)).orElseThrow();
  }

  // ---- the story and the identification rules ----------------------------------------------

  @Test
  public void theStoryRunsWithoutFailureAndEveryVisitGetsTheOwnerTheRulesGive() {
    EngineHarness.Outcome outcome = harness().clean();

    assertThat(outcome.first().completed()).as("every step succeeded").isTrue();
    assertThat(outcome.export().owners()).containsExactlyEntriesOf(Scenario.expectedOwners());
  }

  static Stream<Arguments> identificationRules() {
    return Stream.of(
        Arguments.of("data of another contact entered in a form: the visit goes to that contact",
            203, "c3"),
        Arguments.of("several forms in one visit: the earliest submission wins", 401, "c5"),
        Arguments.of("a forwarded email: the reader's visit goes to the original recipient",
            502, "c4"),
        Arguments.of("history before the first identification goes to the first identified contact",
            101, "c1"),
        Arguments.of("a visit without its own submission goes to the latest identification before it",
            202, "c2"),
        Arguments.of("visits after a second identification go to the second contact", 402, "c6"),
        Arguments.of("a late identification dated before a stored visit takes the visit over",
            601, "c8"),
        Arguments.of("an email-click contact's visits are found by userId", 503, "c4"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("identificationRules")
  public void eachIdentificationRuleIsObservableThroughTheEngine(
      String rule, long visitId, String owner) {
    EngineHarness.Outcome outcome = harness().clean();

    assertThat(stored(outcome, visitId).contactId()).as(rule).isEqualTo(owner);
  }

  @Test
  public void withoutTheLateIdentificationTheVisitStaysWithTheFirstContact() {
    EngineHarness harness = harness();
    List<Scenario.Step> withoutLate = new ArrayList<>(Scenario.steps());
    withoutLate.remove(10);
    harness.steps(withoutLate);

    assertThat(stored(harness.clean(), 601).contactId()).isEqualTo("c7");
  }

  // ---- what runs report and change ----------------------------------------------------------

  @Test
  public void aFormSubmissionRecordsTheIdentificationAndImportsTheHistoryAtOnce() {
    EngineHarness harness = harness();
    harness.steps(Scenario.steps().subList(0, 4));
    EngineHarness.Outcome outcome = harness.clean();
    SyncReport report = outcome.first().reports().get(3);

    assertThat(report.flow()).isEqualTo(SyncFlow.IDENTIFICATION);
    assertThat(report.identificationsRecorded()).isEqualTo(1);
    assertThat(report.identities()).isEqualTo(1);
    // Visit 101 (March, the history) and 102 (going on: three actions by 10:06).
    assertThat(report.visits()).isEqualTo(2);
    assertThat(report.sessionsInserted()).isEqualTo(2);
    assertThat(report.actionsInserted()).isEqualTo(5);
    assertThat(report.contacts()).isEqualTo(1);
    // New by then: the pages "Pricing" and "Request a demo", and the action type "goal".
    assertThat(report.lookupAdditions()).isEqualTo(3);
    assertThat(report.requests()).isEqualTo(1);
    assertThat(report.failures()).isEmpty();
    assertThat(stored(outcome, 102).actions()).hasSize(3);
    assertThat(outcome.ports().lookups().snapshot().actionTypeByCode("goal")).isPresent();
  }

  @Test
  public void theSameSubmissionDeliveredTwiceIsRecordedOnceAndChangesNothing() {
    EngineHarness harness = harness();
    EngineHarness.Outcome outcome = harness.clean();
    SyncEngine engine = harness.engine(outcome.ports());

    SyncReport again = Scenario.steps().get(3).run(harness.clock(), engine) instanceof SyncReport r
        ? r : null;

    assertThat(again).isNotNull();
    assertThat(again.identificationsRecorded()).isZero();
    assertThat(again.visits()).isPositive();
    assertThat(again.changedNothing()).isTrue();
    assertThat(StoreExport.of(outcome.ports(), Scenario.identities()).sessions())
        .isEqualTo(outcome.export().sessions());
  }

  @Test
  public void reRunningTheScheduledSyncChangesNothing() {
    EngineHarness harness = harness();
    EngineHarness.Outcome outcome = harness.clean();
    SyncEngine engine = harness.engine(outcome.ports());

    SyncReport again = engine.runScheduled();
    harness.clock().set(Instant.parse("2024-05-03T02:00:00Z"));
    SyncReport nextDay = engine.runScheduled();

    for (SyncReport report : List.of(again, nextDay)) {
      assertThat(report.succeeded()).isTrue();
      assertThat(report.visits()).as("the boundary second is read again").isPositive();
      assertThat(report.sessionsInserted()).isZero();
      assertThat(report.sessionsUpdated()).isZero();
      assertThat(report.actionsInserted()).isZero();
      assertThat(report.actionsUpdated()).isZero();
      assertThat(report.sessionsUnchanged()).isEqualTo(report.visits());
    }
    assertThat(StoreExport.of(outcome.ports(), Scenario.identities()))
        .isEqualTo(outcome.export());
  }

  @Test
  public void anOngoingVisitGrowsAcrossTwoRunsWithoutDuplicates() {
    EngineHarness harness = harness();
    harness.steps(Scenario.steps().subList(0, Scenario.FIRST_DAILY_RUN + 1));
    EngineHarness.Outcome first = harness.clean();
    StoredSession before = stored(first, 204);
    SyncEngine engine = harness.engine(first.ports());

    SyncReport second =
        (SyncReport) Scenario.steps().get(Scenario.FIRST_DAILY_RUN + 1).run(harness.clock(), engine);
    StoredSession after = stored(first, 204);

    assertThat(before.session().actionCount()).isEqualTo(3);
    assertThat(before.session().lastActionDate()).contains(Instant.parse("2024-04-28T16:10:00Z"));
    assertThat(after.session().actionCount()).isEqualTo(5);
    assertThat(after.session().durationSeconds()).isEqualTo(20 * 60);
    assertThat(after.session().lastActionDate()).contains(Instant.parse("2024-04-28T16:20:00Z"));
    assertThat(after.actions()).hasSize(5);
    assertThat(after.actions().stream().map(WebAction::naturalKey).distinct()).hasSize(5);
    assertThat(after.actions().subList(0, 3)).isEqualTo(before.actions());
    assertThat(second.sessionsInserted()).isZero();
    assertThat(second.sessionsUpdated()).isEqualTo(1);
    assertThat(second.actionsInserted()).isEqualTo(2);
    assertThat(second.actionsUpdated()).isZero();
  }

  @Test
  public void theCursorResumesOneSecondBeforeTheLastStoredAction() {
    EngineHarness harness = harness();
    harness.steps(Scenario.steps().subList(0, Scenario.FIRST_DAILY_RUN + 1));
    EngineHarness.Outcome outcome = harness.clean();

    Optional<SyncCursor> cursor = outcome.ports().state().cursor(IdentityKey.visitorId(Scenario.B));
    long lastAction = Instant.parse("2024-04-28T16:10:00Z").getEpochSecond();

    assertThat(cursor).contains(SyncCursor.of(lastAction, List.of(visit(204))));
    harness.engine(outcome.ports()).refresh();
    assertThat(harness.source().queries().get(harness.source().queries().size() - 1)
        .minTimestamp()).isLessThanOrEqualTo(lastAction - 1);
  }

  @Test
  public void aBackfillOfManyIdentificationsImportsTheVisitorsInBatches() {
    EngineHarness harness = harness();
    List<Identification> backfill = List.of(
        Identification.ofSubmission(Scenario.form(Scenario.B, "c2", "2024-04-10T09:00:00Z"), "c2"),
        Identification.ofSubmission(Scenario.form(Scenario.E, "c9", "2024-04-18T09:02:00Z"), "c9"),
        Identification.ofSubmission(Scenario.form(Scenario.F, "c7", "2024-04-20T10:00:00Z"), "c7"),
        Identification.ofSubmission(Scenario.form(Scenario.A, "c1", "2024-04-20T10:05:00Z"), "c1"),
        Identification.ofSubmission(Scenario.form(Scenario.D, "c5", "2024-04-21T10:02:00Z"), "c5"),
        Identification.ofSubmission(Scenario.form(Scenario.D, "c6", "2024-04-21T10:10:00Z"), "c6"),
        Identification.ofSubmission(Scenario.form(Scenario.B, "c3", "2024-04-22T15:00:00Z"), "c3"));
    List<Scenario.Step> steps = new ArrayList<>();
    steps.add(new Scenario.Step("backfill", Instant.parse("2024-04-22T15:01:00Z"),
        engine -> engine.onIdentifications(backfill)));
    steps.addAll(Scenario.steps().subList(7, Scenario.steps().size()));
    harness.steps(steps);

    EngineHarness.Outcome outcome = harness.clean();
    SyncReport report = outcome.first().reports().get(0);

    assertThat(report.identificationsRecorded()).isEqualTo(7);
    assertThat(report.identities()).isEqualTo(5);
    assertThat(report.batches()).as("five visitors, two per batch").isEqualTo(3);
    assertThat(report.requests()).isEqualTo(3);
    assertThat(outcome.export().owners()).containsExactlyEntriesOf(Scenario.expectedOwners());
  }

  // ---- the email-click flow -----------------------------------------------------------------

  @Test
  public void anEmailClickIsOnlyRecordedWithoutAskingMatomo() {
    EngineHarness harness = harness();
    SyncEngine engine = harness.engine(harness.newPorts());
    EmailClick click = EmailClick.builder().contactId("c4")
        .clickedAt(Instant.parse("2024-04-24T07:29:00Z")).build();

    assertThat(engine.onEmailClick(click)).isTrue();
    assertThat(engine.onEmailClick(click)).isFalse();
    assertThat(harness.source().queries()).isEmpty();
  }

  @Test
  public void emailClickContactsAreQueriedByUserIdFromTheirCursorWhileTheClickIsRecent() {
    EngineHarness harness = harness();
    EngineHarness.Outcome outcome = harness.clean();

    List<TimelineSource.Asked> byUserId = harness.source().queries().stream()
        .filter(query -> query.kind() == IdentityKind.USER_ID).toList();

    // The first daily run finds c4's visit 503; the second, still within seven days of the click,
    // reads c4 again from its cursor; the third is more than seven days after the click.
    assertThat(byUserId).hasSize(2);
    assertThat(byUserId).allSatisfy(query -> assertThat(query.identities()).containsExactly("c4"));
    // From the start of the email-click window, seven days before the run, the boundary second
    // included.
    assertThat(byUserId.get(0).minTimestamp())
        .isEqualTo(Instant.parse("2024-04-21T16:10:00Z").getEpochSecond() - 1);
    long lastAction = Instant.parse("2024-04-24T07:35:00Z").getEpochSecond();
    assertThat(byUserId.get(1).minTimestamp()).isLessThanOrEqualTo(lastAction - 1)
        .isGreaterThan(byUserId.get(0).minTimestamp());
    assertThat(outcome.ports().state().cursor(IdentityKey.userId("c4")).orElseThrow()
        .visitsAtLastSecond()).containsExactly(visit(503));
  }

  @Test
  public void anEmailClickVisitStillGoingOnAtARunIsCompletedByTheNextRun() {
    EngineHarness harness = harness();
    List<Scenario.Step> steps = new ArrayList<>(Scenario.steps());
    int click = 7;
    steps.add(click + 1, new Scenario.Step("scheduled run during visit 503",
        Instant.parse("2024-04-24T07:32:00Z"), SyncEngine::runScheduled));
    harness.steps(steps.subList(0, click + 2));
    EngineHarness.Outcome during = harness.clean();
    StoredSession before = stored(during, 503);
    SyncEngine engine = harness.engine(during.ports());

    steps.get(click + 2).run(harness.clock(), engine);
    StoredSession after = stored(during, 503);

    assertThat(before.session().actionCount()).isEqualTo(1);
    assertThat(after.session().actionCount()).isEqualTo(2);
    assertThat(after.session().lastActionDate()).contains(Instant.parse("2024-04-24T07:35:00Z"));
    assertThat(after.actions()).hasSize(2);
    assertThat(after.actions().get(0)).isEqualTo(before.actions().get(0));
  }

  // ---- batching ---------------------------------------------------------------------------

  @Test
  public void manyIdentitiesShareAQueryUpToTheConfiguredNumber() {
    EngineHarness harness = harness();
    harness.config(SyncConfig.builder().from(harness.config()).identitiesPerRequest(3).build());
    harness.steps(Scenario.steps().subList(0, Scenario.FIRST_DAILY_RUN + 1));
    harness.clean();

    List<TimelineSource.Asked> queries = harness.source().queries();
    List<TimelineSource.Asked> refresh = queries.subList(queries.size() - 3, queries.size() - 1);
    // Five tracked visitors, three per query.
    assertThat(refresh).allSatisfy(query -> assertThat(query.kind()).isEqualTo(IdentityKind.VISITOR_ID));
    assertThat(refresh.stream().map(query -> query.identities().size())).containsExactlyInAnyOrder(3, 2);
    assertThat(refresh.stream().flatMap(query -> query.identities().stream()))
        .containsExactlyInAnyOrder(Scenario.A, Scenario.B, Scenario.D, Scenario.E, Scenario.F);
  }

  @Test
  public void everyWriteBatchHoldsAtMostTheConfiguredNumberOfVisits() {
    List<Integer> sizes = new CopyOnWriteArrayList<>();
    EngineHarness harness = new EngineHarness(() -> {
      SyncPorts ports = newPorts();
      SessionSink recording = batch -> {
        sizes.add(batch.size());
        return ports.sink().upsert(batch);
      };
      return new SyncPorts(recording, ports.sessions(), ports.state(), ports.lookups());
    });

    EngineHarness.Outcome outcome = harness.clean();

    assertThat(sizes).isNotEmpty().allSatisfy(size -> assertThat(size).isBetween(1, 2));
    assertThat(outcome.export().owners()).containsExactlyEntriesOf(Scenario.expectedOwners());
  }

  @Test
  public void visitsNobodyOwnsAreSkippedAndCounted() {
    EngineHarness harness = harness();
    harness.identifier((span, identifications) -> span.key().equals(visit(102))
        ? Optional.empty() : new io.github.matomotracking.identify.DefaultContactIdentifier()
            .owner(span, identifications));

    EngineHarness.Outcome outcome = harness.clean();

    assertThat(outcome.export().owners()).doesNotContainKey(visit(102));
    assertThat(outcome.first().reports().stream().mapToLong(SyncReport::visitsSkippedUnowned).sum())
        .isPositive();
    assertThat(outcome.first().reports().get(3).visitsSkippedUnowned()).isEqualTo(1);
  }

  // ---- concurrency and cancellation ---------------------------------------------------------

  @Test
  public void concurrentBatchesStoreExactlyWhatOneBatchAtATimeStores() {
    StoreExport sequential = harness().clean().export();
    EngineHarness harness = harness();
    harness.config(SyncConfig.builder().from(harness.config()).identitiesPerRequest(1)
        .maxConcurrency(4).build());

    EngineHarness.Outcome concurrent = harness.clean();

    assertThat(concurrent.first().completed()).isTrue();
    assertThat(concurrent.export()).isEqualTo(sequential);
  }

  @Test
  public void aCancelledRunStopsBetweenBatchesAndTheNextRunCatchesUp() {
    StoreExport undisturbed = harness().clean().export();
    EngineHarness harness = harness();
    harness.config(SyncConfig.builder().from(harness.config()).identitiesPerRequest(1).build());
    AtomicBoolean cancelled = new AtomicBoolean();
    harness.listener(new SyncListener() {
      @Override
      public void onBatchFinished(SyncBatch batch, SyncReport result) {
        if (batch.flow() == SyncFlow.SCHEDULED && cancelled.compareAndSet(false, true)) {
          harness.lastEngine().cancel();
        }
      }
    });

    EngineHarness.Outcome outcome = harness.faultedThenResumed();

    SyncReport stopped = outcome.first().reports().get(outcome.first().reports().size() - 1);
    assertThat(stopped.cancelled()).isTrue();
    assertThat(stopped.failures()).isEmpty();
    assertThat(stopped.batches()).isEqualTo(1);
    assertThat(stopped.batchesCancelled()).isPositive();
    assertThat(outcome.export()).isEqualTo(undisturbed);
  }

  @Test
  public void anInterruptedThreadRunsNoBatchAndReportsCancelled() {
    EngineHarness harness = harness();
    EngineHarness.Outcome outcome = harness.clean();
    SyncEngine engine = harness.engine(outcome.ports());
    int queries = harness.source().queries().size();

    Thread.currentThread().interrupt();
    SyncReport report;
    try {
      report = engine.refresh();
    } finally {
      assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
    }

    assertThat(report.cancelled()).isTrue();
    assertThat(report.batchesCancelled()).isPositive();
    assertThat(harness.source().queries()).hasSize(queries);
    assertThat(StoreExport.of(outcome.ports(), Scenario.identities())).isEqualTo(outcome.export());
  }

  @Test
  public void theListenerSeesEveryBatchAndWriteOfARun() {
    List<String> events = new CopyOnWriteArrayList<>();
    List<SyncReport> finished = new CopyOnWriteArrayList<>();
    long[] written = new long[1];
    EngineHarness harness = harness();
    harness.listener(new SyncListener() {
      @Override
      public void onRunStarted(SyncFlow flow) {
        events.add("run " + flow);
      }

      @Override
      public void onBatchStarted(SyncBatch batch) {
        events.add("start " + batch.number());
      }

      @Override
      public void onWriteBatch(SyncBatch batch, int visits, int writes) {
        synchronized (written) {
          written[0] += visits;
        }
      }

      @Override
      public void onBatchFinished(SyncBatch batch, SyncReport result) {
        events.add("finish " + batch.number());
      }

      @Override
      public void onRunFinished(SyncReport report) {
        finished.add(report);
      }
    });
    harness.steps(Scenario.steps().subList(0, Scenario.FIRST_DAILY_RUN + 1));

    EngineHarness.Outcome outcome = harness.clean();
    SyncReport daily = outcome.first().reports().get(outcome.first().reports().size() - 1);

    // Five visitors two per batch, then c4: four batches.
    assertThat(events.subList(events.lastIndexOf("run SCHEDULED"), events.size())).containsExactly(
        "run SCHEDULED", "start 1", "finish 1", "start 2", "finish 2", "start 3", "finish 3",
        "start 4", "finish 4");
    assertThat(finished.get(finished.size() - 1)).isEqualTo(daily);
    assertThat(written[0]).isEqualTo(outcome.first().reports().stream()
        .mapToLong(SyncReport::visits).sum());
  }

  // ---- failures ---------------------------------------------------------------------------

  @Test
  public void aFailingBatchIsReportedWithItsIdentitiesAndTheOtherBatchesGoOn() {
    EngineHarness harness = harness();
    harness.config(SyncConfig.builder().from(harness.config()).identitiesPerRequest(1).build());
    harness.steps(Scenario.steps().subList(0, Scenario.FIRST_DAILY_RUN + 1));
    AtomicBoolean matomoDown = new AtomicBoolean();
    harness.sourceDecorator(source -> new VisitSource() {
      @Override
      public FetchSummary fetch(VisitQuery query,
          java.util.function.Consumer<? super io.github.matomotracking.model.Visit> visits) {
        if (matomoDown.get() && query.visitorIds().contains(Scenario.D)) {
          throw new MatomoServerException("Matomo answered HTTP 503", 503, null, null, null);
        }
        return source.fetch(query, visits);
      }

      @Override
      public Optional<java.time.ZoneId> siteTimeZone(long siteId) {
        return source.siteTimeZone(siteId);
      }
    });
    SyncPorts ports = harness.newPorts();
    harness.play(ports, 0);
    StoreExport beforeDaily = StoreExport.of(ports, Scenario.identities());
    // Replay the daily run with D failing.
    matomoDown.set(true);
    harness.steps(Scenario.steps().subList(0, Scenario.FIRST_DAILY_RUN + 2));
    SyncReport daily = (SyncReport) harness.play(ports, Scenario.FIRST_DAILY_RUN + 1).results().get(0);

    assertThat(daily.failures()).hasSize(1);
    SyncFailure failure = daily.failures().get(0);
    assertThat(failure.stage()).isEqualTo(SyncStage.FETCH);
    assertThat(failure.identities()).containsExactly(IdentityKey.visitorId(Scenario.D));
    assertThat(failure.errorType()).isEqualTo("MatomoServerException");
    assertThat(failure.retryable()).isTrue();
    assertThat(failure.isMatomoFailure()).isTrue();
    // Five tracked visitors, one per batch, and c4, read again from its cursor (its click is
    // five days old).
    assertThat(daily.batches()).isEqualTo(6);
    // The others went on: B's ongoing visit is complete now.
    assertThat(ports.sessions().session(visit(204)).orElseThrow().session().actionCount()).isEqualTo(5);
    assertThat(ports.state().cursor(IdentityKey.visitorId(Scenario.D)))
        .isEqualTo(beforeDaily.cursors().get(IdentityKey.visitorId(Scenario.D)));
  }

  @Test
  public void anImportThatFailsAfterTheIdentificationIsCaughtUpByTheNextRefresh() {
    EngineHarness harness = harness();
    harness.faults().failAt("source.fetch", 1000, () -> new IllegalStateException("unused"));
    SyncPorts ports = harness.newPorts();
    // Play up to the late identification; make its import fail; then only the next daily run.
    harness.steps(Scenario.steps().subList(0, 10));
    harness.play(ports, 0);
    harness.faults().failAt("source.fetch", 1,
        () -> new MatomoServerException("Matomo answered HTTP 500", 500, null, null, null));
    harness.steps(Scenario.steps());
    SyncReport late = (SyncReport) harness.play(ports.faulty(harness.faults()), 10).results().get(0);
    harness.faults().off();
    SyncReport next = (SyncReport) harness.play(ports, 11).results().get(0);

    assertThat(late.identificationsRecorded()).isEqualTo(1);
    assertThat(late.failures()).singleElement()
        .satisfies(f -> assertThat(f.stage()).isEqualTo(SyncStage.FETCH));
    assertThat(next.succeeded()).isTrue();
    assertThat(ports.sessions().session(visit(601)).orElseThrow().contactId()).isEqualTo("c8");
    assertThat(StoreExport.of(ports, Scenario.identities())).isEqualTo(harness.clean().export());
  }

  private static final int FORM_OF_A = 3;
  private static final int LAST_DAILY_RUN = 11;

  static Stream<Arguments> faults() {
    Supplier<RuntimeException> matomo =
        () -> new MatomoServerException("Matomo answered HTTP 500", 500, null, null, null);
    int form = FORM_OF_A;
    int first = Scenario.FIRST_DAILY_RUN;
    int last = LAST_DAILY_RUN;
    return Stream.of(
        Arguments.of("form: the cursor cannot be lowered", form, "state.saveCursor", 1, null),
        Arguments.of("form: the identification cannot be recorded", form,
            "state.recordIdentification", 1, null),
        Arguments.of("form: Matomo fails at the import", form, "source.fetch", 1, matomo),
        Arguments.of("form: Matomo fails in the middle of the import", form, "source.visit", 2, matomo),
        Arguments.of("form: the site's time zone cannot be read", form, "source.zone", 1, matomo),
        Arguments.of("form: the lookup snapshot cannot be read", form, "lookups.snapshot", 1, null),
        Arguments.of("form: the lookup additions cannot be applied", form, "lookups.apply", 1, null),
        Arguments.of("form: the sink fails", form, "sink.upsert", 1, null),
        Arguments.of("form: the sink fails after it committed", form, "sink.upsert.done", 1, null),
        Arguments.of("form: the cursor cannot be saved after the import", form,
            "state.saveCursor", 2, null),
        Arguments.of("daily: tracked visitors cannot be listed", first,
            "state.trackedVisitorIds", 1, null),
        Arguments.of("daily: a cursor cannot be read", first, "state.cursor", 3, null),
        Arguments.of("daily: identifications cannot be read", first, "state.identifications", 2, null),
        Arguments.of("daily: Matomo fails at a query", first, "source.fetch", 2, matomo),
        Arguments.of("daily: Matomo fails in the middle of a response", first, "source.visit", 3, matomo),
        Arguments.of("daily: the sink fails", first, "sink.upsert", 2, null),
        Arguments.of("daily: the lookup store fails after applying", first,
            "lookups.apply.done", 1, null),
        Arguments.of("daily: clicking contacts cannot be listed", first,
            "state.contactsWhoClickedSince", 1, null),
        Arguments.of("daily: the session store cannot be asked", first,
            "sessions.hasSessionForContact", 1, null),
        Arguments.of("daily: the email-click start cannot be marked", first,
            "state.saveCursor", 6, null),
        Arguments.of("email click: the click cannot be recorded", 7, "state.recordEmailClick", 1, null),
        Arguments.of("last daily: Matomo fails in the middle of a response", last,
            "source.visit", 2, matomo),
        Arguments.of("last daily: the sink fails", last, "sink.upsert", 1, null),
        Arguments.of("last daily: the sink fails after it committed", last,
            "sink.upsert.done", 2, null),
        Arguments.of("last daily: the lookup additions cannot be applied", last,
            "lookups.apply", 1, null),
        Arguments.of("last daily: a cursor cannot be saved", last, "state.saveCursor", 1, null),
        Arguments.of("last daily: the state store fails after saving a cursor", last,
            "state.saveCursor.done", 1, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  public void aFailureAtAnyStepIsFollowedByARunThatConvergesToTheUndisturbedResult(
      String fault, int step, String point, int nth, Supplier<RuntimeException> exception) {
    EngineHarness harness = faultMatrixHarness();
    StoreExport undisturbed = baseline("fault matrix", harness).export();
    harness.armAt(step, faults -> faults.failAt(point, nth,
        exception != null ? exception : () -> new FaultInjector.InjectedFault(point)));

    EngineHarness.Outcome outcome = harness.faultedThenResumed();

    assertThat(outcome.first().stoppedAt()).as("the fault stopped the story at its step")
        .isEqualTo(step);
    assertThat(outcome.last().completed()).as("the restart ran to the end").isTrue();
    assertThat(outcome.export()).isEqualTo(undisturbed);
  }

  /** One identity per query and three visits per write batch, so no batch hides another's loss. */
  private EngineHarness faultMatrixHarness() {
    EngineHarness harness = harness();
    return harness.config(SyncConfig.builder().from(harness.config()).identitiesPerRequest(1)
        .visitsPerWriteBatch(3).build());
  }

  @Test
  public void aCursorMovesOnlyOverVisitsTheSinkAcknowledged() {
    StoreExport undisturbed = faultMatrixHarness().clean().export();
    AtomicBoolean failOnce = new AtomicBoolean(true);
    EngineHarness harness = new EngineHarness(() -> {
      SyncPorts ports = newPorts();
      SessionSink failing = batch -> {
        // The last daily run writes A's visits 103, 104 and 105 in one batch: refuse it once.
        if (batch.stream().anyMatch(write -> write.key().equals(visit(104)))
            && failOnce.getAndSet(false)) {
          throw new FaultInjector.InjectedFault("sink.upsert of visit 104");
        }
        return ports.sink().upsert(batch);
      };
      return new SyncPorts(failing, ports.sessions(), ports.state(), ports.lookups());
    });
    harness.config(faultMatrixHarness().config());
    SyncPorts ports = harness.newPorts();

    EngineHarness.Played failed = harness.play(ports, 0);
    Optional<SyncCursor> afterFailure = ports.state().cursor(IdentityKey.visitorId(Scenario.A));
    EngineHarness.Played resumed = harness.play(ports, failed.stoppedAt());

    assertThat(failed.stoppedAt()).isEqualTo(LAST_DAILY_RUN);
    SyncReport report = failed.reports().get(failed.reports().size() - 1);
    assertThat(report.failures()).singleElement().satisfies(failure -> {
      assertThat(failure.stage()).isEqualTo(SyncStage.SINK);
      assertThat(failure.identities()).containsExactly(IdentityKey.visitorId(Scenario.A));
    });
    assertThat(afterFailure).as("A's cursor still at visit 103")
        .contains(SyncCursor.of(Instant.parse("2024-04-25T14:03:00Z").getEpochSecond(),
            List.of(visit(103))));
    assertThat(resumed.completed()).isTrue();
    assertThat(StoreExport.of(ports, Scenario.identities())).isEqualTo(undisturbed);
  }

  static IntStream seeds() {
    return IntStream.range(0, 50);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  public void aProcessKilledAtARandomPointRestartsAndConvergesRowForRow(int seed) {
    EngineHarness harness = harness();
    Baseline baseline = baseline("default", harness);
    StoreExport undisturbed = baseline.export();
    int points = baseline.points();
    int killAt = 1 + new Random(seed).nextInt(points);
    harness.faults().killAt(killAt);

    EngineHarness.Outcome outcome = harness.faultedThenResumed();

    assertThat(outcome.first().stoppedBy()).isInstanceOf(FaultInjector.SimulatedKill.class);
    assertThat(outcome.last().completed()).isTrue();
    assertThat(outcome.export()).as("killed at point %d of %d", killAt, points)
        .isEqualTo(undisturbed);
  }

  static IntStream concurrentSeeds() {
    return IntStream.range(100, 115);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("concurrentSeeds")
  public void aProcessKilledDuringConcurrentBatchesConverges(int seed) {
    EngineHarness harness = harness();
    harness.config(SyncConfig.builder().from(harness.config()).identitiesPerRequest(1)
        .maxConcurrency(3).build());
    Baseline baseline = baseline("concurrent", harness);
    StoreExport undisturbed = baseline.export();
    int points = baseline.points();
    harness.faults().killAt(1 + new Random(seed).nextInt(points));

    EngineHarness.Outcome outcome = harness.faultedThenResumed();

    assertThat(outcome.last().completed()).isTrue();
    assertThat(outcome.export()).isEqualTo(undisturbed);
  }

  // ---- several sites ----------------------------------------------------------------------

  @Test
  public void withSeveralSitesACursorNeverPassesTheStartOfItsBatch() {
    EngineHarness harness = severalSites();
    EngineHarness.Outcome outcome = harness.clean();

    assertThat(outcome.first().completed()).isTrue();
    // A's visit on site 2 ends after the first daily run started: the cursor stops at the start.
    assertThat(outcome.ports().sessions().session(VisitKey.of(2, 701)).orElseThrow().contactId())
        .isEqualTo("c1");
    SyncCursor cursor = outcome.ports().state().cursor(IdentityKey.visitorId(Scenario.A)).orElseThrow();
    assertThat(cursor.lastActionTime())
        .isLessThanOrEqualTo(Instant.parse("2024-05-02T02:00:00Z").getEpochSecond());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("concurrentSeeds")
  public void withSeveralSitesAKilledProcessConverges(int seed) {
    EngineHarness harness = severalSites();
    Baseline baseline = baseline("several sites", harness);
    StoreExport undisturbed = baseline.export();
    int points = baseline.points();
    harness.faults().killAt(1 + new Random(seed).nextInt(points));

    EngineHarness.Outcome outcome = harness.faultedThenResumed();

    assertThat(outcome.last().completed()).isTrue();
    assertThat(outcome.export()).isEqualTo(undisturbed);
  }

  private EngineHarness severalSites() {
    EngineHarness harness = harness();
    harness.config(SyncConfig.builder().from(harness.config()).sites(List.of(1L, 2L)).build());
    harness.source().add(TimelineVisit.of(2, 701, Scenario.A)
        .page("2024-05-02T01:59:00Z", "https://shop.example.com/", "Shop")
        .page("2024-05-02T02:04:00Z", "https://shop.example.com/cart", "Cart"));
    return harness;
  }
}
