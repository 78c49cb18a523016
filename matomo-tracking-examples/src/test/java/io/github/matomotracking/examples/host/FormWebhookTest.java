package io.github.matomotracking.examples.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.github.matomotracking.client.MatomoClient;
import io.github.matomotracking.client.MatomoClientConfig;
import io.github.matomotracking.client.MatomoToken;
import io.github.matomotracking.examples.demo.DemoMatomoServer;
import io.github.matomotracking.examples.demo.IdentityEvent;
import io.github.matomotracking.examples.demo.SampleSite;
import io.github.matomotracking.identify.Contact;
import io.github.matomotracking.identify.FormContactData;
import io.github.matomotracking.identify.IdentityKey;
import io.github.matomotracking.identify.InMemoryContactDirectory;
import io.github.matomotracking.identify.PriorityContactMatcher;
import io.github.matomotracking.lookups.InMemoryLookupRepository;
import io.github.matomotracking.port.InMemorySessionSink;
import io.github.matomotracking.port.InMemorySyncStateStore;
import io.github.matomotracking.sync.SyncConfig;
import io.github.matomotracking.sync.SyncEngine;
import io.github.matomotracking.sync.VisitSource;
import io.github.matomotracking.testing.TestTokens;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The form webhook: the handler on its own and behind the JDK HTTP server on loopback, with the
 * real client and engine against the demo Matomo. Hostile input is refused with 400 before
 * anything is recorded or asked of Matomo.
 */
class FormWebhookTest {

  private static final Instant NOW = Instant.parse("2025-04-10T14:00:00Z");
  private static final SampleSite SAMPLE = SampleSite.generate(NOW, 77);
  private static final String TOKEN = TestTokens.hex();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static DemoMatomoServer matomo;
  private static MatomoClient client;
  private static HttpServer http;

  private InMemorySyncStateStore state;
  private InMemorySessionSink sessions;
  private final List<FormContactData> created = new ArrayList<>();
  private FormWebhookHandler handler;
  private static FormWebhookHandler current;

  /** The form the earliest contact of the two-form visit submitted, an existing contact. */
  private static final IdentityEvent FORM = SAMPLE.identities().stream()
      .filter(e -> e.kind() == IdentityEvent.Kind.FORM_SUBMIT
          && e.contactId().equals(SAMPLE.scenario().twoFormEarliestContactId()))
      .findFirst().orElseThrow();
  private static final Contact CONTACT = SAMPLE.contacts().stream()
      .filter(c -> c.id().equals(FORM.contactId())).findFirst().orElseThrow();

  @BeforeAll
  static void servers() throws IOException {
    matomo = DemoMatomoServer.builder(SAMPLE).token(TOKEN).clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .start();
    client = MatomoClient.create(MatomoClientConfig.builder().baseUrl(matomo.baseUrl())
        .token(MatomoToken.of(TOKEN)).allowInsecureHttp(true).build());
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext("/forms", exchange -> new FormWebhookHttpHandler(current).handle(exchange));
    http.start();
  }

  @AfterAll
  static void stop() {
    http.stop(0);
    client.close();
    matomo.close();
  }

  @BeforeEach
  void engine() {
    state = new InMemorySyncStateStore();
    sessions = new InMemorySessionSink();
    SyncEngine engine = SyncEngine.builder()
        .config(SyncConfig.forSites(1, 2))
        .source(VisitSource.of(client))
        .sessions(sessions)
        .state(state)
        .lookups(InMemoryLookupRepository.withDefaults())
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .build();
    InMemoryContactDirectory directory = new InMemoryContactDirectory();
    SAMPLE.contacts().forEach(directory::put);
    handler = new FormWebhookHandler(engine, new PriorityContactMatcher(directory), data -> {
      created.add(data);
      return Optional.of("new-contact-1");
    }, Clock.fixed(FORM.occurredAt(), ZoneOffset.UTC));
    current = handler;
    matomo.resetStats();
  }

  private static Map<String, String> form() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("TrackingUserId", FORM.visitorId().toUpperCase(java.util.Locale.ROOT));
    fields.put("PageUrl", FORM.pageUrl());
    fields.put("FullName", CONTACT.fullName().orElseThrow());
    fields.put("Email", CONTACT.email().orElseThrow());
    fields.put("Phone", CONTACT.phone().orElseThrow());
    fields.put("utm_campaign", "ignored");
    return fields;
  }

  private static Map<String, String> with(String field, String value) {
    Map<String, String> fields = form();
    if (value == null) {
      fields.remove(field);
    } else {
      fields.put(field, value);
    }
    return fields;
  }

  private static HttpResponse<String> post(String contentType, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/forms"))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.ISO_8859_1));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String encode(Map<String, String> fields) {
    return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
        + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  @Test
  void aFormOfAKnownContactIsRecordedAndTheVisitorsHistoryImported() {
    FormWebhookHandler.Response response = handler.handle(form());

    assertThat(response.status()).as(response.message()).isEqualTo(200);
    assertThat(state.identifications(IdentityKey.visitorId(FORM.visitorId())))
        .singleElement().satisfies(identification -> {
          assertThat(identification.contactId()).isEqualTo(CONTACT.id());
          assertThat(identification.at()).isEqualTo(FORM.occurredAt());
        });
    assertThat(sessions.hasSessionForContact(CONTACT.id())).isTrue();
    assertThat(created).isEmpty();
    assertThat(response.message()).startsWith("recorded; ");
  }

  @Test
  void aFormOfSomeoneUnknownCreatesTheContactThroughTheHost() {
    FormWebhookHandler.Response response = handler.handle(Map.of(
        "TrackingUserId", FORM.visitorId(), "FullName", "Nobody Known", "Email", "nobody@example.org"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(created).singleElement().satisfies(data ->
        assertThat(data.email()).contains("nobody@example.org"));
    assertThat(state.identifications(IdentityKey.visitorId(FORM.visitorId())))
        .extracting(i -> i.contactId()).containsExactly("new-contact-1");
  }

  @Test
  void realNamesWithApostrophesHyphensAndAccentsAreAccepted() {
    FormWebhookHandler.Response response = handler.handle(Map.of("TrackingUserId",
        FORM.visitorId(), "FullName", "Seán O'Brien-Núñez", "Phone", "+353 (1) 555-0100"));

    assertThat(response.status()).as(response.message()).isEqualTo(200);
    assertThat(created).singleElement().satisfies(data ->
        assertThat(data.fullName()).contains("Seán O'Brien-Núñez"));
  }

  @Test
  void whenTheHostCreatesNoContactTheFormIsRefusedWith422() {
    FormWebhookHandler refusing = new FormWebhookHandler(SyncEngine.builder()
        .config(SyncConfig.forSites(1)).source(VisitSource.of(client)).sessions(sessions)
        .state(state).lookups(InMemoryLookupRepository.withDefaults()).build(),
        data -> Optional.empty(), data -> Optional.empty(), Clock.systemUTC());

    assertThat(refusing.handle(form()).status()).isEqualTo(422);
    assertThat(state.trackedVisitorIds()).isEmpty();
  }

  static Stream<Arguments> hostileForms() {
    String visitor = FORM.visitorId();
    return Stream.of(
        Arguments.of("no TrackingUserId", with("TrackingUserId", null), "TrackingUserId"),
        Arguments.of("a TrackingUserId that is not hexadecimal", with("TrackingUserId", "zzzzzzzzzzzzzzzz"), "TrackingUserId"),
        Arguments.of("a TrackingUserId of 17 characters", with("TrackingUserId", visitor + "0"), "TrackingUserId"),
        Arguments.of("a segment injection in TrackingUserId",
            with("TrackingUserId", visitor + ",userId==victim"), "TrackingUserId"),
        Arguments.of("a header injection in Email",
            with("Email", "ann@example.com\r\nBcc: all@example.com"), "Email"),
        Arguments.of("a line break inside FullName", with("FullName", "Ann\nAdmin: yes"), "FullName"),
        Arguments.of("markup in FullName", with("FullName", "<script>alert(1)</script>"), "FullName"),
        Arguments.of("a SQL fragment in FullName", with("FullName", "x'; DROP TABLE contact;--"), "FullName"),
        Arguments.of("something that is not an email", with("Email", "not-an-address"), "Email"),
        Arguments.of("letters in Phone", with("Phone", "call me maybe"), "Phone"),
        Arguments.of("a javascript: PageUrl", with("PageUrl", "javascript:alert(1)"), "PageUrl"),
        Arguments.of("a PageUrl with credentials", with("PageUrl", "https://user:pw@example.com/"), "PageUrl"),
        Arguments.of("a FullName of 201 characters", with("FullName", "a".repeat(201)), "FullName"),
        Arguments.of("no name, email or phone", Map.of("TrackingUserId", visitor), "FullName"));
  }

  @ParameterizedTest(name = "{0} is refused with 400")
  @MethodSource("hostileForms")
  void hostileInputIsRefusedWith400BeforeAnythingHappens(String what, Map<String, String> fields,
      String field) {
    FormWebhookHandler.Response response = handler.handle(fields);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.message()).contains(field);
    fields.values().stream().filter(v -> v.length() > 3)
        .forEach(value -> assertThat(response.message()).doesNotContain(value));
    assertThat(state.trackedVisitorIds()).isEmpty();
    assertThat(matomo.stats().liveRequests()).isZero();
  }

  @Test
  void overHttpAValidFormIsAnsweredInPlainText() throws Exception {
    HttpResponse<String> response = post("application/x-www-form-urlencoded", encode(form()));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("text/plain; charset=utf-8");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(state.trackedVisitorIds()).containsExactly(FORM.visitorId());
  }

  @Test
  void overHttpAnInjectionIsA400ThatDoesNotEchoIt() throws Exception {
    HttpResponse<String> response = post("application/x-www-form-urlencoded",
        encode(with("TrackingUserId", FORM.visitorId() + ";visitorId!=x")));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("TrackingUserId").doesNotContain("visitorId!=");
  }

  static Stream<Arguments> badRequests() {
    String good = "TrackingUserId=" + FORM.visitorId() + "&Email=a%40example.com";
    return Stream.of(
        Arguments.of("a body that is not a form", "application/json", "{}", 415),
        Arguments.of("no content type", null, good, 415),
        Arguments.of("a bad % escape", "application/x-www-form-urlencoded", good + "&FullName=%zz", 400),
        Arguments.of("bytes that are not UTF-8", "application/x-www-form-urlencoded", good + "&FullName=%C3%28", 400),
        Arguments.of("a field given twice", "application/x-www-form-urlencoded",
            good + "&TrackingUserId=0000000000000000", 400),
        Arguments.of("a body over 16 KiB", "application/x-www-form-urlencoded",
            good + "&x=" + "a".repeat(FormWebhookHttpHandler.MAX_BODY_BYTES), 413));
  }

  @ParameterizedTest(name = "{0}: {3}")
  @MethodSource("badRequests")
  void overHttpMalformedRequestsAreRefused(String what, String type, String body, int status)
      throws Exception {
    assertThat(post(type, body).statusCode()).isEqualTo(status);
    assertThat(state.trackedVisitorIds()).isEmpty();
  }

  @Test
  void overHttpOnlyPostIsAccepted() throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/forms")).GET().build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).contains("POST");
  }

  @Test
  void theFormDecoderKeepsPlusAsSpaceAndEscapedCharacters() {
    assertThat(FormWebhookHttpHandler.decode(
        "FullName=L%C3%A9a+Lef%C3%A8vre&Email=lea%2Bcrm%40example.com&empty=".getBytes(
            StandardCharsets.ISO_8859_1)))
        .isEqualTo(new HashMap<>(Map.of("FullName", "Léa Lefèvre", "Email", "lea+crm@example.com",
            "empty", "")));
  }
}
