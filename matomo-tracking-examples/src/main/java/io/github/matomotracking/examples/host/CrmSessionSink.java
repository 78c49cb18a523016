package io.github.matomotracking.examples.host;

import io.github.matomotracking.examples.jdbc.ConnectionSource;
import io.github.matomotracking.examples.jdbc.JdbcStoreException;
import io.github.matomotracking.model.CodedValue;
import io.github.matomotracking.model.GeoValue;
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
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A host's {@link SessionSink} and {@link SessionStore} over <em>its own</em> tables
 * ({@code crm_web_session}, {@code crm_web_activity} of {@link CrmSchema}): the library does not
 * care how the CRM stores sessions, only that the port's semantics hold, which
 * {@code SessionSinkContract} of core's test-jar checks.
 *
 * <p>The recipe for any host: read the stored rows of the batch's visits, let
 * {@link SessionUpsertPlan} decide what to insert and update, write that in one transaction, and
 * return the plan's {@link SinkResult}. Everything else here is column mapping.
 */
public class CrmSessionSink implements SessionSink, SessionStore {

  private static final List<String> SESSION_COLUMNS = List.of("contact_uid", "matomo_visitor",
      "matomo_user", "started_at", "last_action_at", "duration_sec", "action_total",
      "country_text", "country_iso", "country_uid", "country_title",
      "region_text", "region_iso", "region_uid", "region_title",
      "city_text", "city_iso", "city_uid", "city_title", "lat_long",
      "lead_source_uid", "lead_source_title", "lead_channel_uid", "lead_channel_title",
      "referrer_kind_code", "referrer_kind_uid", "referrer_kind_title", "referrer_label",
      "search_phrase", "referrer_link", "utm_id", "utm_source", "utm_medium", "utm_campaign",
      "utm_term", "utm_content", "os_platform", "device_info", "client_ip", "browser_language");
  private static final List<String> ACTIVITY_COLUMNS = List.of("seq_no", "pageview_ref",
      "occurred_at", "activity_code", "activity_type_uid", "activity_type_title", "web_page_uid",
      "web_page_title", "web_page_link", "link", "caption");

  private static final String SESSION_SELECT = "SELECT matomo_site, matomo_visit, "
      + String.join(", ", SESSION_COLUMNS) + " FROM crm_web_session";
  private static final String ACTIVITY_SELECT = "SELECT matomo_site, matomo_visit, activity_key, "
      + String.join(", ", ACTIVITY_COLUMNS) + " FROM crm_web_activity";

  private final ConnectionSource source;

  /**
   * A sink on the CRM's database; creates the CRM tables if missing.
   *
   * @param source the database
   */
  public CrmSessionSink(ConnectionSource source) {
    this.source = Objects.requireNonNull(source, "source");
    CrmSchema.create(source);
  }

  @Override
  public SinkResult upsert(List<SessionWrite> batch) {
    Objects.requireNonNull(batch, "batch");
    if (batch.isEmpty()) {
      return SinkResult.empty();
    }
    try (Connection connection = source.open()) {
      connection.setAutoCommit(false);
      try {
        Set<VisitKey> keys = new LinkedHashSet<>();
        batch.forEach(write -> keys.add(write.key()));
        SessionUpsertPlan plan = SessionUpsertPlan.of(load(connection, keys), batch);
        write(connection, plan);
        beforeCommit(connection, batch);
        connection.commit();
        return plan.result();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new JdbcStoreException("CRM upsert of " + batch.size() + " sessions", e);
    }
  }

  /**
   * Called in the upsert's transaction after its statements, before the commit; throwing rolls
   * the batch back. Does nothing; the contract tests use it.
   *
   * @param connection the transaction
   * @param batch the batch
   * @throws SQLException to refuse the batch
   */
  protected void beforeCommit(Connection connection, List<SessionWrite> batch)
      throws SQLException {}

  @Override
  public Optional<StoredSession> session(VisitKey key) {
    try (Connection connection = source.open()) {
      return Optional.ofNullable(load(connection, Set.of(key)).get(key));
    } catch (SQLException e) {
      throw new JdbcStoreException("CRM read of session " + key, e);
    }
  }

  @Override
  public boolean hasSessionForContact(String contactId) {
    try (Connection connection = source.open();
        PreparedStatement query = connection.prepareStatement(
            "SELECT 1 FROM crm_web_session WHERE contact_uid = ? FETCH FIRST 1 ROWS ONLY")) {
      query.setString(1, contactId);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    } catch (SQLException e) {
      throw new JdbcStoreException("CRM search of sessions by contact", e);
    }
  }

  @Override
  public void forEach(Consumer<? super StoredSession> consumer) {
    try (Connection connection = source.open();
        PreparedStatement sessions = connection.prepareStatement(
            SESSION_SELECT + " ORDER BY matomo_site, matomo_visit");
        PreparedStatement activities = connection.prepareStatement(
            ACTIVITY_SELECT + " ORDER BY matomo_site, matomo_visit");
        ResultSet sessionRows = sessions.executeQuery();
        ResultSet activityRows = activities.executeQuery()) {
      boolean ahead = activityRows.next();
      while (sessionRows.next()) {
        VisitKey key = key(sessionRows);
        List<WebAction> actions = new ArrayList<>();
        while (ahead && key(activityRows).compareTo(key) <= 0) {
          if (key(activityRows).equals(key)) {
            actions.add(activity(activityRows));
          }
          ahead = activityRows.next();
        }
        consumer.accept(StoredSession.of(sessionRows.getString("contact_uid"),
            session(sessionRows), actions));
      }
    } catch (SQLException e) {
      throw new JdbcStoreException("CRM export of sessions", e);
    }
  }

  // ------------------------------------------------------------------ reading

  private static Map<VisitKey, StoredSession> load(Connection connection, Set<VisitKey> keys)
      throws SQLException {
    Map<VisitKey, StoredSession> stored = new HashMap<>();
    try (PreparedStatement sessions = connection.prepareStatement(
            SESSION_SELECT + " WHERE matomo_site = ? AND matomo_visit = ?");
        PreparedStatement activities = connection.prepareStatement(
            ACTIVITY_SELECT + " WHERE matomo_site = ? AND matomo_visit = ?")) {
      for (VisitKey key : keys) {
        sessions.setLong(1, key.siteId());
        sessions.setLong(2, key.visitId());
        try (ResultSet row = sessions.executeQuery()) {
          if (!row.next()) {
            continue;
          }
          activities.setLong(1, key.siteId());
          activities.setLong(2, key.visitId());
          List<WebAction> actions = new ArrayList<>();
          try (ResultSet rows = activities.executeQuery()) {
            while (rows.next()) {
              actions.add(activity(rows));
            }
          }
          stored.put(key, StoredSession.of(row.getString("contact_uid"), session(row), actions));
        }
      }
    }
    return stored;
  }

  private static VisitKey key(ResultSet row) throws SQLException {
    return VisitKey.of(row.getLong("matomo_site"), row.getLong("matomo_visit"));
  }

  private static WebSession session(ResultSet row) throws SQLException {
    Optional<String> kind = text(row, "referrer_kind_code");
    Optional<LookupRef> kindRef = ref(row, "referrer_kind_uid", "referrer_kind_title");
    return WebSession.builder()
        .siteId(row.getLong("matomo_site"))
        .visitId(row.getLong("matomo_visit"))
        .visitorId(text(row, "matomo_visitor"))
        .userId(text(row, "matomo_user"))
        .startDate(instant(row, "started_at").orElseThrow())
        .lastActionDate(instant(row, "last_action_at"))
        .durationSeconds(row.getLong("duration_sec"))
        .actionCount(row.getLong("action_total"))
        .country(geo(row, "country"))
        .region(geo(row, "region"))
        .city(geo(row, "city"))
        .location(text(row, "lat_long"))
        .source(ref(row, "lead_source_uid", "lead_source_title"))
        .channel(ref(row, "lead_channel_uid", "lead_channel_title"))
        .referrerType(kind.map(code -> CodedValue.of(code, kindRef.orElse(null))))
        .referrerName(text(row, "referrer_label"))
        .referrerKeyword(text(row, "search_phrase"))
        .referrerUrl(text(row, "referrer_link"))
        .utmId(text(row, "utm_id"))
        .utmSource(text(row, "utm_source"))
        .utmMedium(text(row, "utm_medium"))
        .utmCampaign(text(row, "utm_campaign"))
        .utmTerm(text(row, "utm_term"))
        .utmContent(text(row, "utm_content"))
        .platform(text(row, "os_platform"))
        .device(text(row, "device_info"))
        .ipAddress(text(row, "client_ip"))
        .language(text(row, "browser_language"))
        .build();
  }

  private static WebAction activity(ResultSet row) throws SQLException {
    Optional<String> pageUid = text(row, "web_page_uid");
    return WebAction.builder()
        .siteId(row.getLong("matomo_site"))
        .visitId(row.getLong("matomo_visit"))
        .naturalKey(row.getString("activity_key"))
        .position(row.getInt("seq_no"))
        .actionId(text(row, "pageview_ref"))
        .date(instant(row, "occurred_at"))
        .type(CodedValue.of(row.getString("activity_code"),
            ref(row, "activity_type_uid", "activity_type_title").orElse(null)))
        .webPage(pageUid.isEmpty() ? Optional.empty() : Optional.of(WebPageRef.of(pageUid.get(),
            row.getString("web_page_title"), row.getString("web_page_link"))))
        .url(text(row, "link"))
        .title(text(row, "caption"))
        .build();
  }

  private static GeoValue geo(ResultSet row, String prefix) throws SQLException {
    return GeoValue.builder()
        .name(text(row, prefix + "_text"))
        .code(text(row, prefix + "_iso"))
        .lookup(ref(row, prefix + "_uid", prefix + "_title"))
        .build();
  }

  private static Optional<LookupRef> ref(ResultSet row, String id, String name)
      throws SQLException {
    Optional<String> uid = text(row, id);
    return uid.isEmpty() ? Optional.empty() : Optional.of(LookupRef.of(uid.get(),
        row.getString(name)));
  }

  private static Optional<String> text(ResultSet row, String column) throws SQLException {
    return Optional.ofNullable(row.getString(column));
  }

  private static Optional<Instant> instant(ResultSet row, String column) throws SQLException {
    return Optional.ofNullable(row.getObject(column, OffsetDateTime.class))
        .map(OffsetDateTime::toInstant);
  }

  // ------------------------------------------------------------------ writing

  private static void write(Connection connection, SessionUpsertPlan plan) throws SQLException {
    String insertSession = "INSERT INTO crm_web_session (" + String.join(", ", SESSION_COLUMNS)
        + ", matomo_site, matomo_visit) VALUES (" + marks(SESSION_COLUMNS.size() + 2) + ")";
    String updateSession = "UPDATE crm_web_session SET " + assignments(SESSION_COLUMNS)
        + " WHERE matomo_site = ? AND matomo_visit = ?";
    String insertActivity = "INSERT INTO crm_web_activity (" + String.join(", ", ACTIVITY_COLUMNS)
        + ", matomo_site, matomo_visit, activity_key) VALUES ("
        + marks(ACTIVITY_COLUMNS.size() + 3) + ")";
    String updateActivity = "UPDATE crm_web_activity SET " + assignments(ACTIVITY_COLUMNS)
        + " WHERE matomo_site = ? AND matomo_visit = ? AND activity_key = ?";
    sessions(connection, insertSession, plan.sessionsToInsert());
    sessions(connection, updateSession, plan.sessionsToUpdate());
    activities(connection, insertActivity, plan.actionsToInsert());
    activities(connection, updateActivity, plan.actionsToUpdate());
  }

  private static void sessions(Connection connection, String sql, List<StoredSession> sessions)
      throws SQLException {
    if (sessions.isEmpty()) {
      return;
    }
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (StoredSession stored : sessions) {
        int next = bindSession(statement, stored.contactId(), stored.session());
        statement.setLong(next, stored.key().siteId());
        statement.setLong(next + 1, stored.key().visitId());
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }

  private static void activities(Connection connection, String sql, List<WebAction> actions)
      throws SQLException {
    if (actions.isEmpty()) {
      return;
    }
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (WebAction action : actions) {
        int next = bindActivity(statement, action);
        statement.setLong(next, action.siteId());
        statement.setLong(next + 1, action.visitId());
        statement.setString(next + 2, action.naturalKey());
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }

  private static int bindSession(PreparedStatement s, String contactId, WebSession session)
      throws SQLException {
    int i = 1;
    s.setString(i++, contactId);
    i = text(s, i, session.visitorId());
    i = text(s, i, session.userId());
    i = time(s, i, Optional.of(session.startDate()));
    i = time(s, i, session.lastActionDate());
    s.setLong(i++, session.durationSeconds());
    s.setLong(i++, session.actionCount());
    for (GeoValue geo : List.of(session.country(), session.region(), session.city())) {
      i = text(s, i, geo.name());
      i = text(s, i, geo.code());
      i = ref(s, i, geo.lookup());
    }
    i = text(s, i, session.location());
    i = ref(s, i, session.source());
    i = ref(s, i, session.channel());
    i = text(s, i, session.referrerType().map(CodedValue::code));
    i = ref(s, i, session.referrerType().flatMap(CodedValue::lookup));
    for (Optional<String> value : List.of(session.referrerName(), session.referrerKeyword(),
        session.referrerUrl(), session.utmId(), session.utmSource(), session.utmMedium(),
        session.utmCampaign(), session.utmTerm(), session.utmContent(), session.platform(),
        session.device(), session.ipAddress(), session.language())) {
      i = text(s, i, value);
    }
    return i;
  }

  private static int bindActivity(PreparedStatement s, WebAction action) throws SQLException {
    int i = 1;
    s.setInt(i++, action.position());
    i = text(s, i, action.actionId());
    i = time(s, i, action.date());
    s.setString(i++, action.type().code());
    i = ref(s, i, action.type().lookup());
    i = text(s, i, action.webPage().map(WebPageRef::lookupId));
    i = text(s, i, action.webPage().map(WebPageRef::name));
    i = text(s, i, action.webPage().map(WebPageRef::url));
    i = text(s, i, action.url());
    return text(s, i, action.title());
  }

  private static int text(PreparedStatement s, int index, Optional<String> value)
      throws SQLException {
    if (value.isPresent()) {
      s.setString(index, value.get());
    } else {
      s.setNull(index, Types.VARCHAR);
    }
    return index + 1;
  }

  private static int ref(PreparedStatement s, int index, Optional<LookupRef> ref)
      throws SQLException {
    int next = text(s, index, ref.map(LookupRef::id));
    return text(s, next, ref.map(LookupRef::name));
  }

  private static int time(PreparedStatement s, int index, Optional<Instant> value)
      throws SQLException {
    if (value.isPresent()) {
      s.setObject(index, value.get().atOffset(ZoneOffset.UTC));
    } else {
      s.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    }
    return index + 1;
  }

  private static String marks(int count) {
    return "?" + ", ?".repeat(count - 1);
  }

  private static String assignments(List<String> columns) {
    return String.join(", ", columns.stream().map(c -> c + " = ?").toList());
  }
}
