package io.github.matomotracking.examples.jdbc;

import io.github.matomotracking.lookups.DefaultLookups;
import io.github.matomotracking.lookups.LookupTables;
import io.github.matomotracking.sync.SyncEngineContract;
import io.github.matomotracking.sync.SyncPorts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * The engine contract over the JDBC ports on in-memory H2 databases (one per set of ports),
 * seeded with the default lookups (only France of the countries, which is all the story needs).
 */
class JdbcSyncEngineTest extends SyncEngineContract {

  /** The default lookups, of the countries only France and its regions (a faster seed). */
  private static final LookupTables SEED = frenchDefaults();

  private static LookupTables frenchDefaults() {
    LookupTables all = DefaultLookups.tables();
    return LookupTables.builder().from(all)
        .countries(all.countries().stream().filter(c -> c.id().equals(DefaultLookups.countryId("fr"))).toList())
        .regions(all.regions().stream()
            .filter(r -> r.countryId().equals(DefaultLookups.countryId("fr"))).toList())
        .cities(List.of())
        .build();
  }

  private final List<H2Database> databases = new ArrayList<>();

  @Override
  protected SyncPorts newPorts() {
    H2Database database = H2Database.inMemory();
    databases.add(database);
    JdbcSessionSink sessions = new JdbcSessionSink(database.source());
    return new SyncPorts(sessions, sessions, new JdbcSyncStateStore(database.source()),
        new JdbcLookupRepository(database.source(), SEED));
  }

  @AfterEach
  void closeDatabases() {
    databases.forEach(H2Database::close);
    databases.clear();
  }
}
