package io.github.matomotracking.port;

import static io.github.matomotracking.port.SessionSamples.fullSession;
import static io.github.matomotracking.port.SessionSamples.goal;
import static io.github.matomotracking.port.SessionSamples.minimalSession;
import static io.github.matomotracking.port.SessionSamples.pageView;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.matomotracking.model.VisitKey;
import io.github.matomotracking.model.WebAction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a batch changes, as a sink implementation applies it. */
class SessionUpsertPlanTest {

  @Test
  void aNewVisitWrittenTwiceInABatchIsInsertedOnceInItsFinalState() {
    SessionWrite first = SessionWrite.of("ann", fullSession(1, 1, 0, 10, 1),
        List.of(pageView(1, 1, 0, "Home")));
    SessionWrite second = SessionWrite.of("ann", fullSession(1, 1, 0, 20, 2),
        List.of(pageView(1, 1, 1, "Pricing")));

    SessionUpsertPlan plan = SessionUpsertPlan.of(Map.of(), List.of(first, second));

    assertThat(plan.sessionsToInsert()).containsExactly(StoredSession.of("ann",
        second.session(), List.of(pageView(1, 1, 0, "Home"), pageView(1, 1, 1, "Pricing"))));
    assertThat(plan.sessionsToUpdate()).isEmpty();
    assertThat(plan.actionsToInsert())
        .containsExactly(pageView(1, 1, 0, "Home"), pageView(1, 1, 1, "Pricing"));
    assertThat(plan.result()).isEqualTo(SinkResult.builder().sessionsInserted(1)
        .sessionsUpdated(1).actionsInserted(2).build());
  }

  @Test
  void aStoredVisitNeedsOnlyWhatDiffers() {
    StoredSession stored = StoredSession.of("ann", minimalSession(1, 1),
        List.of(goal(1, 1, 0), pageView(1, 1, 1, "Home")));
    WebAction retitled = pageView(1, 1, 1, "Home page");
    SessionWrite write = SessionWrite.of("ann", minimalSession(1, 1),
        List.of(goal(1, 1, 0), retitled, pageView(1, 1, 2, "Pricing")));

    SessionUpsertPlan plan = SessionUpsertPlan.of(Map.of(VisitKey.of(1, 1), stored), List.of(write));

    assertThat(plan.sessionsToInsert()).isEmpty();
    assertThat(plan.sessionsToUpdate()).isEmpty();
    assertThat(plan.actionsToInsert()).containsExactly(pageView(1, 1, 2, "Pricing"));
    assertThat(plan.actionsToUpdate()).containsExactly(retitled);
    assertThat(plan.isEmpty()).isFalse();
    assertThat(SessionUpsertPlan.of(plan.finalStates(), List.of(write)).isEmpty()).isTrue();
  }

  @Test
  void aWriteWithAForeignActionOrTwoActionsWithOneKeyIsRefused() {
    assertThatThrownBy(() -> SessionWrite.of("ann", minimalSession(1, 1), List.of(goal(1, 2, 0))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("belongs to visit 1/2");
    assertThatThrownBy(() -> SessionWrite.of("ann", minimalSession(1, 1),
        List.of(goal(1, 1, 0), goal(1, 1, 0))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two actions have the natural key 1/1/goal/0");
    assertThatThrownBy(() -> SessionWrite.of(" ", minimalSession(1, 1), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("contactId is blank");
  }

  @Test
  void storedActionsAreOrderedByPositionThenKey() {
    StoredSession stored = StoredSession.of("ann", minimalSession(1, 1),
        List.of(goal(1, 1, 3), pageView(1, 1, 0, "Home"), goal(1, 1, 1)));

    assertThat(stored.actions()).extracting(WebAction::position).containsExactly(0, 1, 3);
  }
}
