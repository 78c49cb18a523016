package io.github.matomotracking.sync;

import io.github.matomotracking.identify.ContactIdentifier;
import io.github.matomotracking.mapping.VisitMapper;
import io.github.matomotracking.port.LookupRepository;
import io.github.matomotracking.port.SessionSink;
import io.github.matomotracking.port.SessionStore;
import io.github.matomotracking.port.SyncStateStore;
import java.time.Clock;
import java.util.concurrent.locks.ReadWriteLock;

/** Everything an identity batch works with; shared by the engine's runs. */
record Ports(
    SyncConfig config,
    VisitSource source,
    SessionSink sink,
    SessionStore sessions,
    SyncStateStore state,
    LookupRepository lookups,
    ContactIdentifier identifier,
    VisitMapper mapper,
    ListenerGuard listener,
    Clock clock,
    IdentityGuard guard,
    ReadWriteLock identificationLock) {}
