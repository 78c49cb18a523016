package io.github.matomotracking.port;

import io.github.matomotracking.identify.EmailClick;
import io.github.matomotracking.identify.Identification;
import io.github.matomotracking.identify.IdentityKey;
import io.github.matomotracking.identify.IdentityKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A {@link SyncStateStore} held in memory, for tests and quick starts. Safe to use from several
 * threads: every method runs under one lock.
 */
public final class InMemorySyncStateStore implements SyncStateStore {

  private final Map<String, Identification> identificationsByKey = new HashMap<>();
  private final TreeMap<IdentityKey, TreeSet<Identification>> identificationsByIdentity =
      new TreeMap<>();
  private final Map<String, EmailClick> clicksByKey = new HashMap<>();
  private final Map<IdentityKey, SyncCursor> cursors = new HashMap<>();

  /** An empty store. */
  public InMemorySyncStateStore() {}

  @Override
  public synchronized boolean recordIdentification(Identification identification) {
    Objects.requireNonNull(identification, "identification");
    if (identificationsByKey.putIfAbsent(identification.key(), identification) != null) {
      return false;
    }
    identificationsByIdentity
        .computeIfAbsent(identification.identity(),
            k -> new TreeSet<>(Identification.CHRONOLOGICAL))
        .add(identification);
    return true;
  }

  @Override
  public synchronized List<Identification> identifications(IdentityKey identity) {
    Objects.requireNonNull(identity, "identity");
    return List.copyOf(identificationsByIdentity.getOrDefault(identity, new TreeSet<>()));
  }

  @Override
  public synchronized List<String> trackedVisitorIds() {
    List<String> visitorIds = new ArrayList<>();
    for (IdentityKey identity : identificationsByIdentity.keySet()) {
      if (identity.kind() == IdentityKind.VISITOR_ID) {
        visitorIds.add(identity.value());
      }
    }
    return visitorIds;
  }

  @Override
  public synchronized boolean recordEmailClick(EmailClick click) {
    Objects.requireNonNull(click, "click");
    return clicksByKey.putIfAbsent(click.key(), click) == null;
  }

  @Override
  public synchronized List<String> contactsWhoClickedSince(Instant since) {
    Objects.requireNonNull(since, "since");
    TreeSet<String> contacts = new TreeSet<>();
    for (EmailClick click : clicksByKey.values()) {
      if (!click.clickedAt().isBefore(since)) {
        contacts.add(click.contactId());
      }
    }
    return List.copyOf(contacts);
  }

  @Override
  public synchronized Optional<SyncCursor> cursor(IdentityKey identity) {
    Objects.requireNonNull(identity, "identity");
    return Optional.ofNullable(cursors.get(identity));
  }

  @Override
  public synchronized void saveCursor(IdentityKey identity, SyncCursor cursor) {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(cursor, "cursor");
    cursors.put(identity, cursor);
  }

  @Override
  public synchronized String toString() {
    return "InMemorySyncStateStore[" + identificationsByKey.size() + " identifications, "
        + clicksByKey.size() + " email clicks, " + cursors.size() + " cursors]";
  }
}
