package io.github.matomotracking.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.matomotracking.client.fake.FakeMatomo;
import io.github.matomotracking.client.fake.FakeVisit;
import io.github.matomotracking.model.Visit;
import io.github.matomotracking.model.VisitKey;
import io.github.matomotracking.sync.TestClock;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MatomoClientErrorsTest {

  private static final FakeMatomo FAKE = FakeMatomo.withToken(TestSupport.TOKEN);
  private static final long T0 = 1_700_000_000L;
  private static final String HTML_LOGIN = "<!DOCTYPE html><html><head><title>Sign in - Matomo</title></head>"
      + "<body><form id=\"login_form\"></form></body></html>";

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(FAKE))
      .build();

  private final TestClock clock = new TestClock(Instant.parse("2024-05-01T10:00:00Z"));
  private final TestSupport.RecordingSleeper sleeper = new TestSupport.RecordingSleeper(clock);

  @BeforeEach
  void fakeMatomo() {
    FAKE.reset().site(1, "UTC");
    wm.stubFor(FakeMatomo.stub());
  }

  private MatomoClient client(RetryPolicy retry) {
    return MatomoClient.create(TestSupport.config(wm, clock, sleeper).retryPolicy(retry).pageSize(10).build());
  }

  private static VisitQuery site1() {
    return VisitQuery.builder().sites(Sites.of(1)).build();
  }

  /** Answers every call with this response, ahead of the fake. */
  private static void always(ResponseDefinitionBuilder response) {
    wm.stubFor(post(urlPathEqualTo("/index.php")).atPriority(1).willReturn(response));
  }

  /** Answers the first call with this response, then lets the fake answer. */
  private static void once(ResponseDefinitionBuilder response) {
    wm.stubFor(post(urlPathEqualTo("/index.php")).atPriority(1)
        .inScenario("once").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("done")
        .willReturn(response));
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }

  private static ResponseDefinitionBuilder html(int status) {
    return aResponse().withStatus(status).withHeader("Content-Type", "text/html").withBody(HTML_LOGIN);
  }

  static Stream<Arguments> failuresRetryDoesNotHelp() {
    return Stream.of(
        Arguments.of("401 with an HTML page", html(401), MatomoAuthenticationException.class),
        Arguments.of("401 with Matomo's error object", json(401, FakeMatomo.error(FakeMatomo.BAD_TOKEN_MESSAGE)),
            MatomoAuthenticationException.class),
        Arguments.of("403", aResponse().withStatus(403).withBody("Forbidden"), MatomoAccessDeniedException.class),
        Arguments.of("400 with Matomo's error object",
            json(400, FakeMatomo.error("The method 'getLastVisitsDetail' does not exist or is not available in the module 'Live'.")),
            MatomoBadRequestException.class),
        Arguments.of("404 (wrong base URL)", html(404), MatomoBadRequestException.class),
        Arguments.of("200 with an authentication error object", json(200, FakeMatomo.error(FakeMatomo.BAD_TOKEN_MESSAGE)),
            MatomoAuthenticationException.class),
        Arguments.of("200 with an access error object",
            json(200, FakeMatomo.error("You can't access this resource as it requires 'view' access for the website id = 1.")),
            MatomoAccessDeniedException.class),
        Arguments.of("200 with a bad-segment error object",
            json(200, FakeMatomo.error("The segment condition 'foo' is not valid.")), MatomoBadRequestException.class),
        Arguments.of("200 with the HTML login page", html(200), MatomoUnreadableResponseException.class));
  }

  @ParameterizedTest(name = "{0} fails at once as {2}")
  @MethodSource("failuresRetryDoesNotHelp")
  void failures_that_a_retry_can_not_fix_are_thrown_after_one_request(
      String what, ResponseDefinitionBuilder response, Class<? extends MatomoException> expected) {
    always(response);

    try (MatomoClient client = client(RetryPolicy.defaults())) {
      assertThatThrownBy(() -> client.fetch(site1(), v -> {}))
          .isExactlyInstanceOf(expected)
          .satisfies(e -> assertThat(((MatomoException) e).isRetryable()).isFalse());
    }

    assertThat(wm.getAllServeEvents()).hasSize(1);
    assertThat(sleeper.sleeps()).isEmpty();
  }

  static Stream<Arguments> failuresWorthRetrying() {
    return Stream.of(
        Arguments.of("500", html(500), MatomoServerException.class, 500),
        Arguments.of("503", aResponse().withStatus(503).withBody("Service Unavailable"), MatomoServerException.class, 503),
        Arguments.of("429", aResponse().withStatus(429), MatomoServerException.class, 429),
        Arguments.of("200 with \"Could not run the query in time.\"",
            json(200, FakeMatomo.error("Could not run the query in time.")), MatomoServerException.class, 200),
        Arguments.of("a connection reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
            MatomoTransportException.class, -1),
        Arguments.of("an empty response", aResponse().withFault(Fault.EMPTY_RESPONSE), MatomoTransportException.class, -1),
        Arguments.of("200 without one byte of body (cut before it began)", aResponse().withStatus(200),
            MatomoTruncatedResponseException.class, 200));
  }

  @ParameterizedTest(name = "{0} is tried {2} times with growing waits")
  @MethodSource("failuresWorthRetrying")
  void failures_worth_retrying_are_tried_max_attempts_times_with_bounded_waits(
      String what, ResponseDefinitionBuilder response, Class<? extends MatomoException> expected, int status) {
    always(response);
    RetryPolicy policy = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30), true, Duration.ofMinutes(2));

    MatomoException thrown;
    try (MatomoClient client = client(policy)) {
      thrown = catchThrowableOfType(MatomoException.class, () -> client.fetch(site1(), v -> {}));
    }

    assertThat(thrown).isExactlyInstanceOf(expected);
    assertThat(thrown.isRetryable()).isTrue();
    assertThat(thrown.httpStatus().orElse(-1)).isEqualTo(status);
    assertThat(wm.getAllServeEvents()).hasSize(4);
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void waits_stay_within_the_exponential_caps_whatever_the_random_draw() {
    always(html(502));
    RetryPolicy policy = new RetryPolicy(6, Duration.ofMillis(200), Duration.ofSeconds(1), true, Duration.ZERO);

    try (MatomoClient client = MatomoClient.create(TestSupport.config(wm, clock, sleeper)
        .retryPolicy(policy).jitter(() -> 0.999999).build())) {
      assertThatThrownBy(() -> client.fetch(site1(), v -> {})).isInstanceOf(MatomoServerException.class);
    }

    List<Long> caps = List.of(200L, 400L, 800L, 1000L, 1000L);
    assertThat(sleeper.sleeps()).hasSize(5);
    for (int i = 0; i < 5; i++) {
      assertThat(sleeper.sleeps().get(i).toMillis()).isBetween(caps.get(i) - 1, caps.get(i));
    }
  }

  @Test
  void retry_after_in_seconds_is_honoured_then_the_query_succeeds() {
    once(aResponse().withStatus(429).withHeader("Retry-After", "7"));
    FAKE.put(FakeVisit.at(1, 1, "0123456789abcdef", T0));
    List<Visit> got = new ArrayList<>();

    FetchSummary summary;
    try (MatomoClient client = client(RetryPolicy.defaults())) {
      summary = client.fetch(site1(), got::add);
    }

    assertThat(got).extracting(Visit::key).containsExactly(VisitKey.of(1, 1));
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(7));
    assertThat(summary.retries()).isEqualTo(1);
    assertThat(summary.requests()).isEqualTo(2);
  }

  @Test
  void retry_after_as_an_http_date_is_honoured() {
    String inNinetySeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
        clock.instant().plusSeconds(90).atZone(ZoneOffset.UTC));
    once(aResponse().withStatus(503).withHeader("Retry-After", inNinetySeconds));

    try (MatomoClient client = client(RetryPolicy.defaults())) {
      client.fetch(site1(), v -> {});
    }

    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(90));
  }

  @Test
  void a_retry_after_beyond_the_accepted_wait_is_thrown_with_it() {
    always(aResponse().withStatus(429).withHeader("Retry-After", "3600"));

    MatomoServerException thrown;
    try (MatomoClient client = client(RetryPolicy.defaults())) {
      thrown = catchThrowableOfType(MatomoServerException.class, () -> client.fetch(site1(), v -> {}));
    }

    assertThat(thrown.retryAfter()).contains(Duration.ofHours(1));
    assertThat(wm.getAllServeEvents()).hasSize(1);
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void when_matomo_runs_out_of_query_time_the_page_size_is_halved_for_the_next_try() {
    always(json(200, FakeMatomo.error("Could not run the query in time.")));

    try (MatomoClient client = MatomoClient.create(TestSupport.config(wm, clock, sleeper).pageSize(40).build())) {
      assertThatThrownBy(() -> client.fetch(site1(), v -> {})).isInstanceOf(MatomoServerException.class);
    }

    assertThat(FAKE.liveRequests()).isEmpty();
    assertThat(wm.getAllServeEvents()).hasSize(4);
    List<String> limits = wm.getAllServeEvents().stream()
        .map(e -> io.github.matomotracking.client.fake.Php.parseForm(e.getRequest().getBodyAsString()).get("filter_limit"))
        .collect(Collectors.toList());
    assertThat(limits).containsExactlyInAnyOrder("40", "20", "10", "10");
  }

  @Test
  void a_cut_response_is_retried_from_where_it_stopped_and_no_visit_is_handed_over_twice() {
    List<FakeVisit> table = IntStream.rangeClosed(1, 6)
        .mapToObj(i -> FakeVisit.at(1, i, String.format("%016x", i), T0 + i)).collect(Collectors.toList());
    FAKE.putAll(table);
    String cut = "[" + visitJson(1, T0 + 1) + "," + visitJson(2, T0 + 2) + ",{\"idSite\":1,\"idVisit\":3,\"visi";
    once(json(200, cut));
    List<Visit> got = new ArrayList<>();

    FetchSummary summary;
    try (MatomoClient client = client(RetryPolicy.defaults())) {
      summary = client.fetch(site1(), got::add);
    }

    assertThat(got).extracting(Visit::key).containsExactly(
        VisitKey.of(1, 1), VisitKey.of(1, 2), VisitKey.of(1, 3), VisitKey.of(1, 4), VisitKey.of(1, 5), VisitKey.of(1, 6));
    assertThat(summary.retries()).isEqualTo(1);
    assertThat(FAKE.liveRequests()).singleElement()
        .satisfies(r -> assertThat(r.form()).containsEntry("minTimestamp", Long.toString(T0 + 1)));
    assertThat(summary.duplicates()).isEqualTo(1);
  }

  private static String visitJson(long id, long second) {
    return "{\"idSite\":1,\"idVisit\":" + id + ",\"visitorId\":\"" + String.format("%016x", id)
        + "\",\"firstActionTimestamp\":" + second + ",\"lastActionTimestamp\":" + second + ",\"actionDetails\":[]}";
  }

  @Test
  void a_connection_reset_is_retried_and_the_query_completes() {
    once(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    FAKE.put(FakeVisit.at(1, 1, "0123456789abcdef", T0));
    List<Visit> got = new ArrayList<>();

    try (MatomoClient client = client(RetryPolicy.defaults())) {
      client.fetch(site1(), got::add);
    }

    assertThat(got).hasSize(1);
    assertThat(sleeper.sleeps()).hasSize(1);
  }

  @Test
  void an_empty_200_body_is_asked_again_and_the_query_completes() {
    once(aResponse().withStatus(200).withHeader("Content-Type", "application/json"));
    FAKE.put(FakeVisit.at(1, 1, "0123456789abcdef", T0));
    List<Visit> got = new ArrayList<>();

    try (MatomoClient client = client(RetryPolicy.defaults())) {
      client.fetch(site1(), got::add);
    }

    assertThat(got).extracting(Visit::visitId).containsExactly(1L);
    assertThat(sleeper.sleeps()).hasSize(1);
  }

  @Test
  void white_space_alone_is_no_cut_response_and_is_not_asked_again() {
    always(json(200, "  \n"));

    try (MatomoClient client = client(RetryPolicy.defaults())) {
      assertThatThrownBy(() -> client.fetch(site1(), v -> {}))
          .isExactlyInstanceOf(MatomoUnreadableResponseException.class)
          .hasMessageContaining("only white space");
    }

    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void a_refused_connection_is_a_transport_failure_after_every_attempt() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    MatomoException thrown;
    try (MatomoClient client = MatomoClient.create(TestSupport.config(wm, clock, sleeper)
        .baseUrl(URI.create("http://127.0.0.1:" + closedPort + "/"))
        .retryPolicy(RetryPolicy.defaults().withMaxAttempts(3)).build())) {
      thrown = catchThrowableOfType(MatomoException.class, () -> client.fetch(site1(), v -> {}));
    }

    assertThat(thrown).isExactlyInstanceOf(MatomoTransportException.class).hasMessageContaining("127.0.0.1:" + closedPort);
    assertThat(sleeper.sleeps()).hasSize(2);
  }

  static Stream<Arguments> ioFailures() {
    return Stream.of(
        Arguments.of(new HttpConnectTimeoutException("connect timed out"), MatomoConnectTimeoutException.class),
        Arguments.of(new HttpTimeoutException("request timed out"), MatomoRequestTimeoutException.class),
        Arguments.of(new ConnectException("Connection refused"), MatomoTransportException.class),
        Arguments.of(new IOException("Connection reset"), MatomoTransportException.class));
  }

  @ParameterizedTest(name = "{0} becomes {1}")
  @MethodSource("ioFailures")
  void each_kind_of_io_failure_has_its_own_exception(IOException failure, Class<? extends MatomoException> expected) {
    ThrowingHttpClient http = new ThrowingHttpClient(failure);

    MatomoException thrown;
    try (MatomoClient client = MatomoClient.create(TestSupport.config(wm, clock, sleeper)
        .httpClient(http).retryPolicy(RetryPolicy.defaults().withMaxAttempts(2)).build())) {
      thrown = catchThrowableOfType(MatomoException.class, () -> client.fetch(site1(), v -> {}));
    }

    assertThat(thrown).isExactlyInstanceOf(expected).hasCause(failure);
    assertThat(thrown.isRetryable()).isTrue();
    assertThat(http.sends).hasValue(2);
  }

  @Test
  void a_body_that_stalls_beyond_the_read_timeout_is_aborted_as_a_request_timeout() {
    String body = "[" + IntStream.rangeClosed(1, 40).mapToObj(i -> visitJson(i, T0 + i)).collect(Collectors.joining(",")) + "]";
    always(json(200, body).withChunkedDribbleDelay(20, 4000));

    MatomoException thrown;
    try (MatomoClient client = MatomoClient.create(TestSupport.config(wm, clock, sleeper)
        .readTimeout(Duration.ofMillis(100)).retryPolicy(RetryPolicy.none()).build())) {
      thrown = catchThrowableOfType(MatomoException.class, () -> client.fetch(site1(), v -> {}));
    }

    assertThat(thrown).isExactlyInstanceOf(MatomoRequestTimeoutException.class).hasMessageContaining("stalled");
  }

  @Test
  void headers_that_do_not_arrive_within_the_request_timeout_are_a_request_timeout() {
    always(json(200, "[]").withFixedDelay(3000));

    MatomoException thrown;
    try (MatomoClient client = MatomoClient.create(TestSupport.config(wm, clock, sleeper)
        .requestTimeout(Duration.ofMillis(150)).retryPolicy(RetryPolicy.none()).build())) {
      thrown = catchThrowableOfType(MatomoException.class, () -> client.fetch(site1(), v -> {}));
    }

    assertThat(thrown).isExactlyInstanceOf(MatomoRequestTimeoutException.class);
  }

  @Test
  void failed_responses_give_back_their_slot_so_a_one_slot_client_keeps_working() {
    FAKE.put(FakeVisit.at(1, 1, "0123456789abcdef", T0));
    List<ResponseDefinitionBuilder> failures = List.of(
        html(500), html(401), json(200, FakeMatomo.error("Could not run the query in time.")), html(200),
        json(200, "[{\"idSite\":1,\"idVisit\":1,\"firstAct"), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

    try (MatomoClient client = MatomoClient.create(TestSupport.config(wm, clock, sleeper)
        .maxConcurrentRequests(1).retryPolicy(RetryPolicy.none()).build())) {
      assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
        for (ResponseDefinitionBuilder failure : failures) {
          wm.resetAll();
          wm.stubFor(FakeMatomo.stub());
          always(failure);
          assertThatThrownBy(() -> client.fetch(site1(), v -> {})).isInstanceOf(MatomoException.class);
        }
        wm.resetAll();
        wm.stubFor(FakeMatomo.stub());
        assertThat(client.fetch(site1(), v -> {}).visits()).isEqualTo(1);
      });
    }
  }
}
