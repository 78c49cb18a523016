package io.github.matomotracking.examples.demo;

import io.github.matomotracking.model.VisitKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The demo server's visits, indexed the way Matomo's {@code log_visit} table is: by key, by
 * visitor, and per site by (last action second, idVisit), so that a page of an ordered, time-bounded answer is
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
  private final Map<String, Map<VisitKey, DemoVisit>> byVisitor = new ConcurrentHashMap<>();

  synchronized void put(DemoVisit visit) {
    DemoVisit old = byKey.put(visit.key(), visit);
    ConcurrentSkipListMap<Order, DemoVisit> site = bySite.computeIfAbsent(visit.siteId(),
        id -> new ConcurrentSkipListMap<>());
    if (old != null) {
      site.remove(Order.of(old));
      byVisitor.get(old.visitorId()).remove(old.key());
    }
    site.put(Order.of(visit), visit);
    byVisitor.computeIfAbsent(visit.visitorId(), id -> new ConcurrentHashMap<>()).put(visit.key(), visit);
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

  /**
   * The visits of some visitors in a site whose last action second lies in
   * {@code [fromSecond, throughSecond]}, in the site's order: what the {@code idvisitor} index
   * gives when a segment names visitors only.
   */
  List<DemoVisit> rangeOf(Set<String> visitorIds, long siteId, long fromSecond, long throughSecond,
      boolean ascending) {
    List<DemoVisit> found = new ArrayList<>();
    for (String visitorId : visitorIds) {
      for (DemoVisit visit : byVisitor.getOrDefault(visitorId, Map.of()).values()) {
        long second = visit.lastActionTime().getEpochSecond();
        if (visit.siteId() == siteId && second >= fromSecond && second <= throughSecond) {
          found.add(visit);
        }
      }
    }
    found.sort(ascending ? DemoVisit.BY_LAST_ACTION : DemoVisit.BY_LAST_ACTION.reversed());
    return found;
  }
}
