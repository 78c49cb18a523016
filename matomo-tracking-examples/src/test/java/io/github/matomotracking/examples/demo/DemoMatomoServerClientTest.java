package io.github.matomotracking.examples.demo;

import static io.github.matomotracking.examples.demo.DemoFixtures.SAMPLE;
import static io.github.matomotracking.examples.demo.DemoFixtures.keys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.matomotracking.client.FetchSummary;
import io.github.matomotracking.client.MatomoAuthenticationException;
import io.github.matomotracking.client.MatomoClient;
import io.github.matomotracking.client.Sites;
import io.github.matomotracking.client.VisitQuery;
import io.github.matomotracking.lookups.InMemoryLookupRepository;
import io.github.matomotracking.mapping.MappingBatch;
import io.github.matomotracking.mapping.SiteTimeZones;
import io.github.matomotracking.mapping.VisitMapper;
import io.github.matomotracking.model.MappedVisit;
import io.github.matomotracking.model.Visit;
import io.github.matomotracking.model.VisitKey;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo server against the real {@link MatomoClient} on loopback, serving the sample. */
class DemoMatomoServerClientTest {

  private static DemoMatomoServer server;

  @BeforeAll
  static void start() {
    server = DemoFixtures.server().start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static List<Visit> fetch(int pageSize, VisitQuery query) {
    List<Visit> visits = new ArrayList<>();
    try (MatomoClient client = DemoFixtures.client(server, pageSize)) {
      client.fetch(query, visits::add);
    }
    return visits;
  }

  private static Set<VisitKey> fetchedKeys(List<Visit> visits) {
    return visits.stream().map(Visit::key).collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  private static Set<VisitKey> expected(Predicate<DemoVisit> which) {
    return keys(SAMPLE.visits().stream().filter(which).collect(Collectors.toList()));
  }

  @Test
  void listensOnLoopbackOnly() {
    assertThat(server.baseUrl().getHost()).isEqualTo("127.0.0.1");
    assertThat(server.port()).isPositive();
  }

  @Test
  void fetchesTheVisitsOfOneVisitorId() {
    String visitor = SAMPLE.scenario().twoFormVisitorId();
    List<Visit> visits = fetch(100, VisitQuery.builder().sites(Sites.of(1)).addVisitorIds(visitor).build());

    assertThat(fetchedKeys(visits)).isEqualTo(keys(SAMPLE.visitsOf(visitor))).hasSizeGreaterThanOrEqualTo(2);
    assertThat(visits).allSatisfy(v -> assertThat(v.visitorId()).contains(visitor));
  }

  @Test
  void fetchesTheVisitsOfAUserIdFromEveryDeviceThatCarriesIt() {
    SampleSite.Scenario story = SAMPLE.scenario();
    List<Visit> visits = fetch(100,
        VisitQuery.builder().sites(Sites.of(1)).addUserIds(story.forwardedEmailContactId()).build());

    assertThat(visits).hasSize(2).allSatisfy(v -> assertThat(v.userId()).contains(story.forwardedEmailContactId()));
    assertThat(visits.stream().map(v -> v.visitorId().orElseThrow()).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(story.recipientVisitorId(), story.forwardedReaderVisitorId());
  }

  @Test
  void pagesThroughSeveralIdentitiesWithSmallPagesReceivingEachVisitOnce() {
    SampleSite.Scenario story = SAMPLE.scenario();
    Set<String> visitorIds = SAMPLE.identities().stream()
        .flatMap(event -> event.visitorIdIfAny().stream()).collect(Collectors.toSet());
    List<Visit> visits = new ArrayList<>();
    FetchSummary summary;
    try (MatomoClient client = DemoFixtures.client(server, 2)) {
      summary = client.fetch(VisitQuery.builder().sites(Sites.of(1)).addAllVisitorIds(visitorIds)
          .addAllUserIds(story.emailContactIds()).build(), visits::add);
    }

    Set<VisitKey> expected = expected(v -> visitorIds.contains(v.visitorId())
        || (v.userId() != null && story.emailContactIds().contains(v.userId())));
    assertThat(visits).hasSize(expected.size());
    assertThat(fetchedKeys(visits)).isEqualTo(expected);
    assertThat(summary.requests()).isGreaterThan(expected.size() / 2);
  }

  @Test
  void readsAWholeSiteWithPagesSmallerThanTheVisitsSharingOneSecond() {
    List<Visit> visits = fetch(5, VisitQuery.builder().sites(Sites.of(1)).build());

    Set<VisitKey> expected = expected(v -> v.siteId() == 1);
    assertThat(visits).hasSize(expected.size());
    assertThat(fetchedKeys(visits)).isEqualTo(expected);
    long burst = visits.stream()
        .filter(v -> v.lastActionTime().orElseThrow().equals(SAMPLE.scenario().burstSecond())).count();
    assertThat(burst).isGreaterThan(5);
  }

  @Test
  void readsEverySiteWhenAskedForAll() {
    try (MatomoClient client = DemoFixtures.client(server, 500)) {
      assertThat(client.viewableSiteIds()).containsExactly(1L, 2L);
    }
    List<Visit> visits = fetch(500, VisitQuery.builder().sites(Sites.all()).build());

    assertThat(fetchedKeys(visits)).isEqualTo(keys(SAMPLE.visits()));
  }

  @Test
  void minTimestampKeepsOnlyVisitsWhoseLastActionIsStrictlyLater() {
    Instant cut = SAMPLE.scenario().burstSecond();
    List<Visit> visits = fetch(50, VisitQuery.builder().sites(Sites.of(1)).minTimestamp(cut.getEpochSecond()).build());

    assertThat(fetchedKeys(visits)).isEqualTo(expected(v -> v.siteId() == 1 && v.lastActionTime().isAfter(cut)));
    assertThat(visits).noneMatch(v -> v.lastActionTime().orElseThrow().equals(cut));
  }

  @Test
  void aDateWindowSelectsTheLastActionByDayInTheSiteTimeZone() {
    ZoneId paris = ZoneId.of("Europe/Paris");
    LocalDate day = SAMPLE.scenario().burstSecond().atZone(paris).toLocalDate();
    LocalDate until = day.plusDays(6);
    List<Visit> visits = fetch(7, VisitQuery.builder().sites(Sites.of(1)).since(day).until(until).build());

    Instant from = day.atStartOfDay(paris).toInstant();
    Instant through = until.plusDays(1).atStartOfDay(paris).toInstant();
    Set<VisitKey> expected = expected(v -> v.siteId() == 1 && !v.lastActionTime().isBefore(from)
        && !v.lastActionTime().isAfter(through));
    assertThat(expected).isNotEmpty();
    assertThat(fetchedKeys(visits)).isEqualTo(expected);
  }

  @Test
  void aWindowWithoutAnEndRunsUpToNow() {
    LocalDate since = DemoFixtures.NOW.atZone(ZoneId.of("America/New_York")).toLocalDate().minusDays(3);
    List<Visit> visits = fetch(20, VisitQuery.builder().sites(Sites.of(2)).since(since).build());

    Instant from = since.atStartOfDay(ZoneId.of("America/New_York")).toInstant();
    assertThat(fetchedKeys(visits))
        .isEqualTo(expected(v -> v.siteId() == 2 && !v.lastActionTime().isBefore(from)))
        .contains(SAMPLE.scenario().ongoingVisits().stream().filter(k -> k.siteId() == 2).findFirst().orElseThrow());
  }

  @Test
  void aWrongTokenIsAnAuthenticationError() {
    try (MatomoClient client = DemoFixtures.client(server, 10, "not-the-" + DemoFixtures.TOKEN)) {
      VisitQuery query = VisitQuery.builder().sites(Sites.of(1)).addVisitorIds("0123456789abcdef").build();
      assertThatThrownBy(() -> client.fetch(query, v -> {}))
          .isInstanceOf(MatomoAuthenticationException.class)
          .hasMessageNotContaining(DemoFixtures.TOKEN);
    }
  }

  @Test
  void siteTimeZonesComeFromTheSitesSettings() {
    try (MatomoClient client = DemoFixtures.client(server, 10)) {
      assertThat(client.siteTimeZone(1)).contains(ZoneId.of("Europe/Paris"));
      assertThat(client.siteTimeZone(2)).contains(ZoneId.of("America/New_York"));
    }
  }

  @Test
  void aUserIdThatTriesToAddAConditionMatchesNothing() {
    String victim = SAMPLE.scenario().forwardedEmailContactId();
    List<Visit> visits = fetch(100, VisitQuery.builder().sites(Sites.of(1))
        .addUserIds("nobody,userId==" + victim, "nobody;visitId>0", "nobody\\,userId==" + victim).build());

    assertThat(visits).isEmpty();
  }

  @Test
  void mappedActionTimesAreTheTrueInstantsOnBothSidesOfTheSummerTimeChange() {
    List<Visit> visits = fetch(500, VisitQuery.builder().sites(Sites.all()).build());
    Map<Long, ZoneId> zones = new HashMap<>();
    try (MatomoClient client = DemoFixtures.client(server, 10)) {
      zones.put(1L, client.siteTimeZone(1).orElseThrow());
      zones.put(2L, client.siteTimeZone(2).orElseThrow());
    }
    MappingBatch batch = VisitMapper.standard()
        .newBatch(InMemoryLookupRepository.withDefaults().snapshot(), SiteTimeZones.of(zones));
    Set<Integer> parisOffsets = new HashSet<>();
    for (Visit visit : visits) {
      DemoVisit original = server.visit(visit.siteId(), visit.visitId()).orElseThrow();
      MappedVisit mapped = batch.map(visit);
      assertThat(mapped.actions()).hasSameSizeAs(original.actions());
      for (int i = 0; i < original.actions().size(); i++) {
        assertThat(mapped.actions().get(i).date()).as("visit %s action %d", visit.key(), i)
            .contains(original.actions().get(i).time());
      }
      if (visit.siteId() == 1) {
        parisOffsets.add(zones.get(1L).getRules().getOffset(original.firstActionTime()).getTotalSeconds());
      }
    }
    assertThat(parisOffsets).containsExactlyInAnyOrder(3600, 7200);
  }

  @Test
  void countsWhatItServes() {
    try (DemoMatomoServer own = DemoFixtures.server().start(); MatomoClient client = DemoFixtures.client(own, 3)) {
      String visitor = SAMPLE.scenario().twoFormVisitorId();
      List<Visit> visits = new ArrayList<>();
      FetchSummary summary = client.fetch(
          VisitQuery.builder().sites(Sites.of(1)).addVisitorIds(visitor).build(), visits::add);

      ServerStats stats = own.stats();
      assertThat(stats.requests()).isEqualTo(summary.requests());
      assertThat(stats.liveRequests()).isEqualTo(summary.requests());
      assertThat(stats.visitsSent()).isGreaterThanOrEqualTo(visits.size());
      assertThat(stats.bytesSent()).isGreaterThanOrEqualTo(summary.bytes()).isPositive();
      assertThat(stats.bytesReceived()).isPositive();
      own.resetStats();
      assertThat(own.stats()).isEqualTo(new ServerStats(0, 0, 0, 0, 0));
    }
  }
}
