package io.github.matomotracking.sync;

import io.github.matomotracking.port.SinkResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Adds up what a run (or one batch) did; thread-safe. */
final class ReportCollector {

  private long identificationsRecorded;
  private long identities;
  private long batches;
  private long batchesCancelled;
  private long visits;
  private long visitsSkippedUnowned;
  private SinkResult written = SinkResult.empty();
  private long lookupAdditions;
  private long warnings;
  private long requests;
  private long retries;
  private final Set<String> contacts = new HashSet<>();
  private final List<SyncFailure> failures = new ArrayList<>();

  synchronized void identificationRecorded() {
    identificationsRecorded++;
  }

  synchronized void batch(int identityCount) {
    batches++;
    identities += identityCount;
  }

  synchronized void batchCancelled() {
    batchesCancelled++;
  }

  synchronized void visitReceived() {
    visits++;
  }

  synchronized void warning() {
    warnings++;
  }

  synchronized void fetched(long requestCount, long retryCount) {
    requests += requestCount;
    retries += retryCount;
  }

  synchronized void written(SinkResult result, Collection<String> owners, long skipped,
      long additions, long warningCount) {
    written = written.plus(result);
    contacts.addAll(owners);
    visitsSkippedUnowned += skipped;
    lookupAdditions += additions;
    warnings += warningCount;
  }

  synchronized void failure(SyncFailure failure) {
    failures.add(failure);
  }

  /** Adds everything another collector holds. */
  void add(ReportCollector other) {
    ReportCollector copy = other.copy();
    synchronized (this) {
      identificationsRecorded += copy.identificationsRecorded;
      identities += copy.identities;
      batches += copy.batches;
      batchesCancelled += copy.batchesCancelled;
      visits += copy.visits;
      visitsSkippedUnowned += copy.visitsSkippedUnowned;
      written = written.plus(copy.written);
      lookupAdditions += copy.lookupAdditions;
      warnings += copy.warnings;
      requests += copy.requests;
      retries += copy.retries;
      contacts.addAll(copy.contacts);
      failures.addAll(copy.failures);
    }
  }

  private synchronized ReportCollector copy() {
    ReportCollector copy = new ReportCollector();
    copy.identificationsRecorded = identificationsRecorded;
    copy.identities = identities;
    copy.batches = batches;
    copy.batchesCancelled = batchesCancelled;
    copy.visits = visits;
    copy.visitsSkippedUnowned = visitsSkippedUnowned;
    copy.written = written;
    copy.lookupAdditions = lookupAdditions;
    copy.warnings = warnings;
    copy.requests = requests;
    copy.retries = retries;
    copy.contacts.addAll(contacts);
    copy.failures.addAll(failures);
    return copy;
  }

  synchronized SyncReport report(SyncFlow flow, Instant startedAt, Instant finishedAt,
      boolean cancelled) {
    return SyncReport.builder()
        .flow(flow)
        .startedAt(startedAt)
        .finishedAt(finishedAt)
        .identificationsRecorded(identificationsRecorded)
        .identities(identities)
        .batches(batches)
        .contacts(contacts.size())
        .visits(visits)
        .visitsSkippedUnowned(visitsSkippedUnowned)
        .sessionsInserted(written.sessionsInserted())
        .sessionsUpdated(written.sessionsUpdated())
        .sessionsUnchanged(written.sessionsUnchanged())
        .actionsInserted(written.actionsInserted())
        .actionsUpdated(written.actionsUpdated())
        .actionsUnchanged(written.actionsUnchanged())
        .lookupAdditions(lookupAdditions)
        .warnings(warnings)
        .requests(requests)
        .retries(retries)
        .cancelled(cancelled)
        .batchesCancelled(batchesCancelled)
        .failures(failures)
        .build();
  }
}
