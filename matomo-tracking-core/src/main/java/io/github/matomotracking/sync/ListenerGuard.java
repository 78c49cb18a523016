package io.github.matomotracking.sync;

import io.github.matomotracking.model.VisitWarning;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Objects;

/** Calls the host's {@link SyncListener}, so that an exception it throws never breaks a run. */
final class ListenerGuard implements SyncListener {

  private static final Logger LOG = System.getLogger(SyncEngine.class.getName());

  private final SyncListener listener;

  ListenerGuard(SyncListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  private void call(String event, Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, () -> "the SyncListener failed on " + event + ": " + e);
    }
  }

  @Override
  public void onRunStarted(SyncFlow flow) {
    call("onRunStarted", () -> listener.onRunStarted(flow));
  }

  @Override
  public void onBatchStarted(SyncBatch batch) {
    call("onBatchStarted", () -> listener.onBatchStarted(batch));
  }

  @Override
  public void onWriteBatch(SyncBatch batch, int visits, int written) {
    call("onWriteBatch", () -> listener.onWriteBatch(batch, visits, written));
  }

  @Override
  public void onBatchFinished(SyncBatch batch, SyncReport result) {
    call("onBatchFinished", () -> listener.onBatchFinished(batch, result));
  }

  @Override
  public void onWarning(VisitWarning warning) {
    call("onWarning", () -> listener.onWarning(warning));
  }

  @Override
  public void onFailure(SyncFailure failure) {
    call("onFailure", () -> listener.onFailure(failure));
  }

  @Override
  public void onRunFinished(SyncReport report) {
    call("onRunFinished", () -> listener.onRunFinished(report));
  }
}
