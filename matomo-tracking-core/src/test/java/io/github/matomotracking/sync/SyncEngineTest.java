package io.github.matomotracking.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.matomotracking.identify.FormContactData;
import io.github.matomotracking.identify.FormSubmission;
import io.github.matomotracking.identify.IdentityKey;
import io.github.matomotracking.model.VisitKey;
import io.github.matomotracking.port.InMemorySessionSink;
import io.github.matomotracking.port.InMemorySyncStateStore;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Entry-point details that do not depend on the ports: matching, listener safety, building. */
class SyncEngineTest {

  private final EngineHarness harness = new EngineHarness(() -> {
    InMemorySessionSink sessions = new InMemorySessionSink();
    return new SyncPorts(sessions, sessions, new InMemorySyncStateStore(),
        new TestLookupRepository());
  });
  private final SyncPorts ports = harness.newPorts();

  private FormSubmission typed(String email) {
    return FormSubmission.builder().trackingUserId(Scenario.A)
        .submittedAt(Instant.parse("2024-04-20T10:05:00Z"))
        .contactData(FormContactData.of("Ada Lovelace", email, null)).build();
  }

  @Test
  void aSubmissionWithTypedDataIsMatchedByTheGivenMatcher() {
    harness.clock().set(Instant.parse("2024-04-20T10:06:00Z"));
    SyncEngine engine = harness.engine(ports);

    SyncReport report = engine.onFormSubmission(typed("ada@example.com"),
        data -> data.trimmedEmail().filter("ada@example.com"::equals).map(e -> "c-ada"));

    assertThat(report.succeeded()).isTrue();
    assertThat(report.identificationsRecorded()).isEqualTo(1);
    assertThat(ports.state().identificationsOfVisitor(Scenario.A)).singleElement()
        .satisfies(identification -> assertThat(identification.contactId()).isEqualTo("c-ada"));
    assertThat(ports.sessions().session(VisitKey.of(1, 101)).orElseThrow().contactId())
        .isEqualTo("c-ada");
  }

  @Test
  void aSubmissionNoContactMatchesIsReportedAndNothingIsRecordedOrFetched() {
    SyncEngine engine = harness.engine(ports);

    SyncReport report = engine.onFormSubmission(typed("nobody@example.com"), data -> Optional.empty());

    assertThat(report.failures()).singleElement().satisfies(failure -> {
      assertThat(failure.stage()).isEqualTo(SyncStage.MATCH);
      assertThat(failure.identities()).containsExactly(IdentityKey.visitorId(Scenario.A));
      assertThat(failure.message()).contains("no contact matches");
    });
    assertThat(ports.state().trackedVisitorIds()).isEmpty();
    assertThat(harness.source().queries()).isEmpty();
  }

  @Test
  void aSubmissionWithoutContactIdNeedsAMatcher() {
    SyncEngine engine = harness.engine(ports);

    assertThatThrownBy(() -> engine.onFormSubmission(typed("ada@example.com")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no ContactMatcher");
  }

  @Test
  void theEnginesOwnMatcherIsUsedWhenConfigured() {
    harness.clock().set(Instant.parse("2024-04-20T10:06:00Z"));
    SyncEngine engine = SyncEngine.builder().config(harness.config()).source(harness.source())
        .sink(ports.sink()).sessionStore(ports.sessions()).state(ports.state())
        .lookups(ports.lookups()).clock(harness.clock())
        .contactMatcher(data -> Optional.of("c-matched")).build();

    assertThat(engine.onFormSubmission(typed("ada@example.com")).succeeded()).isTrue();
    assertThat(ports.sessions().hasSessionForContact("c-matched")).isTrue();
  }

  @Test
  void aListenerThatThrowsDoesNotBreakTheRun() {
    harness.listener(new SyncListener() {
      @Override
      public void onBatchStarted(SyncBatch batch) {
        throw new IllegalStateException("listener bug");
      }
    });
    harness.steps(Scenario.steps().subList(0, 4));

    EngineHarness.Outcome outcome = harness.clean();

    assertThat(outcome.first().completed()).isTrue();
    assertThat(outcome.export().owners()).containsEntry(VisitKey.of(1, 102), "c1");
  }

  @Test
  void theBuilderNamesAMissingPart() {
    assertThatThrownBy(() -> SyncEngine.builder().config(SyncConfig.forSites(1)).build())
        .isInstanceOf(NullPointerException.class)
        .hasMessage("source");
  }
}
