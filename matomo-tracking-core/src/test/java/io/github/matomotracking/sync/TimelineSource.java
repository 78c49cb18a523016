package io.github.matomotracking.sync;

import io.github.matomotracking.client.FetchSummary;
import io.github.matomotracking.client.VisitQuery;
import io.github.matomotracking.identify.IdentityKind;
import io.github.matomotracking.model.Visit;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A {@link VisitSource} over {@link TimelineVisit}s that behaves like Matomo at the test clock's
 * time: visits as they are then, filtered by site, identities and {@code minTimestamp} (strictly
 * greater), in ascending order of last action time then visit id. Fault points:
 * {@code source.fetch} (before a query), {@code source.visit} (before each visit is handed over),
 * {@code source.zone}.
 */
public final class TimelineSource implements VisitSource {

  private final Clock clock;
  private final Map<Long, ZoneId> zones;
  private final List<TimelineVisit> visits = new CopyOnWriteArrayList<>();
  private final List<Asked> queries = new CopyOnWriteArrayList<>();
  private volatile FaultInjector faults = new FaultInjector();

  /**
   * A source.
   *
   * @param clock the time Matomo is at
   * @param zones each site's time zone
   */
  public TimelineSource(Clock clock, Map<Long, ZoneId> zones) {
    this.clock = clock;
    this.zones = Map.copyOf(zones);
  }

  /**
   * Adds visits.
   *
   * @param added the visits
   * @return this
   */
  public TimelineSource add(TimelineVisit... added) {
    visits.addAll(List.of(added));
    return this;
  }

  /**
   * Uses a fault injector.
   *
   * @param injector the injector
   * @return this
   */
  public TimelineSource faults(FaultInjector injector) {
    this.faults = injector;
    return this;
  }

  /**
   * A query as the source received it.
   *
   * @param siteId the one site asked for
   * @param kind visitorIds or userIds
   * @param identities the identities
   * @param minTimestamp the exclusive lower bound
   */
  public record Asked(long siteId, IdentityKind kind, Set<String> identities, long minTimestamp) {

    static Asked of(VisitQuery query) {
      if (query.sites().ids().size() != 1) {
        throw new IllegalArgumentException("the engine asks for one site per query: " + query);
      }
      if (!query.visitorIds().isEmpty() && !query.userIds().isEmpty()) {
        throw new IllegalArgumentException("the engine asks for one kind of identity: " + query);
      }
      boolean byUser = !query.userIds().isEmpty();
      return new Asked(query.sites().ids().get(0), byUser ? IdentityKind.USER_ID : IdentityKind.VISITOR_ID,
          byUser ? query.userIds() : query.visitorIds(), query.minTimestamp().orElse(0));
    }
  }

  /**
   * The queries received so far.
   *
   * @return the queries, in order
   */
  public List<Asked> queries() {
    return List.copyOf(queries);
  }

  @Override
  public FetchSummary fetch(VisitQuery visitQuery, Consumer<? super Visit> consumer) {
    faults.point("source.fetch");
    Asked query = Asked.of(visitQuery);
    queries.add(query);
    Instant now = clock.instant();
    ZoneId zone = zones.get(query.siteId());
    List<Visit> selected = new ArrayList<>();
    for (TimelineVisit visit : visits) {
      if (visit.siteId() != query.siteId() || !selects(query, visit)) {
        continue;
      }
      visit.at(now, zone)
          .filter(v -> v.lastActionTime().orElseThrow().getEpochSecond() > query.minTimestamp())
          .ifPresent(selected::add);
    }
    selected.sort(Comparator.comparing((Visit v) -> v.lastActionTime().orElseThrow())
        .thenComparingLong(Visit::visitId));
    for (Visit visit : selected) {
      faults.point("source.visit");
      consumer.accept(visit);
    }
    return new FetchSummary(1, 1, selected.size(), 0, 0, 0, 0, 0);
  }

  private static boolean selects(Asked query, TimelineVisit visit) {
    if (query.kind() == IdentityKind.VISITOR_ID) {
      return query.identities().contains(visit.visitorId().toLowerCase(Locale.ROOT));
    }
    return visit.userId().filter(query.identities()::contains).isPresent();
  }

  @Override
  public Optional<ZoneId> siteTimeZone(long siteId) {
    faults.point("source.zone");
    return Optional.ofNullable(zones.get(siteId));
  }
}
