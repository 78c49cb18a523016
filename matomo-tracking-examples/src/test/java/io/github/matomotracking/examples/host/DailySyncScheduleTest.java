package io.github.matomotracking.examples.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.matomotracking.sync.SyncFlow;
import io.github.matomotracking.sync.SyncReport;
import io.github.matomotracking.sync.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The daily schedule on a hand-driven executor and clock: delays computed from the clock, every
 * run planned again from the clock, failures not ending the schedule. Nothing waits for real.
 */
class DailySyncScheduleTest {


  private final ManualScheduledExecutor executor = new ManualScheduledExecutor();
  private final List<SyncReport> reports = new ArrayList<>();

  private static SyncReport report(SyncFlow flow, Instant at) {
    return SyncReport.builder().flow(flow).startedAt(at).finishedAt(at).build();
  }

  @ParameterizedTest(name = "at {1} the next {0} is {2}")
  @CsvSource({
    "02:00, 2025-05-01T01:00:00Z, 2025-05-01T02:00:00Z",
    "02:00, 2025-05-01T02:00:00Z, 2025-05-02T02:00:00Z",
    "02:00, 2025-05-01T02:00:01Z, 2025-05-02T02:00:00Z",
    "02:30, 2025-05-01T23:59:59Z, 2025-05-02T02:30:00Z",
    "02:30, 2024-02-28T03:00:00Z, 2024-02-29T02:30:00Z",
  })
  void theNextRunIsTheFirstTimeOfDayStrictlyAfterTheReference(String at, String reference,
      String next) {
    assertThat(DailySyncSchedule.nextAfter(LocalTime.parse(at), Instant.parse(reference)))
        .isEqualTo(Instant.parse(next));
  }

  @Test
  void startingPlansTheRefreshAt0200AndTheEmailClicksAt0230Utc() {
    TestClock clock = new TestClock(Instant.parse("2025-05-01T01:00:00Z"));
    DailySyncSchedule schedule = new DailySyncSchedule(executor, clock, List.of(
        new DailySyncSchedule.Job("refresh", DailySyncSchedule.REFRESH_AT,
            () -> report(SyncFlow.REFRESH, clock.instant())),
        new DailySyncSchedule.Job("email clicks", DailySyncSchedule.EMAIL_CLICKS_AT,
            () -> report(SyncFlow.EMAIL_CLICK_CONTACTS, clock.instant()))), reports::add);

    schedule.start();

    assertThat(executor.pending()).extracting(task -> task.delay)
        .containsExactly(Duration.ofHours(1), Duration.ofMinutes(90));
  }

  @Test
  void aRunDeliversItsReportAndPlansTheNextOneFromTheClock() {
    TestClock clock = new TestClock(Instant.parse("2025-05-01T01:00:00Z"));
    AtomicInteger runs = new AtomicInteger();
    DailySyncSchedule schedule = new DailySyncSchedule(executor, clock, List.of(
        new DailySyncSchedule.Job("refresh", LocalTime.of(2, 0), () -> {
          runs.incrementAndGet();
          clock.advance(Duration.ofMinutes(7)); // the run takes seven minutes
          return report(SyncFlow.REFRESH, clock.instant());
        })), reports::add);
    schedule.start();

    clock.set(Instant.parse("2025-05-01T02:00:00Z"));
    executor.pending().get(0).run();

    assertThat(runs).hasValue(1);
    assertThat(reports).extracting(SyncReport::flow).containsExactly(SyncFlow.REFRESH);
    assertThat(executor.pending()).singleElement().satisfies(next ->
        assertThat(next.delay).isEqualTo(Duration.ofHours(24).minusMinutes(7)));

    clock.set(Instant.parse("2025-05-02T02:00:00Z"));
    executor.pending().get(0).run();
    assertThat(runs).hasValue(2);
  }

  @Test
  void anExecutorFiringALittleEarlyDoesNotRunTheJobTwiceThatDay() {
    TestClock clock = new TestClock(Instant.parse("2025-05-01T01:00:00Z"));
    DailySyncSchedule schedule = new DailySyncSchedule(executor, clock, List.of(
        new DailySyncSchedule.Job("refresh", LocalTime.of(2, 0),
            () -> report(SyncFlow.REFRESH, clock.instant()))), reports::add);
    schedule.start();

    clock.set(Instant.parse("2025-05-01T01:59:59.900Z"));
    executor.pending().get(0).run();

    assertThat(executor.pending()).singleElement().satisfies(next ->
        assertThat(next.delay).isEqualTo(Duration.ofHours(24).plusMillis(100)));
  }

  @Test
  void aRunThatThrowsIsPlannedAgainForTheNextDay() {
    TestClock clock = new TestClock(Instant.parse("2025-05-01T01:00:00Z"));
    AtomicInteger calls = new AtomicInteger();
    DailySyncSchedule schedule = new DailySyncSchedule(executor, clock, List.of(
        new DailySyncSchedule.Job("refresh", LocalTime.of(2, 0), () -> {
          if (calls.incrementAndGet() == 1) {
            throw new IllegalStateException("the database is down");
          }
          return report(SyncFlow.REFRESH, clock.instant());
        })), reports::add);
    schedule.start();

    clock.set(Instant.parse("2025-05-01T02:00:00Z"));
    executor.pending().get(0).run();
    clock.set(Instant.parse("2025-05-02T02:00:00Z"));
    executor.pending().get(0).run();

    assertThat(calls).hasValue(2);
    assertThat(reports).hasSize(1);
    assertThat(executor.pending()).hasSize(1);
  }

  @Test
  void closingCancelsWhatIsPlannedAndAnInFlightRunPlansNothingMore() {
    TestClock clock = new TestClock(Instant.parse("2025-05-01T01:00:00Z"));
    DailySyncSchedule[] self = new DailySyncSchedule[1];
    self[0] = new DailySyncSchedule(executor, clock, List.of(
        new DailySyncSchedule.Job("refresh", LocalTime.of(2, 0), () -> {
          self[0].close();
          return report(SyncFlow.REFRESH, clock.instant());
        }),
        new DailySyncSchedule.Job("email clicks", LocalTime.of(2, 30),
            () -> report(SyncFlow.EMAIL_CLICK_CONTACTS, clock.instant()))), reports::add);
    self[0].start();
    ManualScheduledExecutor.Task emailClicks = executor.pending().get(1);

    executor.pending().get(0).run();

    assertThat(emailClicks.isCancelled()).isTrue();
    assertThat(executor.pending()).isEmpty();
  }
}
