package io.github.matomotracking.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.matomotracking.examples.demo.DemoMatomoServer;
import io.github.matomotracking.examples.demo.DemoVisit;
import io.github.matomotracking.examples.demo.SampleSite;
import io.github.matomotracking.examples.jdbc.ConnectionSource;
import io.github.matomotracking.examples.jdbc.JdbcSessionSink;
import io.github.matomotracking.port.StoredSession;
import io.github.matomotracking.testing.TestTokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code demo} run in-process, as a newcomer runs it: the embedded Matomo and an H2 file database
 * in a temporary folder; then pointed at a "real" Matomo through the environment variables (a
 * {@link DemoMatomoServer} standing in for it).
 */
class DemoCommandTest {

  private static final String NOW = "2025-04-10T14:00:00Z";
  private static final String SEED = "20250410";
  private static final Pattern SESSIONS = Pattern.compile("(\\d+) web sessions with (\\d+) web actions");

  @TempDir
  Path dir;

  private String db() {
    return "jdbc:h2:" + dir.resolve("demo").toAbsolutePath();
  }

  private static CliRunner.Result run(Map<String, String> env, String... args) {
    CliSettings settings = new CliSettings(env::get, config -> config.sleeper(duration -> { }));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new MatomoTrackingCli(settings).run(List.of(args),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new CliRunner.Result(code, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  private List<StoredSession> stored() {
    List<StoredSession> sessions = new ArrayList<>();
    new JdbcSessionSink(ConnectionSource.url(db())).forEach(sessions::add);
    return sessions;
  }

  private static List<String> checkLines(String stdout) {
    String checks = section(stdout, "4. Checks", "5. Engine runs");
    return checks.lines().skip(1).map(String::strip).filter(line -> !line.isEmpty()).toList();
  }

  private static String section(String text, String from, String to) {
    int start = text.indexOf(from);
    int end = text.indexOf(to, start);
    assertThat(start).as("section %s in:%n%s", from, text).isNotNegative();
    assertThat(end).as("section %s in:%n%s", to, text).isGreaterThan(start);
    return text.substring(start, end);
  }

  @Test
  void theEmbeddedDemoRunsThePipelineAndEveryCheckOfTheStoryIsOk() {
    CliRunner.Result result = run(Map.of(), "demo", "--db", db(), "--now", NOW, "--seed", SEED);

    assertThat(result.exitCode()).as(result.stderr() + result.stdout()).isZero();
    assertThat(result.stdout()).contains("1. Identification events", "2. The daily job",
        "3. What the database holds", "Sessions and actions per contact",
        "Sessions by lead source", "Sessions by lead channel", "Top pages (page views)",
        "Sessions by country", "4. Checks", "5. Engine runs", "scheduled run 2");
    List<String> checks = checkLines(result.stdout());
    assertThat(checks).hasSize(7).allSatisfy(line -> assertThat(line).startsWith("OK "));
    assertThat(String.join("\n", checks)).contains(
        "a forwarded email: the reader's visits go to the original recipient",
        "two forms in one visit: the visit goes to the earliest submission",
        "visits before the first identification go to the first identified contact",
        "a second scheduled run changes nothing");
    assertThat(result.stdout()).doesNotContain("NOT OK", "token_auth");
    assertThat(result.stderr()).as("the library's INFO lines are held back").isEmpty();
  }

  @Test
  void theReportShowsWhatTheDatabaseHoldsAndARerunStartsAgainFromNothing() {
    CliRunner.Result first = run(Map.of(), "demo", "--db", db(), "--now", NOW, "--seed", SEED);
    List<StoredSession> afterFirst = stored();
    CliRunner.Result second = run(Map.of(), "demo", "--db", db(), "--now", NOW, "--seed", SEED);
    List<StoredSession> afterSecond = stored();

    Matcher counts = SESSIONS.matcher(first.stdout());
    assertThat(counts.find()).as(first.stdout()).isTrue();
    assertThat(Long.parseLong(counts.group(1))).isEqualTo(afterFirst.size()).isPositive();
    assertThat(Long.parseLong(counts.group(2)))
        .isEqualTo(afterFirst.stream().mapToLong(s -> s.actions().size()).sum());
    assertThat(afterSecond).as("the same sessions, not twice as many").isEqualTo(afterFirst);
    assertThat(section(second.stdout(), "3. What the database holds", "Demo finished"))
        .isEqualTo(section(first.stdout(), "3. What the database holds", "Demo finished"));
  }

  @Test
  void withTheEnvironmentVariablesTheDemoRunsAgainstThatMatomoAndTheEventsOfTheFile()
      throws IOException {
    SampleSite sample = SampleSite.generate(Instant.parse(NOW), Long.parseLong(SEED));
    Path identities = dir.resolve("identities.csv");
    sample.writeIdentitiesCsv(identities);
    String token = TestTokens.hex();
    try (DemoMatomoServer matomo = DemoMatomoServer.builder(sample).token(token)
        .clock(Clock.fixed(Instant.parse(NOW), ZoneOffset.UTC)).start()) {
      Map<String, String> env = Map.of("MATOMO_URL", matomo.baseUrl().toString(),
          "MATOMO_TOKEN", token, "MATOMO_SITE", "1,2");

      CliRunner.Result result = run(env, "demo", "--identities", identities.toString(),
          "--insecure-http", "--db", db(), "--now", NOW);

      assertThat(result.exitCode()).as(result.stderr() + result.stdout()).isZero();
      assertThat(result.stdout()).contains("against your Matomo", matomo.baseUrl().toString(),
          "3. What the database holds", "Sessions by lead channel", "5. Engine runs");
      assertThat(checkLines(result.stdout())).first().asString()
          .startsWith("OK").contains("a second scheduled run changes nothing");
      assertThat(result.stdout() + result.stderr()).doesNotContain(token);
      assertThat(matomo.stats().toString()).isNotEmpty();

      Map<String, String> owners = new HashMap<>();
      stored().forEach(s -> owners.put(s.key().toString(), s.contactId()));
      SampleSite.Scenario story = sample.scenario();
      assertThat(owners).containsEntry(story.twoFormVisit().toString(),
          story.twoFormEarliestContactId());
      List<DemoVisit> forwarded = sample.visits().stream()
          .filter(v -> story.forwardedEmailContactId().equals(v.userId())).toList();
      assertThat(forwarded).hasSizeGreaterThanOrEqualTo(2).allSatisfy(v -> assertThat(owners)
          .containsEntry(v.key().toString(), story.forwardedEmailContactId()));
    }
  }

  @Test
  void someButNotAllOfTheVariablesIsAUsageErrorNamingTheMissingOnes() {
    CliRunner.Result result = run(Map.of("MATOMO_URL", "https://analytics.example.com/"), "demo",
        "--db", db());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).contains("missing: [MATOMO_TOKEN, MATOMO_SITE]");
    assertThat(result.stdout()).isEmpty();
  }

  @Test
  void aRealMatomoWithoutAnIdentitiesFileIsAUsageErrorSayingWhatIsNeeded() {
    CliRunner.Result result = run(Map.of("MATOMO_URL", "https://analytics.example.com/",
        "MATOMO_TOKEN", "abc", "MATOMO_SITE", "1"), "demo", "--db", db());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).contains("--identities FILE.csv", IdentityFile.HEADER);
  }

  @Test
  void anIdentitiesFileWithoutARealMatomoIsAUsageError() {
    CliRunner.Result result = run(Map.of(), "demo", "--identities", "x.csv", "--db", db());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).contains("MATOMO_URL");
  }

  @Test
  void badOptionsAreUsageErrors() {
    assertThat(run(Map.of(), "demo", "--seed", "many").stderr()).contains("--seed wants");
    assertThat(run(Map.of(), "demo", "--now", "yesterday").stderr()).contains("--now wants");
    assertThat(run(Map.of(), "demo", "--db", "./x").stderr()).contains("--db wants a JDBC URL");
    assertThat(run(Map.of(), "demo", "--top", "0").exitCode()).isEqualTo(1);
  }
}
