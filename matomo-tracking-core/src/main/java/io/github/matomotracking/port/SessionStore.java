package io.github.matomotracking.port;

import io.github.matomotracking.model.VisitKey;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads back what a {@link SessionSink} stored: for the sync engine (does a contact have a
 * session yet?), for tests, and for exporting. Implementations must be safe to call from several
 * threads and see only whole batches.
 */
public interface SessionStore {

  /**
   * The stored session with this key.
   *
   * @param key the visit's key
   * @return the session with its contact and all its actions, or empty
   */
  Optional<StoredSession> session(VisitKey key);

  /**
   * Whether any session is stored for this contact.
   *
   * @param contactId the contact id
   * @return true when at least one session belongs to the contact
   */
  boolean hasSessionForContact(String contactId);

  /**
   * Streams every stored session, in the order of their keys (site, then visit id).
   * Implementations do not hold all sessions in memory at once; the consumer must not write to
   * the same store (a database implementation may hold a connection open meanwhile).
   *
   * @param consumer receives each session with its contact and actions
   */
  void forEach(Consumer<? super StoredSession> consumer);
}
