package io.github.matomotracking.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.matomotracking.client.fake.FakeMatomo;
import io.github.matomotracking.client.fake.FakeVisit;
import io.github.matomotracking.model.Visit;
import io.github.matomotracking.sync.TestClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

class MatomoClientRequestTest {

  private static final FakeMatomo FAKE = FakeMatomo.withToken(TestSupport.TOKEN);
  private static final long T0 = 1_700_000_000L;

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(FAKE))
      .build();

  @RegisterExtension
  final LogCapture logs = new LogCapture();

  private final TestClock clock = new TestClock(Instant.ofEpochSecond(T0));
  private final TestSupport.RecordingSleeper sleeper = new TestSupport.RecordingSleeper(clock);

  @BeforeEach
  void fakeMatomo() {
    FAKE.reset().site(1, "Europe/Berlin");
    wm.stubFor(FakeMatomo.stub());
  }

  private MatomoClient client() {
    return MatomoClient.create(TestSupport.config(wm, clock, sleeper).userAgent("crm-sync/1.0").build());
  }

  @Test
  void every_parameter_travels_in_the_post_body_and_the_url_carries_nothing() {
    FAKE.put(FakeVisit.at(1, 1, "0123456789abcdef", T0));

    try (MatomoClient client = client()) {
      client.fetch(VisitQuery.builder().sites(Sites.of(1)).since(LocalDate.of(2023, 10, 1))
          .until(LocalDate.of(2023, 12, 31)).minTimestamp(T0 - 100).addVisitorIds("0123456789ABCDEF")
          .addUserIds("contact-42").build(), v -> {});
    }

    List<ServeEvent> events = wm.getAllServeEvents();
    assertThat(events).singleElement().satisfies(event -> {
      assertThat(event.getRequest().getMethod().getName()).isEqualTo("POST");
      assertThat(event.getRequest().getUrl()).isEqualTo("/index.php");
      assertThat(event.getRequest().getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
      assertThat(event.getRequest().getHeader("Accept-Encoding")).isEqualTo("gzip");
      assertThat(event.getRequest().getHeader("User-Agent")).isEqualTo("crm-sync/1.0");
    });
    FakeMatomo.Received request = FAKE.requests().get(0);
    assertThat(request.form()).containsEntry("module", "API")
        .containsEntry("method", "Live.getLastVisitsDetails")
        .containsEntry("format", "JSON")
        .containsEntry("language", "en")
        .containsEntry("token_auth", TestSupport.TOKEN)
        .containsEntry("idSite", "1")
        .containsEntry("period", "range")
        .containsEntry("date", "2023-10-01,2023-12-31")
        .containsEntry("minTimestamp", Long.toString(T0 - 100))
        .containsEntry("filter_limit", "500")
        .containsEntry("filter_sort_order", "asc")
        .containsEntry("doNotFetchActions", "0")
        .containsKey("segment")
        .doesNotContainKey("filter_offset");
    assertThat(request.rawBody().split(TestSupport.TOKEN, -1)).as("the token once, in the body").hasSize(2);
  }

  @Test
  void the_token_is_never_in_a_url_a_log_line_an_exception_or_an_event() {
    List<MatomoRequestEvent> events = new ArrayList<>();
    List<Throwable> failures = new ArrayList<>();
    MatomoClientListener listener = new MatomoClientListener() {
      @Override
      public void onRequest(MatomoRequestEvent event) {
        events.add(event);
      }
    };
    FAKE.put(FakeVisit.at(1, 1, "0123456789abcdef", T0));
    wm.stubFor(post(urlPathEqualTo("/index.php")).withRequestBody(
            com.github.tomakehurst.wiremock.client.WireMock.containing("idSite=2"))
        .atPriority(1).willReturn(aResponse().withStatus(500)));
    wm.stubFor(post(urlPathEqualTo("/index.php")).withRequestBody(
            com.github.tomakehurst.wiremock.client.WireMock.containing("idSite=3"))
        .atPriority(1).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    wm.stubFor(post(urlPathEqualTo("/index.php")).withRequestBody(
            com.github.tomakehurst.wiremock.client.WireMock.containing("idSite=4"))
        .atPriority(1).willReturn(aResponse().withBody("<html><body>Sign in</body></html>")));

    try (MatomoClient client = MatomoClient.create(TestSupport.config(wm, clock, sleeper).listener(listener).build());
         MatomoClient wrongToken = MatomoClient.create(TestSupport.config(wm, clock, sleeper)
             .token(MatomoToken.of(TestSupport.TOKEN + "x")).build())) {
      client.fetch(VisitQuery.builder().sites(Sites.of(1)).build(), v -> {});
      client.siteTimeZone(1);
      for (long site : new long[] {2, 3, 4}) {
        failures.add(catchThrowableOfType(MatomoException.class,
            () -> client.fetch(VisitQuery.builder().sites(Sites.of(site)).build(), v -> {})));
      }
      failures.add(catchThrowableOfType(MatomoException.class, () -> client.siteTimeZone(77)));
      failures.add(catchThrowableOfType(MatomoException.class,
          () -> wrongToken.fetch(VisitQuery.builder().sites(Sites.of(1)).build(), v -> {})));
      assertThat(client.toString()).doesNotContain(TestSupport.TOKEN);
    }

    assertThat(failures).hasSize(5).doesNotContainNull();
    assertThat(failures.get(2)).isInstanceOf(MatomoUnreadableResponseException.class);
    for (Throwable failure : failures) {
      StringWriter trace = new StringWriter();
      failure.printStackTrace(new PrintWriter(trace));
      assertThat(trace.toString()).doesNotContain(TestSupport.TOKEN);
    }
    assertThat(logs.lines()).isNotEmpty().noneMatch(line -> line.contains(TestSupport.TOKEN));
    assertThat(events).isNotEmpty().noneMatch(event -> event.toString().contains(TestSupport.TOKEN));
    assertThat(wm.getAllServeEvents()).hasSizeGreaterThan(5)
        .allSatisfy(e -> assertThat(e.getRequest().getAbsoluteUrl()).doesNotContain(TestSupport.TOKEN).doesNotContain("?"));
  }

  @Test
  void each_request_is_logged_at_debug_with_method_site_page_status_and_duration() {
    FAKE.put(FakeVisit.at(1, 1, "0123456789abcdef", T0));

    try (MatomoClient client = client()) {
      client.fetch(VisitQuery.builder().sites(Sites.of(1)).build(), v -> {});
    }

    assertThat(logs.lines()).anySatisfy(line -> assertThat(line)
        .startsWith("FINE POST Live.getLastVisitsDetails site=1 page=1 attempt=1 status=200 in ")
        .contains(" ms, "));
  }

  @ParameterizedTest(name = "inflated on a second thread: {0}")
  @ValueSource(booleans = {true, false})
  void gzip_is_asked_for_and_decoded_transparently(boolean inflateOnSecondThread) {
    List<FakeVisit> table = IntStream.rangeClosed(1, 300)
        .mapToObj(i -> new FakeVisit(1, i, String.format("%016x", i), null, T0 + i, T0 + i, 4))
        .collect(Collectors.toList());
    FAKE.putAll(table);
    List<Visit> got = new ArrayList<>();

    FetchSummary summary;
    try (MatomoClient client = MatomoClient.create(TestSupport.config(wm, clock, sleeper)
        .inflateOnSecondThread(inflateOnSecondThread).build())) {
      summary = client.fetch(VisitQuery.builder().sites(Sites.of(1)).build(), got::add);
    }

    assertThat(got).hasSize(300);
    assertThat(got).extracting(Visit::visitId).doesNotHaveDuplicates().contains(1L, 150L, 300L);
    int plainLength = wm.getAllServeEvents().get(0).getResponse().getBody().length;
    assertThat(summary.bytes()).as("compressed bytes on the wire").isPositive().isLessThan(plainLength / 3);
  }

  @Test
  void a_body_the_server_gzipped_itself_is_decoded() throws IOException {
    String json = "[{\"idSite\":1,\"idVisit\":5,\"visitorId\":\"0123456789abcdef\","
        + "\"firstActionTimestamp\":" + T0 + ",\"lastActionTimestamp\":" + T0 + ",\"actionDetails\":[]}]";
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
      gzip.write(json.getBytes(StandardCharsets.UTF_8));
    }
    wm.stubFor(post(urlPathEqualTo("/index.php")).atPriority(1).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withHeader("Content-Encoding", "gzip")
        .withBody(zipped.toByteArray())));
    List<Visit> got = new ArrayList<>();

    try (MatomoClient client = client()) {
      client.fetch(VisitQuery.builder().sites(Sites.of(1)).build(), got::add);
    }

    assertThat(got).extracting(Visit::visitId).containsExactly(5L);
  }

  @Test
  void the_listener_sees_every_exchange_with_its_outcome() {
    FAKE.put(FakeVisit.at(1, 1, "0123456789abcdef", T0));
    List<MatomoRequestEvent> events = new ArrayList<>();
    List<String> retries = new ArrayList<>();
    MatomoClientListener listener = new MatomoClientListener() {
      @Override
      public void onRequest(MatomoRequestEvent event) {
        events.add(event);
      }

      @Override
      public void onRetry(String apiMethod, int attempt, java.time.Duration delay, MatomoException cause) {
        retries.add(apiMethod + "#" + attempt + " " + cause.getClass().getSimpleName());
      }
    };
    wm.stubFor(post(urlPathEqualTo("/index.php")).atPriority(1).inScenario("s")
        .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED).willSetStateTo("ok")
        .willReturn(aResponse().withStatus(503)));

    try (MatomoClient client = MatomoClient.create(TestSupport.config(wm, clock, sleeper).listener(listener).build())) {
      client.fetch(VisitQuery.builder().sites(Sites.of(1)).build(), v -> {});
    }

    assertThat(events).hasSize(2);
    assertThat(events.get(0).status()).hasValue(503);
    assertThat(events.get(0).failed()).containsInstanceOf(MatomoServerException.class);
    assertThat(events.get(1).status()).hasValue(200);
    assertThat(events.get(1).attempt()).isEqualTo(2);
    assertThat(events.get(1).bytesReceived()).isPositive();
    assertThat(events.get(1).site()).hasValue(1);
    assertThat(retries).containsExactly("Live.getLastVisitsDetails#1 MatomoServerException");
  }

  @Test
  void a_rate_limit_spaces_requests_through_the_sleeper() {
    FAKE.putAll(IntStream.rangeClosed(1, 9).mapToObj(i -> FakeVisit.at(1, i, String.format("%016x", i), T0 + i))
        .collect(Collectors.toList()));

    try (MatomoClient client = MatomoClient.create(TestSupport.config(wm, clock, sleeper)
        .pageSize(3).rateLimit(RateLimit.perMinute(30)).build())) {
      client.fetch(VisitQuery.builder().sites(Sites.of(1)).build(), v -> {});
    }

    int requests = wm.getAllServeEvents().size();
    assertThat(requests).isGreaterThan(2);
    assertThat(sleeper.sleeps()).hasSize(requests - 1).allSatisfy(d -> assertThat(d).isEqualTo(java.time.Duration.ofSeconds(2)));
  }

  @Test
  void closing_the_client_leaves_an_injected_http_client_usable_and_refuses_new_queries() throws Exception {
    HttpClient host = HttpClient.newBuilder().build();
    MatomoClient client = MatomoClient.create(TestSupport.config(wm, clock, sleeper).httpClient(host).build());

    client.close();

    HttpResponse<String> stillWorks = host.send(
        HttpRequest.newBuilder(URI.create(TestSupport.baseUrl(wm) + "index.php"))
            .POST(HttpRequest.BodyPublishers.ofString("token_auth=" + TestSupport.TOKEN + "&method=x")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(stillWorks.statusCode()).isEqualTo(400);
    assertThat(catchThrowableOfType(IllegalStateException.class,
        () -> client.visits(VisitQuery.builder().sites(Sites.of(1)).build()))).hasMessageContaining("closed");
  }
}
