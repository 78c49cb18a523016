package io.github.matomotracking.port;

import io.github.matomotracking.model.VisitKey;
import io.github.matomotracking.model.WebAction;
import io.github.matomotracking.model.WebSession;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link SessionSink} batch changes, computed from the sessions already stored: which
 * sessions and actions to insert, which to update, and the {@link SinkResult} to report. It is
 * pure, so a sink implementation only has to load the stored state of the batch's visits, apply
 * the plan in one transaction, and return {@link #result()}.
 *
 * <p>The writes apply in order; a visit written twice in a batch counts twice (say, inserted
 * then updated) but needs one insert or update of its final state.
 */
public final class SessionUpsertPlan {

  private final List<StoredSession> sessionsToInsert;
  private final List<StoredSession> sessionsToUpdate;
  private final List<WebAction> actionsToInsert;
  private final List<WebAction> actionsToUpdate;
  private final Map<VisitKey, StoredSession> finalStates;
  private final SinkResult result;

  private SessionUpsertPlan(List<StoredSession> sessionsToInsert,
      List<StoredSession> sessionsToUpdate, List<WebAction> actionsToInsert,
      List<WebAction> actionsToUpdate, Map<VisitKey, StoredSession> finalStates,
      SinkResult result) {
    this.sessionsToInsert = Collections.unmodifiableList(sessionsToInsert);
    this.sessionsToUpdate = Collections.unmodifiableList(sessionsToUpdate);
    this.actionsToInsert = Collections.unmodifiableList(actionsToInsert);
    this.actionsToUpdate = Collections.unmodifiableList(actionsToUpdate);
    this.finalStates = Collections.unmodifiableMap(finalStates);
    this.result = result;
  }

  /**
   * Plans a batch.
   *
   * @param stored the stored sessions of (at least) the visits the batch writes; visits not in
   *     this map count as not stored
   * @param batch the writes, in order
   * @return the plan
   */
  public static SessionUpsertPlan of(
      Map<VisitKey, StoredSession> stored, List<SessionWrite> batch) {
    Objects.requireNonNull(stored, "stored");
    Objects.requireNonNull(batch, "batch");
    Map<VisitKey, StoredSession> current = new LinkedHashMap<>();
    long sessionsInserted = 0;
    long sessionsUpdated = 0;
    long sessionsUnchanged = 0;
    long actionsInserted = 0;
    long actionsUpdated = 0;
    long actionsUnchanged = 0;
    for (SessionWrite write : batch) {
      Objects.requireNonNull(write, "a write of the batch is null");
      VisitKey key = write.key();
      StoredSession before = current.containsKey(key) ? current.get(key) : stored.get(key);
      Map<String, WebAction> actions =
          before == null ? new LinkedHashMap<>() : before.actionsByKey();
      if (before == null) {
        sessionsInserted++;
      } else if (sameRow(before, write.contactId(), write.session())) {
        sessionsUnchanged++;
      } else {
        sessionsUpdated++;
      }
      for (WebAction action : write.actions()) {
        WebAction previous = actions.put(action.naturalKey(), action);
        if (previous == null) {
          actionsInserted++;
        } else if (previous.equals(action)) {
          actionsUnchanged++;
        } else {
          actionsUpdated++;
        }
      }
      current.put(key, StoredSession.of(write.contactId(), write.session(), actions.values()));
    }

    List<StoredSession> sessionsToInsert = new ArrayList<>();
    List<StoredSession> sessionsToUpdate = new ArrayList<>();
    List<WebAction> actionsToInsert = new ArrayList<>();
    List<WebAction> actionsToUpdate = new ArrayList<>();
    for (StoredSession after : current.values()) {
      StoredSession before = stored.get(after.key());
      if (before == null) {
        sessionsToInsert.add(after);
        actionsToInsert.addAll(after.actions());
        continue;
      }
      if (!sameRow(before, after.contactId(), after.session())) {
        sessionsToUpdate.add(after);
      }
      Map<String, WebAction> beforeActions = before.actionsByKey();
      for (WebAction action : after.actions()) {
        WebAction previous = beforeActions.get(action.naturalKey());
        if (previous == null) {
          actionsToInsert.add(action);
        } else if (!previous.equals(action)) {
          actionsToUpdate.add(action);
        }
      }
    }
    SinkResult result = SinkResult.builder()
        .sessionsInserted(sessionsInserted)
        .sessionsUpdated(sessionsUpdated)
        .sessionsUnchanged(sessionsUnchanged)
        .actionsInserted(actionsInserted)
        .actionsUpdated(actionsUpdated)
        .actionsUnchanged(actionsUnchanged)
        .build();
    return new SessionUpsertPlan(sessionsToInsert, sessionsToUpdate, actionsToInsert,
        actionsToUpdate, current, result);
  }

  private static boolean sameRow(StoredSession before, String contactId, WebSession session) {
    return before.contactId().equals(contactId) && before.session().equals(session);
  }

  /**
   * Sessions not stored before, in their final state with all their actions (which are also in
   * {@link #actionsToInsert()}).
   *
   * @return the sessions to insert
   */
  public List<StoredSession> sessionsToInsert() {
    return sessionsToInsert;
  }

  /**
   * Stored sessions whose contact or a session field changed, in their final state.
   *
   * @return the sessions to update
   */
  public List<StoredSession> sessionsToUpdate() {
    return sessionsToUpdate;
  }

  /**
   * Actions to insert, those of new sessions included.
   *
   * @return the actions to insert
   */
  public List<WebAction> actionsToInsert() {
    return actionsToInsert;
  }

  /**
   * Stored actions of which a field changed, in their final state.
   *
   * @return the actions to update
   */
  public List<WebAction> actionsToUpdate() {
    return actionsToUpdate;
  }

  /**
   * The state every visit of the batch has once the plan is applied.
   *
   * @return the final states by visit key, in first-write order
   */
  public Map<VisitKey, StoredSession> finalStates() {
    return finalStates;
  }

  /**
   * Whether applying the plan writes nothing.
   *
   * @return true when there is nothing to insert or update
   */
  public boolean isEmpty() {
    return sessionsToInsert.isEmpty() && sessionsToUpdate.isEmpty()
        && actionsToInsert.isEmpty() && actionsToUpdate.isEmpty();
  }

  /**
   * The counts to report for the batch.
   *
   * @return the result
   */
  public SinkResult result() {
    return result;
  }
}
