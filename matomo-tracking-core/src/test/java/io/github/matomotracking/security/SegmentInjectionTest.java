package io.github.matomotracking.security;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.matomotracking.client.FetchSummary;
import io.github.matomotracking.client.MatomoClient;
import io.github.matomotracking.client.MatomoClientConfig;
import io.github.matomotracking.client.MatomoToken;
import io.github.matomotracking.client.RetryPolicy;
import io.github.matomotracking.client.Segment;
import io.github.matomotracking.client.SegmentBuilder;
import io.github.matomotracking.client.Sites;
import io.github.matomotracking.client.VisitQuery;
import io.github.matomotracking.client.fake.FakeMatomo;
import io.github.matomotracking.client.fake.MatomoSegmentParser;
import io.github.matomotracking.client.fake.MatomoSegmentParser.Condition;
import io.github.matomotracking.client.fake.UserIdCollation;
import io.github.matomotracking.model.Visit;
import io.github.matomotracking.model.VisitKey;
import io.github.matomotracking.security.InjectionCorpus.Encoding;
import io.github.matomotracking.security.InjectionCorpus.Position;
import io.github.matomotracking.security.InjectionCorpus.UserIdClass;
import io.github.matomotracking.testing.TestTokens;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Segment injection through the client's public API, judged by a Matomo that evaluates segments:
 * {@link FakeMatomo} holds visits of many visitors and users and filters them by the segment it
 * received, parsed as Matomo 5 parses it (form decoding, the decoded-versus-raw double reading,
 * per-condition URL decoding, the 8192-byte cut). For every hostile value, in every encoding and
 * at every place in the OR list, two things must hold: the server applied exactly the conditions
 * asked for (one {@code ==} per identity, nothing else), and the client handed over exactly the
 * visits whose userId or visitorId equals one of the values asked for, as computed from the
 * fake's table, never another visitor's.
 */
class SegmentInjectionTest {

  private static final String TOKEN = TestTokens.hex();
  private static final FakeMatomo FAKE = FakeMatomo.withToken(TOKEN);
  private static final MatomoSegmentParser MATOMO = new MatomoSegmentParser(Set.of("visitorId", "userId", "visitId"));
  private static final AttackTable TABLE = new AttackTable();
  private static final String BENIGN_VISITOR = "c3c3c3c3c3c3c3c3";
  private static final List<String> BENIGN_USERS = List.of("alice", "bob");
  private static final List<String> FILLERS = new ArrayList<>();
  private static final List<String> PADS = new ArrayList<>();
  private static final Map<String, AtomicInteger> COUNTS = new ConcurrentHashMap<>();

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").disableRequestJournal().extensions(FAKE))
      .build();

  @BeforeAll
  static void aTableOfVictimsAndLookAlikes() {
    TABLE.anonymous(BENIGN_VISITOR);
    InjectionCorpus.acceptedVisitorIds().forEach(TABLE::anonymous);
    for (String id : InjectionCorpus.acceptedVisitorIds()) {
      String lower = id.toLowerCase(Locale.ROOT);
      TABLE.anonymous(lower.substring(0, 15) + (lower.charAt(15) == '0' ? '1' : '0'));
    }
    TABLE.user(InjectionCorpus.VICTIM_USER);
    BENIGN_USERS.forEach(TABLE::userWithNeighbours);
    TABLE.emptyUserId("d4d4d4d4d4d4d4d4");
    for (UserIdClass kind : UserIdClass.values()) {
      InjectionCorpus.userIdValues(kind).forEach(TABLE::userWithNeighbours);
    }
    for (int i = 0; i < 120; i++) {
      String filler = String.format("filler%03d", i) + "f".repeat(141);
      FILLERS.add(filler);
      TABLE.user(filler);
    }
    for (int length = 1; length <= 160; length++) {
      String pad = "pad" + "p".repeat(length);
      PADS.add(pad);
      TABLE.user(pad);
    }
  }

  @BeforeEach
  void fakeMatomoHoldsTheTable() {
    FAKE.reset().site(AttackTable.SITE, "UTC").putAll(TABLE.visits());
    wm.stubFor(FakeMatomo.stub());
  }

  @AfterAll
  static void printCounts() {
    StringBuilder out = new StringBuilder("Segment injection variants tried:\n");
    int total = 0;
    for (Map.Entry<String, AtomicInteger> entry : new TreeMap<>(COUNTS).entrySet()) {
      out.append(String.format("  %-60s %6d%n", entry.getKey(), entry.getValue().get()));
      total += entry.getValue().get();
    }
    out.append(String.format("  %-60s %6d%n", "total", total));
    System.out.print(out);
  }

  private static void count(String what) {
    COUNTS.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
  }

  private MatomoClient client(boolean hashUserIds) {
    return MatomoClient.create(MatomoClientConfig.builder()
        .baseUrl(URI.create("http://127.0.0.1:" + wm.getPort() + "/"))
        .allowInsecureHttp(true)
        .token(MatomoToken.of(TOKEN))
        .hashUserIds(hashUserIds)
        .retryPolicy(RetryPolicy.none())
        .build());
  }

  // ------------------------------------------------------------------------------ userIds

  @ParameterizedTest(name = "{0}: in every encoding, alone, first, middle or last in the OR list")
  @EnumSource(UserIdClass.class)
  void a_hostile_userId_returns_only_visits_of_exactly_that_userId(UserIdClass kind) {
    List<String> failures = new ArrayList<>();
    try (MatomoClient client = client(false)) {
      for (String value : InjectionCorpus.userIdValues(kind)) {
        for (Position position : Position.values()) {
          check(client, false, placed(value, position), failures, value, position.name());
          count("userId " + kind.name() + " x encoding x position");
        }
      }
    }
    assertThat(failures).as(kind.description()).isEmpty();
  }

  @ParameterizedTest(name = "{0}: against a case- and accent-insensitive userId column")
  @EnumSource(UserIdClass.class)
  void a_server_that_compares_userIds_loosely_still_yields_only_exact_matches(UserIdClass kind) {
    FAKE.userIdCollation(UserIdCollation.MYSQL_GENERAL_CI);
    List<String> failures = new ArrayList<>();
    try (MatomoClient client = client(false)) {
      for (String value : InjectionCorpus.userIdValues(kind)) {
        for (Position position : List.of(Position.ALONE)) {
          check(client, false, placed(value, position), failures, value, "general_ci " + position);
          count("userId " + kind.name() + " x encoding, general_ci");
        }
      }
    }
    assertThat(failures).as(kind.description()).isEmpty();
  }

  @ParameterizedTest(name = "{0}: queried through the hashed visitorId")
  @EnumSource(UserIdClass.class)
  void a_hostile_userId_queried_by_its_hash_returns_only_visits_of_exactly_that_userId(UserIdClass kind) {
    List<String> failures = new ArrayList<>();
    try (MatomoClient client = client(true)) {
      for (String value : InjectionCorpus.userIdValues(kind)) {
        for (Position position : List.of(Position.ALONE)) {
          check(client, true, placed(value, position), failures, value, "hashed " + position);
          count("userId " + kind.name() + " x encoding, hashed");
        }
      }
    }
    assertThat(failures).as(kind.description()).isEmpty();
  }

  @ParameterizedTest(name = "{0}: as the last condition of one request and the first of the next")
  @EnumSource(UserIdClass.class)
  void a_hostile_userId_where_a_long_list_is_split_stays_one_exact_condition(UserIdClass kind) {
    List<String> failures = new ArrayList<>();
    try (MatomoClient client = client(false)) {
      for (String payload : kind.payloads()) {
        for (Encoding encoding : List.of(Encoding.RAW, Encoding.TRIPLE)) {
          String value = encoding.apply(payload);
          if (!InjectionCorpus.usable(value)) {
            continue;
          }
          for (boolean lastOfFirst : new boolean[] {true, false}) {
            List<String> userIds = aroundTheSplit(value, lastOfFirst);
            String where = lastOfFirst ? "last of the first request" : "first of the second request";
            check(client, false, new Placed(List.of(), userIds), failures, value, where);
            String boundary = boundaryCondition(lastOfFirst);
            if (!boundary.equals(value)) {
              failures.add(show(value) + " was not " + where + " (found " + show(boundary) + ")");
            }
            count("userId " + kind.name() + " at the split boundary (raw, triple)");
          }
        }
      }
    }
    assertThat(failures).as(kind.description()).isEmpty();
  }

  @Test
  void a_userId_that_is_empty_blank_or_too_long_is_refused_before_any_request() {
    Map<String, String> all = new LinkedHashMap<>(InjectionCorpus.refusedUserIds());
    for (UserIdClass kind : UserIdClass.values()) {
      InjectionCorpus.refusedForms(kind).forEach(value -> all.putIfAbsent(value, kind.name() + " " + show(value)));
    }
    List<String> failures = new ArrayList<>();
    try (MatomoClient client = client(false)) {
      for (Map.Entry<String, String> refused : all.entrySet()) {
        for (Position position : Position.values()) {
          Placed placed = placed(refused.getKey(), position);
          FAKE.forgetRequests();
          assertThatThrownBy(() -> client.fetch(placed.query(), v -> {}))
              .as(refused.getValue()).isInstanceOf(IllegalArgumentException.class)
              .hasMessageContaining("userId");
          if (!FAKE.requests().isEmpty()) {
            failures.add(refused.getValue() + " reached the server");
          }
          count("userId refused (empty, blank, over 200) x position");
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  // ---------------------------------------------------------------------------- visitorIds

  @Test
  void a_well_formed_visitorId_in_any_case_returns_only_that_visitors_visits() {
    List<String> failures = new ArrayList<>();
    try (MatomoClient client = client(false)) {
      for (String id : InjectionCorpus.acceptedVisitorIds()) {
        List<Placed> placements = List.of(
            new Placed(List.of(id), List.of()),
            new Placed(List.of(id, BENIGN_VISITOR), List.of()),
            new Placed(List.of(BENIGN_VISITOR, id), BENIGN_USERS),
            new Placed(List.of(id), List.of(InjectionCorpus.VICTIM_USER + "," + id)));
        for (Placed placed : placements) {
          check(client, false, placed, failures, id, "with " + placed);
          count("visitorId accepted (16 hex, any case) x position");
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void a_visitorId_that_is_not_exactly_16_hex_characters_is_refused_before_any_request() {
    List<String> failures = new ArrayList<>();
    try (MatomoClient client = client(false)) {
      for (Map.Entry<String, String> refused : InjectionCorpus.refusedVisitorIds().entrySet()) {
        String bad = refused.getKey();
        for (List<String> visitorIds : List.of(List.of(bad), List.of(BENIGN_VISITOR, bad))) {
          FAKE.forgetRequests();
          try {
            client.fetch(VisitQuery.builder().sites(Sites.of(AttackTable.SITE)).addAllVisitorIds(visitorIds)
                .addAllUserIds(BENIGN_USERS).build(), v -> {});
            failures.add(refused.getValue() + ": accepted " + show(bad));
          } catch (IllegalArgumentException expected) {
            if (!expected.getMessage().contains("16 hexadecimal")) {
              failures.add(refused.getValue() + ": unclear message " + expected.getMessage());
            }
          }
          if (!FAKE.requests().isEmpty()) {
            failures.add(refused.getValue() + ": reached the server");
          }
          assertThatThrownBy(() -> SegmentBuilder.anyOf().visitorId(bad)).isInstanceOf(IllegalArgumentException.class);
          count("visitorId refused (not 16 hex) x position");
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  // ------------------------------------------------------------------------------ checking

  /** The identities of one query: the hostile value placed among benign ones. */
  record Placed(List<String> visitorIds, List<String> userIds) {

    VisitQuery query() {
      return VisitQuery.builder().sites(Sites.of(AttackTable.SITE))
          .addAllVisitorIds(visitorIds).addAllUserIds(userIds).build();
    }

    @Override
    public String toString() {
      return "visitorIds " + visitorIds + ", userIds " + userIds.stream().map(SegmentInjectionTest::show)
          .collect(Collectors.toList());
    }
  }

  private static Placed placed(String value, Position position) {
    switch (position) {
      case ALONE:
        return new Placed(List.of(), List.of(value));
      case FIRST:
        return new Placed(List.of(), List.of(value, BENIGN_USERS.get(0)));
      case MIDDLE:
        return new Placed(List.of(BENIGN_VISITOR), List.of(BENIGN_USERS.get(0), value, BENIGN_USERS.get(1)));
      default:
        return new Placed(List.of(BENIGN_VISITOR), List.of(BENIGN_USERS.get(0), BENIGN_USERS.get(1), value));
    }
  }

  /** Runs the query and records what went wrong, if anything. */
  private static void check(MatomoClient client, boolean hashed, Placed placed, List<String> failures, String value,
      String where) {
    String label = show(value) + " (" + where + ")";
    FAKE.forgetRequests();
    List<Visit> got = new ArrayList<>();
    FetchSummary summary;
    try {
      summary = client.fetch(placed.query(), got::add);
    } catch (RuntimeException e) {
      failures.add(label + ": failed with " + e);
      return;
    }
    Set<VisitKey> expected = TABLE.expected(placed.visitorIds(), placed.userIds());
    Set<VisitKey> keys = got.stream().map(Visit::key).collect(Collectors.toCollection(TreeSet::new));
    if (keys.size() != got.size()) {
      failures.add(label + ": a visit was handed over twice");
    }
    if (!keys.equals(expected)) {
      Set<VisitKey> extra = new TreeSet<>(keys);
      extra.removeAll(expected);
      Set<VisitKey> missing = new TreeSet<>(expected);
      missing.removeAll(keys);
      failures.add(label + ": other people's visits " + describe(extra) + ", missing " + missing);
    }
    if (expected.isEmpty()) {
      failures.add(label + ": the oracle expects nothing, so the check proves little");
    }
    Set<Condition> wanted = new LinkedHashSet<>();
    placed.visitorIds().forEach(id -> wanted.add(new Condition("visitorId", "==", id.toLowerCase(Locale.ROOT))));
    placed.userIds().forEach(id -> wanted.add(hashed
        ? new Condition("visitorId", "==", SegmentBuilder.hashUserId(id))
        : new Condition("userId", "==", id)));
    Set<Condition> applied = appliedConditions(label, failures);
    if (!applied.equals(wanted)) {
      Set<Condition> extra = new LinkedHashSet<>(applied);
      extra.removeAll(wanted);
      Set<Condition> missing = new LinkedHashSet<>(wanted);
      missing.removeAll(applied);
      failures.add(label + ": Matomo applied extra conditions " + extra + " and lacked " + missing);
    }
    if (summary.requests() != FAKE.liveRequests().size()) {
      failures.add(label + ": the summary counts " + summary.requests() + " requests, the server saw "
          + FAKE.liveRequests().size());
    }
  }

  /** The identity conditions the server applied over the query's requests, checking their shape. */
  private static Set<Condition> appliedConditions(String label, List<String> failures) {
    Set<Condition> applied = new LinkedHashSet<>();
    for (FakeMatomo.Received request : FAKE.liveRequests()) {
      MatomoSegmentParser.Parsed parsed = MATOMO.parse(request.form().get("segment"));
      List<List<Condition>> clauses = parsed.clauses();
      if (clauses.isEmpty() || clauses.size() > 2) {
        failures.add(label + ": " + clauses.size() + " AND clauses");
        continue;
      }
      if (clauses.size() == 2 && !(clauses.get(1).size() == 1 && clauses.get(1).get(0).name().equals("visitId"))) {
        failures.add(label + ": an AND clause that is not the paging condition: " + clauses.get(1));
      }
      for (Condition condition : clauses.get(0)) {
        if (!condition.operator().equals("==")) {
          failures.add(label + ": operator " + condition.operator() + " in " + condition);
        }
        applied.add(condition);
      }
    }
    return applied;
  }

  /**
   * Fillers, a pad filler whose length tunes the room left, the value, and two more fillers, so
   * that the value is the last condition of the first segment or the first of the second. The
   * lengths are computed from the builder's budget, then confirmed by building the segments (and
   * the test confirms again from what the server received).
   */
  private static List<String> aroundTheSplit(String value, boolean lastOfFirst) {
    int budget = SegmentBuilder.DEFAULT_MAX_LENGTH - (";visitId>".length() + 19);
    int filler = conditionLength(FILLERS.get(0));
    int valueLength = conditionLength(value);
    for (int k = budget / (filler + 1); k > 0; k--) {
      int used = k * filler + (k - 1);
      int padCondition = lastOfFirst ? budget - used - 2 - valueLength : budget - used - 1;
      for (int delta = 0; delta <= 4; delta++) {
        int padIndex = padCondition - delta - conditionLength(PADS.get(0));
        if (padIndex < 0 || padIndex >= PADS.size()) {
          continue;
        }
        List<String> userIds = new ArrayList<>(FILLERS.subList(0, k));
        userIds.add(PADS.get(padIndex));
        userIds.add(value);
        userIds.addAll(FILLERS.subList(k, k + 2));
        SegmentBuilder builder = SegmentBuilder.anyOf();
        userIds.forEach(builder::userId);
        List<Segment> segments = builder.build();
        if (segments.size() == 2 && segments.get(0).conditionCount() == (lastOfFirst ? k + 2 : k + 1)) {
          return userIds;
        }
      }
    }
    throw new IllegalStateException("no filler count places " + show(value));
  }

  private static int conditionLength(String userId) {
    return "userId==".length() + SegmentBuilder.encodeValue(userId).length();
  }

  /** The userId of the last condition of the first request, or of the first of the second. */
  private static String boundaryCondition(boolean lastOfFirst) {
    List<String> segments = FAKE.liveRequests().stream().map(r -> r.form().get("segment")).distinct()
        .collect(Collectors.toList());
    if (segments.size() != 2) {
      return "(" + segments.size() + " segments)";
    }
    List<Condition> first = MATOMO.parse(segments.get(0)).clauses().get(0);
    List<Condition> second = MATOMO.parse(segments.get(1)).clauses().get(0);
    return lastOfFirst ? first.get(first.size() - 1).value() : second.get(0).value();
  }

  private static String describe(Collection<VisitKey> keys) {
    return keys.stream().limit(5).map(k -> {
      var visit = FAKE.visit(k.siteId(), k.visitId());
      return k.visitId() + "=" + (visit.userId() == null ? "visitor " + visit.visitorId() : show(visit.userId()));
    }).collect(Collectors.joining(", ", "[", keys.size() > 5 ? ", ...]" : "]"));
  }

  static String show(String value) {
    StringBuilder out = new StringBuilder("\"");
    value.codePoints().limit(40).forEach(c -> {
      if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c > 0x7E && !Character.isLetter(c)) {
        out.append(String.format("\\u%04X", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.append(value.codePointCount(0, value.length()) > 40 ? "...\"" : "\"").toString();
  }
}
