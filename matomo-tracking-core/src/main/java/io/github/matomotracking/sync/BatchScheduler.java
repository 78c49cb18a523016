package io.github.matomotracking.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the identity batches of a run, at most {@link SyncConfig#maxConcurrency()} at a time. With
 * a concurrency of 1 (or a single batch) everything runs on the calling thread. A batch that
 * fails is reported by itself and the others go on; an {@link Error} (the process is going down)
 * stops the run and is rethrown once every started batch has stopped.
 */
final class BatchScheduler {

  private static final AtomicInteger POOLS = new AtomicInteger();

  private final Ports ports;

  BatchScheduler(Ports ports) {
    this.ports = ports;
  }

  void run(Run run, List<BatchPlan> plans) {
    int threads = Math.min(ports.config().maxConcurrency(), plans.size());
    if (threads <= 1) {
      for (BatchPlan plan : plans) {
        runGuarded(run, plan);
      }
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, threadFactory());
    try {
      List<Future<?>> futures = new ArrayList<>(plans.size());
      for (BatchPlan plan : plans) {
        futures.add(pool.submit(() -> runGuarded(run, plan)));
      }
      awaitAll(run, pool, futures);
    } finally {
      pool.shutdownNow();
    }
  }

  private void awaitAll(Run run, ExecutorService pool, List<Future<?>> futures) {
    Throwable fatal = null;
    boolean interrupted = false;
    for (Future<?> future : futures) {
      while (true) {
        try {
          future.get();
          break;
        } catch (InterruptedException e) {
          // Stop the batches, but wait until none of them runs any more.
          interrupted = true;
          run.cancel();
          pool.shutdownNow();
        } catch (ExecutionException e) {
          if (fatal == null) {
            fatal = e.getCause();
            run.cancel();
          } else {
            fatal.addSuppressed(e.getCause());
          }
          break;
        } catch (java.util.concurrent.CancellationException e) {
          break;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (fatal instanceof Error) {
      throw (Error) fatal;
    }
    if (fatal instanceof RuntimeException) {
      throw (RuntimeException) fatal;
    }
    if (fatal != null) {
      throw new IllegalStateException(fatal);
    }
  }

  /** Takes the batch's identities, so no other work of the engine touches them meanwhile. */
  private void runGuarded(Run run, BatchPlan plan) {
    if (run.isCancelled() || Thread.currentThread().isInterrupted()) {
      run.cancel();
      run.totals().batchCancelled();
      return;
    }
    try {
      ports.guard().acquire(plan.identities());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      run.cancel();
      run.totals().batchCancelled();
      return;
    }
    try {
      new BatchRunner(ports, run, plan).run();
    } finally {
      ports.guard().release(plan.identities());
    }
  }

  private static ThreadFactory threadFactory() {
    int pool = POOLS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "matomo-sync-" + pool + "-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
