package io.github.matomotracking.examples.demo.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.matomotracking.examples.demo.DemoVisit;
import io.github.matomotracking.examples.demo.SampleSite;
import io.github.matomotracking.examples.jdbc.ConnectionSource;
import io.github.matomotracking.examples.jdbc.JdbcSessionSink;
import io.github.matomotracking.identify.Contact;
import io.github.matomotracking.identify.IdentityKey;
import io.github.matomotracking.model.VisitKey;
import io.github.matomotracking.sync.SyncFlow;
import io.github.matomotracking.sync.SyncReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's pipeline through its Java entry point, and its checks: they read the database, so
 * changing what is stored turns the rule it breaks NOT OK and leaves the others OK.
 */
class DemoMainTest {

  private static final Instant NOW = Instant.parse("2025-07-01T08:30:00Z");
  private static final long SEED = 3;
  private static final SampleSite SAMPLE = SampleSite.generate(NOW, SEED);

  @TempDir
  static Path dir;

  private static String url;
  private static DemoOutcome outcome;
  private static String printed;

  @BeforeAll
  static void runTheDemoOnce() {
    url = "jdbc:h2:" + dir.resolve("demo").toAbsolutePath();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    outcome = DemoMain.builder().database(url).seed(SEED).now(NOW).top(5).build()
        .run(new PrintStream(out, true, StandardCharsets.UTF_8));
    printed = out.toString(StandardCharsets.UTF_8);
  }

  private static Function<String, Optional<String>> names() {
    Map<String, Contact> contacts =
        SAMPLE.contacts().stream().collect(Collectors.toMap(Contact::id, c -> c));
    return id -> Optional.ofNullable(contacts.get(id)).flatMap(Contact::fullName);
  }

  private static List<ScenarioCheck> checksNow() {
    JdbcSessionSink store = new JdbcSessionSink(ConnectionSource.url(url));
    return ScenarioChecks.of(SAMPLE, store, names(), outcome.runs().get(outcome.runs().size() - 1));
  }

  private static void update(String sql, Object... values) throws SQLException {
    try (Connection connection = ConnectionSource.url(url).open();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      assertThat(statement.executeUpdate()).as(sql).isPositive();
    }
  }

  @Test
  void everyFormIsImportedAtOnceThenTheDailyJobRunsTwiceAndEveryCheckIsOk() {
    long forms = SAMPLE.identities().stream()
        .filter(e -> e.kind() == io.github.matomotracking.examples.demo.IdentityEvent.Kind.FORM_SUBMIT)
        .count();

    assertThat(outcome.runs()).extracting(SyncReport::flow).containsSubsequence(
        SyncFlow.IDENTIFICATION, SyncFlow.SCHEDULED, SyncFlow.SCHEDULED);
    assertThat(outcome.runs().stream().filter(r -> r.flow() == SyncFlow.IDENTIFICATION).count())
        .isEqualTo(forms);
    assertThat(outcome.runsSucceeded()).isTrue();
    assertThat(outcome.checks()).allSatisfy(check -> assertThat(check.ok()).as(check.line()).isTrue());
    SyncReport first = outcome.runs().get(outcome.runs().size() - 2);
    assertThat(first.sessionsUpdated()).as("visits going on when their form came grew since")
        .isPositive();
    assertThat(first.sessionsInserted()).as("email-click contacts and later visits").isPositive();
    assertThat(outcome.sessions()).isPositive();
    assertThat(printed).contains("Sessions and actions per contact (top 5 of");
  }

  @Test
  void aVisitGivenToTheWrongContactTurnsItsRuleNotOk() throws SQLException {
    SampleSite.Scenario story = SAMPLE.scenario();
    VisitKey visit = story.twoFormVisit();
    try {
      update("UPDATE mt_web_session SET contact_id = ? WHERE site_id = ? AND visit_id = ?",
          story.twoFormLaterContactId(), visit.siteId(), visit.visitId());

      List<ScenarioCheck> checks = checksNow();

      assertThat(checks).filteredOn(c -> !c.ok()).singleElement().satisfies(check -> {
        assertThat(check.rule()).contains("two forms in one visit");
        assertThat(check.detail()).contains("belongs to "
            + names().apply(story.twoFormLaterContactId()).orElseThrow());
      });
    } finally {
      update("UPDATE mt_web_session SET contact_id = ? WHERE site_id = ? AND visit_id = ?",
          story.twoFormEarliestContactId(), visit.siteId(), visit.visitId());
    }
    assertThat(checksNow()).allMatch(ScenarioCheck::ok);
  }

  @Test
  void aMissingForwardedVisitOrAStrangersVisitTurnsTheirRulesNotOk() throws SQLException {
    SampleSite.Scenario story = SAMPLE.scenario();
    DemoVisit reader = SAMPLE.visitsOf(story.forwardedReaderVisitorId()).get(0);
    String ownerBefore = new JdbcSessionSink(ConnectionSource.url(url))
        .session(reader.key()).orElseThrow().contactId();
    try {
      update("UPDATE mt_web_session SET visitor_id = ?, user_id = NULL, contact_id = ?"
              + " WHERE site_id = ? AND visit_id = ?", "0123456789abcdef", "someone-else",
          reader.siteId(), reader.visitId());

      List<ScenarioCheck> broken = checksNow().stream().filter(c -> !c.ok()).toList();

      assertThat(broken).extracting(ScenarioCheck::rule).containsExactlyInAnyOrder(
          "a forwarded email: the reader's visits go to the original recipient",
          "email-click contacts' visits are found by userId",
          "visitors nobody identified are not stored");
    } finally {
      update("UPDATE mt_web_session SET visitor_id = ?, user_id = ?, contact_id = ?"
              + " WHERE site_id = ? AND visit_id = ?", reader.visitorId(), reader.userId(),
          ownerBefore, reader.siteId(), reader.visitId());
    }
    assertThat(IdentityKey.visitorId(reader.visitorId()).value()).isEqualTo(reader.visitorId());
    assertThat(checksNow()).allMatch(ScenarioCheck::ok);
  }
}
