package io.github.matomotracking.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code map} command over the sample response the project ships, as the README runs it. */
class MapCommandTest {

  private static final Path SAMPLE = projectRoot().resolve("samples/live-visits.json");

  /** The project's root folder, set by the build (see the parent pom's surefire settings). */
  static Path projectRoot() {
    return Path.of(System.getProperty("matomo.project.dir", "..")).toAbsolutePath().normalize();
  }

  private static Map<String, JsonNode> sessionsById(CliRunner.Result result) {
    return result.kind("session").stream()
        .collect(Collectors.toMap(s -> s.get("visitId").asText(), Function.identity()));
  }

  @Test
  void mapsEveryGoodSampleVisitAndWarnsAboutTheOneWithoutIdVisit() {
    CliRunner.Result result = CliRunner.run("map", SAMPLE.toString());

    assertThat(result.exitCode()).isZero();
    assertThat(sessionsById(result)).containsOnlyKeys("1001", "1002", "1003", "1004", "1005", "1006");
    List<JsonNode> warnings = result.kind("warning");
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0).get("message").asText()).contains("idVisit");
    assertThat(warnings.get(0).get("position").asInt()).isEqualTo(3);
    assertThat(result.stderr()).contains("6 visits mapped, 1 skipped");
  }

  @Test
  void sampleSourcesAndChannelsFollowTheDocumentedPolicy() {
    Map<String, JsonNode> sessions = sessionsById(CliRunner.run("map", SAMPLE.toString()));

    // utm_source=facebook is a Source code; utm_medium=cpc is a Channel code.
    assertSourceChannel(sessions.get("1001"), "Facebook", "Web: paid search");
    // google.com is not a Lead source URL: Other source / Web: referrers.
    assertSourceChannel(sessions.get("1002"), "Other source", "Web: referrers");
    // A direct visit without tags has neither.
    assertSourceChannel(sessions.get("1003"), null, null);
    // m.facebook.com matches facebook.com as a sub-domain.
    assertSourceChannel(sessions.get("1004"), "Facebook", "Web: social");
    assertSourceChannel(sessions.get("1005"), "Other source", "Web: referrers");
    // utm_source=bpmonline is Creatio marketing, utm_medium=email the Email channel.
    assertSourceChannel(sessions.get("1006"), "Creatio marketing", "Email");
  }

  private static void assertSourceChannel(JsonNode session, String source, String channel) {
    assertThat(session.get("source").path("name").isMissingNode() ? null
        : session.get("source").path("name").textValue())
        .as("source of visit %s", session.get("visitId")).isEqualTo(source);
    assertThat(session.get("channel").path("name").isMissingNode() ? null
        : session.get("channel").path("name").textValue())
        .as("channel of visit %s", session.get("visitId")).isEqualTo(channel);
  }

  @Test
  void actionTimesAreCorrectedToUtcFromTheVisitItselfWhenNoZoneIsGiven() {
    CliRunner.Result result = CliRunner.run("map", SAMPLE.toString());
    JsonNode firstAction = result.kind("action").stream()
        .filter(a -> a.get("visitId").asText().equals("1001")).findFirst().orElseThrow();
    JsonNode session = sessionsById(result).get("1001");

    // Matomo sent the first page view one hour ahead (Paris in November); corrected, it is the
    // visit's start.
    assertThat(firstAction.get("date").asText()).isEqualTo(session.get("startDate").asText())
        .isEqualTo("2026-11-02T09:15:00Z");
  }

  @Test
  void anExplicitSiteTimeZoneIsUsedForTheCorrection() {
    CliRunner.Result result = CliRunner.run(
        "map", SAMPLE.toString(), "--site-timezone", "1=America/Barbados");
    JsonNode firstAction = result.kind("action").stream()
        .filter(a -> a.get("visitId").asText().equals("1001")).findFirst().orElseThrow();

    // Barbados is UTC-4: the shifted 10:15 "UTC" reads as 10:15 local, 14:15 UTC.
    assertThat(firstAction.get("date").asText()).isEqualTo("2026-11-02T14:15:00Z");
  }

  @Test
  void lookupAdditionsArePrintedOnceBeforeTheSessionThatNeedsThem() {
    List<JsonNode> lines = CliRunner.run("map", SAMPLE.toString()).lines();

    List<String> additionIds = lines.stream()
        .filter(l -> l.get("kind").asText().equals("lookup-addition"))
        .map(l -> l.get("id").asText()).collect(Collectors.toList());
    assertThat(additionIds).doesNotHaveDuplicates().isNotEmpty();
    for (int i = 0; i < lines.size(); i++) {
      JsonNode line = lines.get(i);
      if (line.get("kind").asText().equals("action") && line.get("webPage").hasNonNull("lookup")) {
        String page = line.get("webPage").get("lookup").asText();
        List<JsonNode> before = lines.subList(0, i);
        boolean known = before.stream().anyMatch(l -> page.equals(l.path("id").asText()));
        boolean added = additionIds.contains(page);
        assertThat(!added || known).as("web page %s announced before use", page).isTrue();
      }
    }
  }

  @Test
  void contentInteractionsKeepTheirRawTypeCodeAndAreAddedAsAnActionType() {
    CliRunner.Result result = CliRunner.run("map", SAMPLE.toString());

    assertThat(result.kind("action"))
        .anySatisfy(a -> assertThat(a.get("type").get("code").asText()).isEqualTo("13"));
    assertThat(result.kind("lookup-addition"))
        .anySatisfy(a -> {
          assertThat(a.get("lookup").asText()).isEqualTo("action-type");
          assertThat(a.get("code").asText()).isEqualTo("13");
        });
  }

  @Test
  void aMatomoErrorBodyExitsWithTwoAndSaysWhy(@TempDir Path dir) throws IOException {
    Path error = dir.resolve("error.json");
    Files.writeString(error, "{\"result\":\"error\",\"message\":\"You can&#039;t access this resource\"}",
        StandardCharsets.UTF_8);

    CliRunner.Result result = CliRunner.run("map", error.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr()).contains("You can't access this resource");
  }

  @Test
  void anHtmlPageExitsWithTwo(@TempDir Path dir) throws IOException {
    Path html = dir.resolve("login.html");
    Files.writeString(html, "<!DOCTYPE html><html><body>Sign in</body></html>", StandardCharsets.UTF_8);

    CliRunner.Result result = CliRunner.run("map", html.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr()).containsIgnoringCase("html");
  }

  @Test
  void aTruncatedResponseKeepsTheVisitsBeforeTheCutAndExitsWithTwo(@TempDir Path dir)
      throws IOException {
    String whole = Files.readString(SAMPLE, StandardCharsets.UTF_8);
    int cut = whole.indexOf("\"idVisit\": 1003");
    Path truncated = dir.resolve("truncated.json");
    Files.writeString(truncated, whole.substring(0, cut), StandardCharsets.UTF_8);

    CliRunner.Result result = CliRunner.run("map", truncated.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr()).containsIgnoringCase("truncated");
    assertThat(sessionsById(result)).containsOnlyKeys("1001", "1002");
  }

  @Test
  void wrongUsageExitsWithOne() {
    assertThat(CliRunner.run("map").exitCode()).isEqualTo(1);
    assertThat(CliRunner.run("map", "--no-such-option", SAMPLE.toString()).exitCode()).isEqualTo(1);
    assertThat(CliRunner.run("map", "does-not-exist.json").exitCode()).isEqualTo(1);
    assertThat(CliRunner.run("map", SAMPLE.toString(), "--site-timezone", "1=Mars/Olympus").exitCode())
        .isEqualTo(1);
    assertThat(CliRunner.run("no-such-command").exitCode()).isEqualTo(1);
  }

  @Test
  void hostLookupFilesAreLoadedOverTheDefaults(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("source-urls.csv"), "domain,source\ngoogle.com,Google\n",
        StandardCharsets.UTF_8);

    Map<String, JsonNode> sessions =
        sessionsById(CliRunner.run("map", SAMPLE.toString(), "--lookups", dir.toString()));

    // www.google.com now matches the host's google.com entry: Google's default channel.
    assertSourceChannel(sessions.get("1002"), "Google", "Web: organic search");
  }
}
