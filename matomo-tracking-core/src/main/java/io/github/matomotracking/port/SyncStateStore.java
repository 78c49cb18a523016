package io.github.matomotracking.port;

import io.github.matomotracking.identify.EmailClick;
import io.github.matomotracking.identify.Identification;
import io.github.matomotracking.identify.IdentityKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The state a synchronisation keeps between runs: which identities are bound to which contacts
 * (identifications), which contacts clicked a marketing email, and, per tracked identity, the
 * {@link SyncCursor} saying how far its visits are stored.
 *
 * <p>Every method is atomic on its own, and the recording methods are idempotent by the event's
 * key, so a run that fails half-way can simply be repeated. Implementations must be safe to call
 * from several threads.
 */
public interface SyncStateStore {

  /**
   * Records an identification unless one with the same {@link Identification#key()} exists (the
   * stored one is then kept unchanged).
   *
   * @param identification the identification
   * @return true when it was new
   */
  boolean recordIdentification(Identification identification);

  /**
   * The identifications of an identity.
   *
   * @param identity a visitorId or userId
   * @return its identifications, oldest first (ties by key), possibly none
   */
  List<Identification> identifications(IdentityKey identity);

  /**
   * The identifications of a visitorId.
   *
   * @param visitorId 16 hexadecimal characters
   * @return its identifications, oldest first
   * @throws IllegalArgumentException when the text is not a visitorId
   */
  default List<Identification> identificationsOfVisitor(String visitorId) {
    return identifications(IdentityKey.visitorId(visitorId));
  }

  /**
   * The visitorIds with at least one identification: the visitors the refresh flow follows.
   *
   * @return the visitorIds, lower case, sorted, each once
   */
  List<String> trackedVisitorIds();

  /**
   * Records an email click unless one with the same {@link EmailClick#key()} exists.
   *
   * @param click the click
   * @return true when it was new
   */
  boolean recordEmailClick(EmailClick click);

  /**
   * The contacts who clicked a marketing-email link at or after an instant.
   *
   * @param since the earliest click time counted (inclusive)
   * @return contact ids, sorted, each once
   */
  List<String> contactsWhoClickedSince(Instant since);

  /**
   * The cursor of an identity.
   *
   * @param identity a visitorId or userId
   * @return its cursor, or empty before its first synchronisation
   */
  Optional<SyncCursor> cursor(IdentityKey identity);

  /**
   * Saves (replaces) the cursor of an identity. Call it only after the sink acknowledged every
   * visit the cursor covers.
   *
   * @param identity a visitorId or userId
   * @param cursor the new cursor
   */
  void saveCursor(IdentityKey identity, SyncCursor cursor);
}
