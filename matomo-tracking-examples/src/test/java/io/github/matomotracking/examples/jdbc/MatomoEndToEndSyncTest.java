package io.github.matomotracking.examples.jdbc;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.matomotracking.client.MatomoClient;
import io.github.matomotracking.client.MatomoClientConfig;
import io.github.matomotracking.client.MatomoToken;
import io.github.matomotracking.client.RetryPolicy;
import io.github.matomotracking.client.fake.FakeMatomo;
import io.github.matomotracking.client.fake.FakeVisit;
import io.github.matomotracking.identify.EmailClick;
import io.github.matomotracking.identify.FormSubmission;
import io.github.matomotracking.identify.IdentityKey;
import io.github.matomotracking.lookups.DefaultLookups;
import io.github.matomotracking.lookups.LookupTables;
import io.github.matomotracking.model.VisitKey;
import io.github.matomotracking.port.StoredSession;
import io.github.matomotracking.sync.StoreExport;
import io.github.matomotracking.sync.SyncConfig;
import io.github.matomotracking.sync.SyncEngine;
import io.github.matomotracking.sync.SyncPorts;
import io.github.matomotracking.sync.SyncReport;
import io.github.matomotracking.sync.SyncStage;
import io.github.matomotracking.sync.VisitSource;
import io.github.matomotracking.testing.TestTokens;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every flow end to end: the real {@link MatomoClient} over HTTP against the fake Matomo, the
 * sync engine, and the JDBC ports on H2.
 */
class MatomoEndToEndSyncTest {

  private static final String TOKEN = TestTokens.hex();
  private static final String A = "a1a1a1a1a1a1a1a1";
  private static final String B = "b2b2b2b2b2b2b2b2";
  private static final String C4_BROWSER = "c4c4c4c4c4c4c4c4";
  private static final FakeMatomo FAKE = FakeMatomo.withToken(TOKEN);
  /** The defaults without countries and regions: the fake's visits have no geo, and it is fast. */
  private static final LookupTables SEED = LookupTables.builder().from(DefaultLookups.tables())
      .countries(List.of()).regions(List.of()).cities(List.of()).build();

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(FAKE))
      .build();

  private final List<H2Database> databases = new ArrayList<>();
  private final List<MatomoClient> clients = new ArrayList<>();

  private static long at(String instant) {
    return Instant.parse(instant).getEpochSecond();
  }

  private static FakeVisit visit(long id, String visitorId, String first, String last, int pages) {
    return new FakeVisit(1, id, visitorId, null, at(first), at(last), pages);
  }

  @BeforeEach
  void matomo() {
    FAKE.reset();
    wm.resetAll();
    wm.stubFor(FakeMatomo.stub());
    FAKE.site(1, "UTC");
    FAKE.put(
        visit(1, A, "2023-01-10T09:00:00Z", "2023-01-10T09:05:00Z", 2), // older than a year
        visit(2, A, "2024-03-01T09:00:00Z", "2024-03-01T09:10:00Z", 2),
        visit(3, A, "2024-04-20T10:00:00Z", "2024-04-20T10:10:00Z", 3),
        visit(4, B, "2024-04-21T08:00:00Z", "2024-04-21T08:02:00Z", 1),
        visit(5, C4_BROWSER, "2024-04-28T08:00:00Z", "2024-04-28T08:03:00Z", 2).withUserId("c4"));
  }

  @AfterEach
  void close() {
    clients.forEach(MatomoClient::close);
    databases.forEach(H2Database::close);
  }

  private SyncPorts ports() {
    H2Database database = H2Database.inMemory();
    databases.add(database);
    JdbcSessionSink sessions = new JdbcSessionSink(database.source());
    return new SyncPorts(sessions, sessions, new JdbcSyncStateStore(database.source()),
        new JdbcLookupRepository(database.source(), SEED));
  }

  private SyncEngine engine(SyncPorts ports, String now) {
    MatomoClient client = MatomoClient.create(MatomoClientConfig.builder()
        .baseUrl(URI.create(wm.baseUrl()))
        .token(MatomoToken.of(TOKEN))
        .allowInsecureHttp(true)
        .pageSize(2)
        .retryPolicy(RetryPolicy.defaults().withMaxAttempts(2))
        .sleeper(duration -> { })
        .build());
    clients.add(client);
    return SyncEngine.builder()
        .config(SyncConfig.builder().addSites(1).visitsPerWriteBatch(2).build())
        .source(VisitSource.of(client))
        .sink(ports.sink())
        .sessionStore(ports.sessions())
        .state(ports.state())
        .lookups(ports.lookups())
        .clock(Clock.fixed(Instant.parse(now), ZoneOffset.UTC))
        .build();
  }

  private static FormSubmission form(String visitorId, String contactId, String at) {
    return FormSubmission.builder().trackingUserId(visitorId).contactId(contactId)
        .submittedAt(Instant.parse(at)).build();
  }

  private static Map<Long, String> owners(SyncPorts ports) {
    Map<Long, String> owners = new TreeMap<>();
    ports.allSessions().forEach(s -> owners.put(s.key().visitId(), s.contactId()));
    return owners;
  }

  private static List<IdentityKey> identities() {
    return List.of(IdentityKey.visitorId(A), IdentityKey.visitorId(B),
        IdentityKey.visitorId(C4_BROWSER), IdentityKey.userId("c4"));
  }

  @Test
  void aFormSubmissionImportsTheVisitorsYearOfHistoryAtOnce() {
    SyncPorts ports = ports();

    SyncReport report = engine(ports, "2024-04-20T10:06:00Z")
        .onFormSubmission(form(A, "c1", "2024-04-20T10:05:00Z"));

    assertThat(report.succeeded()).as(report.failures().toString()).isTrue();
    assertThat(owners(ports)).containsExactlyEntriesOf(new TreeMap<>(Map.of(2L, "c1", 3L, "c1")));
    assertThat(report.requests()).as("pages of two visits").isGreaterThanOrEqualTo(2);
    StoredSession visit3 = ports.sessions().session(VisitKey.of(1, 3)).orElseThrow();
    assertThat(visit3.actions()).hasSize(3);
    assertThat(visit3.session().durationSeconds()).isEqualTo(600);
    assertThat(FAKE.liveRequests()).allSatisfy(request -> {
      assertThat(request.form()).containsEntry("segment", "visitorId==" + A);
      assertThat(request.url()).doesNotContain(TOKEN);
    });
  }

  @Test
  void anEmailClickCallsNoMatomoAndItsContactIsFoundByUserIdThenReadAgainFromItsCursor() {
    SyncPorts ports = ports();
    SyncEngine engine = engine(ports, "2024-04-29T02:30:00Z");

    assertThat(engine.onEmailClick(EmailClick.builder().contactId("c4")
        .clickedAt(Instant.parse("2024-04-28T07:59:00Z")).build())).isTrue();
    int before = FAKE.liveRequests().size();
    SyncReport first = engine.syncEmailClickContacts();
    SyncReport second = engine.syncEmailClickContacts();

    assertThat(before).isZero();
    assertThat(first.succeeded()).isTrue();
    assertThat(owners(ports)).containsExactlyEntriesOf(Map.of(5L, "c4"));
    assertThat(FAKE.liveRequests().get(0).form()).containsEntry("segment", "userId==c4");
    assertThat(second.identities()).as("c4 is read again while its click is recent").isEqualTo(1);
    assertThat(second.changedNothing()).isTrue();
    assertThat(Long.parseLong(FAKE.liveRequests().get(FAKE.liveRequests().size() - 1).form()
        .get("minTimestamp")))
        .as("from c4's cursor, not from the start of the window")
        .isGreaterThan(Long.parseLong(FAKE.liveRequests().get(0).form().get("minTimestamp")));
  }

  @Test
  void theRefreshFollowsAnOngoingVisitAndARerunChangesNothing() {
    SyncPorts ports = ports();
    engine(ports, "2024-04-21T08:03:00Z").onFormSubmission(form(B, "c2", "2024-04-21T08:01:00Z"));
    FAKE.put(FAKE.visit(1, 4).continuedAt(at("2024-04-21T08:20:00Z")),
        visit(6, B, "2024-04-23T12:00:00Z", "2024-04-23T12:01:00Z", 1));

    SyncReport refresh = engine(ports, "2024-04-24T02:00:00Z").refresh();
    SyncReport again = engine(ports, "2024-04-24T02:00:00Z").refresh();

    assertThat(refresh.sessionsUpdated()).isEqualTo(1);
    assertThat(refresh.sessionsInserted()).isEqualTo(1);
    assertThat(refresh.actionsInserted()).isEqualTo(2);
    StoredSession visit4 = ports.sessions().session(VisitKey.of(1, 4)).orElseThrow();
    assertThat(visit4.actions()).hasSize(2);
    assertThat(visit4.session().lastActionDate()).contains(Instant.parse("2024-04-21T08:20:00Z"));
    assertThat(again.changedNothing()).isTrue();
    assertThat(again.sessionsUnchanged()).isPositive();
    assertThat(FAKE.liveRequests().get(FAKE.liveRequests().size() - 1).form())
        .containsEntry("minTimestamp", Long.toString(at("2024-04-23T12:01:00Z") - 1));
  }

  @Test
  void matomoFailingInTheMiddleOfAnImportIsReportedAndTheNextRunConvergesRowForRow() {
    SyncPorts undisturbed = ports();
    play(undisturbed);
    SyncPorts disturbed = ports();
    AtomicInteger live = new AtomicInteger();
    FAKE.beforeLiveRequest(n -> {
      // A's import reads two pages: its second page fails with HTTP 500, and so does the retry.
      int request = live.incrementAndGet();
      if (request == 2 || request == 3) {
        throw new IllegalStateException("Matomo is down");
      }
    });

    List<SyncReport> reports = play(disturbed);
    SyncReport again = engine(disturbed, "2024-04-29T02:30:00Z").runScheduled();

    assertThat(reports.get(0).failures()).singleElement().satisfies(failure -> {
      assertThat(failure.stage()).isEqualTo(SyncStage.FETCH);
      assertThat(failure.identities()).containsExactly(IdentityKey.visitorId(A));
      assertThat(failure.contactIds()).containsExactly("c1");
      assertThat(failure.isMatomoFailure()).isTrue();
      assertThat(failure.retryable()).isTrue();
    });
    assertThat(reports.get(0).sessionsInserted()).as("the first page was stored").isEqualTo(2);
    assertThat(reports.subList(1, 3)).allSatisfy(r -> assertThat(r.succeeded()).isTrue());
    assertThat(again.changedNothing()).isTrue();
    assertThat(StoreExport.of(disturbed, identities()))
        .isEqualTo(StoreExport.of(undisturbed, identities()));
  }

  /** A form for A and B, a click of c4, then the daily run. */
  private List<SyncReport> play(SyncPorts ports) {
    List<SyncReport> reports = new ArrayList<>();
    reports.add(engine(ports, "2024-04-20T10:06:00Z")
        .onFormSubmission(form(A, "c1", "2024-04-20T10:05:00Z")));
    reports.add(engine(ports, "2024-04-21T08:03:00Z")
        .onFormSubmission(form(B, "c2", "2024-04-21T08:01:00Z")));
    SyncEngine daily = engine(ports, "2024-04-29T02:30:00Z");
    daily.onEmailClick(EmailClick.builder().contactId("c4")
        .clickedAt(Instant.parse("2024-04-28T07:59:00Z")).build());
    reports.add(daily.runScheduled());
    return reports;
  }
}
