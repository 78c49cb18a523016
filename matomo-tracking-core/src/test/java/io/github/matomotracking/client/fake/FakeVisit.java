package io.github.matomotracking.client.fake;

import io.github.matomotracking.model.VisitKey;

/**
 * A visit in {@link FakeMatomo}'s table: only what the fake filters and sorts on, plus a number
 * of page views to render.
 *
 * @param siteId idSite
 * @param visitId idVisit
 * @param visitorId 16 hex characters, or null for an anonymous visitor ({@code false} in JSON)
 * @param userId the userId, or null
 * @param firstActionSecond firstActionTimestamp (epoch seconds)
 * @param lastActionSecond lastActionTimestamp (epoch seconds)
 * @param pageViews entries to render in actionDetails
 */
public record FakeVisit(
    long siteId, long visitId, String visitorId, String userId, long firstActionSecond,
    long lastActionSecond, int pageViews) {

  /**
   * A visit with one page view whose first and last action are the same second.
   *
   * @param siteId idSite
   * @param visitId idVisit
   * @param visitorId the visitorId or null
   * @param second the action time
   * @return the visit
   */
  public static FakeVisit at(long siteId, long visitId, String visitorId, long second) {
    return new FakeVisit(siteId, visitId, visitorId, null, second, second, 1);
  }

  /** This visit with a userId. */
  public FakeVisit withUserId(String id) {
    return new FakeVisit(siteId, visitId, visitorId, id, firstActionSecond, lastActionSecond, pageViews);
  }

  /** This visit after a new action at {@code second}. */
  public FakeVisit continuedAt(long second) {
    return new FakeVisit(siteId, visitId, visitorId, userId, firstActionSecond, second, pageViews + 1);
  }

  /** The natural key. */
  public VisitKey key() {
    return VisitKey.of(siteId, visitId);
  }
}
