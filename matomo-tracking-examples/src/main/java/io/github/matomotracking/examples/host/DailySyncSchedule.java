package io.github.matomotracking.examples.host;

import io.github.matomotracking.sync.SyncEngine;
import io.github.matomotracking.sync.SyncReport;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The daily jobs of the domain rules (section 1) on a plain {@link ScheduledExecutorService}: the
 * refresh of every tracked visitor at 02:00 UTC and the email-click contacts at 02:30 UTC, for a
 * host that runs on one node (for several nodes see {@link ClusteredSyncScheduler}).
 *
 * <pre>{@code
 * ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
 * DailySyncSchedule schedule = DailySyncSchedule.of(engine, executor, Clock.systemUTC(),
 *     report -> log.info(report.toString()));
 * schedule.start();
 * }</pre>
 *
 * <p>Each run is planned from the clock rather than with a fixed 24-hour period: the delay to the
 * next 02:00 is computed again after every run, so a slow run, a suspended machine or a changed
 * clock never lets the job drift. A run that throws is logged and the job is planned again all the
 * same (a task of {@code scheduleAtFixedRate} that throws is never run again). With a
 * single-thread executor the two jobs never overlap; the engine allows it anyway.
 */
public final class DailySyncSchedule implements AutoCloseable {

  /** When the refresh runs, UTC. */
  public static final LocalTime REFRESH_AT = LocalTime.of(2, 0);

  /** When the email-click contacts are fetched, UTC. */
  public static final LocalTime EMAIL_CLICKS_AT = LocalTime.of(2, 30);

  private static final Logger LOG = System.getLogger(DailySyncSchedule.class.getName());

  /**
   * One daily job.
   *
   * @param name a name for logs
   * @param at the time of day, UTC
   * @param run what it does
   */
  public record Job(String name, LocalTime at, Supplier<SyncReport> run) {

    /** Checks the parts. */
    public Job {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(run, "run");
    }
  }

  private final ScheduledExecutorService executor;
  private final Clock clock;
  private final List<Job> jobs;
  private final Consumer<? super SyncReport> reports;
  private final List<ScheduledFuture<?>> planned = new ArrayList<>();
  private boolean closed;

  /**
   * A schedule of any daily jobs.
   *
   * @param executor runs the jobs; stays the caller's to shut down
   * @param clock tells the time of day (UTC is used whatever its zone)
   * @param jobs the jobs
   * @param reports receives the report of every run
   */
  public DailySyncSchedule(ScheduledExecutorService executor, Clock clock, List<Job> jobs,
      Consumer<? super SyncReport> reports) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.jobs = List.copyOf(jobs);
    this.reports = Objects.requireNonNull(reports, "reports");
  }

  /**
   * The two jobs of the domain rules on an engine: {@link SyncEngine#refresh()} at
   * {@link #REFRESH_AT} and {@link SyncEngine#syncEmailClickContacts()} at
   * {@link #EMAIL_CLICKS_AT}.
   *
   * @param engine the engine
   * @param executor runs the jobs
   * @param clock tells the time
   * @param reports receives the report of every run
   * @return the schedule, not started
   */
  public static DailySyncSchedule of(SyncEngine engine, ScheduledExecutorService executor,
      Clock clock, Consumer<? super SyncReport> reports) {
    Objects.requireNonNull(engine, "engine");
    return new DailySyncSchedule(executor, clock, List.of(
        new Job("refresh", REFRESH_AT, engine::refresh),
        new Job("email-click contacts", EMAIL_CLICKS_AT, engine::syncEmailClickContacts)),
        reports);
  }

  /**
   * Plans every job at its next time of day (now, if it is that time exactly).
   *
   * @throws IllegalStateException when closed
   */
  public synchronized void start() {
    if (closed) {
      throw new IllegalStateException("the schedule is closed");
    }
    Instant now = clock.instant();
    for (Job job : jobs) {
      plan(job, nextAfter(job.at(), now.minusNanos(1)));
    }
  }

  /**
   * The first moment strictly after {@code reference} whose UTC time of day is {@code at}.
   *
   * @param at the time of day, UTC
   * @param reference the moment to count from
   * @return today's {@code at} when still to come, else tomorrow's
   */
  public static Instant nextAfter(LocalTime at, Instant reference) {
    LocalDate day = reference.atOffset(ZoneOffset.UTC).toLocalDate();
    Instant today = day.atTime(at).toInstant(ZoneOffset.UTC);
    return today.isAfter(reference) ? today : day.plusDays(1).atTime(at).toInstant(ZoneOffset.UTC);
  }

  private synchronized void plan(Job job, Instant when) {
    if (closed) {
      return;
    }
    long delay = Math.max(0, Duration.between(clock.instant(), when).toMillis());
    planned.removeIf(ScheduledFuture::isDone);
    planned.add(executor.schedule(() -> fire(job, when), delay, TimeUnit.MILLISECONDS));
  }

  private void fire(Job job, Instant due) {
    try {
      SyncReport report = job.run().get();
      reports.accept(report);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "daily job " + job.name() + " failed; it runs again tomorrow", e);
    } finally {
      // Counted from the later of now and the time it was due: an executor that fires a little
      // early must not run the job twice in the same day.
      Instant now = clock.instant();
      plan(job, nextAfter(job.at(), now.isAfter(due) ? now : due));
    }
  }

  /** Cancels the planned runs (a run in progress finishes); the executor is left running. */
  @Override
  public synchronized void close() {
    closed = true;
    planned.forEach(future -> future.cancel(false));
    planned.clear();
  }
}
