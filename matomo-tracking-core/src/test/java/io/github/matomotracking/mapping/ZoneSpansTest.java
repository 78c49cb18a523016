package io.github.matomotracking.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.matomotracking.model.Visit;
import io.github.matomotracking.model.VisitAction;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The batch's memory of zone offsets must never change a result: for every zone the runtime
 * knows, actions just before, at and after each transition of a few years (gaps and overlaps
 * included) are corrected once with a shared memory and once without, and must agree.
 */
class ZoneSpansTest {

  @Test
  void rememberedSpansGiveTheSameInstantsAsTheZoneRulesInEveryZone() {
    SplittableRandom random = new SplittableRandom(1);
    int compared = 0;
    for (String id : ZoneId.getAvailableZoneIds()) {
      ZoneId zone = ZoneId.of(id);
      ZoneRules rules = zone.getRules();
      ZoneSpans spans = new ZoneSpans(); // shared by all visits of the zone, as in a batch
      List<Long> locals = new ArrayList<>();
      Instant cursor = Instant.parse("2015-01-01T00:00:00Z");
      for (ZoneOffsetTransition t = rules.nextTransition(cursor);
          t != null && t.getInstant().isBefore(Instant.parse("2027-01-01T00:00:00Z"));
          t = rules.nextTransition(t.getInstant())) {
        long before = t.getDateTimeBefore().toEpochSecond(java.time.ZoneOffset.UTC);
        long after = t.getDateTimeAfter().toEpochSecond(java.time.ZoneOffset.UTC);
        for (long d : new long[] {-7200, -3601, -3600, -1, 0, 1, 1799, 3599, 3600, 7200}) {
          locals.add(before + d);
          locals.add(after + d);
        }
        locals.add(before + random.nextLong(-40 * 86400, 40 * 86400));
      }
      locals.add(1_709_251_200L + random.nextLong(0, 86400));
      for (long local : locals) {
        Visit visit = visit(local);
        Instant expected = ActionTimeCorrector.correct(visit, zone).at(0).orElseThrow();
        ActionTimes withSpans = ActionTimeCorrector.correct(visit, zone, spans);
        assertThat(withSpans.at(0)).as("%s at local second %d", id, local).contains(expected);
        assertThat(withSpans.problems())
            .isEqualTo(ActionTimeCorrector.correct(visit, zone).problems());
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(10_000);
  }

  @Test
  void aSpanCoversTheMonthsBetweenTwoTransitionsAndNoOverlap() {
    ZoneRules paris = ZoneId.of("Europe/Paris").getRules();
    long localNoon = 1_718_712_000L; // 2024-06-18T12:00 local, summer time (+02:00)

    ZoneSpans.Span span = ZoneSpans.Span.around(localNoon, paris);

    assertThat(span).isNotNull();
    assertThat(span.offsetSeconds()).isEqualTo(7200);
    // 2024-03-31 03:00 local (after the gap) to 2024-10-27 02:00 local (start of the overlap)
    assertThat(span.from()).isEqualTo(1_711_854_000L);
    assertThat(span.to()).isEqualTo(1_729_994_400L);
    long overlap = 1_729_996_200L; // 2024-10-27 02:30 local: happened twice
    assertThat(ZoneSpans.Span.around(overlap, paris)).isNull();
  }

  private static Visit visit(long shiftedTimestamp) {
    return Visit.builder()
        .siteId(1)
        .visitId(1)
        .firstActionTime(Instant.ofEpochSecond(shiftedTimestamp - 3600))
        .campaign(io.github.matomotracking.model.Campaign.none())
        .addActions(VisitAction.builder().position(0).type("action")
            .shiftedTimestamp(shiftedTimestamp).build())
        .build();
  }
}
