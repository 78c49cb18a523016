package io.github.matomotracking.examples.host;

import io.github.matomotracking.examples.jdbc.ConnectionSource;
import io.github.matomotracking.examples.jdbc.JdbcSyncStateStore;
import io.github.matomotracking.lookups.DefaultLookups;
import io.github.matomotracking.lookups.LookupTables;
import io.github.matomotracking.sync.SyncEngineContract;
import io.github.matomotracking.sync.SyncPorts;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * The core's engine contract (the identification story, re-runs, batching, cancellation, and
 * faults injected at every port call followed by a converging restart) with the CRM's own
 * session tables and lookup tables, the sync state in the JDBC ports' tables of the same
 * database.
 */
class CrmSyncEngineTest extends SyncEngineContract {

  /** The defaults with only France of the countries: all the story needs, and a faster seed. */
  private static final LookupTables SEED = frenchDefaults();

  private static LookupTables frenchDefaults() {
    LookupTables all = DefaultLookups.tables();
    String france = DefaultLookups.countryId("fr");
    return LookupTables.builder().from(all)
        .countries(all.countries().stream().filter(c -> c.id().equals(france)).toList())
        .regions(all.regions().stream().filter(r -> r.countryId().equals(france)).toList())
        .cities(List.of())
        .build();
  }

  private final List<Connection> databases = new ArrayList<>();

  @Override
  protected SyncPorts newPorts() {
    ConnectionSource database = CrmSessionSinkTest.database(databases);
    CrmSessionSink sessions = new CrmSessionSink(database);
    return new SyncPorts(sessions, sessions, new JdbcSyncStateStore(database),
        new CrmLookupRepository(database, SEED));
  }

  @AfterEach
  void closeDatabases() throws SQLException {
    for (Connection connection : databases) {
      connection.close();
    }
    databases.clear();
  }
}
