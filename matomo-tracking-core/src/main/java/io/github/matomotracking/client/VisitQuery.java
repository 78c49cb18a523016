package io.github.matomotracking.client;

import io.github.matomotracking.model.MatomoStyle;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.immutables.value.Value;

/**
 * What to fetch from {@code Live.getLastVisitsDetails}: the sites, a window on each visit's last
 * action time, and optionally whose visits (visitorIds and userIds, OR-ed together). Identities
 * are checked when the query is built.
 *
 * <pre>{@code
 * VisitQuery q = VisitQuery.builder()
 *     .sites(Sites.of(1))
 *     .since(LocalDate.now().minusDays(365))
 *     .addVisitorIds("0123456789abcdef")
 *     .build();
 * }</pre>
 */
@Value.Immutable
@MatomoStyle
public abstract class VisitQuery {

  /**
   * The sites to read; each is paged on its own.
   *
   * @return the sites
   */
  public abstract Sites sites();

  /**
   * First day of the window on the visits' last action, in the site's time zone, inclusive
   * ({@code period=range&date=since,...}). Without it there is no date window.
   *
   * @return the first day
   */
  public abstract Optional<LocalDate> since();

  /**
   * Last day of the window, inclusive; without it the window is open ({@code ...,today}).
   * Needs {@link #since()}.
   *
   * @return the last day
   */
  public abstract Optional<LocalDate> until();

  /**
   * Only visits whose last action is strictly after this instant, in epoch seconds
   * ({@code minTimestamp}): "updated since".
   *
   * @return the epoch second
   */
  public abstract OptionalLong minTimestamp();

  /**
   * Visits of these visitorIds (16 hexadecimal characters each).
   *
   * @return the visitorIds
   */
  public abstract Set<String> visitorIds();

  /**
   * Visits carrying these userIds (at most 200 characters each, not blank), compared exactly:
   * case, accents and spaces count, even where Matomo's database would ignore them.
   *
   * @return the userIds
   */
  public abstract Set<String> userIds();

  /**
   * Whether to leave out each visit's actions ({@code doNotFetchActions=1}).
   *
   * @return false by default
   */
  @Value.Default
  public boolean doNotFetchActions() {
    return false;
  }

  /**
   * Whether the query names visitors or users (otherwise it reads every visit of the sites).
   *
   * @return true when there is at least one identity
   */
  public boolean hasIdentities() {
    return !visitorIds().isEmpty() || !userIds().isEmpty();
  }

  /** Checks identities and the window when the query is built. */
  @Value.Check
  protected void check() {
    visitorIds().forEach(SegmentBuilder::normalizeVisitorId);
    userIds().forEach(SegmentBuilder::requireUserId);
    if (until().isPresent() && since().isEmpty()) {
      throw new IllegalArgumentException("VisitQuery.until needs since as well");
    }
    if (until().isPresent() && until().get().isBefore(since().get())) {
      throw new IllegalArgumentException(
          "VisitQuery.until (" + until().get() + ") is before since (" + since().get() + ")");
    }
    if (minTimestamp().isPresent() && minTimestamp().getAsLong() < 0) {
      throw new IllegalArgumentException(
          "VisitQuery.minTimestamp must not be negative, was " + minTimestamp().getAsLong());
    }
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static ImmutableVisitQuery.Builder builder() {
    return ImmutableVisitQuery.builder();
  }
}
