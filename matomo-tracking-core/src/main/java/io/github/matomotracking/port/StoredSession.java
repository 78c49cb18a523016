package io.github.matomotracking.port;

import io.github.matomotracking.model.MatomoStyle;
import io.github.matomotracking.model.VisitKey;
import io.github.matomotracking.model.WebAction;
import io.github.matomotracking.model.WebSession;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A web session as a {@link SessionStore} holds it: the owning contact, the session and every
 * action stored for it, ordered by position in the visit and then by natural key.
 */
@Value.Immutable
@MatomoStyle
public abstract class StoredSession {

  /** The order of {@link #actions()}: by position, then by natural key. */
  public static final Comparator<WebAction> ACTION_ORDER =
      Comparator.comparingInt(WebAction::position).thenComparing(WebAction::naturalKey);

  /** Subclassed by the generated implementation only. */
  StoredSession() {}

  /**
   * The owning contact.
   *
   * @return the contact id
   */
  public abstract String contactId();

  /**
   * The session.
   *
   * @return the session
   */
  public abstract WebSession session();

  /**
   * The actions, by position then natural key.
   *
   * @return the actions
   */
  public abstract List<WebAction> actions();

  /**
   * The session's natural key.
   *
   * @return the key
   */
  public VisitKey key() {
    return session().key();
  }

  /**
   * The action with this natural key.
   *
   * @param naturalKey the action's natural key
   * @return the action, if stored
   */
  public Optional<WebAction> action(String naturalKey) {
    return actions().stream().filter(a -> a.naturalKey().equals(naturalKey)).findFirst();
  }

  /**
   * The actions by natural key, in the order of {@link #actions()}.
   *
   * @return a new modifiable map
   */
  public Map<String, WebAction> actionsByKey() {
    Map<String, WebAction> byKey = new LinkedHashMap<>();
    actions().forEach(action -> byKey.put(action.naturalKey(), action));
    return byKey;
  }

  /**
   * Checks the record and puts the actions in order.
   *
   * @return this, or a copy with the actions sorted
   */
  @Value.Check
  protected StoredSession normalize() {
    SessionRecords.check("StoredSession", contactId(), session(), actions());
    List<WebAction> sorted = new ArrayList<>(actions());
    sorted.sort(ACTION_ORDER);
    return sorted.equals(actions())
        ? this
        : ImmutableStoredSession.builder().from(this).actions(sorted).build();
  }

  /**
   * A stored session.
   *
   * @param contactId the owning contact
   * @param session the session
   * @param actions its actions, in any order
   * @return the record, actions sorted
   */
  public static StoredSession of(
      String contactId, WebSession session, Collection<WebAction> actions) {
    return ImmutableStoredSession.builder()
        .contactId(contactId)
        .session(session)
        .actions(actions)
        .build();
  }
}
