package io.github.matomotracking.port;

import io.github.matomotracking.model.MappedVisit;
import io.github.matomotracking.model.MatomoStyle;
import io.github.matomotracking.model.VisitKey;
import io.github.matomotracking.model.WebAction;
import io.github.matomotracking.model.WebSession;
import java.util.List;
import org.immutables.value.Value;

/**
 * One element of a {@link SessionSink} batch: a web session, the contact that owns it and the
 * actions to upsert with it. The actions must belong to the session and have distinct natural
 * keys.
 */
@Value.Immutable
@MatomoStyle
public interface SessionWrite {

  /** The owning contact. */
  String contactId();

  /** The session. */
  WebSession session();

  /** The actions to insert or update (actions stored earlier and not listed here are kept). */
  List<WebAction> actions();

  /** The session's natural key. */
  default VisitKey key() {
    return session().key();
  }

  /** Rejects a blank contact, a foreign action, or two actions with one natural key. */
  @Value.Check
  default void check() {
    SessionRecords.check("SessionWrite", contactId(), session(), actions());
  }

  /**
   * The write of a mapped visit (its lookup additions must have been applied already).
   *
   * @param contactId the owning contact
   * @param visit the mapped visit
   * @return the write
   */
  static SessionWrite of(String contactId, MappedVisit visit) {
    return of(contactId, visit.session(), visit.actions());
  }

  /**
   * A write.
   *
   * @param contactId the owning contact
   * @param session the session
   * @param actions its actions
   * @return the write
   */
  static SessionWrite of(String contactId, WebSession session, List<WebAction> actions) {
    return ImmutableSessionWrite.builder()
        .contactId(contactId)
        .session(session)
        .actions(actions)
        .build();
  }
}
