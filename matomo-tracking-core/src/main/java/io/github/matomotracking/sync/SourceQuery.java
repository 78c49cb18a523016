package io.github.matomotracking.sync;

import io.github.matomotracking.identify.IdentityKind;
import java.util.Set;

/**
 * What the engine asks a {@link VisitSource} for: the visits of some identities on one site
 * whose last action time is strictly after {@code minTimestamp}.
 *
 * @param siteId the site
 * @param kind whether the identities are visitorIds or userIds
 * @param identities the visitorIds (lower case) or userIds
 * @param minTimestamp epoch seconds; visits whose last action is later
 */
public record SourceQuery(long siteId, IdentityKind kind, Set<String> identities, long minTimestamp) {

  /**
   * Copies the identities.
   *
   * @param siteId the site
   * @param kind the identity kind
   * @param identities the identities
   * @param minTimestamp the exclusive lower bound, epoch seconds
   */
  public SourceQuery {
    identities = Set.copyOf(identities);
  }
}
