package io.github.matomotracking.examples.faults;

import io.github.matomotracking.client.FetchSummary;
import io.github.matomotracking.client.VisitQuery;
import io.github.matomotracking.examples.faults.PointFaults.Family;
import io.github.matomotracking.identify.EmailClick;
import io.github.matomotracking.identify.Identification;
import io.github.matomotracking.identify.IdentityKey;
import io.github.matomotracking.mapping.LookupSnapshot;
import io.github.matomotracking.model.LookupAddition;
import io.github.matomotracking.model.Visit;
import io.github.matomotracking.model.VisitKey;
import io.github.matomotracking.model.VisitWarning;
import io.github.matomotracking.port.LookupRepository;
import io.github.matomotracking.port.SessionSink;
import io.github.matomotracking.port.SessionStore;
import io.github.matomotracking.port.SessionWrite;
import io.github.matomotracking.port.SinkResult;
import io.github.matomotracking.port.StoredSession;
import io.github.matomotracking.port.SyncCursor;
import io.github.matomotracking.port.SyncStateStore;
import io.github.matomotracking.sync.SyncBatch;
import io.github.matomotracking.sync.SyncFailure;
import io.github.matomotracking.sync.SyncFlow;
import io.github.matomotracking.sync.SyncListener;
import io.github.matomotracking.sync.SyncReport;
import io.github.matomotracking.sync.VisitSource;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Decorators that pass every call of the engine's collaborators through a {@link PointFaults}:
 * the JDBC ports (points {@code <port>.<method>} before the call and
 * {@code <port>.<method>.done} after it returned), the engine's listener, and the visit source
 * (a point per visit handed over). When a port call fails, injected or not, the decorator runs
 * the schedule's invariant check before the failure reaches the engine.
 */
final class FaultyPorts {

  private FaultyPorts() {}

  /** Passes the points around one port call; checks the invariants when it fails. */
  private static <T> T call(PointFaults faults, Runnable onFailure, String point, Supplier<T> call) {
    try {
      faults.pass(Family.PORT, point);
      T result = call.get();
      faults.pass(Family.PORT, point + ".done");
      return result;
    } catch (RuntimeException e) {
      onFailure.run();
      throw e;
    }
  }

  private static void run(PointFaults faults, Runnable onFailure, String point, Runnable call) {
    call(faults, onFailure, point, () -> {
      call.run();
      return null;
    });
  }

  /** The session sink and store. */
  record Sessions<S extends SessionSink & SessionStore>(PointFaults faults, Runnable onFailure,
      S delegate) implements SessionSink, SessionStore {

    @Override
    public SinkResult upsert(List<SessionWrite> batch) {
      return call(faults, onFailure, "sink.upsert", () -> delegate.upsert(batch));
    }

    @Override
    public Optional<StoredSession> session(VisitKey key) {
      return call(faults, onFailure, "sessions.session", () -> delegate.session(key));
    }

    @Override
    public boolean hasSessionForContact(String contactId) {
      return call(faults, onFailure, "sessions.hasSessionForContact",
          () -> delegate.hasSessionForContact(contactId));
    }

    @Override
    public void forEach(Consumer<? super StoredSession> consumer) {
      run(faults, onFailure, "sessions.forEach", () -> delegate.forEach(consumer));
    }
  }

  /** The sync state store. */
  record State(PointFaults faults, Runnable onFailure, SyncStateStore delegate)
      implements SyncStateStore {

    @Override
    public boolean recordIdentification(Identification identification) {
      return call(faults, onFailure, "state.recordIdentification",
          () -> delegate.recordIdentification(identification));
    }

    @Override
    public List<Identification> identifications(IdentityKey identity) {
      return call(faults, onFailure, "state.identifications",
          () -> delegate.identifications(identity));
    }

    @Override
    public List<Identification> identificationsOfVisitor(String visitorId) {
      return call(faults, onFailure, "state.identificationsOfVisitor",
          () -> delegate.identificationsOfVisitor(visitorId));
    }

    @Override
    public List<String> trackedVisitorIds() {
      return call(faults, onFailure, "state.trackedVisitorIds", delegate::trackedVisitorIds);
    }

    @Override
    public boolean recordEmailClick(EmailClick click) {
      return call(faults, onFailure, "state.recordEmailClick",
          () -> delegate.recordEmailClick(click));
    }

    @Override
    public List<String> contactsWhoClickedSince(Instant since) {
      return call(faults, onFailure, "state.contactsWhoClickedSince",
          () -> delegate.contactsWhoClickedSince(since));
    }

    @Override
    public Optional<SyncCursor> cursor(IdentityKey identity) {
      return call(faults, onFailure, "state.cursor", () -> delegate.cursor(identity));
    }

    @Override
    public void saveCursor(IdentityKey identity, SyncCursor cursor) {
      run(faults, onFailure, "state.saveCursor", () -> delegate.saveCursor(identity, cursor));
    }
  }

  /** The lookup repository. */
  record Lookups(PointFaults faults, Runnable onFailure, LookupRepository delegate)
      implements LookupRepository {

    @Override
    public LookupSnapshot snapshot() {
      return call(faults, onFailure, "lookups.snapshot", delegate::snapshot);
    }

    @Override
    public void apply(Collection<LookupAddition> additions) {
      run(faults, onFailure, "lookups.apply", () -> delegate.apply(additions));
    }
  }

  /** The engine's listener: every callback is a point where the process may be killed. */
  record Listener(PointFaults faults) implements SyncListener {

    @Override
    public void onRunStarted(SyncFlow flow) {
      faults.pass(Family.OTHER, "listener.onRunStarted");
    }

    @Override
    public void onBatchStarted(SyncBatch batch) {
      faults.pass(Family.OTHER, "listener.onBatchStarted");
    }

    @Override
    public void onWriteBatch(SyncBatch batch, int visits, int written) {
      faults.pass(Family.OTHER, "listener.onWriteBatch");
    }

    @Override
    public void onBatchFinished(SyncBatch batch, SyncReport result) {
      faults.pass(Family.OTHER, "listener.onBatchFinished");
    }

    @Override
    public void onWarning(VisitWarning warning) {
      faults.pass(Family.OTHER, "listener.onWarning");
    }

    @Override
    public void onFailure(SyncFailure failure) {
      faults.pass(Family.OTHER, "listener.onFailure");
    }

    @Override
    public void onRunFinished(SyncReport report) {
      faults.pass(Family.OTHER, "listener.onRunFinished");
    }
  }

  /** The visit source: a point before each fetch, each visit handed over and each zone asked. */
  record Source(PointFaults faults, VisitSource delegate) implements VisitSource {

    @Override
    public FetchSummary fetch(VisitQuery query, Consumer<? super Visit> visits) {
      return fetch(query, visits, warning -> { });
    }

    @Override
    public FetchSummary fetch(VisitQuery query, Consumer<? super Visit> visits,
        Consumer<? super VisitWarning> warnings) {
      faults.pass(Family.OTHER, "source.fetch");
      return delegate.fetch(query, visit -> {
        faults.pass(Family.OTHER, "source.visit");
        visits.accept(visit);
      }, warnings);
    }

    @Override
    public Optional<ZoneId> siteTimeZone(long siteId) {
      faults.pass(Family.OTHER, "source.zone");
      return delegate.siteTimeZone(siteId);
    }
  }
}
