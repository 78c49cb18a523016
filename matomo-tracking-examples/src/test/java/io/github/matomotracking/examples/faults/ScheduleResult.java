package io.github.matomotracking.examples.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What one schedule did and found.
 *
 * @param schedule the schedule
 * @param httpFaults HTTP faults injected, by kind label
 * @param portFaults port failures injected, by point
 * @param jdbcFaults JDBC statement failures injected, by point
 * @param kills the points where the process was killed
 * @param mutations table changes made while the schedule ran (the rest were made before the
 *     reruns), by kind label
 * @param clientFailures failed requests the client saw, by exception type
 * @param engineFailures failures the engine reported, by stage
 * @param requests requests the proxy received
 * @param sleeps backoff waits the client asked for (none was taken)
 * @param reruns fault-free reruns until one reported no failure
 * @param checks invariant checks made while the schedule ran
 * @param violations cursors found past unwritten data
 * @param lost rows of the reference missing afterwards (by primary key, cursor tables excepted)
 * @param duplicated rows present afterwards that the reference lacks (idem)
 * @param changed rows present in both whose columns differ (idem)
 * @param cursorDifferences rows of the cursor tables that differ from the reference
 * @param problems every reason the schedule failed, empty when it passed
 * @param log what happened, line by line
 * @param took how long the schedule took
 */
record ScheduleResult(FaultSchedule schedule, Map<String, Integer> httpFaults,
    Map<String, Integer> portFaults, Map<String, Integer> jdbcFaults, List<String> kills,
    Map<String, Integer> mutations, Map<String, Integer> clientFailures,
    Map<String, Integer> engineFailures, int requests, int sleeps, int reruns, int checks,
    List<String> violations, int lost, int duplicated, int changed, int cursorDifferences,
    List<String> problems, List<String> log, Duration took) {

  /**
   * A schedule that gave no result in time: something hangs.
   *
   * @param schedule the schedule
   * @param threads what the threads of the schedule were doing
   * @param took how long it was given
   * @return the result
   */
  static ScheduleResult hung(FaultSchedule schedule, String threads, Duration took) {
    return new ScheduleResult(schedule, Map.of(), Map.of(), Map.of(), List.of(), Map.of(),
        Map.of(), Map.of(), 0, 0, 0, 0, List.of(), 0, 0, 0, 0,
        List.of("no result within " + took.toSeconds() + " s; the threads were:\n" + threads),
        List.of(), took);
  }

  /** Whether every target held. */
  boolean passed() {
    return problems.isEmpty();
  }

  /** The schedule, what it injected and what went wrong, for a failure message. */
  String describe() {
    StringBuilder text = new StringBuilder()
        .append(schedule).append('\n')
        .append("  replay: ").append(schedule.replay()).append('\n')
        .append("  injected: HTTP ").append(httpFaults).append(", port ").append(portFaults)
        .append(", JDBC ").append(jdbcFaults).append(", kills ").append(kills)
        .append(", table changes ").append(mutations).append('\n')
        .append("  client saw ").append(clientFailures).append("; engine reported ")
        .append(engineFailures).append("; ").append(requests).append(" requests, ")
        .append(reruns).append(" reruns, ").append(checks).append(" invariant checks\n");
    problems.forEach(problem -> text.append("  PROBLEM: ").append(problem).append('\n'));
    text.append("  log:\n");
    log.stream().limit(300).forEach(line -> text.append("    ").append(line).append('\n'));
    if (log.size() > 300) {
      text.append("    ... ").append(log.size() - 300).append(" more lines\n");
    }
    return text.toString();
  }
}
