package io.github.matomotracking.security;

import io.github.matomotracking.client.SegmentBuilder;
import io.github.matomotracking.client.fake.FakeVisit;
import io.github.matomotracking.model.VisitKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The visits the fake Matomo holds for the injection suite, and the oracle: which of them a query
 * for some visitorIds and userIds must return, computed directly from the table by exact
 * comparison (visitorIds ignoring hex case), never through a segment.
 *
 * <p>Every userId a test asks for has visits of its own, and so has every string it could turn
 * into by mistake (decoded, split at a delimiter, trimmed, case-folded, normalised): a query that
 * is read wrongly therefore returns somebody else's visits instead of merely nothing.
 */
final class AttackTable {

  static final long SITE = 1;
  private static final long T0 = 1_700_000_000L;

  private final List<FakeVisit> visits = new ArrayList<>();
  private final Set<String> userIds = new LinkedHashSet<>();
  private final Set<String> visitorIds = new LinkedHashSet<>();

  /** Adds two visits of an anonymous visitor (no userId). */
  void anonymous(String visitorId) {
    String id = visitorId.toLowerCase(Locale.ROOT);
    if (visitorIds.add(id)) {
      add(id, null);
      add(id, null);
    }
  }

  /** Adds a visit of a user, whose visitorId Matomo derives from the userId. */
  void user(String userId) {
    if (userIds.add(userId)) {
      add(SegmentBuilder.hashUserId(userId), userId);
    }
  }

  /** Adds a user and every string the userId could be mistaken for. */
  void userWithNeighbours(String userId) {
    user(userId);
    InjectionCorpus.neighbours(userId).forEach(this::user);
  }

  /** Adds one visit with an empty (not null) userId, which {@code userId==} would match. */
  void emptyUserId(String visitorId) {
    visits.add(new FakeVisit(SITE, visits.size() + 1L, visitorId, "", T0 + visits.size(), T0 + visits.size(), 1));
  }

  private void add(String visitorId, String userId) {
    long id = visits.size() + 1L;
    long second = T0 + id * 7;
    visits.add(new FakeVisit(SITE, id, visitorId, userId, second, second, 1));
  }

  List<FakeVisit> visits() {
    return Collections.unmodifiableList(visits);
  }

  /** The keys of the visits whose visitorId or userId is exactly one of those asked for. */
  Set<VisitKey> expected(Collection<String> askedVisitorIds, Collection<String> askedUserIds) {
    Set<String> lowerVisitorIds = new LinkedHashSet<>();
    askedVisitorIds.forEach(id -> lowerVisitorIds.add(id.toLowerCase(Locale.ROOT)));
    Set<VisitKey> keys = new TreeSet<>();
    for (FakeVisit visit : visits) {
      boolean byVisitor = visit.visitorId() != null && lowerVisitorIds.contains(visit.visitorId());
      boolean byUser = visit.userId() != null && askedUserIds.contains(visit.userId());
      if (byVisitor || byUser) {
        keys.add(visit.key());
      }
    }
    return keys;
  }
}
