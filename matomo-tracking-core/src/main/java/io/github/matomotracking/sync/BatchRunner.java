package io.github.matomotracking.sync;

import io.github.matomotracking.client.FetchSummary;
import io.github.matomotracking.client.ImmutableVisitQuery;
import io.github.matomotracking.client.Sites;
import io.github.matomotracking.client.VisitQuery;
import io.github.matomotracking.identify.Identification;
import io.github.matomotracking.identify.IdentityKey;
import io.github.matomotracking.identify.IdentityKind;
import io.github.matomotracking.identify.VisitSpan;
import io.github.matomotracking.mapping.LookupSnapshot;
import io.github.matomotracking.mapping.MappingBatch;
import io.github.matomotracking.mapping.SiteTimeZones;
import io.github.matomotracking.model.LookupAddition;
import io.github.matomotracking.model.MappedVisit;
import io.github.matomotracking.model.Visit;
import io.github.matomotracking.model.VisitWarning;
import io.github.matomotracking.port.SessionWrite;
import io.github.matomotracking.port.SinkResult;
import io.github.matomotracking.port.SyncCursor;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs one identity batch: reads the identities' cursors, fetches their visits site by site,
 * and per write batch decides owners, maps, applies lookup additions, upserts; when every site
 * is done, saves the cursors the acknowledged visits reached. The caller holds the identities in
 * the {@link IdentityGuard}. A failure ends the batch and is reported; cursors are then left as
 * they were.
 */
final class BatchRunner {

  private static final Logger LOG = System.getLogger(SyncEngine.class.getName());

  private final Ports ports;
  private final Run run;
  private final BatchPlan plan;
  private final Set<IdentityKey> members;
  private final ReportCollector report = new ReportCollector();
  private final CursorTracker tracker = new CursorTracker();
  private SyncBatch batch;

  BatchRunner(Ports ports, Run run, BatchPlan plan) {
    this.ports = ports;
    this.run = run;
    this.plan = plan;
    this.members = new HashSet<>(plan.identities());
  }

  /** Runs the batch; failures and cancellation are reported, errors propagate. */
  void run() {
    Instant started = ports.clock().instant();
    int number = run.nextBatchNumber();
    batch = new SyncBatch(run.flow(), number, plan.kind(), plan.identities(), plan.defaultStart());
    report.batch(plan.identities().size());
    SyncFailure failure = null;
    boolean cancelled = false;
    try {
      run.checkNotCancelled();
      Map<IdentityKey, SyncCursor> start = startCursors();
      batch = new SyncBatch(run.flow(), number, plan.kind(), plan.identities(), minTimestamp(start));
      ports.listener().onBatchStarted(batch);
      SiteTimeZones zones = zones();
      for (long site : ports.config().sites()) {
        run.checkNotCancelled();
        fetchSite(site, zones);
      }
      saveCursors(start, started);
    } catch (RunCancelledException e) {
      cancelled = true;
    } catch (StageException e) {
      if (stoppedByCancellation()) {
        cancelled = true;
      } else {
        failure = SyncFailure.of(e.stage(), plan.identities(), plan.contactIds(), e.failure());
      }
    } catch (RuntimeException e) {
      if (stoppedByCancellation()) {
        cancelled = true;
      } else {
        failure = SyncFailure.of(SyncStage.FETCH, plan.identities(), plan.contactIds(), e);
      }
    }
    finish(started, failure, cancelled);
  }

  /** Whether the run was cancelled or this thread interrupted (then a failure is not one). */
  private boolean stoppedByCancellation() {
    if (Thread.currentThread().isInterrupted()) {
      run.cancel();
    }
    return run.isCancelled();
  }

  private void finish(Instant started, SyncFailure failure, boolean cancelled) {
    if (failure != null) {
      report.failure(failure);
      SyncFailure reported = failure;
      LOG.log(Level.WARNING, () -> batch + " failed: " + reported.describe());
      ports.listener().onFailure(failure);
    }
    if (cancelled) {
      report.batchCancelled();
    }
    SyncReport result = report.report(run.flow(), started, ports.clock().instant(), cancelled);
    run.totals().add(report);
    ports.listener().onBatchFinished(batch, result);
  }

  private Map<IdentityKey, SyncCursor> startCursors() {
    Map<IdentityKey, SyncCursor> start = new HashMap<>();
    for (IdentityKey identity : plan.identities()) {
      Optional<SyncCursor> cursor =
          StageException.at(SyncStage.STATE, () -> ports.state().cursor(identity));
      if (cursor.isPresent()) {
        start.put(identity, cursor.get());
      } else if (plan.markStarted()) {
        SyncCursor marker = SyncCursor.startingAt(plan.defaultStart());
        StageException.run(SyncStage.STATE, () -> ports.state().saveCursor(identity, marker));
        start.put(identity, marker);
      }
    }
    return start;
  }

  private long minTimestamp(Map<IdentityKey, SyncCursor> start) {
    long overlap = ports.config().cursorOverlap().getSeconds();
    long min = Long.MAX_VALUE;
    for (IdentityKey identity : plan.identities()) {
      SyncCursor cursor = start.get(identity);
      long from = cursor == null ? plan.defaultStart() : cursor.lastActionTime() - overlap;
      min = Math.min(min, from);
    }
    return Math.max(0, min);
  }

  private SiteTimeZones zones() {
    Map<Long, ZoneId> known = new HashMap<>();
    for (long site : ports.config().sites()) {
      Optional<ZoneId> zone = run.zones().get(site);
      if (zone == null) {
        zone = StageException.at(SyncStage.TIME_ZONE, () -> ports.source().siteTimeZone(site));
        run.zones().putIfAbsent(site, zone);
      }
      zone.ifPresent(z -> known.put(site, z));
    }
    return SiteTimeZones.of(known);
  }

  private void fetchSite(long site, SiteTimeZones zones) {
    ImmutableVisitQuery.Builder builder = VisitQuery.builder()
        .sites(Sites.of(site))
        .minTimestamp(batch.minTimestamp());
    for (IdentityKey identity : plan.identities()) {
      if (plan.kind() == IdentityKind.VISITOR_ID) {
        builder.addVisitorIds(identity.value());
      } else {
        builder.addUserIds(identity.value());
      }
    }
    VisitQuery query = builder.build();
    List<Visit> buffer = new ArrayList<>();
    int limit = ports.config().visitsPerWriteBatch();
    FetchSummary summary = StageException.at(SyncStage.FETCH,
        () -> ports.source().fetch(query, visit -> {
          report.visitReceived();
          buffer.add(visit);
          if (buffer.size() >= limit) {
            write(buffer, zones);
            buffer.clear();
          }
        }, this::readerWarning));
    report.fetched(summary.requests(), summary.retries());
    write(buffer, zones);
    buffer.clear();
  }

  /** A visit object Matomo sent that the reader had to skip. */
  private void readerWarning(VisitWarning warning) {
    report.warning();
    ports.listener().onWarning(warning);
  }

  /** Maps and stores one write batch, then counts its visits towards the cursors. */
  private void write(List<Visit> visits, SiteTimeZones zones) {
    if (visits.isEmpty()) {
      return;
    }
    run.checkNotCancelled();
    ports.identificationLock().readLock().lock();
    try {
      LookupSnapshot snapshot = StageException.at(SyncStage.LOOKUPS, () -> ports.lookups().snapshot());
      MappingBatch mapping = ports.mapper().newBatch(snapshot, zones);
      Map<String, List<Identification>> identifications = new HashMap<>();
      List<SessionWrite> writes = new ArrayList<>(visits.size());
      Set<String> owners = new HashSet<>();
      List<VisitWarning> warnings = new ArrayList<>();
      long skipped = 0;
      for (Visit visit : visits) {
        List<Identification> known = identificationsOf(visit, identifications);
        Optional<String> owner = StageException.at(SyncStage.MAPPING,
            () -> ports.identifier().owner(VisitSpan.of(visit), known));
        if (owner.isEmpty()) {
          skipped++;
          continue;
        }
        MappedVisit mapped = StageException.at(SyncStage.MAPPING, () -> mapping.map(visit));
        warnings.addAll(mapped.warnings());
        writes.add(SessionWrite.of(owner.get(), mapped));
        owners.add(owner.get());
      }
      List<LookupAddition> additions = List.copyOf(mapping.additions());
      if (!additions.isEmpty()) {
        StageException.run(SyncStage.LOOKUPS, () -> ports.lookups().apply(additions));
      }
      SinkResult result = writes.isEmpty() ? SinkResult.empty()
          : StageException.at(SyncStage.SINK, () -> ports.sink().upsert(writes));
      report.written(result, owners, skipped, additions.size(), warnings.size());
      warnings.forEach(ports.listener()::onWarning);
      for (Visit visit : visits) {
        identityOf(visit).ifPresent(identity -> tracker.stored(identity, visit.key(),
            visit.lastActionTime().orElse(visit.firstActionTime()).getEpochSecond()));
      }
      ports.listener().onWriteBatch(batch, visits.size(), writes.size());
    } finally {
      ports.identificationLock().readLock().unlock();
    }
  }

  private List<Identification> identificationsOf(
      Visit visit, Map<String, List<Identification>> cache) {
    Optional<String> visitorId = visit.visitorId().filter(IdentityKey::isVisitorId)
        .map(id -> id.toLowerCase(Locale.ROOT));
    if (visitorId.isEmpty()) {
      return List.of();
    }
    List<Identification> known = cache.get(visitorId.get());
    if (known == null) {
      known = StageException.at(SyncStage.STATE,
          () -> ports.state().identificationsOfVisitor(visitorId.get()));
      cache.put(visitorId.get(), known);
    }
    return known;
  }

  /** The batch identity a visit was fetched for, if any. */
  private Optional<IdentityKey> identityOf(Visit visit) {
    Optional<IdentityKey> identity;
    if (plan.kind() == IdentityKind.VISITOR_ID) {
      identity = visit.visitorId().filter(IdentityKey::isVisitorId).map(IdentityKey::visitorId);
    } else {
      identity = visit.userId().map(String::trim)
          .filter(id -> !id.isEmpty() && id.length() <= IdentityKey.MAX_USER_ID_LENGTH)
          .map(IdentityKey::userId);
    }
    return identity.filter(members::contains);
  }

  /**
   * Saves the cursor each identity reached, when it moves it forward. With several sites the
   * sites were read one after the other, so a visit of an earlier site may have changed while a
   * later one was read: the cursor then stops at the batch's start time (see the package
   * documentation).
   */
  private void saveCursors(Map<IdentityKey, SyncCursor> start, Instant started) {
    boolean severalSites = ports.config().sites().size() > 1;
    long cap = started.getEpochSecond();
    for (IdentityKey identity : plan.identities()) {
      Optional<SyncCursor> reached = tracker.reached(identity);
      if (reached.isEmpty()) {
        continue;
      }
      SyncCursor cursor = reached.get();
      if (severalSites && cursor.lastActionTime() > cap) {
        cursor = SyncCursor.startingAt(cap);
      }
      SyncCursor before = start.get(identity);
      SyncCursor after = CursorTracker.later(before, cursor);
      if (!after.equals(before)) {
        StageException.run(SyncStage.STATE, () -> ports.state().saveCursor(identity, after));
      }
    }
  }
}
