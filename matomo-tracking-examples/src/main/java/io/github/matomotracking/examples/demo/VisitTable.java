package io.github.matomotracking.examples.demo;

import io.github.matomotracking.model.VisitKey;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The demo server's visits, indexed the way Matomo's {@code log_visit} table is: by key, and per
 * site by (last action second, idVisit), so that a page of an ordered, time-bounded answer is
 * found without sorting the table. Writers are serialised; readers see a weakly consistent view
 * and never block.
 */
final class VisitTable {

  /** The position of a visit in its site's order. */
  record Order(long lastSecond, long visitId) implements Comparable<Order> {
    @Override
    public int compareTo(Order other) {
      int bySecond = Long.compare(lastSecond, other.lastSecond);
      return bySecond != 0 ? bySecond : Long.compare(visitId, other.visitId);
    }

    static Order of(DemoVisit visit) {
      return new Order(visit.lastActionTime().getEpochSecond(), visit.visitId());
    }
  }

  private final Map<VisitKey, DemoVisit> byKey = new ConcurrentHashMap<>();
  private final Map<Long, ConcurrentSkipListMap<Order, DemoVisit>> bySite = new ConcurrentHashMap<>();

  synchronized void put(DemoVisit visit) {
    DemoVisit old = byKey.put(visit.key(), visit);
    ConcurrentSkipListMap<Order, DemoVisit> site = bySite.computeIfAbsent(visit.siteId(),
        id -> new ConcurrentSkipListMap<>());
    if (old != null) {
      site.remove(Order.of(old));
    }
    site.put(Order.of(visit), visit);
  }

  void putAll(Collection<DemoVisit> visits) {
    visits.forEach(this::put);
  }

  Optional<DemoVisit> get(VisitKey key) {
    return Optional.ofNullable(byKey.get(key));
  }

  int size() {
    return byKey.size();
  }

  /**
   * The visits of a site whose last action second lies in {@code [fromSecond, throughSecond]},
   * in ascending or descending order.
   */
  Collection<DemoVisit> range(long siteId, long fromSecond, long throughSecond, boolean ascending) {
    ConcurrentSkipListMap<Order, DemoVisit> site = bySite.get(siteId);
    if (site == null || fromSecond > throughSecond) {
      return List.of();
    }
    NavigableMap<Order, DemoVisit> window = site.subMap(new Order(fromSecond, Long.MIN_VALUE), true,
        new Order(throughSecond, Long.MAX_VALUE), true);
    return ascending ? window.values() : window.descendingMap().values();
  }
}
