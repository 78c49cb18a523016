package io.github.matomotracking.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.matomotracking.client.FetchSummary;
import io.github.matomotracking.client.ImmutableMatomoClientConfig;
import io.github.matomotracking.client.MatomoClient;
import io.github.matomotracking.client.MatomoClientConfig;
import io.github.matomotracking.client.MatomoClientListener;
import io.github.matomotracking.client.MatomoException;
import io.github.matomotracking.client.MatomoRequestEvent;
import io.github.matomotracking.client.MatomoToken;
import io.github.matomotracking.client.RetryPolicy;
import io.github.matomotracking.client.Sites;
import io.github.matomotracking.client.VisitQuery;
import io.github.matomotracking.client.fake.FakeMatomo;
import io.github.matomotracking.client.fake.FakeVisit;
import io.github.matomotracking.model.Visit;
import io.github.matomotracking.model.VisitWarning;
import io.github.matomotracking.testing.TestTokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The token hunt: runs the client through success, every error shape (401, 403, 4xx, 5xx, HTML,
 * truncated, malformed, faults, timeouts, refused connections, redirects), servers that echo the
 * request back, and configuration mistakes, while capturing every text that comes out: log
 * records at every level of every logger, standard output and error, each exception's messages
 * and full stack trace (causes and suppressed included), {@code toString()} of the token, config,
 * client, query, summaries, visits, listener events, retries and warnings, and every request URL
 * and header each server saw (and the whole request at servers that should receive nothing).
 * Then it looks for the token in each encoding it could be written in, and for every 12-character
 * piece of those: there must be no hit. The request bodies sent to Matomo itself are the only
 * place the token belongs; they serve as the positive control that the search finds it.
 */
class TokenHuntTest {

  /** Matomo's own tokens are 32 hex characters. */
  static final String HEX_TOKEN = TestTokens.hex();

  /** A token with every character a form, URL, JSON or HTML encoder changes (no white space). */
  static final String SPECIAL_TOKEN = "Zq8Xv3Lm9Rt2Wk5N+/=&%;,\"'<>\\\u00E9$!#?*~|{}[]^";

  private static final long T0 = 1_700_000_000L;

  static Stream<Arguments> tokens() {
    return Stream.of(
        Arguments.of("a Matomo token (32 hex characters)", HEX_TOKEN),
        Arguments.of("a token with special characters", SPECIAL_TOKEN));
  }

  @ParameterizedTest(name = "{0} appears in no log, output, exception, toString, URL or header")
  @MethodSource("tokens")
  void the_token_is_found_nowhere_but_in_the_post_bodies_sent_to_matomo(String label, String token) throws Exception {
    Haystack found = new Haystack();
    Haystack control = new Haystack();
    FakeMatomo fake = FakeMatomo.withToken(token);
    WireMockServer matomo = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
        .extensions(fake, new EchoTransformer()));
    WireMockServer elsewhere = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    matomo.start();
    elsewhere.start();
    Servers servers = new Servers(matomo, elsewhere, fake, closedPort());
    List<Scenario> scenarios = scenarios(token);
    int requests = 0;
    int records;
    JulCapture logs = new JulCapture(found);
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (logs) {
      System.setOut(new PrintStream(new Tee(out, printed), true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(new Tee(err, printed), true, StandardCharsets.UTF_8));
      for (Scenario scenario : scenarios) {
        requests += run(scenario, token, servers, found, control);
      }
      records = logs.records();
    } finally {
      System.setOut(out);
      System.setErr(err);
      matomo.stop();
      elsewhere.stop();
    }
    found.add("standard output and error", printed.toString(StandardCharsets.UTF_8));
    System.out.println("log records by logger: " + logs.byLogger());

    List<Haystack.Hit> hits = found.search(token);
    List<Haystack.Hit> controlHits = control.search(token);
    System.out.printf("Token hunt, %s: %d scenarios, %d HTTP requests, %d log records,"
            + " %d texts searched (%d characters), %d needles, %d hits; control: %d bodies, %d hits%n",
        label, scenarios.size(), requests, records, found.size(), found.characters(),
        Haystack.needles(token).size(), hits.size(), control.size(), controlHits.size());
    hits.stream().collect(Collectors.groupingBy(Haystack.Hit::source, TreeMap::new, Collectors.toList()))
        .forEach((source, at) -> System.out.printf("  token found in %s (%d needles), e.g. ...%s...%n", source, at.size(),
            at.get(0).around().replace('\n', ' ')));
    assertThat(controlHits).as("the search finds the token where it belongs").isNotEmpty();
    assertThat(records).as("log records were captured").isPositive();
    assertThat(hits.stream().map(Haystack.Hit::source).distinct())
        .as("places where the token (or a piece of it) was found").isEmpty();
  }

  // ------------------------------------------------------------------------------ running

  /** The servers of one hunt. */
  record Servers(WireMockServer matomo, WireMockServer elsewhere, FakeMatomo fake, int closedPort) {

    String matomoUrl() {
      return "http://127.0.0.1:" + matomo.port() + "/";
    }
  }

  /** What a scenario does with its client. */
  @FunctionalInterface
  interface Action {
    Object run(MatomoClient client, Servers servers, ImmutableMatomoClientConfig.Builder config) throws Exception;
  }

  /** One way of using the client, with the server's behaviour and the config it needs. */
  record Scenario(String name, List<ResponseDefinitionBuilder> answers, UnaryOperator<ImmutableMatomoClientConfig.Builder> config,
      Action action) {}

  private static int run(Scenario scenario, String token, Servers servers, Haystack found, Haystack control) {
    String name = scenario.name();
    servers.matomo().resetAll();
    servers.elsewhere().resetAll();
    servers.elsewhere().stubFor(post(urlPathEqualTo("/index.php")).willReturn(aResponse().withBody("[]")));
    servers.fake().reset().site(1, "UTC").site(2, "Europe/Paris").putAll(table());
    servers.matomo().stubFor(FakeMatomo.stub());
    servers.matomo().stubFor(post(urlPathEqualTo("/matomo/index.php")).willReturn(aResponse().withTransformers(FakeMatomo.NAME)));
    for (ResponseDefinitionBuilder answer : scenario.answers()) {
      servers.matomo().stubFor(post(urlPathEqualTo("/index.php")).atPriority(1).willReturn(answer));
    }
    MatomoClientListener listener = new MatomoClientListener() {
      @Override
      public void onRequest(MatomoRequestEvent event) {
        found.add(name + ": request event", event);
        event.failed().ifPresent(e -> found.addThrowable(name + ": request event failure", e));
      }

      @Override
      public void onRetry(String apiMethod, int attempt, Duration delay, MatomoException cause) {
        found.add(name + ": retry", apiMethod + " " + attempt + " " + delay);
        found.addThrowable(name + ": retry cause", cause);
      }

      @Override
      public void onWarning(VisitWarning warning) {
        found.add(name + ": warning", warning);
        found.add(name + ": warning description", warning.describe());
      }
    };
    ImmutableMatomoClientConfig.Builder builder = scenario.config().apply(MatomoClientConfig.builder()
        .baseUrl(URI.create(servers.matomoUrl()))
        .token(MatomoToken.of(token))
        .allowInsecureHttp(true)
        .listener(listener)
        .sleeper(duration -> {})
        .jitter(() -> 0.5)
        .retryPolicy(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1), false, Duration.ofSeconds(5)))
        .requestTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(5))
        .pageSize(10));
    MatomoToken held = MatomoToken.of(token);
    found.add(name + ": token toString", held);
    try {
      MatomoClientConfig config = builder.build();
      found.add(name + ": config toString", config);
      found.add(name + ": config hashCode", config.hashCode());
      MatomoClient client = MatomoClient.create(config);
      try {
        found.add(name + ": client toString", client);
        Object result = scenario.action().run(client, servers, builder);
        found.add(name + ": result", result);
      } catch (Exception | AssertionError e) {
        found.addThrowable(name + ": thrown", e);
      } finally {
        client.close();
        found.add(name + ": closed client toString", client);
      }
    } catch (RuntimeException configRefused) {
      found.addThrowable(name + ": config refused", configRefused);
    }
    int requests = 0;
    for (WireMockServer server : List.of(servers.matomo(), servers.elsewhere())) {
      boolean isMatomo = server == servers.matomo();
      for (ServeEvent event : server.getAllServeEvents()) {
        requests++;
        String where = name + (isMatomo ? ": request to Matomo" : ": request elsewhere");
        found.add(where + " URL", event.getRequest().getAbsoluteUrl());
        for (HttpHeader header : event.getRequest().getHeaders().all()) {
          found.add(where + " header", header.key() + ": " + String.join(", ", header.values()));
        }
        if (isMatomo) {
          control.add(where + " body", event.getRequest().getBodyAsString());
        } else {
          found.add(where + " body", event.getRequest().getBodyAsString());
        }
      }
    }
    return requests;
  }

  // ---------------------------------------------------------------------------- scenarios

  private static List<FakeVisit> table() {
    List<FakeVisit> visits = new ArrayList<>();
    for (int i = 1; i <= 25; i++) {
      visits.add(new FakeVisit(1 + i % 2, i, String.format("%016x", i % 5), i % 3 == 0 ? "user-" + i % 4 : null,
          T0 + i, T0 + i + 10, 2));
    }
    return visits;
  }

  private static VisitQuery identities() {
    return VisitQuery.builder().sites(Sites.of(1, 2))
        .addVisitorIds(String.format("%016x", 1), String.format("%016x", 2))
        .addUserIds("user-0", "user-1", "user-2").build();
  }

  private static Object fetch(MatomoClient client) {
    List<Visit> visits = new ArrayList<>();
    FetchSummary summary = client.fetch(VisitQuery.builder().sites(Sites.of(1)).build(), visits::add);
    return summary + " " + visits;
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }

  private static ResponseDefinitionBuilder html(int status) {
    return aResponse().withStatus(status).withHeader("Content-Type", "text/html")
        .withBody("<!DOCTYPE html><html><head><title>Sign in - Matomo</title></head><body><form></form></body></html>");
  }

  private static ResponseDefinitionBuilder echo(String mode) {
    return aResponse().withTransformers(EchoTransformer.NAME).withTransformerParameter("mode", mode);
  }

  private static ResponseDefinitionBuilder redirect(int status, String location) {
    return aResponse().withStatus(status).withHeader("Location", location);
  }

  private static Scenario fetching(String name, ResponseDefinitionBuilder... answers) {
    return new Scenario(name, List.of(answers), b -> b, (client, servers, config) -> fetch(client));
  }

  private static List<Scenario> scenarios(String token) {
    String encoded = URLEncoder.encode(token, StandardCharsets.UTF_8);
    List<Scenario> all = new ArrayList<>();
    // success
    all.add(new Scenario("identities over several pages and two sites", List.of(), b -> b, (client, servers, config) -> {
      List<Visit> visits = new ArrayList<>();
      return client.fetch(identities(), visits::add) + " " + visits;
    }));
    all.add(new Scenario("a stream closed half-way", List.of(), b -> b.pageSize(3), (client, servers, config) -> {
      try (Stream<Visit> visits = client.visits(VisitQuery.builder().sites(Sites.of(1)).build())) {
        return visits.limit(4).collect(Collectors.toList());
      }
    }));
    all.add(new Scenario("site zone, site list and all sites", List.of(), b -> b, (client, servers, config) ->
        client.siteTimeZone(1) + " " + client.viewableSiteIds() + " "
            + client.fetch(VisitQuery.builder().sites(Sites.all()).build(), v -> {})));
    all.add(new Scenario("a closed client refuses queries", List.of(), b -> b, (client, servers, config) -> {
      client.close();
      return client.visits(VisitQuery.builder().sites(Sites.of(1)).build());
    }));
    all.add(fetching("visits the reader has to skip (warnings)", json(200,
        "[{\"idSite\":1,\"idVisit\":\"abc\",\"lastActionTimestamp\":1},{\"idSite\":1,\"idVisit\":2,"
            + "\"visitorId\":\"0000000000000002\",\"firstActionTimestamp\":" + T0 + ",\"lastActionTimestamp\":" + T0
            + ",\"actionDetails\":[{\"type\":\"action\",\"timestamp\":\"soon\"}]}]")));
    // error shapes
    all.add(fetching("wrong token: 401 with Matomo's message", json(401, FakeMatomo.error(FakeMatomo.BAD_TOKEN_MESSAGE))));
    all.add(fetching("401 with an HTML page", html(401)));
    all.add(fetching("403 in plain text", aResponse().withStatus(403).withBody("Forbidden")));
    all.add(fetching("400 unknown method", json(400, FakeMatomo.error("The method 'x' does not exist or is not available in the module 'API'."))));
    all.add(fetching("404 HTML", html(404)));
    all.add(fetching("500 HTML", html(500)));
    all.add(fetching("503 with Retry-After", aResponse().withStatus(503).withHeader("Retry-After", "1").withBody("busy")));
    all.add(fetching("429", aResponse().withStatus(429)));
    all.add(fetching("200 with an authentication error", json(200, FakeMatomo.error(FakeMatomo.BAD_TOKEN_MESSAGE))));
    all.add(fetching("200 with an access error", json(200, FakeMatomo.error("You can't access this resource as it requires 'view' access for the website id = 1."))));
    all.add(fetching("200 with a bad segment error", json(200, FakeMatomo.error("The segment condition 'x' is not valid."))));
    all.add(fetching("200 query time out", json(200, FakeMatomo.error("Could not run the query in time."))));
    all.add(fetching("200 HTML login page", html(200)));
    all.add(fetching("200 empty body", aResponse().withStatus(200)));
    all.add(fetching("200 plain text", aResponse().withStatus(200).withBody("Fatal error: Allowed memory size exhausted")));
    all.add(fetching("200 truncated JSON", json(200, "[{\"idSite\":1,\"idVisit\":1,\"firstActionTimestamp\":" + T0 + ",\"lastAct")));
    all.add(fetching("200 content after the array", json(200, "[]<br />Notice: Undefined index")));
    all.add(fetching("200 invalid UTF-8", aResponse().withStatus(200).withBody(new byte[] {'[', '"', (byte) 0xC3, (byte) 0x28, '"', ']'})));
    all.add(fetching("200 gzip header over garbage", aResponse().withStatus(200).withHeader("Content-Encoding", "gzip")
        .withBody(new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3, 4, 5})));
    all.add(fetching("200 unsupported content encoding", aResponse().withStatus(200).withHeader("Content-Encoding", "br").withBody("[]")));
    all.add(fetching("500 with a 100 KiB body", aResponse().withStatus(500).withBody("e".repeat(100 * 1024))));
    for (Fault fault : Fault.values()) {
      all.add(fetching("fault " + fault, aResponse().withFault(fault)));
    }
    all.add(new Scenario("headers later than the request timeout", List.of(json(200, "[]").withFixedDelay(1500)),
        b -> b.requestTimeout(Duration.ofMillis(200)), (client, servers, config) -> fetch(client)));
    all.add(new Scenario("a body that stalls past the read timeout",
        List.of(json(200, "[" + IntStream.range(0, 30).mapToObj(i -> "{\"idSite\":1}").collect(Collectors.joining(",")) + "]")
            .withChunkedDribbleDelay(10, 1500)),
        b -> b.readTimeout(Duration.ofMillis(150)), (client, servers, config) -> fetch(client)));
    all.add(new Scenario("a refused connection", List.of(), b -> b, (client, servers, config) -> {
      try (MatomoClient refused = MatomoClient.create(config.baseUrl(URI.create("http://127.0.0.1:" + servers.closedPort() + "/")).build())) {
        return fetch(refused);
      }
    }));
    all.add(new Scenario("a same-host redirect, followed", List.of(redirect(307, "/matomo/index.php")), b -> b,
        (client, servers, config) -> fetch(client)));
    all.add(new Scenario("a redirect to another host", List.of(), b -> b, (client, servers, config) -> {
      servers.matomo().stubFor(post(urlPathEqualTo("/index.php")).atPriority(1)
          .willReturn(redirect(302, "http://localhost:" + servers.elsewhere().port() + "/index.php?token_auth=" + encoded)));
      return fetch(client);
    }));
    all.add(new Scenario("a redirect to another port", List.of(), b -> b, (client, servers, config) -> {
      servers.matomo().stubFor(post(urlPathEqualTo("/index.php")).atPriority(1)
          .willReturn(redirect(308, "http://127.0.0.1:" + servers.elsewhere().port() + "/index.php")));
      return fetch(client);
    }));
    all.add(fetching("a redirect loop", redirect(301, "/index.php")));
    all.add(fetching("a redirect without Location", aResponse().withStatus(302)));
    all.add(fetching("a redirect with an unusable Location", redirect(302, "http://[::1")));
    all.add(new Scenario("site zone on a 500", List.of(html(500)), b -> b, (client, servers, config) -> client.siteTimeZone(1)));
    all.add(new Scenario("site zone on an HTML page", List.of(html(200)), b -> b, (client, servers, config) -> client.siteTimeZone(1)));
    all.add(new Scenario("site list on an access error", List.of(json(200, FakeMatomo.error("You can't access this resource."))), b -> b,
        (client, servers, config) -> client.viewableSiteIds()));
    // servers that echo the request
    for (String mode : List.of("error-with-body", "error-with-token", "401-error-with-token", "403-error-with-token",
        "busy-with-token", "html-login-with-token", "html-200-with-token", "html-token-at-the-preview-cut-170",
        "html-token-at-the-preview-cut-176", "html-token-at-the-preview-cut-182", "text-500-with-body",
        "json-starting-with-token", "json-cut-after-token", "json-token-in-a-visit-field",
        "redirect-to-a-host-named-like-the-token")) {
      all.add(fetching("echo: " + mode, echo(mode)));
      all.add(new Scenario("echo to the site zone call: " + mode, List.of(echo(mode)), b -> b,
          (client, servers, config) -> client.siteTimeZone(1)));
    }
    // configuration mistakes
    all.add(new Scenario("a token with a space", List.of(), b -> b, (client, servers, config) -> MatomoToken.of(token + " x")));
    all.add(new Scenario("a token with a line break", List.of(), b -> b, (client, servers, config) -> MatomoToken.of(token + "\n")));
    for (String url : List.of("http://127.0.0.1/?token_auth=" + encoded, "https://127.0.0.1/?token_auth=" + encoded,
        "https://127.0.0.1/#" + encoded, "https://matomo:" + encoded + "@127.0.0.1/", "ftp://127.0.0.1/?token_auth=" + encoded,
        "index.php?token_auth=" + encoded, "http:///?token_auth=" + encoded)) {
      all.add(new Scenario("a base URL carrying the token: " + url.substring(0, 12), List.of(),
          b -> b.allowInsecureHttp(false).baseUrl(URI.create(url)), (client, servers, config) -> fetch(client)));
    }
    return all;
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Writes to two streams. */
  private static final class Tee extends OutputStream {
    private final OutputStream first;
    private final OutputStream second;

    Tee(OutputStream first, OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public synchronized void write(int b) throws IOException {
      first.write(b);
      second.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
      first.write(b, off, len);
      second.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      first.flush();
      second.flush();
    }
  }
}
