package io.github.matomotracking.examples.jdbc;

import io.github.matomotracking.identify.EmailClick;
import io.github.matomotracking.identify.Identification;
import io.github.matomotracking.identify.IdentificationOrigin;
import io.github.matomotracking.identify.IdentityKey;
import io.github.matomotracking.identify.IdentityKind;
import io.github.matomotracking.model.VisitKey;
import io.github.matomotracking.port.SyncCursor;
import io.github.matomotracking.port.SyncStateStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * A {@link SyncStateStore} over JDBC, in the tables {@code mt_identification},
 * {@code mt_email_click}, {@code mt_sync_cursor} and {@code mt_sync_cursor_visit}. Each method
 * runs in its own transaction (a cursor is read with one statement, so it is never seen half
 * saved). Times are kept to the millisecond.
 */
public final class JdbcSyncStateStore implements SyncStateStore {

  private final Jdbc jdbc;

  /**
   * A store on a data source.
   *
   * @param dataSource the database
   */
  public JdbcSyncStateStore(DataSource dataSource) {
    this(ConnectionSource.of(dataSource));
  }

  /**
   * A store on a connection source.
   *
   * @param source the database, such as {@code ConnectionSource.h2Default()}
   */
  public JdbcSyncStateStore(ConnectionSource source) {
    this.jdbc = new Jdbc(source);
  }

  @Override
  public boolean recordIdentification(Identification identification) {
    Objects.requireNonNull(identification, "identification");
    return insertUnlessPresent("recording of identification " + identification.key(),
        "SELECT identification_key FROM mt_identification WHERE identification_key = ?",
        identification.key(),
        "INSERT INTO mt_identification (identification_key, identity_kind, identity_value,"
            + " contact_id, identified_at_ms, origin) VALUES (?, ?, ?, ?, ?, ?)",
        insert -> {
          insert.setString(1, identification.key());
          insert.setString(2, identification.identity().kind().name());
          insert.setString(3, identification.identity().value());
          insert.setString(4, identification.contactId());
          insert.setLong(5, identification.at().toEpochMilli());
          insert.setString(6, identification.origin().name());
        });
  }

  @Override
  public List<Identification> identifications(IdentityKey identity) {
    Objects.requireNonNull(identity, "identity");
    return jdbc.read("read of the identifications of " + identity, connection -> {
      List<Identification> found = new ArrayList<>();
      try (PreparedStatement query = connection.prepareStatement(
          "SELECT identification_key, contact_id, identified_at_ms, origin"
              + " FROM mt_identification WHERE identity_kind = ? AND identity_value = ?")) {
        query.setString(1, identity.kind().name());
        query.setString(2, identity.value());
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            found.add(Identification.builder()
                .key(rows.getString("identification_key"))
                .identity(identity)
                .contactId(rows.getString("contact_id"))
                .at(Instant.ofEpochMilli(rows.getLong("identified_at_ms")))
                .origin(IdentificationOrigin.valueOf(rows.getString("origin")))
                .build());
          }
        }
      }
      // Sorted here, not in SQL, so that the order of keys never depends on a collation.
      found.sort(Identification.CHRONOLOGICAL);
      return List.copyOf(found);
    });
  }

  @Override
  public List<String> trackedVisitorIds() {
    return jdbc.read("read of the tracked visitorIds", connection -> {
      TreeSet<String> visitorIds = new TreeSet<>();
      try (PreparedStatement query = connection.prepareStatement(
          "SELECT DISTINCT identity_value FROM mt_identification WHERE identity_kind = ?")) {
        query.setString(1, IdentityKind.VISITOR_ID.name());
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            visitorIds.add(rows.getString(1));
          }
        }
      }
      return List.copyOf(visitorIds);
    });
  }

  @Override
  public boolean recordEmailClick(EmailClick click) {
    Objects.requireNonNull(click, "click");
    return insertUnlessPresent("recording of email click " + click.key(),
        "SELECT click_key FROM mt_email_click WHERE click_key = ?",
        click.key(),
        "INSERT INTO mt_email_click (click_key, contact_id, bulk_email_recipient_id,"
            + " clicked_at_ms) VALUES (?, ?, ?, ?)",
        insert -> {
          insert.setString(1, click.key());
          insert.setString(2, click.contactId());
          Jdbc.setText(insert, 3, click.bulkEmailRecipientId());
          insert.setLong(4, click.clickedAt().toEpochMilli());
        });
  }

  @Override
  public List<String> contactsWhoClickedSince(Instant since) {
    Objects.requireNonNull(since, "since");
    return jdbc.read("read of the contacts who clicked since " + since, connection -> {
      TreeSet<String> contacts = new TreeSet<>();
      try (PreparedStatement query = connection.prepareStatement(
          "SELECT DISTINCT contact_id FROM mt_email_click WHERE clicked_at_ms >= ?")) {
        query.setLong(1, since.truncatedTo(ChronoUnit.MILLIS).toEpochMilli());
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            contacts.add(rows.getString(1));
          }
        }
      }
      return List.copyOf(contacts);
    });
  }

  @Override
  public Optional<SyncCursor> cursor(IdentityKey identity) {
    Objects.requireNonNull(identity, "identity");
    return jdbc.read("read of the cursor of " + identity, connection -> {
      try (PreparedStatement query = connection.prepareStatement(
          "SELECT c.last_action_time, v.site_id, v.visit_id FROM mt_sync_cursor c"
              + " LEFT JOIN mt_sync_cursor_visit v ON v.identity_kind = c.identity_kind"
              + " AND v.identity_value = c.identity_value"
              + " WHERE c.identity_kind = ? AND c.identity_value = ?")) {
        query.setString(1, identity.kind().name());
        query.setString(2, identity.value());
        try (ResultSet rows = query.executeQuery()) {
          Long lastActionTime = null;
          Set<VisitKey> visits = new LinkedHashSet<>();
          while (rows.next()) {
            lastActionTime = rows.getLong(1);
            long siteId = rows.getLong(2);
            if (!rows.wasNull()) {
              visits.add(VisitKey.of(siteId, rows.getLong(3)));
            }
          }
          return lastActionTime == null
              ? Optional.empty()
              : Optional.of(SyncCursor.of(lastActionTime, visits));
        }
      }
    });
  }

  @Override
  public void saveCursor(IdentityKey identity, SyncCursor cursor) {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(cursor, "cursor");
    jdbc.transaction("saving of the cursor of " + identity, connection -> {
      int updated;
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE mt_sync_cursor SET last_action_time = ?"
              + " WHERE identity_kind = ? AND identity_value = ?")) {
        update.setLong(1, cursor.lastActionTime());
        update.setString(2, identity.kind().name());
        update.setString(3, identity.value());
        updated = update.executeUpdate();
      }
      if (updated == 0) {
        try (PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO mt_sync_cursor (identity_kind, identity_value, last_action_time)"
                + " VALUES (?, ?, ?)")) {
          insert.setString(1, identity.kind().name());
          insert.setString(2, identity.value());
          insert.setLong(3, cursor.lastActionTime());
          insert.executeUpdate();
        }
      }
      try (PreparedStatement delete = connection.prepareStatement(
          "DELETE FROM mt_sync_cursor_visit WHERE identity_kind = ? AND identity_value = ?")) {
        delete.setString(1, identity.kind().name());
        delete.setString(2, identity.value());
        delete.executeUpdate();
      }
      if (!cursor.visitsAtLastSecond().isEmpty()) {
        try (PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO mt_sync_cursor_visit (identity_kind, identity_value, site_id, visit_id)"
                + " VALUES (?, ?, ?, ?)")) {
          for (VisitKey visit : cursor.visitsAtLastSecond()) {
            insert.setString(1, identity.kind().name());
            insert.setString(2, identity.value());
            insert.setLong(3, visit.siteId());
            insert.setLong(4, visit.visitId());
            insert.addBatch();
          }
          insert.executeBatch();
        }
      }
      return null;
    });
  }

  /** Binds the parameters of an insert. */
  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement insert) throws SQLException;
  }

  private boolean insertUnlessPresent(
      String operation, String select, String key, String insertSql, Binder binder) {
    try {
      return jdbc.transaction(operation, connection -> {
        if (exists(connection, select, key)) {
          return false;
        }
        try (PreparedStatement insert = connection.prepareStatement(insertSql)) {
          binder.bind(insert);
          insert.executeUpdate();
        }
        return true;
      });
    } catch (JdbcStoreException e) {
      // Another writer inserted the same key between our check and our insert: it is recorded.
      if (e.getCause() instanceof SQLException sql && Jdbc.isConstraintViolation(sql)
          && jdbc.read(operation, connection -> exists(connection, select, key))) {
        return false;
      }
      throw e;
    }
  }

  private static boolean exists(Connection connection, String select, String key)
      throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(select)) {
      query.setString(1, key);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    }
  }

  @Override
  public String toString() {
    return "JdbcSyncStateStore";
  }
}
