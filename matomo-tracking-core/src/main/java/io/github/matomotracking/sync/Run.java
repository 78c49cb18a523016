package io.github.matomotracking.sync;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** One run of an entry point: its start, its totals, its cancellation flag, its site zones. */
final class Run {

  private final SyncFlow flow;
  private final Instant startedAt;
  private final ReportCollector totals = new ReportCollector();
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final AtomicInteger batchNumbers = new AtomicInteger();
  private final Map<Long, Optional<ZoneId>> zones = new ConcurrentHashMap<>();

  Run(SyncFlow flow, Instant startedAt) {
    this.flow = flow;
    this.startedAt = startedAt;
  }

  SyncFlow flow() {
    return flow;
  }

  /** The run's "now": windows are measured from it. */
  Instant startedAt() {
    return startedAt;
  }

  ReportCollector totals() {
    return totals;
  }

  int nextBatchNumber() {
    return batchNumbers.incrementAndGet();
  }

  void cancel() {
    cancelled.set(true);
  }

  boolean isCancelled() {
    return cancelled.get();
  }

  /** Throws when the run was cancelled or the current thread interrupted. */
  void checkNotCancelled() {
    if (Thread.currentThread().isInterrupted()) {
      cancelled.set(true);
    }
    if (cancelled.get()) {
      throw new RunCancelledException();
    }
  }

  /** The zones read so far in this run, by site (read once per run). */
  Map<Long, Optional<ZoneId>> zones() {
    return zones;
  }
}
