/**
 * Fault schedules: the whole sync (client, engine, JDBC ports) run against the demo Matomo
 * behind a proxy that spoils answers, with failing ports, JDBC statements and killed processes,
 * each schedule drawn from a seed and compared row for row with an undisturbed run. Start with
 * {@link io.github.matomotracking.examples.faults.FaultScheduleTest}; what a schedule does is in
 * {@link io.github.matomotracking.examples.faults.ScheduleRunner}.
 */
package io.github.matomotracking.examples.faults;
