package io.github.matomotracking.examples.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.matomotracking.examples.jdbc.ConnectionSource;
import io.github.matomotracking.sync.SyncFlow;
import io.github.matomotracking.sync.SyncReport;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

/**
 * Two nodes of a Quartz cluster (two schedulers, two instance ids, one H2 database holding
 * Quartz's tables from the DDL in its jar) share a quickly repeating trigger: every fire time
 * runs exactly once across both nodes, never two at the same time.
 */
class ClusteredSyncSchedulerTest {

  private static final int FIRES = 6;
  private static final long INTERVAL_MS = 500;
  /** Longer than the interval: without the cluster's exclusion, runs of two nodes would overlap. */
  private static final long RUN_MS = 650;

  /** One execution of the job. */
  private record Execution(String node, Instant scheduledFor, long startNanos, long endNanos) {}

  private final List<Execution> executions = new CopyOnWriteArrayList<>();
  private final List<ClusteredSyncScheduler> nodes = new ArrayList<>();
  private String url;
  private Connection keepAlive;

  @BeforeEach
  void database() throws Exception {
    url = "jdbc:h2:mem:quartz-" + UUID.randomUUID() + ";LOCK_TIMEOUT=10000";
    keepAlive = DriverManager.getConnection(url);
    assertThat(QuartzTables.createIfMissing(ConnectionSource.url(url))).isTrue();
  }

  @AfterEach
  void stop() throws Exception {
    nodes.forEach(ClusteredSyncScheduler::close);
    keepAlive.close();
  }

  private ClusteredSyncScheduler node(String name) throws Exception {
    ClusteredSyncScheduler node = ClusteredSyncScheduler.builder()
        .jdbcUrl(url)
        .instanceId(name)
        .checkinInterval(Duration.ofMillis(500))
        .idleWait(Duration.ofSeconds(1))
        .build(flow -> {
          Instant at = Instant.now();
          return SyncReport.builder().flow(flow).startedAt(at).finishedAt(at).build();
        });
    node.quartz().getListenerManager().addJobListener(new org.quartz.listeners.JobListenerSupport() {
      @Override
      public String getName() {
        return "record-" + name;
      }

      @Override
      public void jobToBeExecuted(org.quartz.JobExecutionContext context) {
        context.put("start", System.nanoTime());
        try {
          Thread.sleep(RUN_MS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }

      @Override
      public void jobWasExecuted(org.quartz.JobExecutionContext context,
          org.quartz.JobExecutionException failure) {
        executions.add(new Execution(name, context.getScheduledFireTime().toInstant(),
            (Long) context.get("start"), System.nanoTime()));
      }
    });
    nodes.add(node);
    return node;
  }

  @Test
  void twoNodesRunEachFireTimeExactlyOnceAndNeverAtTheSameTime() throws Exception {
    ClusteredSyncScheduler one = node("node-1");
    ClusteredSyncScheduler two = node("node-2");
    JobKey key = JobKey.jobKey("quick-refresh", ClusteredSyncScheduler.GROUP);
    Instant start = Instant.now().plusSeconds(2);
    Trigger trigger = TriggerBuilder.newTrigger().withIdentity("quick", "test").forJob(key)
        .startAt(Date.from(start))
        .withSchedule(SimpleScheduleBuilder.simpleSchedule()
            .withIntervalInMilliseconds(INTERVAL_MS).withRepeatCount(FIRES - 1))
        .build();
    one.quartz().scheduleJob(ClusteredSyncScheduler.job(key, SyncFlow.REFRESH),
        java.util.Set.of(trigger), true);

    one.start();
    two.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (executions.size() < FIRES && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    Thread.sleep(INTERVAL_MS + RUN_MS); // a fire time run twice would show up by now

    List<Instant> expected = new ArrayList<>();
    for (int i = 0; i < FIRES; i++) {
      expected.add(start.plusMillis(i * INTERVAL_MS).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }
    assertThat(executions).extracting(Execution::scheduledFor)
        .containsExactlyInAnyOrderElementsOf(expected);
    List<Execution> byStart = executions.stream()
        .sorted(Comparator.comparingLong(Execution::startNanos)).toList();
    for (int i = 1; i < byStart.size(); i++) {
      assertThat(byStart.get(i).startNanos()).as("run %d starts after run %d ended", i, i - 1)
          .isGreaterThanOrEqualTo(byStart.get(i - 1).endNanos());
    }
    Map<String, Long> perNode = executions.stream()
        .collect(Collectors.groupingBy(Execution::node, Collectors.counting()));
    assertThat(perNode.keySet()).isSubsetOf("node-1", "node-2");
  }

  @Test
  void theDailyJobsAreStoredOnceWithTheirUtcTimesWhicheverNodeStoresThem() throws Exception {
    ClusteredSyncScheduler one = node("node-1");
    ClusteredSyncScheduler two = node("node-2");

    one.scheduleDailyJobs();
    two.scheduleDailyJobs();

    Trigger refresh = two.quartz().getTrigger(TriggerKey.triggerKey("refresh",
        ClusteredSyncScheduler.GROUP));
    Trigger clicks = one.quartz().getTrigger(TriggerKey.triggerKey("email-click-contacts",
        ClusteredSyncScheduler.GROUP));
    assertThat(refresh.getNextFireTime().toInstant().atOffset(ZoneOffset.UTC).toLocalTime())
        .hasToString("02:00");
    assertThat(clicks.getNextFireTime().toInstant().atOffset(ZoneOffset.UTC).toLocalTime())
        .hasToString("02:30");
    assertThat(one.quartz().getJobKeys(org.quartz.impl.matchers.GroupMatcher
        .jobGroupEquals(ClusteredSyncScheduler.GROUP)))
        .containsExactlyInAnyOrder(ClusteredSyncScheduler.REFRESH, ClusteredSyncScheduler.EMAIL_CLICKS);
    assertThat(one.quartz().getJobDetail(ClusteredSyncScheduler.REFRESH).getJobDataMap()
        .getString(SyncJob.FLOW)).isEqualTo("REFRESH");
    assertThat(one.quartz().getJobDetail(ClusteredSyncScheduler.REFRESH)
        .isConcurrentExecutionDisallowed()).isTrue();
  }
}
