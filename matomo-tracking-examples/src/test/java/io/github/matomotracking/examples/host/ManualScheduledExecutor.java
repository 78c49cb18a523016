package io.github.matomotracking.examples.host;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ScheduledExecutorService} that runs nothing by itself: it records what was scheduled
 * with which delay, and the test runs a task when it wants (after moving its clock). Only
 * {@link #schedule(Runnable, long, TimeUnit)} is supported.
 */
final class ManualScheduledExecutor extends AbstractExecutorService
    implements ScheduledExecutorService {

  /** One scheduled task. */
  static final class Task implements ScheduledFuture<Object> {
    final Runnable command;
    final Duration delay;
    boolean cancelled;
    boolean ran;

    Task(Runnable command, Duration delay) {
      this.command = command;
      this.delay = delay;
    }

    void run() {
      if (cancelled || ran) {
        throw new IllegalStateException("task already ran or was cancelled");
      }
      ran = true;
      command.run();
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(delay);
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
    }

    @Override
    public boolean cancel(boolean mayInterrupt) {
      cancelled = true;
      return !ran;
    }

    @Override
    public boolean isCancelled() {
      return cancelled;
    }

    @Override
    public boolean isDone() {
      return cancelled || ran;
    }

    @Override
    public Object get() {
      return null;
    }

    @Override
    public Object get(long timeout, TimeUnit unit) {
      return null;
    }
  }

  final List<Task> tasks = new ArrayList<>();

  /** The tasks neither run nor cancelled, in the order scheduled. */
  List<Task> pending() {
    return tasks.stream().filter(task -> !task.isDone()).toList();
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    Task task = new Task(command, Duration.of(delay, unit.toChronoUnit()));
    tasks.add(task);
    return task;
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(Runnable c, long i, long p, TimeUnit u) {
    throw new UnsupportedOperationException("the schedule must not use a fixed rate");
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(Runnable c, long i, long d, TimeUnit u) {
    throw new UnsupportedOperationException("the schedule must not use a fixed delay");
  }

  @Override
  public void shutdown() {}

  @Override
  public List<Runnable> shutdownNow() {
    return new ArrayList<>();
  }

  @Override
  public boolean isShutdown() {
    return false;
  }

  @Override
  public boolean isTerminated() {
    return false;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return true;
  }

  @Override
  public void execute(Runnable command) {
    throw new UnsupportedOperationException();
  }
}
