package io.github.matomotracking.port;

/** The sync state store contract, in memory. */
class InMemorySyncStateStoreTest extends SyncStateStoreContract {

  @Override
  protected SyncStateStore newStore() {
    return new InMemorySyncStateStore();
  }
}
