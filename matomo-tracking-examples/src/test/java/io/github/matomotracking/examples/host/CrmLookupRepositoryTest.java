package io.github.matomotracking.examples.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.matomotracking.examples.jdbc.ConnectionSource;
import io.github.matomotracking.lookups.DefaultLookups;
import io.github.matomotracking.mapping.LookupSnapshot;
import io.github.matomotracking.model.LookupAddition;
import io.github.matomotracking.model.LookupKind;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The CRM's lookups: its own tables seeded once, the bundled geography, idempotent additions. */
class CrmLookupRepositoryTest {

  private final List<Connection> databases = new ArrayList<>();
  private final ConnectionSource database = CrmSessionSinkTest.database(databases);

  @AfterEach
  void close() throws SQLException {
    for (Connection connection : databases) {
      connection.close();
    }
  }

  private static LookupAddition page(String id, String name, String url) {
    return LookupAddition.builder().kind(LookupKind.WEB_PAGE).id(id).name(name).url(url).build();
  }

  private static LookupAddition actionType(String id, String code) {
    return LookupAddition.builder().kind(LookupKind.ACTION_TYPE).id(id).name(code).code(code)
        .build();
  }

  private List<String> tables() throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection c = database.open();
        ResultSet rows = c.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
      while (rows.next()) {
        names.add(rows.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
      }
    }
    return names;
  }

  @Test
  void theCrmsOwnTablesAreSeededOnceAndResolveLikeTheDefaults() throws SQLException {
    CrmLookupRepository lookups = new CrmLookupRepository(database);
    new CrmLookupRepository(database); // a second node: seeds nothing twice

    LookupSnapshot snapshot = lookups.snapshot();

    assertThat(tables()).allMatch(name -> name.startsWith("crm_"));
    assertThat(lookups.tables().leadSources())
        .hasSameSizeAs(DefaultLookups.tables().leadSources());
    assertThat(snapshot.sourceByDomain("facebook.com")).map(s -> s.name()).contains("Facebook");
    assertThat(snapshot.countryByCode("fr")).isPresent();
    assertThat(snapshot.regionByCode(DefaultLookups.countryId("us"), "CA")).isPresent();
  }

  @Test
  void additionsAreStoredOnceAndSeenByTheNextSnapshot() {
    CrmLookupRepository lookups = new CrmLookupRepository(database);
    LookupSnapshot before = lookups.snapshot();
    List<LookupAddition> additions = List.of(page("wp-1", "Pricing", "https://example.com/pricing"),
        actionType("at-x", "Custom-Code"));

    lookups.apply(additions);
    lookups.apply(additions);
    lookups.apply(List.of(actionType("at-other-id", "custom-code")));

    assertThat(before.webPage("Pricing", "https://example.com/pricing")).isEmpty();
    LookupSnapshot after = lookups.snapshot();
    assertThat(after.webPage("Pricing", "https://example.com/pricing")).map(p -> p.id())
        .contains("wp-1");
    assertThat(after.actionTypeByCode("custom-code")).map(t -> t.id()).contains("at-x");
    assertThat(lookups.tables().webPages()).hasSize(1);
  }

  @Test
  void anotherNodesAdditionsAreSeenAfterARefresh() {
    CrmLookupRepository one = new CrmLookupRepository(database);
    CrmLookupRepository two = new CrmLookupRepository(database);
    two.snapshot();

    one.apply(List.of(page("wp-2", "Blog", "https://example.com/blog")));

    assertThat(two.snapshot().webPage("Blog", "https://example.com/blog")).isEmpty();
    two.refresh();
    assertThat(two.snapshot().webPage("Blog", "https://example.com/blog")).isPresent();
  }
}
