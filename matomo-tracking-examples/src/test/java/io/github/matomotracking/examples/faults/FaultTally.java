package io.github.matomotracking.examples.faults;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The counts of many schedules added up, for the summary a run prints. */
final class FaultTally {

  private int schedules;
  private int failed;
  private int concurrent;
  private final Map<String, Integer> httpFaults = new TreeMap<>();
  private final Map<String, Integer> portFaults = new TreeMap<>();
  private final Map<String, Integer> jdbcFaults = new TreeMap<>();
  private final Map<String, Integer> kills = new TreeMap<>();
  private final Map<String, Integer> mutations = new TreeMap<>();
  private final Map<String, Integer> clientFailures = new TreeMap<>();
  private final Map<String, Integer> engineFailures = new TreeMap<>();
  private final Map<Integer, Integer> reruns = new TreeMap<>();
  private final Map<Integer, Integer> killsPerSchedule = new TreeMap<>();
  private long requests;
  private long sleeps;
  private long checks;
  private long violations;
  private long lost;
  private long duplicated;
  private long changed;
  private long cursorDifferences;
  private Duration took = Duration.ZERO;

  synchronized void add(ScheduleResult result) {
    schedules++;
    if (!result.passed()) {
      failed++;
    }
    if (result.schedule().maxConcurrency() > 1) {
      concurrent++;
    }
    addAll(httpFaults, result.httpFaults());
    addAll(portFaults, result.portFaults());
    addAll(jdbcFaults, result.jdbcFaults());
    result.kills().forEach(point -> kills.merge(point, 1, Integer::sum));
    addAll(mutations, result.mutations());
    addAll(clientFailures, result.clientFailures());
    addAll(engineFailures, result.engineFailures());
    reruns.merge(result.reruns(), 1, Integer::sum);
    killsPerSchedule.merge(result.kills().size(), 1, Integer::sum);
    requests += result.requests();
    sleeps += result.sleeps();
    checks += result.checks();
    violations += result.violations().size();
    lost += result.lost();
    duplicated += result.duplicated();
    changed += result.changed();
    cursorDifferences += result.cursorDifferences();
    took = took.plus(result.took());
  }

  private static void addAll(Map<String, Integer> into, Map<String, Integer> counts) {
    counts.forEach((key, n) -> into.merge(key, n, Integer::sum));
  }

  private static int sum(Map<String, Integer> counts) {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }

  synchronized Map<String, Integer> httpFaults() {
    return new TreeMap<>(httpFaults);
  }

  synchronized int portFaults() {
    return sum(portFaults);
  }

  synchronized int jdbcFaults() {
    return sum(jdbcFaults);
  }

  synchronized int kills() {
    return sum(kills);
  }

  synchronized Map<String, Integer> mutations() {
    return new TreeMap<>(mutations);
  }

  /** The summary, one fact per line. */
  synchronized String summary(long baseSeed) {
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT, "fault schedules: %d run, %d failed (base seed %d,"
        + " %.1f s in schedules; %d with two batches at a time)%n", schedules, failed, baseSeed,
        took.toMillis() / 1000.0, concurrent));
    text.append("  HTTP faults injected: ").append(sum(httpFaults)).append(' ').append(httpFaults)
        .append('\n');
    text.append("  port failures injected: ").append(sum(portFaults)).append(' ')
        .append(portFaults).append('\n');
    text.append("  JDBC statement failures injected: ").append(sum(jdbcFaults)).append(' ')
        .append(jdbcFaults).append('\n');
    text.append("  kills: ").append(sum(kills)).append(" (schedules by kills ")
        .append(killsPerSchedule).append(") at ").append(kills).append('\n');
    text.append("  table changes while running: ").append(sum(mutations)).append(' ')
        .append(mutations).append('\n');
    text.append("  failed requests seen by the client: ").append(sum(clientFailures)).append(' ')
        .append(clientFailures).append('\n');
    text.append("  failures reported by the engine, by stage: ").append(sum(engineFailures))
        .append(' ').append(engineFailures).append('\n');
    text.append("  requests through the proxy: ").append(requests).append(", backoff waits: ")
        .append(sleeps).append(" (none taken)\n");
    text.append("  schedules by fault-free reruns needed: ").append(reruns).append('\n');
    text.append("  invariant checks: ").append(checks).append(", cursors past unwritten data: ")
        .append(violations).append('\n');
    text.append("  rows lost: ").append(lost).append(", duplicated: ").append(duplicated)
        .append(", changed: ").append(changed).append(", cursor rows differing: ")
        .append(cursorDifferences).append('\n');
    return text.toString();
  }
}
