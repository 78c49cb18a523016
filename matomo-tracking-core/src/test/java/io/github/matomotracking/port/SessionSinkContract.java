package io.github.matomotracking.port;

import static io.github.matomotracking.port.SessionSamples.fullSession;
import static io.github.matomotracking.port.SessionSamples.goal;
import static io.github.matomotracking.port.SessionSamples.minimalSession;
import static io.github.matomotracking.port.SessionSamples.pageView;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.matomotracking.model.VisitKey;
import io.github.matomotracking.model.WebAction;
import io.github.matomotracking.model.WebSession;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link SessionSink} (with its {@link SessionStore}) must show. Extend it
 * and create the implementation in {@link #newSink(Predicate)}; each test asks for a fresh,
 * empty sink.
 *
 * @param <S> the implementation
 */
public abstract class SessionSinkContract<S extends SessionSink & SessionStore> {

  /**
   * A new, empty sink that refuses (throws from inside its transaction, after it has planned or
   * written part of the batch, before committing) every batch that contains a write matching
   * {@code refuse}.
   *
   * @param refuse which writes make a batch fail
   * @return the sink
   */
  protected abstract S newSink(Predicate<SessionWrite> refuse);

  /** A new, empty sink that refuses nothing. */
  protected S newSink() {
    return newSink(write -> false);
  }

  private static SessionWrite write(String contactId, WebSession session, WebAction... actions) {
    return SessionWrite.of(contactId, session, List.of(actions));
  }

  private static List<StoredSession> all(SessionStore store) {
    List<StoredSession> sessions = new ArrayList<>();
    store.forEach(sessions::add);
    return sessions;
  }

  @Test
  public void aNewVisitIsInsertedWithItsActionsAndReadsBackEqual() {
    S sink = newSink();
    WebSession session = fullSession(1, 100, 0, 40, 3);
    List<WebAction> actions =
        List.of(pageView(1, 100, 0, "Home"), pageView(1, 100, 1, "Pricing"), goal(1, 100, 2));

    SinkResult result = sink.upsert(List.of(SessionWrite.of("contact-a", session, actions)));

    assertThat(result).isEqualTo(SinkResult.builder().sessionsInserted(1).actionsInserted(3).build());
    assertThat(sink.session(VisitKey.of(1, 100)))
        .contains(StoredSession.of("contact-a", session, actions));
  }

  @Test
  public void aVisitWithOnlyTheRequiredFieldsReadsBackEqual() {
    S sink = newSink();
    WebSession session = minimalSession(2, 7);

    sink.upsert(List.of(write("contact-a", session, goal(2, 7, 0))));

    assertThat(sink.session(VisitKey.of(2, 7)))
        .contains(StoredSession.of("contact-a", session, List.of(goal(2, 7, 0))));
  }

  @Test
  public void upsertingTheSameBatchTwiceKeepsTheSameRowsAndReportsNothingChanged() {
    S sink = newSink();
    List<SessionWrite> batch = List.of(
        write("contact-a", fullSession(1, 100, 0, 40, 2), pageView(1, 100, 0, "Home"),
            pageView(1, 100, 1, "Pricing")),
        write("contact-b", minimalSession(1, 101), goal(1, 101, 0)));
    sink.upsert(batch);
    List<StoredSession> afterFirst = all(sink);

    SinkResult second = sink.upsert(batch);

    assertThat(second.changedNothing()).isTrue();
    assertThat(second).isEqualTo(
        SinkResult.builder().sessionsUnchanged(2).actionsUnchanged(3).build());
    assertThat(all(sink)).isEqualTo(afterFirst).hasSize(2);
  }

  @Test
  public void anOngoingVisitThatGrewIsUpdatedNotDuplicated() {
    S sink = newSink();
    sink.upsert(List.of(write("contact-a", fullSession(1, 100, 0, 10, 1),
        pageView(1, 100, 0, "Home"))));
    WebSession grown = fullSession(1, 100, 0, 95, 3);

    SinkResult result = sink.upsert(List.of(write("contact-a", grown,
        pageView(1, 100, 0, "Home"), pageView(1, 100, 1, "Pricing"), goal(1, 100, 2))));

    assertThat(result).isEqualTo(SinkResult.builder()
        .sessionsUpdated(1).actionsInserted(2).actionsUnchanged(1).build());
    StoredSession stored = sink.session(VisitKey.of(1, 100)).orElseThrow();
    assertThat(stored.session()).isEqualTo(grown);
    assertThat(stored.session().durationSeconds()).isEqualTo(95);
    assertThat(stored.actions()).containsExactly(
        pageView(1, 100, 0, "Home"), pageView(1, 100, 1, "Pricing"), goal(1, 100, 2));
    assertThat(all(sink)).hasSize(1);
  }

  @Test
  public void aStoredActionWhoseFieldsChangedIsUpdatedInPlace() {
    S sink = newSink();
    WebSession session = fullSession(1, 100, 0, 10, 1);
    sink.upsert(List.of(write("contact-a", session, pageView(1, 100, 0, "Home"))));
    WebAction retitled = pageView(1, 100, 0, "Welcome home");

    SinkResult result = sink.upsert(List.of(write("contact-a", session, retitled)));

    assertThat(result).isEqualTo(
        SinkResult.builder().sessionsUnchanged(1).actionsUpdated(1).build());
    assertThat(sink.session(VisitKey.of(1, 100)).orElseThrow().actions())
        .containsExactly(retitled);
  }

  @Test
  public void everyFieldOfAStoredSessionIsUpdatedAndFieldsThatDisappearAreCleared() {
    S sink = newSink();
    sink.upsert(List.of(write("contact-a", fullSession(1, 100, 0, 10, 1))));

    WebSession other = fullSession(1, 100, 1, 20, 2);
    assertThat(sink.upsert(List.of(write("contact-a", other))).sessionsUpdated()).isEqualTo(1);
    assertThat(sink.session(VisitKey.of(1, 100)).orElseThrow().session()).isEqualTo(other);

    WebSession bare = minimalSession(1, 100);
    assertThat(sink.upsert(List.of(write("contact-a", bare))).sessionsUpdated()).isEqualTo(1);
    assertThat(sink.session(VisitKey.of(1, 100)).orElseThrow().session()).isEqualTo(bare);
  }

  @Test
  public void actionsThatALaterWriteDoesNotListAreKept() {
    S sink = newSink();
    WebSession session = fullSession(1, 100, 0, 10, 2);
    sink.upsert(List.of(write("contact-a", session,
        pageView(1, 100, 0, "Home"), pageView(1, 100, 1, "Pricing"))));

    sink.upsert(List.of(write("contact-a", session, pageView(1, 100, 1, "Pricing"))));

    assertThat(sink.session(VisitKey.of(1, 100)).orElseThrow().actions())
        .containsExactly(pageView(1, 100, 0, "Home"), pageView(1, 100, 1, "Pricing"));
  }

  @Test
  public void aVisitGivenToAnotherContactMovesToThatContact() {
    S sink = newSink();
    WebSession session = fullSession(1, 100, 0, 10, 1);
    sink.upsert(List.of(write("contact-a", session)));

    SinkResult result = sink.upsert(List.of(write("contact-b", session)));

    assertThat(result.sessionsUpdated()).isEqualTo(1);
    assertThat(sink.session(VisitKey.of(1, 100)).orElseThrow().contactId()).isEqualTo("contact-b");
    assertThat(sink.hasSessionForContact("contact-b")).isTrue();
    assertThat(sink.hasSessionForContact("contact-a")).isFalse();
  }

  @Test
  public void theSameVisitTwiceInOneBatchAppliesInOrderAndIsStoredOnce() {
    S sink = newSink();
    WebSession early = fullSession(1, 100, 0, 10, 1);
    WebSession later = fullSession(1, 100, 0, 30, 2);

    SinkResult result = sink.upsert(List.of(
        write("contact-a", early, pageView(1, 100, 0, "Home")),
        write("contact-a", later, pageView(1, 100, 0, "Home"), pageView(1, 100, 1, "Pricing"))));

    assertThat(result).isEqualTo(SinkResult.builder().sessionsInserted(1).sessionsUpdated(1)
        .actionsInserted(2).actionsUnchanged(1).build());
    assertThat(all(sink)).containsExactly(StoredSession.of("contact-a", later,
        List.of(pageView(1, 100, 0, "Home"), pageView(1, 100, 1, "Pricing"))));
  }

  @Test
  public void visitsWithTheSameIdOnDifferentSitesAreDifferentSessions() {
    S sink = newSink();

    sink.upsert(List.of(write("contact-a", minimalSession(1, 100), goal(1, 100, 0)),
        write("contact-b", minimalSession(2, 100), goal(2, 100, 0))));

    assertThat(sink.session(VisitKey.of(1, 100)).orElseThrow().contactId()).isEqualTo("contact-a");
    assertThat(sink.session(VisitKey.of(2, 100)).orElseThrow().contactId()).isEqualTo("contact-b");
    assertThat(sink.session(VisitKey.of(2, 100)).orElseThrow().actions())
        .containsExactly(goal(2, 100, 0));
  }

  @Test
  public void aFailingBatchLeavesNothingOfItVisibleAndItsRetryConverges() {
    S sink = newSink(write -> write.contactId().equals("poisoned"));
    WebSession stored = fullSession(1, 100, 0, 10, 1);
    sink.upsert(List.of(write("contact-a", stored, pageView(1, 100, 0, "Home"))));
    List<StoredSession> before = all(sink);

    List<SessionWrite> failing = List.of(
        write("contact-a", fullSession(1, 100, 0, 60, 2), pageView(1, 100, 0, "Home v2"),
            pageView(1, 100, 1, "Pricing")),
        write("contact-b", minimalSession(1, 101), goal(1, 101, 0)),
        write("poisoned", minimalSession(1, 102)));

    assertThatThrownBy(() -> sink.upsert(failing)).isInstanceOf(RuntimeException.class);
    assertThat(all(sink)).isEqualTo(before);
    assertThat(sink.session(VisitKey.of(1, 101))).isEmpty();
    assertThat(sink.hasSessionForContact("contact-b")).isFalse();

    List<SessionWrite> retried = new ArrayList<>(failing.subList(0, 2));
    retried.add(write("contact-c", minimalSession(1, 102)));
    SinkResult result = sink.upsert(retried);
    assertThat(result).isEqualTo(SinkResult.builder().sessionsInserted(2).sessionsUpdated(1)
        .actionsInserted(2).actionsUpdated(1).build());
    assertThat(all(sink)).hasSize(3);
    assertThat(sink.session(VisitKey.of(1, 100)).orElseThrow().actions()).containsExactly(
        pageView(1, 100, 0, "Home v2"), pageView(1, 100, 1, "Pricing"));
  }

  @Test
  public void anEmptyBatchChangesNothing() {
    S sink = newSink();

    SinkResult result = sink.upsert(List.of());

    assertThat(result).isEqualTo(SinkResult.empty());
    assertThat(all(sink)).isEmpty();
  }

  @Test
  public void aContactWithoutSessionsHasNone() {
    S sink = newSink();
    sink.upsert(List.of(write("contact-a", minimalSession(1, 100))));

    assertThat(sink.hasSessionForContact("contact-a")).isTrue();
    assertThat(sink.hasSessionForContact("contact-z")).isFalse();
  }

  @Test
  public void anUnknownVisitHasNoSession() {
    S sink = newSink();
    sink.upsert(List.of(write("contact-a", minimalSession(1, 100))));

    assertThat(sink.session(VisitKey.of(1, 999))).isEmpty();
  }

  @Test
  public void forEachStreamsEverySessionInKeyOrderWithItsActions() {
    S sink = newSink();
    sink.upsert(List.of(
        write("contact-a", minimalSession(2, 5), goal(2, 5, 0)),
        write("contact-b", fullSession(1, 300, 0, 10, 2), goal(1, 300, 1),
            pageView(1, 300, 0, "Home")),
        write("contact-c", minimalSession(1, 20))));

    List<StoredSession> streamed = all(sink);

    assertThat(streamed).extracting(StoredSession::key)
        .containsExactly(VisitKey.of(1, 20), VisitKey.of(1, 300), VisitKey.of(2, 5));
    assertThat(streamed.get(0).actions()).isEmpty();
    assertThat(streamed.get(1).actions())
        .containsExactly(pageView(1, 300, 0, "Home"), goal(1, 300, 1));
    assertThat(streamed.get(2).actions()).containsExactly(goal(2, 5, 0));
  }
}
