package io.github.matomotracking.mapping;

import static io.github.matomotracking.mapping.TestVisits.action;
import static io.github.matomotracking.mapping.TestVisits.shifted;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.matomotracking.model.Visit;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Domain rules, section 3.1: Matomo's shifted action timestamps become true instants. */
class ActionTimeCorrectorTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # rule                                                                          | site zone        | visit start (UTC)    | action local time   | true instant (UTC)
      Europe/Paris in winter is UTC+1                                                 | Europe/Paris     | 2024-01-15T09:00:00Z | 2024-01-15T10:05:00 | 2024-01-15T09:05:00Z
      Europe/Paris in summer is UTC+2                                                 | Europe/Paris     | 2024-07-01T08:00:00Z | 2024-07-01T10:00:00 | 2024-07-01T08:00:00Z
      March change: before 02:00 local it is still UTC+1                              | Europe/Paris     | 2024-03-31T00:50:00Z | 2024-03-31T01:50:00 | 2024-03-31T00:50:00Z
      March change: from 03:00 local it is UTC+2, in the same visit                   | Europe/Paris     | 2024-03-31T00:50:00Z | 2024-03-31T03:10:00 | 2024-03-31T01:10:00Z
      March gap: a local time that never happened moves forward by the gap            | Europe/Paris     | 2024-03-31T00:50:00Z | 2024-03-31T02:30:00 | 2024-03-31T01:30:00Z
      October overlap: the earlier instant when it is not before the visit start      | Europe/Paris     | 2024-10-27T00:20:00Z | 2024-10-27T02:50:00 | 2024-10-27T00:50:00Z
      October overlap: the earlier instant when it is the visit start itself          | Europe/Paris     | 2024-10-27T00:20:00Z | 2024-10-27T02:20:00 | 2024-10-27T00:20:00Z
      October overlap: the later instant when the earlier is before the visit start   | Europe/Paris     | 2024-10-27T00:20:00Z | 2024-10-27T02:10:00 | 2024-10-27T01:10:00Z
      October overlap: a visit starting in the second pass stays in it                | Europe/Paris     | 2024-10-27T01:30:00Z | 2024-10-27T02:30:00 | 2024-10-27T01:30:00Z
      October change: after 03:00 local it is UTC+1 again                             | Europe/Paris     | 2024-10-27T00:20:00Z | 2024-10-27T03:10:00 | 2024-10-27T02:10:00Z
      America/Barbados is UTC-4 in winter                                             | America/Barbados | 2024-01-15T12:00:00Z | 2024-01-15T08:00:00 | 2024-01-15T12:00:00Z
      America/Barbados is UTC-4 in summer too                                         | America/Barbados | 2024-07-15T12:00:00Z | 2024-07-15T08:30:00 | 2024-07-15T12:30:00Z
      America/Barbados across midnight: the local date is the day before              | America/Barbados | 2024-07-16T02:00:00Z | 2024-07-15T22:00:00 | 2024-07-16T02:00:00Z
      the manual offset UTC+5.5 is UTC+05:30                                          | UTC+5.5          | 2024-01-01T00:00:00Z | 2024-01-01T05:30:00 | 2024-01-01T00:00:00Z
      the manual offset UTC+5.75 is UTC+05:45                                         | UTC+5.75         | 2024-01-01T00:00:00Z | 2024-01-01T06:00:00 | 2024-01-01T00:15:00Z
      the manual offset UTC-3 is UTC-03:00                                            | UTC-3            | 2024-01-01T12:00:00Z | 2024-01-01T09:00:00 | 2024-01-01T12:00:00Z
      the manual offset UTC+14 is UTC+14:00 (local date is the day after)             | UTC+14           | 2024-01-01T12:00:00Z | 2024-01-02T02:00:00 | 2024-01-01T12:00:00Z
      UTC needs no correction                                                         | UTC              | 2024-01-01T12:00:00Z | 2024-01-01T12:00:00 | 2024-01-01T12:00:00Z
      """)
  void correctsWithTheSiteZone(String rule, String siteZone, Instant visitStart, String localTime, Instant expected) {
    ZoneId zone = SiteTimeZone.parse(siteZone).orElseThrow();
    Visit visit = TestVisits.visit()
        .firstActionTime(visitStart)
        .addActions(action(0, "event").shiftedTimestamp(shifted(localTime)).build())
        .build();

    ActionTimes times = ActionTimeCorrector.correct(visit, zone);

    assertThat(times.at(0)).contains(expected);
    assertThat(times.method()).isEqualTo(ActionTimes.Method.SITE_ZONE);
    assertThat(ActionTimeCorrector.inZone(shifted(localTime), zone, visitStart)).isEqualTo(expected);
  }

  @Test
  void aVisitAcrossTheMarchChangeKeepsItsOrder() {
    Visit visit = TestVisits.visit()
        .firstActionTime(Instant.parse("2024-03-31T00:55:00Z"))
        .addActions(
            TestVisits.pageView(0, "aaaaaa", "https://example.com/", "Home", "2024-03-31T01:55:00"),
            TestVisits.pageView(1, "bbbbbb", "https://example.com/a", "A", "2024-03-31T03:05:00"))
        .build();

    ActionTimes times = ActionTimeCorrector.correct(visit, ZoneId.of("Europe/Paris"));

    assertThat(times.at(0)).contains(Instant.parse("2024-03-31T00:55:00Z"));
    assertThat(times.at(1)).contains(Instant.parse("2024-03-31T01:05:00Z"));
    assertThat(times.problems()).isEmpty();
  }

  @Test
  void aGapIsReportedAsAProblemNamingTheAction() {
    Visit visit = TestVisits.visit()
        .firstActionTime(Instant.parse("2024-03-31T00:50:00Z"))
        .addActions(action(0, "event").shiftedTimestamp(shifted("2024-03-31T02:30:00")).build())
        .build();

    ActionTimes times = ActionTimeCorrector.correct(visit, ZoneId.of("Europe/Paris"));

    assertThat(times.problems()).singleElement().asString()
        .contains("action #0", "2024-03-31T02:30", "Europe/Paris", "gap");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # rule                                                                         | visit start (UTC)    | first page view local time | implied offset
      zone unknown: first page view minus first action time                          | 2024-01-15T09:00:00Z | 2024-01-15T10:00:00        | +01:00
      rounded to the nearest 15 minutes (page view 7 seconds after the start)        | 2024-01-15T09:00:00Z | 2024-01-15T14:30:07        | +05:30
      rounded to the nearest 15 minutes (page view 7 minutes after the start)        | 2024-01-15T09:00:00Z | 2024-01-15T14:52:00        | +05:45
      a negative offset                                                              | 2024-01-15T12:00:00Z | 2024-01-15T08:00:10        | -04:00
      a negative offset half way between quarters rounds up                          | 2024-01-15T12:00:00Z | 2024-01-15T08:52:30        | -03:00
      half way rounds up                                                             | 2024-01-15T12:00:00Z | 2024-01-15T12:07:30        | +00:15
      """)
  void impliesTheOffsetWhenTheZoneIsUnknown(String rule, Instant visitStart, String pageViewLocal, ZoneOffset expected) {
    long pageView = shifted(pageViewLocal);
    Visit visit = TestVisits.visit()
        .firstActionTime(visitStart)
        .addActions(
            action(0, "event").shiftedTimestamp(pageView - 3600).build(),
            action(1, "action").url("https://example.com/").shiftedTimestamp(pageView).build(),
            action(2, "goal").shiftedTimestamp(pageView + 60).build())
        .build();

    ActionTimes times = ActionTimeCorrector.correct(visit, null);

    assertThat(times.method()).isEqualTo(ActionTimes.Method.IMPLIED_OFFSET);
    assertThat(times.offset()).contains(expected);
    int offset = expected.getTotalSeconds();
    assertThat(times.at(0)).contains(Instant.ofEpochSecond(pageView - 3600 - offset));
    assertThat(times.at(1)).contains(Instant.ofEpochSecond(pageView - offset));
    assertThat(times.at(2)).contains(Instant.ofEpochSecond(pageView + 60 - offset));
    assertThat(times.problems()).isEmpty();
  }

  @Test
  void withoutZoneAndWithoutPageViewTheTimesAreTakenAsUtcWithAProblem() {
    Visit visit = TestVisits.visit()
        .addActions(action(0, "event").shiftedTimestamp(shifted("2024-01-15T10:00:00")).build())
        .build();

    ActionTimes times = ActionTimeCorrector.correct(visit, null);

    assertThat(times.method()).isEqualTo(ActionTimes.Method.ASSUMED_UTC);
    assertThat(times.at(0)).contains(Instant.parse("2024-01-15T10:00:00Z"));
    assertThat(times.problems()).singleElement().asString().contains("no page view", "UTC");
  }

  @Test
  void anImpliedOffsetBeyondRealOffsetsIsNotUsed() {
    Visit visit = TestVisits.visit()
        .firstActionTime(Instant.parse("2024-01-15T09:00:00Z"))
        .addActions(action(0, "action").shiftedTimestamp(shifted("2024-01-16T05:00:00")).build())
        .build();

    ActionTimes times = ActionTimeCorrector.correct(visit, null);

    assertThat(times.method()).isEqualTo(ActionTimes.Method.ASSUMED_UTC);
    assertThat(times.at(0)).contains(Instant.parse("2024-01-16T05:00:00Z"));
    assertThat(times.problems()).singleElement().asString().contains("outside UTC-12:00..UTC+14:00");
  }

  @Test
  void anActionWithoutTimestampHasNoTimeAndAProblem() {
    Visit visit = TestVisits.visit()
        .addActions(
            TestVisits.pageView(0, "aaaaaa", "https://example.com/", "Home", "2024-01-15T10:00:00"),
            action(1, "goal").build())
        .build();

    ActionTimes times = ActionTimeCorrector.correct(visit, ZoneId.of("Europe/Paris"));

    assertThat(times.at(0)).contains(Instant.parse("2024-01-15T09:00:00Z"));
    assertThat(times.at(1)).isEmpty();
    assertThat(times.problems()).singleElement().asString().contains("action #1", "goal", "no timestamp");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      # rule                                                                    | site zone     | shifted timestamp    | problem
      the largest long is no time: unknown, with a problem                      | Europe/Paris  | 9223372036854775807  | not a time between 1970 and 9999
      the smallest usable long is no time either                                | -             | -9223372036854775806 | not a time between 1970 and 9999
      the year 300000 is beyond any CRM date column: unknown                    | Europe/Paris  | 9404592000000        | not a time between 1970 and 9999
      the year 300000 without a zone: unknown, not taken as UTC                 | -             | 9404592000000        | not a time between 1970 and 9999
      a local time of 9999-12-31T23:30 in UTC-1 would be in the year 10000       | UTC-1         | 253402299000         | not between 1970 and 9999
      """)
  void anActionTimeOutsideTheYears1970To9999IsUnknownWithAProblem(
      String rule, String siteZone, long shiftedTimestamp, String problem) {
    ZoneId zone = siteZone == null ? null : SiteTimeZone.parse(siteZone).orElseThrow();
    Visit visit = TestVisits.visit()
        .addActions(
            TestVisits.pageView(0, "aaaaaa", "https://example.com/", "Home", "2024-01-15T10:00:00"),
            action(1, "event").shiftedTimestamp(shiftedTimestamp).build())
        .build();

    ActionTimes times = ActionTimeCorrector.correct(visit, zone);

    assertThat(times.at(0)).as("the page view keeps its time").isPresent();
    assertThat(times.at(1)).isEmpty();
    assertThat(times.problems()).singleElement().asString()
        .contains("action #1", "event", problem, "its time is unknown");
  }

  @Test
  void nothingToCorrectWithoutTimestamps() {
    ActionTimes times = ActionTimeCorrector.correct(TestVisits.visit().build(), null);

    assertThat(times.size()).isZero();
    assertThat(times.method()).isEqualTo(ActionTimes.Method.NO_TIMESTAMPS);
    assertThat(times.problems()).isEmpty();
  }
}
