package io.github.matomotracking.examples.jdbc;

import static io.github.matomotracking.examples.jdbc.Jdbc.millis;
import static io.github.matomotracking.examples.jdbc.Jdbc.setMillis;
import static io.github.matomotracking.examples.jdbc.Jdbc.setText;
import static io.github.matomotracking.examples.jdbc.Jdbc.text;

import io.github.matomotracking.model.CodedValue;
import io.github.matomotracking.model.GeoValue;
import io.github.matomotracking.model.ImmutableWebAction;
import io.github.matomotracking.model.ImmutableWebSession;
import io.github.matomotracking.model.LookupRef;
import io.github.matomotracking.model.VisitKey;
import io.github.matomotracking.model.WebAction;
import io.github.matomotracking.model.WebPageRef;
import io.github.matomotracking.model.WebSession;
import io.github.matomotracking.port.SessionSink;
import io.github.matomotracking.port.SessionStore;
import io.github.matomotracking.port.SessionUpsertPlan;
import io.github.matomotracking.port.SessionWrite;
import io.github.matomotracking.port.SinkResult;
import io.github.matomotracking.port.StoredSession;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * A {@link SessionSink} and {@link SessionStore} over JDBC, in the tables {@code mt_web_session}
 * and {@code mt_web_action}.
 *
 * <p>An upsert reads the stored rows of the batch's visits, plans the changes with
 * {@link SessionUpsertPlan}, and writes only the rows that differ, with JDBC batches, in one
 * transaction: it is all or nothing. Times are stored as epoch milliseconds; finer parts of an
 * instant are dropped before comparing, so writing the same visit again reports it unchanged.
 * Two processes inserting the same new visit at the same moment make one of them fail on the
 * primary key; its retry then finds the row and updates it.
 */
public class JdbcSessionSink implements SessionSink, SessionStore {

  private static final int KEYS_PER_QUERY = 100;

  private static final String SESSION_FIELDS = String.join(", ",
      "contact_id", "visitor_id", "user_id", "start_date_ms", "last_action_date_ms",
      "duration_seconds", "action_count",
      "country_name", "country_code", "country_lookup_id", "country_lookup_name",
      "region_name", "region_code", "region_lookup_id", "region_lookup_name",
      "city_name", "city_code", "city_lookup_id", "city_lookup_name",
      "geo_location", "source_lookup_id", "source_lookup_name", "channel_lookup_id",
      "channel_lookup_name", "referrer_type_code", "referrer_type_lookup_id",
      "referrer_type_lookup_name", "referrer_name", "referrer_keyword", "referrer_url",
      "utm_id", "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content",
      "platform", "device", "ip_address", "language_code");

  private static final String ACTION_FIELDS = String.join(", ",
      "action_position", "action_id", "action_date_ms", "type_code", "type_lookup_id",
      "type_lookup_name", "page_lookup_id", "page_name", "page_url", "url", "title");

  private static final String INSERT_SESSION = "INSERT INTO mt_web_session (site_id, visit_id, "
      + SESSION_FIELDS + ") VALUES (?, ?" + ", ?".repeat(count(SESSION_FIELDS)) + ")";
  private static final String UPDATE_SESSION = "UPDATE mt_web_session SET "
      + assignments(SESSION_FIELDS) + " WHERE site_id = ? AND visit_id = ?";
  private static final String INSERT_ACTION = "INSERT INTO mt_web_action (site_id, visit_id, "
      + "natural_key, " + ACTION_FIELDS + ") VALUES (?, ?, ?" + ", ?".repeat(count(ACTION_FIELDS))
      + ")";
  private static final String UPDATE_ACTION = "UPDATE mt_web_action SET "
      + assignments(ACTION_FIELDS) + " WHERE site_id = ? AND visit_id = ? AND natural_key = ?";
  private static final String SELECT_SESSIONS =
      "SELECT site_id, visit_id, " + SESSION_FIELDS + " FROM mt_web_session";
  private static final String SELECT_ACTIONS =
      "SELECT site_id, visit_id, natural_key, " + ACTION_FIELDS + " FROM mt_web_action";

  private final Jdbc jdbc;

  /**
   * A sink on a data source.
   *
   * @param dataSource the database
   */
  public JdbcSessionSink(DataSource dataSource) {
    this(ConnectionSource.of(dataSource));
  }

  /**
   * A sink on a connection source.
   *
   * @param source the database, such as {@code ConnectionSource.h2Default()}
   */
  public JdbcSessionSink(ConnectionSource source) {
    this.jdbc = new Jdbc(source);
  }

  @Override
  public SinkResult upsert(List<SessionWrite> batch) {
    Objects.requireNonNull(batch, "batch");
    if (batch.isEmpty()) {
      return SinkResult.empty();
    }
    List<SessionWrite> writes = new ArrayList<>(batch.size());
    for (SessionWrite write : batch) {
      writes.add(toMillis(Objects.requireNonNull(write, "a write of the batch is null")));
    }
    return jdbc.transaction("upsert of " + writes.size() + " session writes", connection -> {
      Set<VisitKey> keys = writes.stream().map(SessionWrite::key)
          .collect(Collectors.toCollection(LinkedHashSet::new));
      SessionUpsertPlan plan = SessionUpsertPlan.of(load(connection, keys), writes);
      apply(connection, plan);
      beforeCommit(connection, Collections.unmodifiableList(writes));
      return plan.result();
    });
  }

  /**
   * Called inside the upsert's transaction after every statement ran and before the commit. Does
   * nothing; a subclass may write more in the same transaction, or throw to refuse the batch,
   * which is then rolled back (the contract tests use this to prove that a batch is all or
   * nothing).
   *
   * @param connection the transaction's connection
   * @param batch the batch being stored
   * @throws SQLException to roll the batch back
   */
  protected void beforeCommit(Connection connection, List<SessionWrite> batch)
      throws SQLException {}

  @Override
  public Optional<StoredSession> session(VisitKey key) {
    Objects.requireNonNull(key, "key");
    return jdbc.read("read of session " + key,
        connection -> Optional.ofNullable(load(connection, Set.of(key)).get(key)));
  }

  @Override
  public boolean hasSessionForContact(String contactId) {
    Objects.requireNonNull(contactId, "contactId");
    return jdbc.read("search of sessions by contact", connection -> {
      try (PreparedStatement query = connection.prepareStatement(
          "SELECT site_id FROM mt_web_session WHERE contact_id = ?")) {
        query.setMaxRows(1);
        query.setString(1, contactId);
        try (ResultSet rows = query.executeQuery()) {
          return rows.next();
        }
      }
    });
  }

  /**
   * {@inheritDoc} Two ordered queries (sessions, actions) are read side by side on one
   * connection, which stays open while the consumer runs.
   */
  @Override
  public void forEach(Consumer<? super StoredSession> consumer) {
    Objects.requireNonNull(consumer, "consumer");
    jdbc.read("export of sessions", connection -> {
      try (PreparedStatement sessionQuery = connection.prepareStatement(
              SELECT_SESSIONS + " ORDER BY site_id, visit_id");
          PreparedStatement actionQuery = connection.prepareStatement(
              SELECT_ACTIONS + " ORDER BY site_id, visit_id");
          ResultSet sessions = sessionQuery.executeQuery();
          ResultSet actions = actionQuery.executeQuery()) {
        boolean actionAhead = actions.next();
        while (sessions.next()) {
          VisitKey key = keyOf(sessions);
          List<WebAction> ofSession = new ArrayList<>();
          while (actionAhead && keyOf(actions).compareTo(key) <= 0) {
            if (keyOf(actions).equals(key)) {
              ofSession.add(readAction(actions));
            }
            actionAhead = actions.next();
          }
          consumer.accept(StoredSession.of(sessions.getString("contact_id"),
              readSession(sessions), ofSession));
        }
      }
      return null;
    });
  }

  private static Map<VisitKey, StoredSession> load(Connection connection, Set<VisitKey> keys)
      throws SQLException {
    Map<VisitKey, String> contacts = new HashMap<>();
    Map<VisitKey, WebSession> sessions = new HashMap<>();
    Map<VisitKey, List<WebAction>> actions = new HashMap<>();
    List<Long> visitIds = keys.stream().map(VisitKey::visitId).distinct().toList();
    for (int from = 0; from < visitIds.size(); from += KEYS_PER_QUERY) {
      List<Long> chunk = visitIds.subList(from, Math.min(visitIds.size(), from + KEYS_PER_QUERY));
      String in = " WHERE visit_id IN (?" + ", ?".repeat(chunk.size() - 1) + ")";
      try (PreparedStatement query = connection.prepareStatement(SELECT_SESSIONS + in)) {
        bindIds(query, chunk);
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            VisitKey key = keyOf(rows);
            if (keys.contains(key)) {
              contacts.put(key, rows.getString("contact_id"));
              sessions.put(key, readSession(rows));
            }
          }
        }
      }
      try (PreparedStatement query = connection.prepareStatement(SELECT_ACTIONS + in)) {
        bindIds(query, chunk);
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            VisitKey key = keyOf(rows);
            if (keys.contains(key)) {
              actions.computeIfAbsent(key, k -> new ArrayList<>()).add(readAction(rows));
            }
          }
        }
      }
    }
    Map<VisitKey, StoredSession> stored = new HashMap<>();
    sessions.forEach((key, session) -> stored.put(key,
        StoredSession.of(contacts.get(key), session, actions.getOrDefault(key, List.of()))));
    return stored;
  }

  private static void bindIds(PreparedStatement query, List<Long> ids) throws SQLException {
    for (int i = 0; i < ids.size(); i++) {
      query.setLong(i + 1, ids.get(i));
    }
  }

  private static void apply(Connection connection, SessionUpsertPlan plan) throws SQLException {
    if (!plan.sessionsToInsert().isEmpty()) {
      try (PreparedStatement insert = connection.prepareStatement(INSERT_SESSION)) {
        for (StoredSession session : plan.sessionsToInsert()) {
          insert.setLong(1, session.key().siteId());
          insert.setLong(2, session.key().visitId());
          bindSession(insert, 3, session.contactId(), session.session());
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
    if (!plan.sessionsToUpdate().isEmpty()) {
      try (PreparedStatement update = connection.prepareStatement(UPDATE_SESSION)) {
        for (StoredSession session : plan.sessionsToUpdate()) {
          int next = bindSession(update, 1, session.contactId(), session.session());
          update.setLong(next, session.key().siteId());
          update.setLong(next + 1, session.key().visitId());
          update.addBatch();
        }
        update.executeBatch();
      }
    }
    if (!plan.actionsToInsert().isEmpty()) {
      try (PreparedStatement insert = connection.prepareStatement(INSERT_ACTION)) {
        for (WebAction action : plan.actionsToInsert()) {
          insert.setLong(1, action.siteId());
          insert.setLong(2, action.visitId());
          insert.setString(3, action.naturalKey());
          bindAction(insert, 4, action);
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
    if (!plan.actionsToUpdate().isEmpty()) {
      try (PreparedStatement update = connection.prepareStatement(UPDATE_ACTION)) {
        for (WebAction action : plan.actionsToUpdate()) {
          int next = bindAction(update, 1, action);
          update.setLong(next, action.siteId());
          update.setLong(next + 1, action.visitId());
          update.setString(next + 2, action.naturalKey());
          update.addBatch();
        }
        update.executeBatch();
      }
    }
  }

  private static int bindSession(PreparedStatement statement, int first, String contactId,
      WebSession session) throws SQLException {
    int i = first;
    statement.setString(i++, contactId);
    setText(statement, i++, session.visitorId());
    setText(statement, i++, session.userId());
    statement.setLong(i++, session.startDate().toEpochMilli());
    setMillis(statement, i++, session.lastActionDate());
    statement.setLong(i++, session.durationSeconds());
    statement.setLong(i++, session.actionCount());
    i = bindGeo(statement, i, session.country());
    i = bindGeo(statement, i, session.region());
    i = bindGeo(statement, i, session.city());
    setText(statement, i++, session.location());
    i = bindRef(statement, i, session.source());
    i = bindRef(statement, i, session.channel());
    setText(statement, i++, session.referrerType().map(CodedValue::code));
    i = bindRef(statement, i, session.referrerType().flatMap(CodedValue::lookup));
    setText(statement, i++, session.referrerName());
    setText(statement, i++, session.referrerKeyword());
    setText(statement, i++, session.referrerUrl());
    setText(statement, i++, session.utmId());
    setText(statement, i++, session.utmSource());
    setText(statement, i++, session.utmMedium());
    setText(statement, i++, session.utmCampaign());
    setText(statement, i++, session.utmTerm());
    setText(statement, i++, session.utmContent());
    setText(statement, i++, session.platform());
    setText(statement, i++, session.device());
    setText(statement, i++, session.ipAddress());
    setText(statement, i++, session.language());
    return i;
  }

  private static int bindGeo(PreparedStatement statement, int first, GeoValue geo)
      throws SQLException {
    setText(statement, first, geo.name());
    setText(statement, first + 1, geo.code());
    return bindRef(statement, first + 2, geo.lookup());
  }

  private static int bindRef(PreparedStatement statement, int first, Optional<LookupRef> ref)
      throws SQLException {
    setText(statement, first, ref.map(LookupRef::id));
    setText(statement, first + 1, ref.map(LookupRef::name));
    return first + 2;
  }

  private static int bindAction(PreparedStatement statement, int first, WebAction action)
      throws SQLException {
    int i = first;
    statement.setInt(i++, action.position());
    setText(statement, i++, action.actionId());
    setMillis(statement, i++, action.date());
    statement.setString(i++, action.type().code());
    i = bindRef(statement, i, action.type().lookup());
    setText(statement, i++, action.webPage().map(WebPageRef::lookupId));
    setText(statement, i++, action.webPage().map(WebPageRef::name));
    setText(statement, i++, action.webPage().map(WebPageRef::url));
    setText(statement, i++, action.url());
    setText(statement, i++, action.title());
    return i;
  }

  private static VisitKey keyOf(ResultSet rows) throws SQLException {
    return VisitKey.of(rows.getLong("site_id"), rows.getLong("visit_id"));
  }

  private static WebSession readSession(ResultSet rows) throws SQLException {
    Optional<String> referrerTypeCode = text(rows, "referrer_type_code");
    Optional<LookupRef> referrerTypeLookup = readRef(rows, "referrer_type_lookup");
    return WebSession.builder()
        .siteId(rows.getLong("site_id"))
        .visitId(rows.getLong("visit_id"))
        .visitorId(text(rows, "visitor_id"))
        .userId(text(rows, "user_id"))
        .startDate(Instant.ofEpochMilli(rows.getLong("start_date_ms")))
        .lastActionDate(millis(rows, "last_action_date_ms"))
        .durationSeconds(rows.getLong("duration_seconds"))
        .actionCount(rows.getLong("action_count"))
        .country(readGeo(rows, "country"))
        .region(readGeo(rows, "region"))
        .city(readGeo(rows, "city"))
        .location(text(rows, "geo_location"))
        .source(readRef(rows, "source_lookup"))
        .channel(readRef(rows, "channel_lookup"))
        .referrerType(referrerTypeCode.map(code ->
            CodedValue.of(code, referrerTypeLookup.orElse(null))))
        .referrerName(text(rows, "referrer_name"))
        .referrerKeyword(text(rows, "referrer_keyword"))
        .referrerUrl(text(rows, "referrer_url"))
        .utmId(text(rows, "utm_id"))
        .utmSource(text(rows, "utm_source"))
        .utmMedium(text(rows, "utm_medium"))
        .utmCampaign(text(rows, "utm_campaign"))
        .utmTerm(text(rows, "utm_term"))
        .utmContent(text(rows, "utm_content"))
        .platform(text(rows, "platform"))
        .device(text(rows, "device"))
        .ipAddress(text(rows, "ip_address"))
        .language(text(rows, "language_code"))
        .build();
  }

  private static GeoValue readGeo(ResultSet rows, String prefix) throws SQLException {
    return GeoValue.builder()
        .name(text(rows, prefix + "_name"))
        .code(text(rows, prefix + "_code"))
        .lookup(readRef(rows, prefix + "_lookup"))
        .build();
  }

  private static Optional<LookupRef> readRef(ResultSet rows, String prefix) throws SQLException {
    Optional<String> id = text(rows, prefix + "_id");
    if (id.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(LookupRef.of(id.get(), text(rows, prefix + "_name").orElse("")));
  }

  private static WebAction readAction(ResultSet rows) throws SQLException {
    Optional<String> pageId = text(rows, "page_lookup_id");
    return WebAction.builder()
        .siteId(rows.getLong("site_id"))
        .visitId(rows.getLong("visit_id"))
        .naturalKey(rows.getString("natural_key"))
        .position(rows.getInt("action_position"))
        .actionId(text(rows, "action_id"))
        .date(millis(rows, "action_date_ms"))
        .type(CodedValue.of(rows.getString("type_code"),
            readRef(rows, "type_lookup").orElse(null)))
        .webPage(pageId.isEmpty() ? Optional.empty() : Optional.of(WebPageRef.of(pageId.get(),
            text(rows, "page_name").orElse(""), text(rows, "page_url").orElse(""))))
        .url(text(rows, "url"))
        .title(text(rows, "title"))
        .build();
  }

  /** The write with its instants cut to milliseconds, as they will be stored. */
  private static SessionWrite toMillis(SessionWrite write) {
    WebSession session = write.session();
    WebSession cut = ImmutableWebSession.copyOf(session)
        .withStartDate(cutToMillis(session.startDate()))
        .withLastActionDate(session.lastActionDate().map(JdbcSessionSink::cutToMillis));
    List<WebAction> actions = new ArrayList<>(write.actions().size());
    for (WebAction action : write.actions()) {
      actions.add(ImmutableWebAction.copyOf(action)
          .withDate(action.date().map(JdbcSessionSink::cutToMillis)));
    }
    return cut.equals(session) && actions.equals(write.actions())
        ? write
        : SessionWrite.of(write.contactId(), cut, actions);
  }

  private static Instant cutToMillis(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MILLIS);
  }

  private static int count(String fields) {
    return fields.split(",").length;
  }

  private static String assignments(String fields) {
    return Arrays.stream(fields.split(",\\s*"))
        .map(field -> field + " = ?")
        .collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return "JdbcSessionSink";
  }
}
