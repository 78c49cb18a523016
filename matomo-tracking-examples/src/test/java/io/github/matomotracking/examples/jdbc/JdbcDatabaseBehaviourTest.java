package io.github.matomotracking.examples.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.matomotracking.identify.Identification;
import io.github.matomotracking.identify.IdentificationOrigin;
import io.github.matomotracking.identify.IdentityKey;
import io.github.matomotracking.model.CodedValue;
import io.github.matomotracking.model.LookupAddition;
import io.github.matomotracking.model.LookupKind;
import io.github.matomotracking.model.VisitKey;
import io.github.matomotracking.model.WebAction;
import io.github.matomotracking.port.SessionSamples;
import io.github.matomotracking.port.SessionWrite;
import io.github.matomotracking.port.StoredSession;
import io.github.matomotracking.port.SyncCursor;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only a database shows: real SQL failures, schema creation, files that outlive a run. */
class JdbcDatabaseBehaviourTest {

  private static final Instant AT = Instant.parse("2024-03-10T09:15:02.250Z");

  private static List<StoredSession> all(JdbcSessionSink sink) {
    List<StoredSession> sessions = new ArrayList<>();
    sink.forEach(sessions::add);
    return sessions;
  }

  @Test
  void aBatchTheDatabaseRejectsIsRolledBackAndTheErrorNamesTheOperation() {
    try (H2Database database = H2Database.inMemory()) {
      JdbcSessionSink sink = new JdbcSessionSink(database.source());
      sink.upsert(List.of(SessionWrite.of("ann", SessionSamples.minimalSession(1, 1),
          List.of(SessionSamples.goal(1, 1, 0)))));
      List<StoredSession> before = all(sink);
      WebAction tooLongKey = WebAction.builder().siteId(1).visitId(2).position(0)
          .naturalKey("k".repeat(300)).type(CodedValue.of("goal", null)).build();

      List<SessionWrite> batch = List.of(
          SessionWrite.of("bob", SessionSamples.fullSession(1, 1, 1, 30, 2),
              List.of(SessionSamples.pageView(1, 1, 1, "Home"))),
          SessionWrite.of("bob", SessionSamples.minimalSession(1, 2), List.of(tooLongKey)));

      assertThatThrownBy(() -> sink.upsert(batch))
          .isInstanceOf(JdbcStoreException.class)
          .hasMessageStartingWith("JDBC upsert of 2 session writes failed: ")
          .hasMessageContaining("SQL state");
      assertThat(all(sink)).isEqualTo(before);
      assertThat(sink.hasSessionForContact("bob")).isFalse();
    }
  }

  @Test
  void creatingTheSchemaTwiceIsHarmlessAndKeepsTheData() {
    try (H2Database database = H2Database.inMemory()) {
      JdbcSchema.create(database.source());
      JdbcSessionSink sink = new JdbcSessionSink(database.source());
      sink.upsert(List.of(SessionWrite.of("ann", SessionSamples.minimalSession(1, 1), List.of())));

      JdbcSchema.create(database.source());
      JdbcSchema.create(database.source());

      assertThat(new JdbcSessionSink(database.source()).session(VisitKey.of(1, 1)))
          .map(StoredSession::contactId).contains("ann");
    }
  }

  @Test
  void theSchemaIsPlainCreateIfNotExistsStatements() {
    List<String> statements = JdbcSchema.statements();

    assertThat(statements).isNotEmpty().allSatisfy(statement ->
        assertThat(statement).matches("(?s)CREATE (TABLE|INDEX) IF NOT EXISTS .*"));
    assertThat(String.join("\n", statements)).doesNotContainIgnoringCase("MERGE")
        .doesNotContainIgnoringCase("ON DUPLICATE");
  }

  @Test
  void aFileDatabaseKeepsItsDataWhenReopened(@TempDir Path directory) {
    ConnectionSource file = ConnectionSource.url("jdbc:h2:" + directory.resolve("matomo-tracking"));
    StoredSession session = StoredSession.of("ann", SessionSamples.fullSession(1, 7, 0, 20, 2),
        List.of(SessionSamples.pageView(1, 7, 0, "Home"), SessionSamples.goal(1, 7, 1)));
    Identification identification = Identification.builder().key("form:1")
        .identity(IdentityKey.visitorId("0123456789abcdef")).contactId("ann").at(AT)
        .origin(IdentificationOrigin.FORM_SUBMISSION).build();
    SyncCursor cursor = SyncCursor.of(1_710_062_122L, Set.of(VisitKey.of(1, 7)));
    LookupAddition page = LookupAddition.builder().kind(LookupKind.WEB_PAGE).id("page-1")
        .name("Home").url("https://www.example.com/").build();

    new JdbcSessionSink(file).upsert(List.of(
        SessionWrite.of(session.contactId(), session.session(), session.actions())));
    JdbcSyncStateStore state = new JdbcSyncStateStore(file);
    state.recordIdentification(identification);
    state.saveCursor(IdentityKey.visitorId("0123456789abcdef"), cursor);
    new JdbcLookupRepository(file).apply(List.of(page));
    assertThat(directory.resolve("matomo-tracking.mv.db")).exists();

    assertThat(new JdbcSessionSink(file).session(VisitKey.of(1, 7))).contains(session);
    JdbcSyncStateStore reopened = new JdbcSyncStateStore(file);
    assertThat(reopened.identificationsOfVisitor("0123456789abcdef"))
        .containsExactly(identification);
    assertThat(reopened.cursor(IdentityKey.visitorId("0123456789abcdef"))).contains(cursor);
    assertThat(new JdbcLookupRepository(file).snapshot().webPage("Home", "https://www.example.com/"))
        .isPresent();
  }

  @Test
  void everyConnectionIsClosedAfterUse(@TempDir Path directory) throws Exception {
    ConnectionSource file = ConnectionSource.url("jdbc:h2:" + directory.resolve("closed"));
    JdbcSessionSink sink = new JdbcSessionSink(file);
    sink.upsert(List.of(SessionWrite.of("ann", SessionSamples.minimalSession(1, 1), List.of())));
    sink.forEach(stored -> { });
    sink.hasSessionForContact("ann");
    sink.session(VisitKey.of(1, 1));
    JdbcSyncStateStore state = new JdbcSyncStateStore(file);
    state.trackedVisitorIds();
    state.recordIdentification(Identification.builder().key("form:1")
        .identity(IdentityKey.visitorId("0123456789abcdef")).contactId("ann").at(AT)
        .origin(IdentificationOrigin.FORM_SUBMISSION).build());
    state.cursor(IdentityKey.visitorId("0123456789abcdef"));
    new JdbcLookupRepository(file).snapshot();
    assertThatThrownBy(() -> sink.upsert(List.of(SessionWrite.of("x".repeat(300),
        SessionSamples.minimalSession(1, 2), List.of())))).isInstanceOf(JdbcStoreException.class);

    try (Connection connection = file.open();
        ResultSet sessions = connection.createStatement()
            .executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
      sessions.next();
      assertThat(sessions.getInt(1)).as("open sessions, this one included").isEqualTo(1);
    }
  }
}
