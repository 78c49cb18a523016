package io.github.matomotracking.examples.jdbc;

import io.github.matomotracking.port.SyncStateStore;
import io.github.matomotracking.port.SyncStateStoreContract;
import org.junit.jupiter.api.AfterEach;

/** The sync state store contract on H2. */
class JdbcSyncStateStoreTest extends SyncStateStoreContract {

  private final H2Database database = H2Database.inMemory();

  @AfterEach
  void closeDatabase() {
    database.close();
  }

  @Override
  protected SyncStateStore newStore() {
    return new JdbcSyncStateStore(database.source());
  }
}
