package io.github.matomotracking.examples.cli;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.matomotracking.client.fake.FakeMatomo;
import io.github.matomotracking.client.fake.FakeVisit;
import io.github.matomotracking.testing.TestTokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The {@code fetch} command against a fake Matomo on loopback. */
class FetchCommandTest {

  private static final String TOKEN = TestTokens.hex();
  private static final String ALICE = "a1a1a1a1a1a1a1a1";
  private static final String BOB = "b2b2b2b2b2b2b2b2";
  private static final FakeMatomo FAKE = FakeMatomo.withToken(TOKEN);

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(FAKE))
      .build();

  private final List<String> waits = new ArrayList<>();

  @BeforeEach
  void visits() {
    FAKE.reset();
    wm.resetAll();
    wm.stubFor(FakeMatomo.stub());
    FAKE.site(1, "UTC");
    for (int i = 1; i <= 25; i++) {
      FAKE.put(FakeVisit.at(1, i, i % 5 == 0 ? BOB : ALICE, 1_790_000_000L + i * 60L));
    }
  }

  private CliRunner.Result fetch(Map<String, String> env, String... args) {
    List<String> line = new ArrayList<>(List.of("fetch", "--url", wm.baseUrl(), "--insecure-http"));
    line.addAll(List.of(args));
    CliSettings settings = new CliSettings(env::get,
        config -> config.sleeper(duration -> waits.add(duration.toString())));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new MatomoTrackingCli(settings).run(line,
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new CliRunner.Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void printsEachVisitOfTheVisitorOnceInTheOrderReceived() {
    CliRunner.Result result =
        fetch(Map.of("MATOMO_TOKEN", TOKEN), "--site", "1", "--visitor-id", ALICE, "--page-size", "7");

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    List<Long> ids = result.lines().stream().map(v -> v.get("idVisit").asLong())
        .collect(Collectors.toList());
    List<Long> expected = new ArrayList<>();
    for (long i = 1; i <= 25; i++) {
      if (i % 5 != 0) {
        expected.add(i);
      }
    }
    assertThat(ids).containsExactlyElementsOf(expected);
    assertThat(result.stderr()).containsPattern("fetch: \\d+ requests, \\d+ pages, 20 visits, 0 retries");
  }

  @Test
  void severalIdentitiesAreFetchedTogether() {
    CliRunner.Result result = fetch(Map.of("MATOMO_TOKEN", TOKEN),
        "--site", "1", "--visitor-id", ALICE, "--visitor-id", BOB);

    assertThat(result.lines()).extracting(v -> v.get("idVisit").asLong()).hasSize(25)
        .doesNotHaveDuplicates();
  }

  @Test
  void theTokenTravelsOnlyInThePostBodyAndIsNeverPrinted() {
    CliRunner.Result result = fetch(Map.of("MATOMO_TOKEN", TOKEN), "--site", "1", "--visitor-id", BOB);

    assertThat(FAKE.requests()).isNotEmpty().allSatisfy(request -> {
      assertThat(request.url()).doesNotContain(TOKEN).doesNotContain("token_auth");
      assertThat(request.form()).containsEntry("token_auth", TOKEN);
    });
    assertThat(result.stdout()).doesNotContain(TOKEN);
    assertThat(result.stderr()).doesNotContain(TOKEN);
  }

  @Test
  void theTokenCanComeFromAnotherVariableOrAFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("token");
    Files.writeString(file, TOKEN + "\n", StandardCharsets.UTF_8);

    assertThat(fetch(Map.of("MY_TOKEN", TOKEN), "--site", "1", "--visitor-id", BOB,
        "--token-env", "MY_TOKEN").exitCode()).isZero();
    assertThat(fetch(Map.of(), "--site", "1", "--visitor-id", BOB,
        "--token-file", file.toString()).exitCode()).isZero();
  }

  @Test
  void aRejectedTokenExitsWithTwoAndMatomosMessage() {
    CliRunner.Result result =
        fetch(Map.of("MATOMO_TOKEN", TestTokens.hex()), "--site", "1", "--visitor-id", BOB);

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr()).contains("Unable to authenticate");
    assertThat(waits).as("authentication errors are not retried").isEmpty();
  }

  @Test
  void anUnreachableServerExitsWithThreeAfterTheRetries() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    List<String> line = List.of("fetch", "--url", "http://127.0.0.1:" + closedPort, "--insecure-http",
        "--site", "1", "--visitor-id", BOB);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new MatomoTrackingCli(new CliSettings(Map.of("MATOMO_TOKEN", TOKEN)::get,
        config -> config.sleeper(duration -> waits.add(duration.toString()))))
        .run(line, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(3);
    assertThat(waits).as("backoff waits between the attempts").isNotEmpty();
    assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain(TOKEN);
  }

  @Test
  void wrongUsageExitsWithOne() {
    Map<String, String> env = Map.of("MATOMO_TOKEN", TOKEN);
    assertThat(fetch(env, "--site", "1").exitCode()).as("no identity").isEqualTo(1);
    assertThat(fetch(env, "--site", "1", "--visitor-id", "not-hex").exitCode()).isEqualTo(1);
    assertThat(fetch(env, "--site", "x", "--visitor-id", BOB).exitCode()).isEqualTo(1);
    assertThat(fetch(env, "--site", "1", "--visitor-id", BOB, "--since", "yesterday").exitCode())
        .isEqualTo(1);
    assertThat(fetch(Map.of(), "--site", "1", "--visitor-id", BOB).exitCode()).as("no token")
        .isEqualTo(1);
  }

  @Test
  void plainHttpIsRefusedUnlessAskedFor() {
    CliRunner.Result result = CliRunner.run("fetch", "--url", wm.baseUrl(), "--site", "1",
        "--visitor-id", BOB, "--token-env", "NO_SUCH_VARIABLE_SET_HERE");
    assertThat(result.exitCode()).isEqualTo(1);

    CliSettings settings = new CliSettings(Map.of("MATOMO_TOKEN", TOKEN)::get, c -> c);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new MatomoTrackingCli(settings).run(
        List.of("fetch", "--url", wm.baseUrl(), "--site", "1", "--visitor-id", BOB),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("http");
    assertThat(FAKE.requests()).isEmpty();
  }

  @Test
  void visitsAreMatomosRawObjects() {
    JsonNode first = fetch(Map.of("MATOMO_TOKEN", TOKEN), "--site", "1", "--visitor-id", BOB)
        .lines().get(0);
    assertThat(first.get("visitorId").asText()).isEqualTo(BOB);
    assertThat(first.has("actionDetails")).isTrue();
  }
}
