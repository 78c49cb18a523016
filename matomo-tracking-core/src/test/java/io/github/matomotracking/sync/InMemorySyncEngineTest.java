package io.github.matomotracking.sync;

import io.github.matomotracking.port.InMemorySessionSink;
import io.github.matomotracking.port.InMemorySyncStateStore;

/** The engine contract over the in-memory ports. */
class InMemorySyncEngineTest extends SyncEngineContract {

  @Override
  protected SyncPorts newPorts() {
    InMemorySessionSink sessions = new InMemorySessionSink();
    return new SyncPorts(sessions, sessions, new InMemorySyncStateStore(),
        new TestLookupRepository());
  }
}
