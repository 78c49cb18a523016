package io.github.matomotracking.sync;

import io.github.matomotracking.identify.Identification;
import io.github.matomotracking.identify.IdentityKey;
import io.github.matomotracking.model.VisitKey;
import io.github.matomotracking.port.StoredSession;
import io.github.matomotracking.port.SyncCursor;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the ports hold after a story, to compare two runs row for row: every session with
 * every field and every action, the cursor and the identifications of every identity, and the
 * contacts who clicked.
 *
 * @param sessions the stored sessions, in key order
 * @param cursors the cursor of each identity of the story
 * @param identifications the identifications of each identity
 * @param clickers the contacts who ever clicked
 */
public record StoreExport(List<StoredSession> sessions,
    Map<IdentityKey, Optional<SyncCursor>> cursors,
    Map<IdentityKey, List<Identification>> identifications, List<String> clickers) {

  /**
   * Reads the ports.
   *
   * @param ports the ports (not the faulty wrappers)
   * @param identities the identities to read
   * @return the export
   */
  public static StoreExport of(SyncPorts ports, List<IdentityKey> identities) {
    Map<IdentityKey, Optional<SyncCursor>> cursors = new LinkedHashMap<>();
    Map<IdentityKey, List<Identification>> identifications = new LinkedHashMap<>();
    for (IdentityKey identity : identities) {
      cursors.put(identity, ports.state().cursor(identity));
      identifications.put(identity, ports.state().identifications(identity));
    }
    return new StoreExport(ports.allSessions(), cursors, identifications,
        ports.state().contactsWhoClickedSince(Instant.EPOCH));
  }

  /**
   * The owner of each stored session.
   *
   * @return contact id by visit, in key order
   */
  public Map<VisitKey, String> owners() {
    Map<VisitKey, String> owners = new LinkedHashMap<>();
    sessions.forEach(session -> owners.put(session.key(), session.contactId()));
    return owners;
  }
}
