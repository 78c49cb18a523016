package io.github.matomotracking.identify;

import io.github.matomotracking.model.MatomoStyle;
import io.github.matomotracking.model.Visit;
import io.github.matomotracking.model.VisitKey;
import io.github.matomotracking.model.WebSession;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What identification needs to know of a visit: its key, its identities and when it ran (first
 * to last action). Build it from a raw {@link Visit} or a mapped {@link WebSession}.
 */
@Value.Immutable
@MatomoStyle
public interface VisitSpan {

  /** The visit's natural key. */
  VisitKey key();

  /** The visit's visitorId (absent for anonymous access). */
  Optional<String> visitorId();

  /** The visit's userId: the contact id after a marketing-email click. */
  Optional<String> userId();

  /** The first action, UTC. */
  Instant firstActionTime();

  /** The last action, UTC; never before the first. */
  Instant lastActionTime();

  /** Rejects a span that ends before it starts. */
  @Value.Check
  default void check() {
    if (lastActionTime().isBefore(firstActionTime())) {
      throw new IllegalArgumentException("visit " + key() + " ends (" + lastActionTime()
          + ") before it starts (" + firstActionTime() + ")");
    }
  }

  /**
   * The span of a raw visit. A missing or earlier last action time counts as the first one.
   *
   * @param visit the visit
   * @return its span
   */
  static VisitSpan of(Visit visit) {
    return of(visit.key(), visit.visitorId(), visit.userId(), visit.firstActionTime(),
        visit.lastActionTime());
  }

  /**
   * The span of a mapped session. A missing or earlier last action date counts as the start.
   *
   * @param session the session
   * @return its span
   */
  static VisitSpan of(WebSession session) {
    return of(session.key(), session.visitorId(), session.userId(), session.startDate(),
        session.lastActionDate());
  }

  private static VisitSpan of(VisitKey key, Optional<String> visitorId, Optional<String> userId,
      Instant first, Optional<Instant> last) {
    Instant end = last.filter(time -> !time.isBefore(first)).orElse(first);
    return builder().key(key).visitorId(visitorId).userId(userId)
        .firstActionTime(first).lastActionTime(end).build();
  }

  /** A new builder. */
  static ImmutableVisitSpan.Builder builder() {
    return ImmutableVisitSpan.builder();
  }
}
