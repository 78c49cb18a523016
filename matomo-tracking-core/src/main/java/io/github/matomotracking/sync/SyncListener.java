package io.github.matomotracking.sync;

import io.github.matomotracking.model.VisitWarning;

/**
 * Receives the progress of a {@link SyncEngine}, for logs and metrics of the host's own. Called
 * from the threads that run the batches, possibly at the same time: implementations must be
 * thread-safe, quick, and should not throw (an exception is logged and otherwise ignored). Every
 * method does nothing by default.
 */
public interface SyncListener {

  /** A listener that ignores everything. */
  SyncListener NONE = new SyncListener() {};

  /**
   * A run of an entry point starts.
   *
   * @param flow the entry point
   */
  default void onRunStarted(SyncFlow flow) {}

  /**
   * An identity batch starts: its visits are about to be fetched.
   *
   * @param batch the batch
   */
  default void onBatchStarted(SyncBatch batch) {}

  /**
   * A write batch was acknowledged by the sink and the lookups.
   *
   * @param batch the identity batch it belongs to
   * @param visits visits in the write batch (unowned ones included)
   * @param written sessions written
   */
  default void onWriteBatch(SyncBatch batch, int visits, int written) {}

  /**
   * An identity batch is over: done, failed or cancelled.
   *
   * @param batch the batch
   * @param result what it did (its {@link SyncReport#failures()} say whether it failed)
   */
  default void onBatchFinished(SyncBatch batch, SyncReport result) {}

  /**
   * A single visit had a problem that did not stop the rest.
   *
   * @param warning the warning, naming the visit
   */
  default void onWarning(VisitWarning warning) {}

  /**
   * A part of the run failed; the run goes on with the other parts.
   *
   * @param failure what failed
   */
  default void onFailure(SyncFailure failure) {}

  /**
   * A run is over.
   *
   * @param report what it did
   */
  default void onRunFinished(SyncReport report) {}
}
