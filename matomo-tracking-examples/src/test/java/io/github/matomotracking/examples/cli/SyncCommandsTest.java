package io.github.matomotracking.examples.cli;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.matomotracking.client.fake.FakeMatomo;
import io.github.matomotracking.client.fake.FakeVisit;
import io.github.matomotracking.testing.TestTokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import}, {@code sync} and {@code export} against a fake Matomo on loopback and an H2
 * file database in a temporary folder, as an operator would run them.
 */
class SyncCommandsTest {

  private static final String TOKEN = TestTokens.hex();
  private static final String A = "a1a1a1a1a1a1a1a1";
  private static final String B = "b2b2b2b2b2b2b2b2";
  private static final String C4_BROWSER = "c4c4c4c4c4c4c4c4";
  private static final FakeMatomo FAKE = FakeMatomo.withToken(TOKEN);
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(FAKE))
      .build();

  @TempDir
  Path dir;

  private Path identities;

  private static long at(String instant) {
    return Instant.parse(instant).getEpochSecond();
  }

  private static FakeVisit visit(long id, String visitorId, String first, String last, int pages) {
    return new FakeVisit(1, id, visitorId, null, at(first), at(last), pages);
  }

  @BeforeEach
  void matomo() throws IOException {
    FAKE.reset();
    wm.resetAll();
    wm.stubFor(FakeMatomo.stub());
    FAKE.site(1, "UTC");
    FAKE.put(
        // A: history before the form (1), the visit with the form of c1 (2).
        visit(1, A, "2024-03-01T09:00:00Z", "2024-03-01T09:10:00Z", 2),
        visit(2, A, "2024-04-20T10:00:00Z", "2024-04-20T10:10:00Z", 3),
        // B: form of c2 in visit 3, of c3 in visit 4; visit 5 after both, still going on.
        visit(3, B, "2024-04-10T09:00:00Z", "2024-04-10T09:05:00Z", 2),
        visit(4, B, "2024-04-22T15:00:00Z", "2024-04-22T15:05:00Z", 2),
        visit(5, B, "2024-04-25T10:00:00Z", "2024-04-25T10:05:00Z", 2),
        // c4 clicked a marketing email; its own browser carries the userId c4.
        visit(7, C4_BROWSER, "2024-04-28T08:00:00Z", "2024-04-28T08:03:00Z", 2).withUserId("c4"));
    identities = dir.resolve("identities.csv");
    Files.writeString(identities, String.join("\n",
        IdentityFile.HEADER,
        "form_submit,c3," + B + ",2024-04-22T15:03:00Z,https://www.example.com/contact",
        "email_click,c4,,2024-04-28T07:59:00Z,\"https://www.example.com/offer?contactId=c4&bulkEmailRecipientId=r-9\"",
        "form_submit,c1," + A + ",2024-04-20T10:05:00Z,https://www.example.com/demo",
        "form_submit,c2," + B + ",2024-04-10T09:02:00Z,"), StandardCharsets.UTF_8);
  }

  private String db() {
    return "jdbc:h2:" + dir.resolve("crm").toAbsolutePath();
  }

  private CliRunner.Result run(Map<String, String> env, String... args) {
    CliSettings settings = new CliSettings(env::get, config -> config.sleeper(duration -> { }));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new MatomoTrackingCli(settings).run(List.of(args),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new CliRunner.Result(code, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  private CliRunner.Result importFile(String now) {
    return run(Map.of("MATOMO_TOKEN", TOKEN), "import", "--url", wm.baseUrl(), "--insecure-http",
        "--site", "1", "--identities", identities.toString(), "--db", db(), "--now", now);
  }

  private CliRunner.Result sync(String now) {
    return run(Map.of("MATOMO_TOKEN", TOKEN), "sync", "--url", wm.baseUrl(), "--insecure-http",
        "--site", "1", "--db", db(), "--now", now);
  }

  private static JsonNode json(CliRunner.Result result) {
    try {
      return JSON.readTree(result.stdout());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + result.stdout(), e);
    }
  }

  private Map<Long, String> exportedOwners(CliRunner.Result export) {
    Map<Long, String> owners = new TreeMap<>();
    export.kind("session").forEach(s -> owners.put(s.get("visitId").asLong(), s.get("contactId").asText()));
    return owners;
  }

  @Test
  void importThenSyncThenExportGivesEveryVisitTheOwnerOfTheRulesAndASecondSyncChangesNothing() {
    CliRunner.Result imported = importFile("2024-04-30T12:00:00Z");
    // After the import: A reads visit 6 with c4's userId (the email forwarded to A), and B's
    // visit 5 goes on.
    FAKE.put(visit(6, A, "2024-04-30T18:00:00Z", "2024-04-30T18:04:00Z", 2).withUserId("c4"),
        FAKE.visit(1, 5).continuedAt(at("2024-04-25T10:20:00Z")));
    CliRunner.Result synced = sync("2024-05-01T02:00:00Z");
    CliRunner.Result again = sync("2024-05-01T02:00:00Z");
    CliRunner.Result export = run(Map.of(), "export", "--db", db());

    assertThat(imported.exitCode()).as(imported.stderr()).isZero();
    JsonNode summary = json(imported);
    assertThat(summary.get("formSubmissions").asInt()).isEqualTo(3);
    assertThat(summary.get("emailClicksNew").asInt()).isEqualTo(1);
    assertThat(summary.at("/history/identificationsRecorded").asInt()).isEqualTo(3);
    assertThat(summary.at("/history/sessionsInserted").asInt()).isEqualTo(5);
    assertThat(summary.at("/emailClickContacts/sessionsInserted").asInt()).isEqualTo(1);

    assertThat(synced.exitCode()).as(synced.stderr()).isZero();
    JsonNode report = json(synced);
    assertThat(report.get("flow").asText()).isEqualTo("SCHEDULED");
    assertThat(report.get("sessionsInserted").asInt()).as("visit 6").isEqualTo(1);
    assertThat(report.get("sessionsUpdated").asInt()).as("visit 5").isEqualTo(1);
    assertThat(report.get("actionsInserted").asInt()).isEqualTo(3);
    assertThat(report.get("failures")).isEmpty();

    assertThat(again.exitCode()).isZero();
    JsonNode unchanged = json(again);
    assertThat(unchanged.get("visits").asInt()).isPositive();
    for (String count : List.of("sessionsInserted", "sessionsUpdated", "actionsInserted", "actionsUpdated")) {
      assertThat(unchanged.get(count).asInt()).as(count).isZero();
    }

    assertThat(export.exitCode()).isZero();
    assertThat(exportedOwners(export)).containsExactlyEntriesOf(new TreeMap<>(Map.of(
        1L, "c1", // history before A's first form
        2L, "c1", // the visit with the form
        3L, "c2",
        4L, "c3", // another contact's data entered in a form
        5L, "c3", // the latest identification before the visit
        6L, "c4", // the forwarded email: the recipient, not A's contact
        7L, "c4"))); // found by userId after the click
    List<JsonNode> actionsOf5 = export.kind("action").stream()
        .filter(a -> a.get("visitId").asLong() == 5).toList();
    assertThat(actionsOf5).hasSize(3).allSatisfy(a -> assertThat(a.get("contactId").asText()).isEqualTo("c3"));
    assertThat(export.kind("action")).hasSize(2 + 3 + 2 + 2 + 3 + 2 + 2);
    assertThat(imported.stdout() + imported.stderr() + synced.stdout() + synced.stderr())
        .doesNotContain(TOKEN);
  }

  @Test
  void aFileWithBadRowsIsRefusedNamingEachLineAndNothingIsImported() throws IOException {
    Files.writeString(identities, String.join("\n",
        IdentityFile.HEADER,
        "form_submit,c1," + A + ",2024-04-20T10:05:00Z,",
        "form_submit,c2,not-a-visitor,2024-04-10T09:02:00Z,",
        "email_click,c4," + A + ",2024-04-28T07:59:00Z,",
        "page_view,c5,,2024-04-28T07:59:00Z,",
        "form_submit,c6," + B + ",yesterday,"), StandardCharsets.UTF_8);

    CliRunner.Result result = importFile("2024-04-30T12:00:00Z");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).contains("4 bad rows, nothing was imported")
        .contains("identities.csv:3: FormSubmission.trackingUserId must be exactly 16 hexadecimal")
        .contains("identities.csv:4: visitor_id must be empty for an email_click")
        .contains("identities.csv:5: event must be form_submit or email_click, got \"page_view\"")
        .contains("identities.csv:6: occurred_at must be an ISO instant");
    assertThat(FAKE.requests()).isEmpty();
    assertThat(Files.exists(dir.resolve("crm.mv.db"))).as("no database created").isFalse();
  }

  @Test
  void aFileWithoutTheHeaderIsRefused() throws IOException {
    Files.writeString(identities, "form_submit,c1," + A + ",2024-04-20T10:05:00Z,\n");

    CliRunner.Result result = importFile("2024-04-30T12:00:00Z");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).contains(":1: the first line must be the header " + IdentityFile.HEADER);
  }

  @Test
  void aRejectedTokenExitsWithTwo() {
    CliRunner.Result result = run(Map.of("MATOMO_TOKEN", TestTokens.hex()),
        "import", "--url", wm.baseUrl(), "--insecure-http", "--site", "1",
        "--identities", identities.toString(), "--db", db(), "--now", "2024-04-30T12:00:00Z");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(json(result).at("/history/failures/0/errorType").asText())
        .isEqualTo("MatomoAuthenticationException");
    assertThat(result.stderr()).contains("Unable to authenticate").doesNotContain("ffffffff");
  }

  @Test
  void anUnreachableMatomoExitsWithThreeAndTheNextSyncCatchesUp() throws IOException {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    CliRunner.Result down = run(Map.of("MATOMO_TOKEN", TOKEN), "import",
        "--url", "http://127.0.0.1:" + port, "--insecure-http", "--site", "1",
        "--identities", identities.toString(), "--db", db(), "--now", "2024-04-30T12:00:00Z");
    CliRunner.Result synced = sync("2024-04-30T12:00:00Z");
    CliRunner.Result export = run(Map.of(), "export", "--db", db());

    assertThat(down.exitCode()).as(down.stderr()).isEqualTo(3);
    assertThat(json(down).at("/history/identificationsRecorded").asInt()).isEqualTo(3);
    assertThat(synced.exitCode()).as(synced.stderr()).isZero();
    assertThat(exportedOwners(export)).containsEntry(1L, "c1").containsEntry(4L, "c3")
        .containsEntry(7L, "c4");
  }

  @Test
  void exportOfAMissingDatabaseIsAUsageError() {
    CliRunner.Result result = run(Map.of(), "export", "--db", "jdbc:h2:" + dir.resolve("none"));

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).contains("--db: cannot use");
    assertThat(Files.exists(dir.resolve("none.mv.db"))).isFalse();
  }

  @Test
  void wrongOptionsAreUsageErrors() {
    List<String[]> lines = new ArrayList<>();
    lines.add(new String[] {"sync", "--url", wm.baseUrl(), "--site", "1", "--now", "tomorrow",
        "--insecure-http", "--db", db()});
    lines.add(new String[] {"sync", "--url", wm.baseUrl(), "--site", "x", "--insecure-http"});
    lines.add(new String[] {"import", "--url", wm.baseUrl(), "--site", "1", "--insecure-http"});
    lines.add(new String[] {"sync", "--url", wm.baseUrl(), "--site", "1", "--insecure-http",
        "--db", "not-jdbc"});

    for (String[] line : lines) {
      CliRunner.Result result = run(Map.of("MATOMO_TOKEN", TOKEN), line);
      assertThat(result.exitCode()).as(String.join(" ", line) + ": " + result.stderr()).isEqualTo(1);
      assertThat(result.stderr()).contains("usage: " + line[0]);
    }
    assertThat(FAKE.requests()).isEmpty();
  }
}
