package io.github.matomotracking.examples.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded, randomised fault schedules over the whole sync: the real client over HTTP through a
 * {@link FaultProxy} in front of the demo Matomo, the engine, and the JDBC ports on an
 * in-memory H2 database per schedule, with faults at every level (see {@link ScheduleRunner}).
 * Each schedule must end, after fault-free reruns, with the database of an undisturbed run, row
 * for row, and no cursor may ever pass unwritten data.
 *
 * <p>System properties: {@value #SEED} replays one schedule (its seed is in every failure
 * message); {@value #BASE_SEED} replays a whole run; {@value #COUNT} sets how many schedules run
 * ({@value #DEFAULT_COUNT} by default, {@value #SOAK_COUNT} with {@value #SOAK}{@code =true},
 * which the {@code soak} Maven profile sets). Each run draws a new base seed unless told, so
 * every build tries new schedules. The per-schedule record goes to
 * {@code target/fault-schedules/schedules.csv}, the summary to standard output and
 * {@code target/fault-schedules/summary.txt}.
 */
class FaultScheduleTest {

  /** Replays one schedule. */
  static final String SEED = "faults.seed";
  /** Replays a run. */
  static final String BASE_SEED = "faults.baseSeed";
  /** How many schedules. */
  static final String COUNT = "faults.schedules";
  /** Long run. */
  static final String SOAK = "matomo.soak";
  static final int DEFAULT_COUNT = 200;
  static final int SOAK_COUNT = 3000;
  /** The hang guard of one schedule (it takes well under a second). */
  private static final Duration SCHEDULE_GUARD = Duration.ofSeconds(60);
  /** A run stops collecting after this many failed schedules. */
  private static final int MAX_FAILURES = 5;
  /**
   * The library's loggers, held so that their level sticks: every schedule makes the engine log
   * dozens of expected warnings, which would flood the build's output.
   */
  private static final Logger LIBRARY_LOG = Logger.getLogger("io.github.matomotracking");

  @Test
  void everyScheduleEndsWithTheUndisturbedDatabaseAndNoCursorEverPassesUnwrittenData() {
    Long single = Long.getLong(SEED);
    long baseSeed = Long.getLong(BASE_SEED, new SplittableRandom().nextLong());
    int count = single != null ? 1 : Integer.getInteger(COUNT,
        Boolean.getBoolean(SOAK) ? SOAK_COUNT : DEFAULT_COUNT);
    long[] seeds = single != null ? new long[] {single}
        : new SplittableRandom(baseSeed).longs(count).toArray();
    FaultTally tally = new FaultTally();
    List<ScheduleResult> failures = new ArrayList<>();
    long[] current = {seeds[0]};
    Duration guard = Duration.ofSeconds(120 + 4L * count);
    Level level = LIBRARY_LOG.getLevel();
    LIBRARY_LOG.setLevel(single != null ? level : Level.OFF);
    try {
      assertTimeoutPreemptively(guard,
          () -> runAll(seeds, single != null, baseSeed, tally, failures, current),
          () -> "the fault schedules did not finish within " + guard + "; the schedule running"
              + " was seed " + current[0] + " (-D" + SEED + "=" + current[0] + ")");
    } finally {
      LIBRARY_LOG.setLevel(level);
    }

    StringBuilder message = new StringBuilder();
    failures.forEach(failure -> message.append(failure.describe()).append('\n'));
    assertThat(failures).as("failed schedules (base seed %d):%n%s", baseSeed, message).isEmpty();
    if (single == null) {
      // The run must have put every kind of fault to work, or it proves little.
      assertThat(tally.httpFaults().keySet()).as("HTTP fault kinds injected")
          .containsAll(Arrays.stream(HttpFault.Kind.values()).map(HttpFault.Kind::label).toList());
      assertThat(tally.portFaults()).as("port failures injected").isPositive();
      assertThat(tally.jdbcFaults()).as("JDBC statement failures injected").isPositive();
      assertThat(tally.kills()).as("kills").isPositive();
      assertThat(tally.mutations().keySet()).as("table changes while running")
          .containsExactlyInAnyOrder(Arrays.stream(TableMutation.Kind.values())
              .map(TableMutation.Kind::label).toArray(String[]::new));
    }
  }

  /**
   * Schedules that once failed, replayed on every build. Each is drawn with the reference
   * counts it was found with, so it stays the same schedule when the fixture changes.
   */
  static Stream<Arguments> schedulesThatFoundBugs() {
    Map<PointFaults.Family, Integer> points = Map.of(PointFaults.Family.PORT, 282,
        PointFaults.Family.JDBC, 386, PointFaults.Family.OTHER, 96);
    return Stream.of(
        Arguments.of("two batches at a time, the process killed during the first read of a"
            + " site's time zone: the other batch waited for that read forever",
            -8435950632958110880L, points, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schedulesThatFoundBugs")
  void aScheduleThatOnceFoundABugNowPasses(String bug, long seed,
      Map<PointFaults.Family, Integer> points, boolean concurrency) {
    FaultSchedule schedule = FaultSchedule.draw(seed, points, concurrency);
    Level level = LIBRARY_LOG.getLevel();
    LIBRARY_LOG.setLevel(Level.OFF);
    ScheduleResult result;
    try {
      result = Setup.get().run(schedule);
    } finally {
      LIBRARY_LOG.setLevel(level);
    }

    assertThat(result.problems()).as("%s", result.describe()).isEmpty();
    assertThat(result.kills()).as("the schedule still kills the process").isNotEmpty();
  }

  private static void runAll(long[] seeds, boolean verbose, long baseSeed, FaultTally tally,
      List<ScheduleResult> failures, long[] current) throws IOException {
    Setup setup = Setup.get();
    List<String> csv = new ArrayList<>();
    csv.add("seed,passed,threads,http_faults,port_faults,jdbc_faults,kills,table_changes,"
        + "client_failures,engine_failures,requests,reruns,checks,violations,lost,duplicated,"
        + "changed,cursor_rows,millis");
    for (long seed : seeds) {
      current[0] = seed;
      FaultSchedule schedule = FaultSchedule.draw(seed, setup.points(), Boolean.getBoolean(SOAK));
      ScheduleResult result = setup.run(schedule);
      tally.add(result);
      csv.add(csvLine(result));
      if (verbose) {
        System.out.println(result.describe());
      }
      if (!result.passed()) {
        failures.add(result);
        if (failures.size() >= MAX_FAILURES) {
          break;
        }
      }
    }
    String summary = tally.summary(baseSeed);
    System.out.println(summary);
    write(csv, summary);
  }

  /** What all schedules of a JVM share: the fixture, the runner and the reference runs. */
  private static final class Setup {
    private static Setup instance;

    private final ScheduleRunner runner = new ScheduleRunner(new Fixture());
    private final Map<Integer, ScheduleRunner.Reference> references = new HashMap<>();
    private ExecutorService worker = newWorker();

    static synchronized Setup get() {
      if (instance == null) {
        instance = new Setup();
      }
      return instance;
    }

    synchronized Map<PointFaults.Family, Integer> points() {
      return reference(0).points();
    }

    synchronized ScheduleRunner.Reference reference(int variant) {
      return references.computeIfAbsent(variant, runner::reference);
    }

    /** Runs a schedule under its own hang guard. */
    ScheduleResult run(FaultSchedule schedule) {
      ScheduleRunner.Reference reference = reference(schedule.mutationVariant());
      Future<ScheduleResult> result = worker.submit(() -> runner.run(schedule, reference));
      try {
        return result.get(SCHEDULE_GUARD.toSeconds(), TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        String threads = threadDump();
        result.cancel(true);
        worker.shutdownNow();
        worker = newWorker();
        return ScheduleResult.hung(schedule, threads, SCHEDULE_GUARD);
      } catch (ExecutionException e) {
        throw new AssertionError("schedule " + schedule.seed() + " threw " + e.getCause()
            + "; replay with " + schedule.replay(), e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }

    private static ExecutorService newWorker() {
      return Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "fault-schedule");
        thread.setDaemon(true);
        return thread;
      });
    }

    /** The stacks of the threads that run a schedule's story. */
    private static String threadDump() {
      StringBuilder text = new StringBuilder();
      Thread.getAllStackTraces().forEach((thread, stack) -> {
        if (thread.getName().startsWith("fault-schedule") || thread.getName().startsWith("matomo-sync")) {
          text.append("  \"").append(thread.getName()).append("\" ").append(thread.getState())
              .append('\n');
          for (StackTraceElement frame : stack) {
            text.append("      at ").append(frame).append('\n');
          }
        }
      });
      return text.toString();
    }
  }

  private static String csvLine(ScheduleResult r) {
    return String.join(",", Long.toString(r.schedule().seed()), Boolean.toString(r.passed()),
        Integer.toString(r.schedule().maxConcurrency()),
        quoted(r.httpFaults()), quoted(r.portFaults()), quoted(r.jdbcFaults()),
        Integer.toString(r.kills().size()), quoted(r.mutations()), quoted(r.clientFailures()),
        quoted(r.engineFailures()), Integer.toString(r.requests()), Integer.toString(r.reruns()),
        Integer.toString(r.checks()), Integer.toString(r.violations().size()),
        Integer.toString(r.lost()), Integer.toString(r.duplicated()), Integer.toString(r.changed()),
        Integer.toString(r.cursorDifferences()), Long.toString(r.took().toMillis()));
  }

  private static String quoted(Map<String, Integer> counts) {
    return "\"" + counts.toString().replace("\"", "'") + "\"";
  }

  private static void write(List<String> csv, String summary) throws IOException {
    Path dir = Path.of("target", "fault-schedules");
    Files.createDirectories(dir);
    Files.write(dir.resolve("schedules.csv"), csv, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("summary.txt"), summary, StandardCharsets.UTF_8);
  }
}
