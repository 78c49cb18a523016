package io.github.matomotracking.client;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.matomotracking.client.fake.FakeMatomo;
import io.github.matomotracking.client.fake.FakeVisit;
import io.github.matomotracking.client.fake.MatomoSegmentParser;
import io.github.matomotracking.client.fake.UserIdCollation;
import io.github.matomotracking.model.Visit;
import io.github.matomotracking.model.VisitKey;
import io.github.matomotracking.sync.TestClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MatomoClientPagingTest {

  private static final FakeMatomo FAKE = FakeMatomo.withToken(TestSupport.TOKEN);
  private static final MatomoSegmentParser SEGMENTS =
      new MatomoSegmentParser(Set.of("visitorId", "userId", "visitId"));
  private static final long T0 = 1_700_000_000L;

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(FAKE))
      .build();

  private final TestClock clock = new TestClock(Instant.ofEpochSecond(T0));
  private final TestSupport.RecordingSleeper sleeper = new TestSupport.RecordingSleeper(clock);

  @BeforeEach
  void fakeMatomo() {
    FAKE.reset().site(1, "UTC").site(2, "Europe/Paris");
    wm.stubFor(FakeMatomo.stub());
  }

  private MatomoClient client(int pageSize) {
    return MatomoClient.create(TestSupport.config(wm, clock, sleeper).pageSize(pageSize).build());
  }

  private static String visitor(long n) {
    return String.format("%016x", n);
  }

  private static List<VisitKey> keys(List<Visit> visits) {
    return visits.stream().map(Visit::key).collect(Collectors.toList());
  }

  private static List<VisitKey> orderedKeys(List<FakeVisit> visits) {
    return visits.stream()
        .sorted(Comparator.comparingLong(FakeVisit::lastActionSecond).thenComparingLong(FakeVisit::visitId))
        .map(FakeVisit::key).collect(Collectors.toList());
  }

  private static long minTimestamp(FakeMatomo.Received request) {
    return Long.parseLong(request.form().getOrDefault("minTimestamp", "0"));
  }

  @Test
  void pages_are_chained_by_an_ascending_min_timestamp_and_never_by_offset() {
    List<FakeVisit> table = IntStream.rangeClosed(1, 25)
        .mapToObj(i -> FakeVisit.at(1, i, visitor(i), T0 + i * 10L)).collect(Collectors.toList());
    FAKE.putAll(table);
    List<Visit> got = new ArrayList<>();

    FetchSummary summary;
    try (MatomoClient client = client(10)) {
      summary = client.fetch(VisitQuery.builder().sites(Sites.of(1)).build(), got::add);
    }

    assertThat(keys(got)).containsExactlyElementsOf(orderedKeys(table));
    List<FakeMatomo.Received> requests = FAKE.liveRequests();
    assertThat(requests).allSatisfy(r -> {
      assertThat(r.form()).doesNotContainKey("filter_offset");
      assertThat(r.form()).containsEntry("filter_sort_order", "asc").containsEntry("filter_limit", "10");
    });
    assertThat(requests).extracting(MatomoClientPagingTest::minTimestamp).isSorted().doesNotHaveDuplicates();
    assertThat(summary.visits()).isEqualTo(25);
    assertThat(summary.requests()).isEqualTo(requests.size());
    assertThat(summary.pages()).isEqualTo(requests.size());
    assertThat(summary.retries()).isZero();
  }

  @Test
  void a_second_cut_by_a_page_boundary_is_read_again_so_its_other_visits_are_not_lost() {
    List<FakeVisit> table = new ArrayList<>();
    for (int i = 1; i <= 21; i++) {
      table.add(FakeVisit.at(1, i, visitor(i), T0 + (i + 1) / 2 * 10L));
    }
    FAKE.putAll(table);
    List<Visit> got = new ArrayList<>();

    FetchSummary summary;
    try (MatomoClient client = client(5)) {
      summary = client.fetch(VisitQuery.builder().sites(Sites.of(1)).build(), got::add);
    }

    assertThat(keys(got)).containsExactlyElementsOf(orderedKeys(table));
    assertThat(summary.duplicates()).isPositive();
    assertThat(FAKE.liveRequests()).noneMatch(r -> r.form().containsKey("segment"));
  }

  @Test
  void a_cut_response_while_paging_through_a_crowded_second_resumes_above_the_last_id_received() {
    long crowded = T0 + 7;
    List<FakeVisit> table = IntStream.rangeClosed(1, 12)
        .mapToObj(i -> FakeVisit.at(1, i, visitor(i), crowded)).collect(Collectors.toList());
    FAKE.putAll(table);
    wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
            com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/index.php"))
        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("segment=visitId%3E4"))
        .atPriority(1).inScenario("cut").whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
        .willSetStateTo("done")
        .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(
            "[{\"idSite\":1,\"idVisit\":5,\"visitorId\":\"" + visitor(5) + "\",\"firstActionTimestamp\":" + crowded
                + ",\"lastActionTimestamp\":" + crowded + ",\"actionDetails\":[]},{\"idSite\":1,\"idV")));
    List<Visit> got = new ArrayList<>();

    FetchSummary summary;
    try (MatomoClient client = client(4)) {
      summary = client.fetch(VisitQuery.builder().sites(Sites.of(1)).build(), got::add);
    }

    assertThat(keys(got)).containsExactlyElementsOf(orderedKeys(table));
    assertThat(summary.retries()).isEqualTo(1);
    assertThat(FAKE.liveRequests()).extracting(r -> r.form().getOrDefault("segment", ""))
        .contains("visitId>5").doesNotContain("visitId>4");
  }

  @Test
  void three_pages_worth_of_visits_in_one_second_are_all_read_once_by_paging_through_that_second_by_id() {
    long crowded = T0 + 100;
    List<FakeVisit> table = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      table.add(FakeVisit.at(1, 1000 + i, visitor(i), T0 + i));
    }
    for (int i = 1; i <= 30; i++) {
      table.add(FakeVisit.at(1, 2000 + i * 3, visitor(100 + i), crowded));
    }
    for (int i = 1; i <= 5; i++) {
      table.add(FakeVisit.at(1, 100 + i, visitor(200 + i), crowded + i));
    }
    FAKE.putAll(table);
    List<Visit> got = new ArrayList<>();

    FetchSummary summary;
    try (MatomoClient client = client(10)) {
      summary = client.fetch(VisitQuery.builder().sites(Sites.of(1)).build(), got::add);
    }

    assertThat(keys(got)).containsExactlyElementsOf(orderedKeys(table));
    assertThat(summary.visits()).isEqualTo(40);
    List<MatomoSegmentParser.Condition> idFloors = FAKE.liveRequests().stream()
        .filter(r -> r.form().containsKey("segment"))
        .peek(r -> assertThat(minTimestamp(r)).isEqualTo(crowded - 1))
        .flatMap(r -> SEGMENTS.parse(r.form().get("segment")).conditions().stream())
        .collect(Collectors.toList());
    assertThat(idFloors).as("the crowded second is paged through by idVisit")
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c.name()).isEqualTo("visitId"))
        .allSatisfy(c -> assertThat(c.operator()).isEqualTo(">"));
    assertThat(idFloors.stream().map(c -> Long.parseLong(c.value()))).isSorted().doesNotHaveDuplicates();
    assertThat(FAKE.liveRequests()).allSatisfy(r -> assertThat(r.form()).doesNotContainKey("filter_offset"));
  }

  @Test
  void a_crowded_second_within_an_identity_query_keeps_the_identity_condition_while_paging_by_id() {
    long crowded = T0 + 50;
    List<FakeVisit> table = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      table.add(FakeVisit.at(1, i, visitor(7), crowded));
      table.add(FakeVisit.at(1, 100 + i, visitor(8), crowded));
    }
    FAKE.putAll(table);
    List<Visit> got = new ArrayList<>();

    try (MatomoClient client = client(5)) {
      client.fetch(VisitQuery.builder().sites(Sites.of(1)).addVisitorIds(visitor(7)).build(), got::add);
    }

    assertThat(got).hasSize(12).allSatisfy(v -> assertThat(v.visitorId()).contains(visitor(7)));
    assertThat(FAKE.liveRequests()).allSatisfy(r -> assertThat(SEGMENTS.parse(r.form().get("segment")).conditions())
        .contains(new MatomoSegmentParser.Condition("visitorId", "==", visitor(7))));
  }

  @Test
  void visits_added_or_continued_between_pages_are_picked_up_and_an_update_is_handed_over_again() {
    List<FakeVisit> table = IntStream.rangeClosed(1, 12)
        .mapToObj(i -> FakeVisit.at(1, i, visitor(i), T0 + i)).collect(Collectors.toList());
    FAKE.putAll(table);
    FAKE.beforeLiveRequest(n -> {
      if (n == 2) {
        FAKE.put(FakeVisit.at(1, 50, visitor(50), T0 + 500));
        FAKE.put(FAKE.visit(1, 2).continuedAt(T0 + 400));
      }
    });
    List<Visit> got = new ArrayList<>();

    try (MatomoClient client = client(5)) {
      client.fetch(VisitQuery.builder().sites(Sites.of(1)).build(), got::add);
    }

    assertThat(keys(got)).containsExactly(
        VisitKey.of(1, 1), VisitKey.of(1, 2), VisitKey.of(1, 3), VisitKey.of(1, 4), VisitKey.of(1, 5),
        VisitKey.of(1, 6), VisitKey.of(1, 7), VisitKey.of(1, 8), VisitKey.of(1, 9), VisitKey.of(1, 10),
        VisitKey.of(1, 11), VisitKey.of(1, 12), VisitKey.of(1, 2), VisitKey.of(1, 50));
    assertThat(got.get(12).lastActionTime()).contains(Instant.ofEpochSecond(T0 + 400));
    assertThat(got.stream().map(v -> v.lastActionTime().orElseThrow())).isSorted();
  }

  @Test
  void the_query_min_timestamp_and_date_window_are_sent_and_honoured() {
    FAKE.put(FakeVisit.at(1, 1, visitor(1), T0 - 10), FakeVisit.at(1, 2, visitor(2), T0 + 10));
    List<Visit> got = new ArrayList<>();

    try (MatomoClient client = client(10)) {
      client.fetch(VisitQuery.builder().sites(Sites.of(1)).minTimestamp(T0)
          .since(LocalDate.of(2023, 11, 1)).until(LocalDate.of(2023, 11, 30)).build(), got::add);
    }

    assertThat(keys(got)).containsExactly(VisitKey.of(1, 2));
    assertThat(FAKE.liveRequests().get(0).form())
        .containsEntry("minTimestamp", Long.toString(T0))
        .containsEntry("period", "range")
        .containsEntry("date", "2023-11-01,2023-11-30");
  }

  @Test
  void an_open_window_ends_today() {
    FAKE.put(FakeVisit.at(1, 1, visitor(1), T0));

    try (MatomoClient client = client(10)) {
      client.fetch(VisitQuery.builder().sites(Sites.of(1)).since(LocalDate.of(2023, 1, 1)).build(), v -> {});
    }

    assertThat(FAKE.liveRequests().get(0).form()).containsEntry("date", "2023-01-01,today");
  }

  @Test
  void identities_are_or_ed_and_a_long_list_is_split_without_handing_a_visit_twice() {
    List<String> visitorIds = IntStream.range(0, 600).mapToObj(i -> visitor(10_000 + i)).collect(Collectors.toList());
    List<FakeVisit> table = new ArrayList<>();
    for (int i = 0; i < 600; i += 50) {
      table.add(FakeVisit.at(1, 1 + i, visitorIds.get(i), T0 + i).withUserId("contact-" + i));
    }
    table.add(FakeVisit.at(1, 9999, visitor(1), T0 + 5));
    FAKE.putAll(table);
    VisitQuery query = VisitQuery.builder().sites(Sites.of(1))
        .addAllVisitorIds(visitorIds)
        .addUserIds("contact-0", "contact-550", "nobody,userId==contact-100")
        .build();
    List<Visit> got = new ArrayList<>();

    FetchSummary summary;
    try (MatomoClient client = client(100)) {
      summary = client.fetch(query, got::add);
    }

    assertThat(keys(got)).containsExactlyInAnyOrderElementsOf(
        table.stream().filter(v -> v.visitId() != 9999).map(FakeVisit::key).collect(Collectors.toList()));
    assertThat(summary.duplicates()).as("contact-0 and contact-550 matched in two segment chunks").isEqualTo(2);
    List<String> segmentParams = FAKE.liveRequests().stream().map(r -> r.form().get("segment")).collect(Collectors.toList());
    assertThat(segmentParams).hasSizeGreaterThan(1).doesNotHaveDuplicates()
        .allSatisfy(s -> assertThat(s.length()).isLessThanOrEqualTo(SegmentBuilder.DEFAULT_MAX_LENGTH));
    List<MatomoSegmentParser.Condition> all = segmentParams.stream()
        .flatMap(s -> SEGMENTS.parse(s).conditions().stream()).collect(Collectors.toList());
    assertThat(all).hasSize(603).contains(new MatomoSegmentParser.Condition("userId", "==", "nobody,userId==contact-100"));
  }

  @Test
  void each_site_is_paged_on_its_own_and_all_sites_are_looked_up_first() {
    FAKE.put(FakeVisit.at(1, 1, visitor(1), T0 + 5), FakeVisit.at(2, 2, visitor(2), T0 + 1),
        FakeVisit.at(2, 3, visitor(3), T0 + 9));
    List<Visit> got = new ArrayList<>();

    try (MatomoClient client = client(10)) {
      client.fetch(VisitQuery.builder().sites(Sites.all()).build(), got::add);
    }

    assertThat(keys(got)).containsExactly(VisitKey.of(1, 1), VisitKey.of(2, 2), VisitKey.of(2, 3));
    assertThat(FAKE.requests()).extracting(FakeMatomo.Received::method).containsExactly(
        "SitesManager.getSitesIdWithAtLeastViewAccess", "Live.getLastVisitsDetails", "Live.getLastVisitsDetails");
    assertThat(FAKE.liveRequests()).extracting(r -> r.form().get("idSite")).containsExactly("1", "2");
  }

  @Test
  void with_hashed_user_ids_the_indexed_visitor_id_is_queried_and_other_users_with_the_same_hash_are_dropped() {
    String aliceHash = SegmentBuilder.hashUserId("alice");
    FAKE.put(FakeVisit.at(1, 1, aliceHash, T0 + 1).withUserId("alice"),
        FakeVisit.at(1, 2, aliceHash, T0 + 2).withUserId("mallory"),
        FakeVisit.at(1, 3, visitor(3), T0 + 3).withUserId("alice"));
    List<Visit> got = new ArrayList<>();

    FetchSummary summary;
    try (MatomoClient client = MatomoClient.create(
        TestSupport.config(wm, clock, sleeper).hashUserIds(true).build())) {
      summary = client.fetch(VisitQuery.builder().sites(Sites.of(1)).addUserIds("alice").build(), got::add);
    }

    assertThat(keys(got)).containsExactly(VisitKey.of(1, 1));
    assertThat(summary.filteredOut()).isEqualTo(1);
    assertThat(SEGMENTS.parse(FAKE.liveRequests().get(0).form().get("segment")).conditions())
        .containsExactly(new MatomoSegmentParser.Condition("visitorId", "==", aliceHash));
  }

  @Test
  void look_alike_userIds_that_a_case_and_accent_insensitive_database_returns_are_dropped_and_counted() {
    // MySQL's default *_general_ci collation makes Matomo's user_id = 'jose' match these too.
    FAKE.userIdCollation(UserIdCollation.MYSQL_GENERAL_CI).put(
        FakeVisit.at(1, 1, visitor(1), T0 + 1).withUserId("Jos\u00E9"),
        FakeVisit.at(1, 2, visitor(2), T0 + 2).withUserId("jose"),
        FakeVisit.at(1, 3, visitor(3), T0 + 3).withUserId("JOSE "));
    List<Visit> got = new ArrayList<>();

    FetchSummary summary;
    try (MatomoClient client = client(500)) {
      summary = client.fetch(VisitQuery.builder().sites(Sites.of(1)).addUserIds("jose").build(), got::add);
    }

    assertThat(summary.visits() + summary.filteredOut()).as("the server returned all three").isEqualTo(3);
    assertThat(keys(got)).containsExactly(VisitKey.of(1, 2));
    assertThat(summary.filteredOut()).isEqualTo(2);
  }

  @Test
  void do_not_fetch_actions_is_passed_on_and_numbers_sent_as_strings_are_read() {
    FAKE.numbersAsStrings(true).put(new FakeVisit(1, 7, visitor(7), null, T0, T0 + 60, 3));
    List<Visit> got = new ArrayList<>();
    List<Visit> withoutActions = new ArrayList<>();

    try (MatomoClient client = client(10)) {
      client.fetch(VisitQuery.builder().sites(Sites.of(1)).build(), got::add);
      client.fetch(VisitQuery.builder().sites(Sites.of(1)).doNotFetchActions(true).build(), withoutActions::add);
    }

    assertThat(got).singleElement().satisfies(v -> {
      assertThat(v.key()).isEqualTo(VisitKey.of(1, 7));
      assertThat(v.actions()).hasSize(3);
    });
    assertThat(withoutActions).singleElement().satisfies(v -> assertThat(v.actions()).isEmpty());
    assertThat(FAKE.liveRequests()).extracting(r -> r.form().get("doNotFetchActions")).containsExactly("0", "1");
  }

  @Test
  void the_stream_is_lazy_and_closing_it_early_frees_its_slot() {
    FAKE.putAll(IntStream.rangeClosed(1, 50).mapToObj(i -> FakeVisit.at(1, i, visitor(i), T0 + i)).collect(Collectors.toList()));
    VisitQuery query = VisitQuery.builder().sites(Sites.of(1)).build();

    try (MatomoClient client = MatomoClient.create(
        TestSupport.config(wm, clock, sleeper).pageSize(20).maxConcurrentRequests(1).build())) {
      Stream<Visit> lazy = client.visits(query);
      assertThat(FAKE.requests()).as("nothing sent before the stream is consumed").isEmpty();
      lazy.close();

      for (int round = 0; round < 3; round++) {
        try (Stream<Visit> visits = client.visits(query)) {
          assertThat(visits.limit(3).map(Visit::visitId)).containsExactly(1L, 2L, 3L);
        }
      }
      try (Stream<Visit> visits = client.visits(query)) {
        assertThat(visits.count()).isEqualTo(50);
      }
    }
  }
}
