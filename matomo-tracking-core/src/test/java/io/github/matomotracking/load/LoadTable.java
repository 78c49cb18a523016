package io.github.matomotracking.load;

import io.github.matomotracking.client.ImmutableVisitQuery;
import io.github.matomotracking.client.SegmentBuilder;
import io.github.matomotracking.client.Sites;
import io.github.matomotracking.client.VisitQuery;
import io.github.matomotracking.client.fake.FakeVisit;
import io.github.matomotracking.model.VisitKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * The visits the load test's fake Matomo holds (two sites, anonymous visitors and users, some
 * seconds crowded with more visits than a page holds), random queries over them, and the oracle:
 * the visits a query must return, computed from the table directly.
 */
final class LoadTable {

  static final long T0 = 1_700_000_000L;
  static final List<Long> SITES = List.of(1L, 2L);

  private final List<FakeVisit> visits = new ArrayList<>();
  private final List<String> visitorIds = new ArrayList<>();
  private final List<String> userIds = new ArrayList<>();

  LoadTable(long seed) {
    Random random = new Random(seed);
    long[] nextVisitId = {0, 1, 1};
    for (int i = 0; i < 48; i++) {
      String visitorId = String.format("%016x", 0xabc000L + i * 7919L);
      visitorIds.add(visitorId);
      addVisits(random, nextVisitId, visitorId, null, i % 6 == 0);
    }
    for (int i = 0; i < 24; i++) {
      String userId = String.format("user-%03d", i);
      userIds.add(userId);
      addVisits(random, nextVisitId, SegmentBuilder.hashUserId(userId), userId, i % 5 == 0);
    }
  }

  private void addVisits(Random random, long[] nextVisitId, String visitorId, String userId, boolean crowded) {
    int count = 8 + random.nextInt(20);
    long crowdedSecond = T0 + 10_000 + random.nextInt(1000);
    for (int n = 0; n < count; n++) {
      int site = 1 + random.nextInt(2);
      long first = T0 + random.nextInt(86_400);
      long last = crowded && n < 12 ? crowdedSecond : first + random.nextInt(1800);
      visits.add(new FakeVisit(site, nextVisitId[site]++, visitorId, userId, Math.min(first, last), last,
          1 + random.nextInt(3)));
    }
  }

  List<FakeVisit> visits() {
    return Collections.unmodifiableList(visits);
  }

  /** A random query: a few visitors and users, one or both sites, sometimes "updated since". */
  VisitQuery randomQuery(Random random) {
    ImmutableVisitQuery.Builder query = VisitQuery.builder();
    int visitors = random.nextInt(5);
    int users = random.nextInt(4);
    if (visitors + users == 0) {
      visitors = 1;
    }
    for (int i = 0; i < visitors; i++) {
      query.addVisitorIds(visitorIds.get(random.nextInt(visitorIds.size())));
    }
    for (int i = 0; i < users; i++) {
      query.addUserIds(userIds.get(random.nextInt(userIds.size())));
    }
    switch (random.nextInt(3)) {
      case 0:
        query.sites(Sites.of(1));
        break;
      case 1:
        query.sites(Sites.of(2));
        break;
      default:
        query.sites(Sites.of(1, 2));
    }
    if (random.nextInt(10) < 3) {
      query.minTimestamp(T0 + random.nextInt(86_400));
    }
    return query.doNotFetchActions(random.nextBoolean()).build();
  }

  /** The keys of the visits the query selects. */
  Set<VisitKey> expected(VisitQuery query) {
    Set<VisitKey> keys = new TreeSet<>();
    List<Long> sites = query.sites().ids();
    OptionalLong min = query.minTimestamp();
    for (FakeVisit visit : visits) {
      boolean site = sites.contains(visit.siteId());
      boolean who = query.visitorIds().contains(visit.visitorId())
          || (visit.userId() != null && query.userIds().contains(visit.userId()));
      boolean recent = min.isEmpty() || visit.lastActionSecond() > min.getAsLong();
      if (site && who && recent) {
        keys.add(visit.key());
      }
    }
    return keys;
  }
}
