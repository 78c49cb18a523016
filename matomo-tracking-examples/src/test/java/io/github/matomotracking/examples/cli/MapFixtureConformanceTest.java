package io.github.matomotracking.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code map} command over every real Matomo response in {@code ../shared/fixtures}: each
 * visit that carries its ids and first action time becomes a session with all its actions, the
 * others a warning naming them; the one error response exits with 2. Skipped, saying so, when the
 * shared folder is absent.
 */
class MapFixtureConformanceTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static Path fixtures() {
    String shared = System.getProperty("matomo.shared.dir");
    return shared == null ? null : Path.of(shared, "fixtures", "matomo-live-json");
  }

  static Stream<Arguments> files() throws IOException {
    Path root = fixtures();
    if (root == null || !Files.isDirectory(root)) {
      return Stream.of(Arguments.of("(none)", null));
    }
    try (Stream<Path> all = Files.walk(root)) {
      List<Path> files = all.filter(p -> p.toString().endsWith(".json")).sorted()
          .collect(Collectors.toList());
      return files.stream().map(p -> Arguments.of(root.relativize(p).toString(), p));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void everyCompleteVisitBecomesASessionWithAllItsActions(String name, Path file)
      throws IOException {
    assumeTrue(file != null, "shared fixtures absent (../shared/fixtures/matomo-live-json): "
        + "the conformance suite needs them and is skipped");
    JsonNode original = JSON.readTree(file.toFile());
    CliRunner.Result result = CliRunner.run("map", file.toString());

    if (original.isObject()) {
      assertThat(result.exitCode()).isEqualTo(2);
      assertThat(result.stderr()).contains(original.get("message").asText().substring(0, 20));
      return;
    }
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    Map<String, Integer> expectedActions = new HashMap<>();
    int incomplete = 0;
    for (JsonNode visit : original) {
      if (visit.hasNonNull("idSite") && visit.hasNonNull("idVisit")
          && visit.hasNonNull("firstActionTimestamp")) {
        expectedActions.put(visit.get("idSite").asText() + "/" + visit.get("idVisit").asText(),
            visit.path("actionDetails").size());
      } else {
        incomplete++;
      }
    }
    Map<String, Long> actionsPerSession = result.kind("action").stream().collect(
        Collectors.groupingBy(a -> a.get("siteId").asText() + "/" + a.get("visitId").asText(),
            Collectors.counting()));
    List<JsonNode> sessions = result.kind("session");

    assertThat(sessions).hasSize(expectedActions.size());
    for (JsonNode session : sessions) {
      String key = session.get("siteId").asText() + "/" + session.get("visitId").asText();
      assertThat(actionsPerSession.getOrDefault(key, 0L).intValue())
          .as("actions of visit %s", key).isEqualTo(expectedActions.get(key));
    }
    long skipWarnings = result.kind("warning").stream()
        .filter(w -> w.get("message").asText().startsWith("skipped")).count();
    assertThat(skipWarnings).isEqualTo(incomplete);
  }
}
