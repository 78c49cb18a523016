package io.github.matomotracking.sync;

import io.github.matomotracking.identify.EmailClick;
import io.github.matomotracking.identify.Identification;
import io.github.matomotracking.identify.IdentityKey;
import io.github.matomotracking.mapping.LookupSnapshot;
import io.github.matomotracking.model.LookupAddition;
import io.github.matomotracking.model.VisitKey;
import io.github.matomotracking.port.LookupRepository;
import io.github.matomotracking.port.SessionSink;
import io.github.matomotracking.port.SessionStore;
import io.github.matomotracking.port.SessionWrite;
import io.github.matomotracking.port.SinkResult;
import io.github.matomotracking.port.StoredSession;
import io.github.matomotracking.port.SyncCursor;
import io.github.matomotracking.port.SyncStateStore;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The ports an engine test runs with, and wrappers that pass every call through a
 * {@link FaultInjector} (points {@code <port>.<method>} before a call and
 * {@code <port>.<method>.done} after it returned).
 *
 * @param sink where sessions go
 * @param sessions where they are read back
 * @param state the sync state
 * @param lookups the lookups
 */
public record SyncPorts(SessionSink sink, SessionStore sessions, SyncStateStore state,
    LookupRepository lookups) {

  /**
   * The same ports, each call passing the injector's points.
   *
   * @param faults the injector
   * @return the wrapped ports
   */
  public SyncPorts faulty(FaultInjector faults) {
    Sessions wrapped = new Sessions(faults, sink, sessions);
    return new SyncPorts(wrapped, wrapped, new State(faults, state), new Lookups(faults, lookups));
  }

  /**
   * Every stored session, in key order.
   *
   * @return the sessions with their actions
   */
  public List<StoredSession> allSessions() {
    List<StoredSession> all = new java.util.ArrayList<>();
    sessions.forEach(all::add);
    return all;
  }

  private static <T> T call(FaultInjector faults, String point, Supplier<T> call) {
    faults.point(point);
    T result = call.get();
    faults.point(point + ".done");
    return result;
  }

  private static void run(FaultInjector faults, String point, Runnable call) {
    call(faults, point, () -> {
      call.run();
      return null;
    });
  }

  private record Sessions(FaultInjector faults, SessionSink sink, SessionStore store)
      implements SessionSink, SessionStore {

    @Override
    public SinkResult upsert(List<SessionWrite> batch) {
      return call(faults, "sink.upsert", () -> sink.upsert(batch));
    }

    @Override
    public Optional<StoredSession> session(VisitKey key) {
      return call(faults, "sessions.session", () -> store.session(key));
    }

    @Override
    public boolean hasSessionForContact(String contactId) {
      return call(faults, "sessions.hasSessionForContact",
          () -> store.hasSessionForContact(contactId));
    }

    @Override
    public void forEach(Consumer<? super StoredSession> consumer) {
      run(faults, "sessions.forEach", () -> store.forEach(consumer));
    }
  }

  private record State(FaultInjector faults, SyncStateStore state) implements SyncStateStore {

    @Override
    public boolean recordIdentification(Identification identification) {
      return call(faults, "state.recordIdentification",
          () -> state.recordIdentification(identification));
    }

    @Override
    public List<Identification> identifications(IdentityKey identity) {
      return call(faults, "state.identifications", () -> state.identifications(identity));
    }

    @Override
    public List<String> trackedVisitorIds() {
      return call(faults, "state.trackedVisitorIds", state::trackedVisitorIds);
    }

    @Override
    public boolean recordEmailClick(EmailClick click) {
      return call(faults, "state.recordEmailClick", () -> state.recordEmailClick(click));
    }

    @Override
    public List<String> contactsWhoClickedSince(Instant since) {
      return call(faults, "state.contactsWhoClickedSince",
          () -> state.contactsWhoClickedSince(since));
    }

    @Override
    public Optional<SyncCursor> cursor(IdentityKey identity) {
      return call(faults, "state.cursor", () -> state.cursor(identity));
    }

    @Override
    public void saveCursor(IdentityKey identity, SyncCursor cursor) {
      run(faults, "state.saveCursor", () -> state.saveCursor(identity, cursor));
    }
  }

  private record Lookups(FaultInjector faults, LookupRepository lookups)
      implements LookupRepository {

    @Override
    public LookupSnapshot snapshot() {
      return call(faults, "lookups.snapshot", lookups::snapshot);
    }

    @Override
    public void apply(Collection<LookupAddition> additions) {
      run(faults, "lookups.apply", () -> lookups.apply(additions));
    }
  }
}
