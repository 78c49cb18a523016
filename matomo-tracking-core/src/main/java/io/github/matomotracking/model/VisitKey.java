package io.github.matomotracking.model;

/**
 * The natural key of a Matomo visit: {@code (idSite, idVisit)}.
 *
 * @param siteId the site
 * @param visitId the visit id within Matomo (unique across sites, but keyed with the site anyway)
 */
public record VisitKey(long siteId, long visitId) implements Comparable<VisitKey> {

  /** The key of a visit. */
  public static VisitKey of(long siteId, long visitId) {
    return new VisitKey(siteId, visitId);
  }

  @Override
  public int compareTo(VisitKey other) {
    int bySite = Long.compare(siteId, other.siteId);
    return bySite != 0 ? bySite : Long.compare(visitId, other.visitId);
  }

  @Override
  public String toString() {
    return siteId + "/" + visitId;
  }
}
