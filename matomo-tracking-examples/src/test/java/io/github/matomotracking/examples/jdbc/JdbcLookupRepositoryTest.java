package io.github.matomotracking.examples.jdbc;

import io.github.matomotracking.lookups.IndexedLookupSnapshot;
import io.github.matomotracking.lookups.LookupTables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.matomotracking.mapping.LookupSnapshot;
import io.github.matomotracking.model.ActionType;
import io.github.matomotracking.model.LeadChannel;
import io.github.matomotracking.model.LeadSource;
import io.github.matomotracking.model.LookupAddition;
import io.github.matomotracking.model.LookupKind;
import io.github.matomotracking.model.ReferrerType;
import io.github.matomotracking.model.WebPage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Seeding, snapshots and idempotent additions of the JDBC lookups. */
class JdbcLookupRepositoryTest {

  private static final LookupTables SEED = LookupTables.builder()
      .addLeadChannels(LeadChannel.of("ch-social", "Web: social"),
          LeadChannel.of("ch-ref", "Web: referrers"))
      .addLeadSources(LeadSource.of("src-fb", "Facebook", "ch-social"),
          LeadSource.of("src-other", "Other source", "ch-ref"))
      .addReferrerTypes(ReferrerType.of("rt-social", "Social", "Social Networks"))
      .addActionTypes(ActionType.of("at-action", "action", "Following a link"))
      .build();

  private final H2Database database = H2Database.inMemory();

  @AfterEach
  void closeDatabase() {
    database.close();
  }

  private static LookupAddition referrerType(String id, String code) {
    return LookupAddition.builder().kind(LookupKind.REFERRER_TYPE).id(id).name(code).code(code)
        .build();
  }

  private static LookupAddition page(String id, String name, String url) {
    return LookupAddition.builder().kind(LookupKind.WEB_PAGE).id(id).name(name).url(url).build();
  }

  @Test
  void concurrentAppliesOfTheSameAdditionsAllSucceedAndStoreEachEntryOnce() throws Exception {
    JdbcLookupRepository first = new JdbcLookupRepository(database.source(), SEED);
    JdbcLookupRepository second = new JdbcLookupRepository(database.source(), SEED);
    first.tables();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 40; round++) {
        List<LookupAddition> additions = List.of(page("p-" + round, "Page " + round,
            "https://example.com/" + round), referrerType("rt-" + round, "code-" + round));
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.Future<?> a = pool.submit(() -> {
          start.await();
          first.apply(additions);
          return null;
        });
        java.util.concurrent.Future<?> b = pool.submit(() -> {
          start.await();
          second.apply(additions);
          return null;
        });
        a.get();
        b.get();
      }
    } finally {
      pool.shutdownNow();
    }

    LookupTables tables = first.tables();
    assertThat(tables.webPages()).hasSize(40);
    assertThat(tables.referrerTypes()).hasSize(41);
  }

  @Test
  void emptyTablesAreFilledWithTheSeedOnFirstUse() {
    JdbcLookupRepository repository = new JdbcLookupRepository(database.source(), SEED);

    LookupTables tables = repository.tables();
    assertThat(tables.leadChannels()).containsExactlyInAnyOrderElementsOf(SEED.leadChannels());
    assertThat(tables.leadSources()).containsExactlyInAnyOrderElementsOf(SEED.leadSources());
    assertThat(tables.referrerTypes()).containsExactlyInAnyOrderElementsOf(SEED.referrerTypes());
    assertThat(tables.actionTypes()).containsExactlyInAnyOrderElementsOf(SEED.actionTypes());
    assertThat(tables.countries()).isEmpty();
    assertThat(repository.snapshot().leadSourceByName("other SOURCE"))
        .contains(LeadSource.of("src-other", "Other source", "ch-ref"));
  }

  @Test
  void aTableThatHasEntriesIsNotSeededAgainButAnEmptyOneIs() {
    new JdbcLookupRepository(database.source(), LookupTables.builder()
        .addLeadChannels(LeadChannel.of("ch-own", "Our own channel")).build()).tables();

    LookupTables tables = new JdbcLookupRepository(database.source(), SEED).tables();

    assertThat(tables.leadChannels()).containsExactly(LeadChannel.of("ch-own", "Our own channel"));
    assertThat(tables.leadSources()).containsExactlyInAnyOrderElementsOf(SEED.leadSources());
  }

  @Test
  void anAdditionIsStoredOnceAndAppearsInTheNextSnapshot() {
    JdbcLookupRepository repository = new JdbcLookupRepository(database.source(), SEED);
    LookupSnapshot before = repository.snapshot();
    LookupAddition ai = referrerType("rt-ai", "ai_assistant");
    LookupAddition home = page("page-home", "Home", "https://www.example.com/");

    repository.apply(List.of(ai, home));
    repository.apply(List.of(home, ai));

    assertThat(before.referrerTypeByCode("ai_assistant")).isEmpty();
    assertThat(repository.snapshot().referrerTypeByCode("AI_ASSISTANT"))
        .contains(ReferrerType.of("rt-ai", "ai_assistant", "ai_assistant"));
    assertThat(repository.snapshot().webPage("Home", "https://www.example.com/"))
        .contains(WebPage.of("page-home", "Home", "https://www.example.com/"));
    assertThat(repository.tables().referrerTypes()).hasSize(2);
    assertThat(repository.tables().webPages()).hasSize(1);
  }

  @Test
  void anAdditionWhoseKeyExistsUnderAnotherIdOrCaseIsNotAdded() {
    JdbcLookupRepository repository = new JdbcLookupRepository(database.source(), SEED);

    repository.apply(List.of(referrerType("rt-other-id", "social"),
        page("page-1", "Home", "https://www.example.com/"),
        page("page-2", "Home", "https://www.example.com/"),
        page("page-3", "home", "https://www.example.com/")));

    assertThat(repository.tables().referrerTypes())
        .containsExactly(ReferrerType.of("rt-social", "Social", "Social Networks"));
    assertThat(repository.tables().webPages()).extracting(WebPage::id)
        .containsExactlyInAnyOrder("page-1", "page-3");
  }

  @Test
  void anAdditionWithoutItsKeyIsRefusedAndNothingOfTheCallIsAdded() {
    JdbcLookupRepository repository = new JdbcLookupRepository(database.source(), SEED);
    LookupAddition noCode = LookupAddition.builder().kind(LookupKind.ACTION_TYPE).id("at-x")
        .name("x").build();

    assertThatThrownBy(() -> repository.apply(List.of(referrerType("rt-ai", "ai"), noCode)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lookup addition at-x (action-type) has no code");
    assertThat(repository.tables().referrerTypes()).hasSize(1);
  }

  @Test
  void additionsAreOneTransaction() {
    JdbcLookupRepository repository = new JdbcLookupRepository(database.source(), SEED);
    LookupAddition tooLong = page("page-long", "n".repeat(3000), "https://www.example.com/");

    assertThatThrownBy(() -> repository.apply(List.of(referrerType("rt-ai", "ai"), tooLong)))
        .isInstanceOf(JdbcStoreException.class)
        .hasMessageStartingWith("JDBC apply of 2 lookup additions failed");
    assertThat(repository.tables().referrerTypes()).hasSize(1);
    assertThat(repository.snapshot().referrerTypeByCode("ai")).isEmpty();
  }

  @Test
  void theSnapshotIsKeptUntilRefreshed() throws Exception {
    AtomicInteger built = new AtomicInteger();
    JdbcLookupRepository repository = new JdbcLookupRepository(database.source(), SEED,
        tables -> {
          built.incrementAndGet();
          return IndexedLookupSnapshot.of(tables);
        });
    LookupSnapshot first = repository.snapshot();
    try (Connection connection = database.source().open();
        PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO mt_lead_channel (id, name) VALUES ('ch-mail', 'Email')")) {
      insert.executeUpdate();
    }

    assertThat(repository.snapshot()).isSameAs(first);
    assertThat(first.leadChannelByName("Email")).isEmpty();
    repository.refresh();
    assertThat(repository.snapshot().leadChannelByName("email")).isPresent();
    assertThat(built).hasValue(2);
  }

  private JdbcLookupRepository countingBuilds(AtomicInteger built) {
    return new JdbcLookupRepository(database.source(), SEED, tables -> {
      built.incrementAndGet();
      return IndexedLookupSnapshot.of(tables);
    });
  }

  @Test
  void additionsAppliedThroughTheRepositoryExtendTheKeptSnapshotWithoutReadingTheTablesAgain() {
    AtomicInteger built = new AtomicInteger();
    JdbcLookupRepository repository = countingBuilds(built);
    repository.snapshot();

    repository.apply(List.of(referrerType("rt-ai", "ai_assistant"),
        page("page-home", "Home", "https://www.example.com/"),
        referrerType("rt-other-id", "SOCIAL")));
    LookupSnapshot after = repository.snapshot();

    assertThat(built).as("snapshots built from a read of the tables").hasValue(1);
    assertThat(after.referrerTypeByCode("ai_assistant")).map(ReferrerType::id).contains("rt-ai");
    assertThat(after.webPage("Home", "https://www.example.com/")).map(WebPage::id)
        .contains("page-home");
    assertThat(after.referrerTypeByCode("social")).map(ReferrerType::id).contains("rt-social");
    assertThat(repository.tables().webPages()).extracting(WebPage::id)
        .containsExactly("page-home");
  }

  @Test
  void anAdditionSomebodyElseStoredUnderAnotherIdMakesTheNextSnapshotReadTheTables() throws Exception {
    AtomicInteger built = new AtomicInteger();
    JdbcLookupRepository repository = countingBuilds(built);
    repository.snapshot();
    try (Connection connection = database.source().open();
        PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO mt_web_page (id, name, url) VALUES ('host-home', 'Home', 'https://www.example.com/')")) {
      insert.executeUpdate();
    }

    repository.apply(List.of(page("page-home", "Home", "https://www.example.com/")));

    assertThat(repository.snapshot().webPage("Home", "https://www.example.com/"))
        .as("the id the table holds, not the addition's").map(WebPage::id).contains("host-home");
    assertThat(built).hasValue(2);
  }
}
