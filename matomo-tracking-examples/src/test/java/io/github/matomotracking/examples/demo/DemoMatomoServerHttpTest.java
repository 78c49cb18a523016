package io.github.matomotracking.examples.demo;

import static io.github.matomotracking.examples.demo.DemoFixtures.SAMPLE;
import static io.github.matomotracking.examples.demo.DemoFixtures.TOKEN;
import static io.github.matomotracking.examples.demo.DemoFixtures.api;
import static io.github.matomotracking.examples.demo.DemoFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.matomotracking.client.SegmentBuilder;
import io.github.matomotracking.examples.demo.DemoFixtures.Raw;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The demo server's HTTP behaviour, checked with raw requests. */
class DemoMatomoServerHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WRONG_TOKEN_BODY = "{\"result\":\"error\",\"message\":\"Unable to authenticate with the"
      + " provided token. It is either invalid, expired or is required to be sent as a POST parameter.\"}";

  private static DemoMatomoServer server;

  @BeforeAll
  static void start() {
    server = DemoFixtures.server().start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonNode json(Raw raw) {
    try {
      return JSON.readTree(raw.body());
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + raw.body(), e);
    }
  }

  private static List<Long> visitIds(Raw raw) {
    JsonNode array = json(raw);
    assertThat(array.isArray()).as(raw.body()).isTrue();
    return StreamSupport.stream(array.spliterator(), false).map(v -> v.get("idVisit").asLong())
        .collect(Collectors.toList());
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static Raw live(String more) {
    return post(server, "", api("Live.getLastVisitsDetails", more), false);
  }

  @Test
  void aWrongTokenGetsMatomosExactErrorWith401() {
    Raw raw = post(server, "", api("Live.getLastVisitsDetails", "idSite=1").replace(TOKEN, "wrong"), false);

    assertThat(raw.status()).isEqualTo(401);
    assertThat(raw.body()).isEqualTo(WRONG_TOKEN_BODY);
    assertThat(raw.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
  }

  @ParameterizedTest(name = "token in URL: {0}, token in body: {1} -> HTTP {2}")
  @CsvSource({
    "true, false, 401",
    "true, true, 401",
    "false, true, 200",
  })
  void theTokenCountsOnlyInThePostBodyWithNoneInTheUrl(boolean inUrl, boolean inBody, int status) {
    String form = "module=API&format=JSON&method=Live.getLastVisitsDetails&idSite=1&filter_limit=1"
        + (inBody ? "&token_auth=" + TOKEN : "");
    Raw raw = post(server, inUrl ? "token_auth=" + TOKEN : "", form, false);

    assertThat(raw.status()).isEqualTo(status);
    if (status == 401) {
      assertThat(raw.body()).isEqualTo(WRONG_TOKEN_BODY);
    } else {
      assertThat(visitIds(raw)).hasSize(1);
    }
  }

  @Test
  void noTokenIsAnAnonymousUserWhoMayViewNothing() {
    Raw live = post(server, "", "module=API&format=JSON&method=Live.getLastVisitsDetails&idSite=1", false);
    Raw sites = post(server, "", "module=API&format=JSON&method=SitesManager.getSitesIdWithAtLeastViewAccess", false);

    assertThat(live.status()).isEqualTo(401);
    assertThat(json(live).get("message").asText()).contains("requires &#039;view&#039; access");
    assertThat(sites.status()).isEqualTo(200);
    assertThat(sites.body()).isEqualTo("[]");
  }

  @Test
  void parametersInTheQueryStringWinOverTheBodyAsInPhp() {
    Raw raw = post(server, "filter_limit=2", api("Live.getLastVisitsDetails", "idSite=1&filter_limit=5"), false);

    assertThat(visitIds(raw)).hasSize(2);
  }

  @Test
  void gzipWhenTheRequestAcceptsItWithTheSameContent() {
    String form = api("Live.getLastVisitsDetails", "idSite=1&filter_limit=40");
    Raw plain = post(server, "", form, false);
    Raw zipped = post(server, "", form, true);

    assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(zipped.headers().firstValue("Content-Encoding")).contains("gzip");
    assertThat(zipped.body()).isEqualTo(plain.body());
    assertThat(zipped.wireBytes()).isLessThan(plain.wireBytes() / 3);
  }

  @ParameterizedTest(name = "Accept-Encoding: {0} -> gzip {1}")
  @CsvSource(delimiter = '|', value = {
    "gzip | true",
    "deflate, gzip | true",
    "GZIP;q=0.5 | true",
    "gzip;q=0 | false",
    "deflate | false",
    "identity | false",
  })
  void gzipOnlyWhenAccepted(String acceptEncoding, boolean gzip) {
    Raw raw = post(server, "", api("SitesManager.getSiteFromId", "idSite=1"), acceptEncoding);

    assertThat(raw.headers().firstValue("Content-Encoding").isPresent()).isEqualTo(gzip);
    assertThat(json(raw).get("timezone").asText()).isEqualTo("Europe/Paris");
  }

  @Test
  void aVisitWithMoreThan500ActionsIsCutAndSaysHowManyWereLeftOut() {
    DemoVisit template = SAMPLE.visits().get(0);
    Instant start = DemoFixtures.NOW.minus(Duration.ofHours(5));
    List<DemoAction> actions = new ArrayList<>();
    for (int i = 0; i < 512; i++) {
      actions.add(DemoAction.pageView(start.plusSeconds(i * 10L), "https://www.acme-robotics.example/p/" + i, "P" + i,
          String.format("p%05d", i), 10 + i, 900_000 + i));
    }
    DemoVisit busy = new DemoVisit(1, 99_999, template.visitorId(), null, template.ipAddress(), 1,
        DemoVisit.Referrer.direct(), DemoVisit.Campaign.NONE, template.geo(), template.device(), actions);
    try (DemoMatomoServer own = DemoFixtures.server().visits(List.of(busy)).start()) {
      JsonNode visit = json(post(own, "", api("Live.getLastVisitsDetails", "idSite=1&segment=visitId%3D%3D99999"),
          false)).get(0);

      assertThat(visit.get("actionDetails").size()).isEqualTo(500);
      assertThat(visit.get("truncatedActionsCount").asInt()).isEqualTo(12);
      assertThat(visit.get("actions").asInt()).isEqualTo(512);
      assertThat(visit.get("lastActionTimestamp").asLong()).isEqualTo(start.plusSeconds(5110).getEpochSecond());
    }
  }

  @Test
  void visitsAreStreamedNotSentWithAPrecomputedLength() {
    Raw raw = live("idSite=all&filter_limit=-1");

    assertThat(raw.headers().firstValue("Content-Length")).isEmpty();
    assertThat(raw.headers().firstValue("Transfer-Encoding")).contains("chunked");
    assertThat(visitIds(raw)).hasSize(SAMPLE.visits().size());
  }

  @Test
  void jsonIsWrittenLikePhpJsonEncode() {
    Raw raw = live("idSite=1&filter_limit=-1");

    assertThat(raw.body()).startsWith("[{\"idSite\":1,\"idVisit\":")
        .contains("\"url\":\"https:\\/\\/www.acme-robotics.example\\/")
        .contains("\"region\":\"\\u00cele-de-France\"")
        .contains("\"siteCurrencySymbol\":\"\\u20ac\"")
        .doesNotContain("\": ", ", \"")
        .doesNotContain("\u00ce");
    assertThat(raw.body().chars().allMatch(c -> c < 128)).isTrue();
  }

  @Test
  void numbersCanBeWrittenAsStringsAsOnOldPhp() {
    try (DemoMatomoServer old = DemoFixtures.server().numbersAsStrings(true).start()) {
      JsonNode visit = json(post(old, "", api("Live.getLastVisitsDetails", "idSite=1&filter_limit=1"), false)).get(0);
      JsonNode site = json(post(old, "", api("SitesManager.getSiteFromId", "idSite=2"), false));

      assertThat(visit.get("idVisit").isTextual()).isTrue();
      assertThat(visit.get("visitCount").isTextual()).isTrue();
      assertThat(visit.get("actionDetails").get(0).get("pageId").isTextual()).isTrue();
      assertThat(visit.get("lastActionTimestamp").isNumber()).isTrue();
      assertThat(visit.get("actionDetails").get(0).get("timestamp").isNumber()).isTrue();
      assertThat(site.get("idsite").asText()).isEqualTo("2");
      assertThat(site.get("idsite").isTextual()).isTrue();
    }
  }

  @Test
  void withoutTheCampaignPluginVisitsHaveNoCampaignFields() {
    try (DemoMatomoServer plain = DemoFixtures.server().campaignFields(false).start()) {
      JsonNode visits = json(post(plain, "", api("Live.getLastVisitsDetails", "idSite=1&filter_limit=-1"), false));

      assertThat(visits.size()).isGreaterThan(100);
      visits.forEach(v -> assertThat(v.has("campaignSource")).isFalse());
    }
    JsonNode withPlugin = json(live("idSite=1&filter_limit=1")).get(0);
    assertThat(withPlugin.get("campaignSource").isTextual()).isTrue();
  }

  @Test
  void siteSettingsCarryTheTimeZone() {
    JsonNode site = json(post(server, "", api("SitesManager.getSiteFromId", "idSite=1"), false));

    assertThat(site.get("idsite").asLong()).isEqualTo(1);
    assertThat(site.get("timezone").asText()).isEqualTo("Europe/Paris");
    assertThat(site.get("currency").asText()).isEqualTo("EUR");
  }

  @Test
  void ordersByLastActionThenIdDescendingByDefaultAscendingOnRequest() {
    List<Long> descending = visitIds(live("idSite=1&filter_limit=-1"));
    List<Long> ascending = visitIds(live("idSite=1&filter_limit=-1&filter_sort_order=asc"));

    List<Long> expected = SAMPLE.visits().stream().filter(v -> v.siteId() == 1).sorted(DemoVisit.BY_LAST_ACTION)
        .map(DemoVisit::visitId).collect(Collectors.toList());
    assertThat(ascending).isEqualTo(expected);
    List<Long> reversed = new ArrayList<>(expected);
    java.util.Collections.reverse(reversed);
    assertThat(descending).isEqualTo(reversed);
  }

  @Test
  void withSeveralSitesTheSiteLeadsTheOrder() {
    List<Long> ids = visitIds(live("idSite=2,1&filter_limit=-1&filter_sort_order=asc"));

    long siteOneCount = SAMPLE.visits().stream().filter(v -> v.siteId() == 1).count();
    assertThat(ids).hasSize(SAMPLE.visits().size());
    assertThat(ids.subList(0, (int) siteOneCount))
        .allMatch(id -> server.visit(1, id).isPresent());
  }

  @Test
  void limitDefaultsToOneHundredMinusOneMeansAllAndOffsetSkips() {
    List<Long> all = visitIds(live("idSite=1&filter_limit=-1"));

    assertThat(visitIds(live("idSite=1"))).isEqualTo(all.subList(0, 100));
    assertThat(visitIds(live("idSite=1&filter_limit=7&filter_offset=3"))).isEqualTo(all.subList(3, 10));
    assertThat(all).hasSize((int) SAMPLE.visits().stream().filter(v -> v.siteId() == 1).count());
  }

  @Test
  void doNotFetchActionsLeavesActionDetailsEmpty() {
    JsonNode visit = json(live("idSite=1&filter_limit=1&doNotFetchActions=1")).get(0);

    assertThat(visit.get("actionDetails").isArray()).isTrue();
    assertThat(visit.get("actionDetails").size()).isZero();
    assertThat(visit.get("actions").asInt()).isPositive();
  }

  @Test
  void segmentsCombineOrInsideAndAcrossGroups() {
    SampleSite.Scenario story = SAMPLE.scenario();
    String a = story.recipientVisitorId();
    String b = story.forwardedReaderVisitorId();
    long floor = SAMPLE.visitsOf(a).get(0).visitId();
    String segment = "visitorId==" + a + ",visitorId==" + b + ";visitId>" + floor;
    List<Long> ids = visitIds(live("idSite=1&filter_limit=-1&segment=" + enc(segment)));

    List<Long> expected = SAMPLE.visits().stream()
        .filter(v -> (v.visitorId().equals(a) || v.visitorId().equals(b)) && v.visitId() > floor)
        .map(DemoVisit::visitId).sorted(java.util.Comparator.reverseOrder()).collect(Collectors.toList());
    assertThat(expected).isNotEmpty();
    assertThat(ids).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void aListOfVisitorIdsOverSeveralSitesIsOrderedBySiteThenLastActionAndPagedByOffset() {
    List<String> visitors = SAMPLE.visits().stream().map(DemoVisit::visitorId).distinct().limit(6).toList();
    long after = SAMPLE.visits().stream().mapToLong(v -> v.lastActionTime().getEpochSecond()).min().orElseThrow();
    String segment = visitors.stream().map(id -> "visitorId==" + id.toUpperCase(java.util.Locale.ROOT))
        .collect(Collectors.joining(","));
    List<Long> page = visitIds(live("idSite=2,1&filter_sort_order=asc&filter_offset=1&filter_limit=4"
        + "&minTimestamp=" + after + "&segment=" + enc(segment)));

    List<Long> expected = SAMPLE.visits().stream()
        .filter(v -> visitors.contains(v.visitorId()) && v.lastActionTime().getEpochSecond() > after)
        .sorted(java.util.Comparator.comparingLong(DemoVisit::siteId).thenComparing(DemoVisit.BY_LAST_ACTION))
        .skip(1).limit(4).map(DemoVisit::visitId).toList();
    assertThat(expected).hasSize(4);
    assertThat(page).containsExactlyElementsOf(expected);
  }

  @Test
  void aSinglyEncodedValueWidensTheQueryAsOnRealMatomoButTheClientsEncodingDoesNot() {
    String victim = SAMPLE.scenario().forwardedEmailContactId();
    String attack = "nobody,userId==" + victim;
    String once = "userId==" + enc(attack);
    String thrice = "userId==" + SegmentBuilder.encodeValue(attack);

    assertThat(visitIds(live("idSite=1&filter_limit=-1&segment=" + enc(once)))).hasSize(2);
    assertThat(visitIds(live("idSite=1&filter_limit=-1&segment=" + enc(thrice)))).isEmpty();
  }

  @Test
  void aBadSegmentOrDateIsAnErrorObjectWithStatus200() {
    Raw segment = live("idSite=1&segment=" + enc("browserName==Chrome"));
    Raw date = live("idSite=1&period=range&date=yesterday-ish");
    Raw visitorId = live("idSite=1&segment=" + enc("visitorId==not-hex"));

    assertThat(segment.status()).isEqualTo(200);
    assertThat(json(segment).get("result").asText()).isEqualTo("error");
    assertThat(json(segment).get("message").asText()).isEqualTo("Segment &#039;browserName&#039; is not a supported segment.");
    assertThat(date.status()).isEqualTo(200);
    assertThat(json(date).get("message").asText()).contains("is not a correct date range");
    assertThat(json(visitorId).get("result").asText()).isEqualTo("error");
  }

  @Test
  void anUnknownMethodOrMissingSiteIs400AndAnUnknownSite200() {
    Raw method = post(server, "", api("Live.getMostRecentVisitorId", "idSite=1"), false);
    Raw missing = live("");
    Raw unknown = live("idSite=9");

    assertThat(method.status()).isEqualTo(400);
    assertThat(json(method).get("message").asText()).contains("Live.getMostRecentVisitorId");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(json(missing).get("message").asText()).isEqualTo("Please specify a value for &#039;idSite&#039;.");
    assertThat(unknown.status()).isEqualTo(200);
    assertThat(json(unknown).get("message").asText()).contains("website id was set to &#039;9&#039;");
  }

  @Test
  void withoutModuleApiTheAnswerIsAnHtmlPage() {
    Raw raw = post(server, "", "method=Live.getLastVisitsDetails&format=JSON&idSite=1&token_auth=" + TOKEN, false);

    assertThat(raw.status()).isEqualTo(200);
    assertThat(raw.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(raw.body()).startsWith("<!DOCTYPE html>");
  }

  @Test
  void theDayPeriodForTodayAlsoReturnsYesterday() {
    Instant now = DemoFixtures.NOW;
    java.time.ZoneId paris = java.time.ZoneId.of("Europe/Paris");
    Instant yesterday = now.atZone(paris).toLocalDate().minusDays(1).atStartOfDay(paris).toInstant();
    List<Long> ids = visitIds(live("idSite=1&period=day&date=today&filter_limit=-1"));

    List<Long> expected = SAMPLE.visits().stream()
        .filter(v -> v.siteId() == 1 && !v.lastActionTime().isBefore(yesterday)).map(DemoVisit::visitId)
        .collect(Collectors.toList());
    assertThat(expected).isNotEmpty();
    assertThat(ids).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void actionTimestampsAreShiftedByTheSiteOffsetOfTheirDay() {
    DemoSite paris = new DemoSite(7, "Shift", "https://shift.example", "Europe/Paris", "EUR", Instant.EPOCH);
    DemoSite manual = new DemoSite(8, "Manual", "https://manual.example", "UTC+5.5", "EUR", Instant.EPOCH);
    Instant winter = Instant.parse("2025-01-15T10:00:00Z");
    Instant summer = Instant.parse("2025-07-15T10:00:00Z");
    DemoVisit template = SAMPLE.visits().get(0);
    List<DemoVisit> visits = List.of(
        visit(template, 7, 1, winter), visit(template, 7, 2, summer), visit(template, 8, 3, summer));
    try (DemoMatomoServer shift = DemoMatomoServer.builder().token(TOKEN).site(paris).site(manual).visits(visits)
        .clock(Clock.fixed(summer, ZoneOffset.UTC)).start()) {
      JsonNode answer = json(post(shift, "", api("Live.getLastVisitsDetails", "idSite=all&filter_sort_order=asc"),
          false));

      assertThat(answer.get(0).get("firstActionTimestamp").asLong()).isEqualTo(winter.getEpochSecond());
      assertThat(answer.get(0).get("actionDetails").get(0).get("timestamp").asLong())
          .isEqualTo(winter.getEpochSecond() + 3600);
      assertThat(answer.get(1).get("actionDetails").get(0).get("timestamp").asLong())
          .isEqualTo(summer.getEpochSecond() + 7200);
      assertThat(answer.get(2).get("actionDetails").get(0).get("timestamp").asLong())
          .isEqualTo(summer.getEpochSecond() + 19800);
    }
  }

  private static DemoVisit visit(DemoVisit template, long site, long id, Instant at) {
    return new DemoVisit(site, id, template.visitorId(), null, template.ipAddress(), 1, DemoVisit.Referrer.direct(),
        DemoVisit.Campaign.NONE, template.geo(), template.device(),
        List.of(DemoAction.pageView(at, "https://shift.example/", "Shift", "abcdef", 1, id)));
  }

  @Test
  void aVisitThatContinuesComesBackAfterItsNewLastAction() {
    try (DemoMatomoServer live = DemoFixtures.server().start()) {
      DemoVisit ongoing = live.visit(1, SAMPLE.scenario().ongoingVisits().get(0).visitId()).orElseThrow();
      Instant later = DemoFixtures.NOW.minusSeconds(30);
      live.put(ongoing.plus(DemoAction.pageView(later, "https://www.acme-robotics.example/pricing/", "Pricing",
          "zzzzzz", 1, 999_999)));

      JsonNode answer = json(post(live, "", api("Live.getLastVisitsDetails",
          "idSite=1&minTimestamp=" + (later.getEpochSecond() - 1)), false));
      assertThat(answer.size()).isEqualTo(1);
      assertThat(answer.get(0).get("idVisit").asLong()).isEqualTo(ongoing.visitId());
      assertThat(answer.get(0).get("lastActionTimestamp").asLong()).isEqualTo(later.getEpochSecond());
    }
  }

  @Test
  void theLatencyIsWaitedBeforeEachAnswer() {
    List<Duration> waits = new CopyOnWriteArrayList<>();
    try (DemoMatomoServer slow = DemoFixtures.server().latency(Duration.ofMillis(250)).pause(waits::add).start()) {
      post(slow, "", api("SitesManager.getSiteFromId", "idSite=1"), false);
      post(slow, "", api("Live.getLastVisitsDetails", "idSite=1&filter_limit=1"), false);
    }
    assertThat(waits).containsExactly(Duration.ofMillis(250), Duration.ofMillis(250));
  }

  @Test
  void refusesWhatItCannotServe() {
    assertThatThrownBy(() -> DemoMatomoServer.builder().start()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("token");
    assertThatThrownBy(() -> DemoMatomoServer.builder().token(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> server.put(visit(SAMPLE.visits().get(0), 5, 1, Instant.EPOCH)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("site 5");
    assertThat(server.toString()).doesNotContain(TOKEN);
  }

  @Test
  void closingStopsListeningAndMayBeRepeated() {
    DemoMatomoServer closing = DemoFixtures.server().start();
    java.net.URI address = closing.baseUrl();
    closing.close();
    closing.close();

    assertThatThrownBy(() -> new java.net.Socket(address.getHost(), address.getPort()).close())
        .isInstanceOf(java.io.IOException.class);
  }
}
