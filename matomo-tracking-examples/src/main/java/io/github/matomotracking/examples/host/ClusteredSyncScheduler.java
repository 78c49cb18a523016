package io.github.matomotracking.examples.host;

import io.github.matomotracking.sync.SyncFlow;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;

/**
 * The daily jobs on a Quartz scheduler with a <em>clustered</em> JDBC job store: every node of
 * the host application starts one, all on the same database, and each fire time runs on exactly
 * one node. Quartz coordinates the nodes through row locks in its tables ({@code QRTZ_LOCKS}) and
 * takes over the jobs of a node that stopped checking in.
 *
 * <pre>{@code
 * QuartzTables.createIfMissing(ConnectionSource.url(url));   // once, like a migration
 * ClusteredSyncScheduler node = ClusteredSyncScheduler.builder()
 *     .jdbcUrl(url).instanceId("node-1").build(ScheduledSync.of(engine));
 * node.scheduleDailyJobs();   // any node; the schedule is stored in the database
 * node.start();
 * }</pre>
 *
 * <p>The jobs are {@link SyncJob}s: refresh at 02:00 UTC, email-click contacts at 02:30 UTC
 * (domain rules, section 1). Each node gives its own {@link ScheduledSync} (its engine) through
 * the scheduler context; the database holds only the schedule. The engine's own guarantee still
 * applies: one engine per state store at a time, which the cluster's single execution per fire
 * time and {@code @DisallowConcurrentExecution} provide.
 *
 * <p>The Quartz scheduler is not left in Quartz's JVM-wide scheduler repository, so that several
 * nodes can live in one JVM (as in the tests); keep the reference this class gives.
 */
public final class ClusteredSyncScheduler implements AutoCloseable {

  /** The job group of the daily jobs. */
  public static final String GROUP = "matomo-tracking";

  /** The refresh job. */
  public static final JobKey REFRESH = JobKey.jobKey("refresh", GROUP);

  /** The email-click job. */
  public static final JobKey EMAIL_CLICKS = JobKey.jobKey("email-click-contacts", GROUP);

  private final Scheduler scheduler;

  private ClusteredSyncScheduler(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  /**
   * A builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The job that runs a flow of the engine, durable so its triggers can be replaced.
   *
   * @param key the job's key
   * @param flow the flow it runs
   * @return the job
   */
  public static JobDetail job(JobKey key, SyncFlow flow) {
    return JobBuilder.newJob(SyncJob.class).withIdentity(key).usingJobData(SyncJob.FLOW, flow.name())
        .storeDurably().requestRecovery().build();
  }

  /**
   * Stores the two daily jobs and their cron triggers (UTC), replacing earlier ones: safe to call
   * on every deployment, from any node.
   *
   * @throws SchedulerException when the job store fails
   */
  public void scheduleDailyJobs() throws SchedulerException {
    daily(REFRESH, SyncFlow.REFRESH, "0 0 2 * * ?");
    daily(EMAIL_CLICKS, SyncFlow.EMAIL_CLICK_CONTACTS, "0 30 2 * * ?");
  }

  private void daily(JobKey key, SyncFlow flow, String cron) throws SchedulerException {
    Trigger trigger = TriggerBuilder.newTrigger()
        .withIdentity(key.getName(), GROUP)
        .forJob(key)
        .withSchedule(CronScheduleBuilder.cronSchedule(cron)
            .inTimeZone(TimeZone.getTimeZone("UTC"))
            .withMisfireHandlingInstructionFireAndProceed())
        .build();
    scheduler.scheduleJob(job(key, flow), Set.of(trigger), true);
  }

  /**
   * Starts firing triggers on this node.
   *
   * @throws SchedulerException when Quartz cannot start
   */
  public void start() throws SchedulerException {
    scheduler.start();
  }

  /**
   * The Quartz scheduler of this node, for jobs and triggers of the host's own.
   *
   * @return the scheduler
   */
  public Scheduler quartz() {
    return scheduler;
  }

  /** Stops this node, waiting for a running job to finish; the cluster's other nodes go on. */
  @Override
  public void close() {
    try {
      scheduler.shutdown(true);
    } catch (SchedulerException e) {
      throw new IllegalStateException("the Quartz node could not stop cleanly", e);
    }
  }

  /** Builds one node of the cluster. */
  public static final class Builder {

    private String jdbcUrl;
    private String instanceId;
    private String schedulerName = "matomo-tracking";
    private Duration checkinInterval = Duration.ofMillis(7_500);
    private Duration idleWait = Duration.ofSeconds(30);
    private int threads = 2;

    private Builder() {}

    /**
     * The database holding Quartz's tables, the same for every node.
     *
     * @param value a JDBC URL
     * @return this builder
     */
    public Builder jdbcUrl(String value) {
      this.jdbcUrl = Objects.requireNonNull(value, "jdbcUrl");
      return this;
    }

    /**
     * This node's id, different on every node (such as the host name).
     *
     * @param value the id
     * @return this builder
     */
    public Builder instanceId(String value) {
      this.instanceId = Objects.requireNonNull(value, "instanceId");
      return this;
    }

    /**
     * The cluster's name, the same on every node. {@code matomo-tracking} by default.
     *
     * @param value the name
     * @return this builder
     */
    public Builder schedulerName(String value) {
      this.schedulerName = Objects.requireNonNull(value, "schedulerName");
      return this;
    }

    /**
     * How often a node tells the others it is alive; a node silent for longer has its jobs taken
     * over. 7.5 s by default.
     *
     * @param value at least 100 ms
     * @return this builder
     */
    public Builder checkinInterval(Duration value) {
      if (value.toMillis() < 100) {
        throw new IllegalArgumentException("checkinInterval must be at least 100 ms, got " + value);
      }
      this.checkinInterval = value;
      return this;
    }

    /**
     * How long an idle node waits before looking for triggers again (it also wakes up for
     * triggers it schedules itself). 30 s by default.
     *
     * @param value at least one second
     * @return this builder
     */
    public Builder idleWait(Duration value) {
      if (value.toMillis() < 1000) {
        throw new IllegalArgumentException("idleWait must be at least one second, got " + value);
      }
      this.idleWait = value;
      return this;
    }

    /**
     * The node's worker threads. 2 by default.
     *
     * @param value 1 or more
     * @return this builder
     */
    public Builder threads(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("threads must be at least 1, got " + value);
      }
      this.threads = value;
      return this;
    }

    /**
     * The Quartz properties of this node.
     *
     * @return the properties
     */
    Properties properties() {
      Objects.requireNonNull(jdbcUrl, "jdbcUrl is required");
      Objects.requireNonNull(instanceId, "instanceId is required");
      String dataSource = "matomoTracking_" + instanceId.replaceAll("[^A-Za-z0-9]", "_");
      Properties p = new Properties();
      p.setProperty("org.quartz.scheduler.instanceName", schedulerName);
      p.setProperty("org.quartz.scheduler.instanceId", instanceId);
      p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
      p.setProperty("org.quartz.scheduler.idleWaitTime", Long.toString(idleWait.toMillis()));
      p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
      p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
      p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
      p.setProperty("org.quartz.jobStore.driverDelegateClass",
          "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
      p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
      p.setProperty("org.quartz.jobStore.isClustered", "true");
      p.setProperty("org.quartz.jobStore.clusterCheckinInterval",
          Long.toString(checkinInterval.toMillis()));
      p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
      p.setProperty("org.quartz.jobStore.dataSource", dataSource);
      p.setProperty("org.quartz.dataSource." + dataSource + ".connectionProvider.class",
          JdbcUrlConnectionProvider.class.getName());
      p.setProperty("org.quartz.dataSource." + dataSource + ".url", jdbcUrl);
      return p;
    }

    /**
     * Creates the node (not started) with its engine's flows in the scheduler context.
     *
     * @param sync what the jobs run on this node
     * @return the node
     * @throws SchedulerException when Quartz cannot be set up (a wrong URL, missing tables)
     */
    public ClusteredSyncScheduler build(ScheduledSync sync) throws SchedulerException {
      Objects.requireNonNull(sync, "sync");
      Properties properties = properties();
      Scheduler scheduler;
      synchronized (SchedulerRepository.class) {
        scheduler = new StdSchedulerFactory(properties).getScheduler();
        // All nodes share the scheduler name; Quartz's repository would hand a second node of
        // this JVM the first one. The caller keeps the reference instead.
        SchedulerRepository.getInstance().remove(schedulerName);
      }
      scheduler.getContext().put(SyncJob.SYNC, sync);
      return new ClusteredSyncScheduler(scheduler);
    }
  }
}
