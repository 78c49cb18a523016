package io.github.matomotracking.examples.faults;

import io.github.matomotracking.examples.demo.DemoVisit;
import io.github.matomotracking.examples.jdbc.ConnectionSource;
import io.github.matomotracking.model.VisitKey;
import io.github.matomotracking.port.SyncCursor;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The invariant that makes every failure recoverable, checked against the database and Matomo's
 * table as they are at the moment of the check: <em>no stored cursor covers a visit of its
 * identity that is missing from the database, or stored with fewer actions than Matomo has
 * now</em>. A cursor covers a visit whose last action is before the cursor's second, or at that
 * second when the cursor lists it ({@link SyncCursor#covers}); the next run reads only visits it
 * does not cover, so a covered visit that is missing would be lost for good.
 *
 * <p>The visits of an identity are those of Matomo's table with its visitorId (a tracked
 * visitor) or its userId (an email-click contact), within the window the engine promises to
 * read: from the history window before the visitor's first identification, and from the
 * email-click window before the first email-click run of the schedule.
 */
final class CursorInvariant {

  private final ConnectionSource database;
  private final Map<String, Instant> visitorWindowStart;
  private volatile Instant userIdWindowStart;

  /**
   * A check.
   *
   * @param database the database, read directly (not through the faulty ports)
   * @param visitorWindowStart per tracked visitorId (lower case), where its history starts
   */
  CursorInvariant(ConnectionSource database, Map<String, Instant> visitorWindowStart) {
    this.database = database;
    this.visitorWindowStart = Map.copyOf(visitorWindowStart);
  }

  /** Where the email-click window of the first email-click run started. */
  void userIdWindowStart(Instant start) {
    if (userIdWindowStart == null) {
      userIdWindowStart = start;
    }
  }

  /**
   * Checks the invariant now.
   *
   * @param matomo the visits Matomo holds now
   * @return the violations, each naming the cursor and the visit it wrongly covers
   */
  List<String> violations(Collection<DemoVisit> matomo) {
    Map<String, SyncCursor> cursors = new TreeMap<>();
    Map<VisitKey, Integer> stored = new HashMap<>();
    try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
      try (ResultSet tables = connection.getMetaData().getTables(null, null, "MT_SYNC_CURSOR_VISIT",
          null)) {
        if (!tables.next()) {
          return List.of();  // The ports have not created their tables yet: no cursor at all.
        }
      }
      // One statement for the cursors, read before the sessions: a cursor is saved after the
      // sessions it covers, so the sessions read later are at least as new.
      Map<String, Long> times = new TreeMap<>();
      Map<String, Set<VisitKey>> listed = new HashMap<>();
      try (ResultSet rows = statement.executeQuery(
          "SELECT c.identity_kind, c.identity_value, c.last_action_time, v.site_id, v.visit_id"
              + " FROM mt_sync_cursor c LEFT JOIN mt_sync_cursor_visit v"
              + " ON v.identity_kind = c.identity_kind AND v.identity_value = c.identity_value")) {
        while (rows.next()) {
          String identity = rows.getString(1) + ":" + rows.getString(2);
          times.put(identity, rows.getLong(3));
          long site = rows.getLong(4);
          Set<VisitKey> visits = listed.computeIfAbsent(identity, k -> new LinkedHashSet<>());
          if (!rows.wasNull()) {
            visits.add(VisitKey.of(site, rows.getLong(5)));
          }
        }
      }
      times.forEach((identity, time) -> cursors.put(identity, SyncCursor.of(time, listed.get(identity))));
      try (ResultSet rows = statement.executeQuery(
          "SELECT site_id, visit_id, COUNT(*) FROM mt_web_action GROUP BY site_id, visit_id")) {
        while (rows.next()) {
          stored.put(VisitKey.of(rows.getLong(1), rows.getLong(2)), rows.getInt(3));
        }
      }
      try (ResultSet rows = statement.executeQuery("SELECT site_id, visit_id FROM mt_web_session")) {
        while (rows.next()) {
          stored.putIfAbsent(VisitKey.of(rows.getLong(1), rows.getLong(2)), 0);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the invariant check could not read the database", e);
    }
    Map<String, List<DemoVisit>> byIdentity = new HashMap<>();
    for (DemoVisit visit : matomo) {
      byIdentity.computeIfAbsent("VISITOR_ID:" + visit.visitorId(), k -> new ArrayList<>())
          .add(visit);
      if (visit.userId() != null) {
        byIdentity.computeIfAbsent("USER_ID:" + visit.userId(), k -> new ArrayList<>()).add(visit);
      }
    }
    List<String> violations = new ArrayList<>();
    for (Map.Entry<String, SyncCursor> entry : cursors.entrySet()) {
      String[] identity = entry.getKey().split(":", 2);
      SyncCursor cursor = entry.getValue();
      String key = identity[0] + ":" + (identity[0].equals("VISITOR_ID")
          ? identity[1].toLowerCase(Locale.ROOT) : identity[1]);
      for (DemoVisit visit : byIdentity.getOrDefault(key, List.of())) {
        Optional<Instant> windowStart = belongs(identity[0], identity[1], visit);
        if (windowStart.isEmpty() || visit.lastActionTime().isBefore(windowStart.get())) {
          continue;
        }
        Integer actions = stored.get(visit.key());
        boolean complete = actions != null && actions >= visit.actions().size();
        long last = visit.lastActionTime().getEpochSecond();
        if (!complete && cursor.covers(visit.key(), last)) {
          violations.add("cursor " + entry.getKey() + " at " + Instant.ofEpochSecond(cursor.lastActionTime())
              + " listing " + cursor.visitsAtLastSecond() + " covers visit " + visit.key()
              + " (last action " + visit.lastActionTime() + ", " + visit.actions().size()
              + " actions in Matomo) which is " + (actions == null ? "not stored"
              : "stored with " + actions + " actions"));
        }
      }
    }
    return violations;
  }

  /** The start of the promised window when the visit belongs to the identity. */
  private Optional<Instant> belongs(String kind, String value, DemoVisit visit) {
    if (kind.equals("VISITOR_ID")) {
      String visitor = value.toLowerCase(Locale.ROOT);
      if (!visit.visitorId().equals(visitor)) {
        return Optional.empty();
      }
      return Optional.of(visitorWindowStart.getOrDefault(visitor, Instant.EPOCH));
    }
    if (kind.equals("USER_ID") && value.equals(visit.userId()) && userIdWindowStart != null) {
      return Optional.of(userIdWindowStart);
    }
    return Optional.empty();
  }
}
