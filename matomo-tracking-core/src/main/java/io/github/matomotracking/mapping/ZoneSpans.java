package io.github.matomotracking.mapping;

import io.github.matomotracking.model.Nullable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A mapping batch's memory of zone offsets, so that {@link ActionTimeCorrector} asks a zone's
 * rules once per stretch between two transitions instead of once per action: the last
 * {@link Span} seen per zone. Not thread-safe: one per batch.
 */
final class ZoneSpans {

  private final Map<ZoneId, Span> last = new HashMap<>(4);

  /** The last span remembered for the zone, or null. */
  @Nullable Span last(ZoneId zone) {
    return last.get(zone);
  }

  /** Remembers a span of the zone, replacing the previous one. */
  void remember(ZoneId zone, Span span) {
    last.put(zone, span);
  }

  /**
   * A stretch of local wall-clock time, in seconds as Matomo writes them ({@code from}
   * inclusive, {@code to} exclusive), in which the zone has exactly one valid offset: no gap, no
   * overlap.
   *
   * @param from first local second of the stretch
   * @param to first local second after it
   * @param offsetSeconds the zone's single offset there
   */
  record Span(long from, long to, int offsetSeconds) {

    boolean contains(long localSecond) {
      return localSecond >= from && localSecond < to;
    }

    /**
     * The stretch around a local time, from the zone's transitions before and after it: the
     * local times whose instant falls between the two transitions, less any overlap with the
     * offsets on the other side of each transition.
     *
     * @return the span, or null when the local time itself is in a gap or an overlap
     */
    static @Nullable Span around(long localSecond, ZoneRules rules) {
      List<ZoneOffset> valid =
          rules.getValidOffsets(LocalDateTime.ofEpochSecond(localSecond, 0, ZoneOffset.UTC));
      if (valid.size() != 1) {
        return null;
      }
      int offset = valid.get(0).getTotalSeconds();
      Instant instant = Instant.ofEpochSecond(localSecond - offset);
      ZoneOffsetTransition before = rules.previousTransition(instant.plusSeconds(1));
      ZoneOffsetTransition after = rules.nextTransition(instant);
      long from = before == null ? Long.MIN_VALUE
          : before.toEpochSecond() + Math.max(offset, before.getOffsetBefore().getTotalSeconds());
      long to = after == null ? Long.MAX_VALUE
          : after.toEpochSecond() + Math.min(offset, after.getOffsetAfter().getTotalSeconds());
      return localSecond >= from && localSecond < to ? new Span(from, to, offset) : null;
    }
  }
}
