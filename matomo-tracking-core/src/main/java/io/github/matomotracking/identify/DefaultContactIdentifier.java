package io.github.matomotracking.identify;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The CRM's documented identification rules. For one visit, the first rule that applies decides:
 *
 * <ol>
 *   <li><b>An identification inside the visit</b> (typically a form submitted during it): the
 *       visit goes to the contact of the <em>earliest</em> such identification. This covers
 *       "data of a different contact entered in a form goes to the contact whose data was
 *       entered" and "several forms in one visit: the earliest submission wins". Explicit data
 *       typed during the visit beats everything else, the userId included.
 *   <li><b>The visit has a userId</b>: the userId is the contact id the marketing-email link
 *       carried, so the visit goes to that contact, the email's original recipient, even when
 *       the email was forwarded and someone else reads it. A userId beats the history of the
 *       visitorId.
 *   <li><b>The latest identification of the visitorId at or before the visit's start</b>: a visit
 *       with no identification of its own stays with whoever was identified last before it.
 *   <li><b>The first identification of the visitorId</b>: a visit before every identification
 *       (the history Matomo keeps from before the first form) goes to the first identified
 *       contact.
 *   <li>Otherwise nobody owns the visit.
 * </ol>
 *
 * <p>Only identifications of the visit's visitorId take part (kind
 * {@link IdentityKind#VISITOR_ID}, compared case-insensitively); others are ignored. An
 * identification is <em>inside</em> a visit when its time lies between the visit's first and
 * last action, widened on both sides by a <em>grace period</em> (default
 * {@link #DEFAULT_GRACE}, two minutes): the host stamps a submission with its own clock, and the
 * page view that carried the form may reach Matomo a little before or after it. Keep the grace
 * well under Matomo's 30-minute visit timeout, so that a submission cannot fall inside two
 * visits of the same visitor separated by that timeout. Matomo also starts a new visit without
 * a pause (at midnight in the site's time zone, or when the visitor arrives through another
 * campaign): a submission within the grace period of the end of one such visit and inside the
 * next counts for both, because this strategy sees one visit at a time; a grace period of zero
 * avoids that, at the price of missing submissions stamped a little outside their visit. Ties in time are broken by the identification key, so the result
 * never depends on the order of the input.
 */
public final class DefaultContactIdentifier implements ContactIdentifier {

  /** The default grace period around a visit: two minutes. */
  public static final Duration DEFAULT_GRACE = Duration.ofMinutes(2);

  private final Duration grace;

  /** The rules with the default grace period. */
  public DefaultContactIdentifier() {
    this(DEFAULT_GRACE);
  }

  /**
   * The rules with a grace period of your choice.
   *
   * @param grace how far before the first and after the last action an identification still
   *     counts as inside the visit; zero or positive
   */
  public DefaultContactIdentifier(Duration grace) {
    Objects.requireNonNull(grace, "grace");
    if (grace.isNegative()) {
      throw new IllegalArgumentException("grace period must not be negative, got " + grace);
    }
    this.grace = grace;
  }

  /**
   * The grace period around a visit.
   *
   * @return the grace period
   */
  public Duration grace() {
    return grace;
  }

  @Override
  public Optional<String> owner(VisitSpan visit, Collection<Identification> identifications) {
    List<Identification> ofVisitor = ofVisitor(visit, identifications);

    Instant from = visit.firstActionTime().minus(grace);
    Instant to = visit.lastActionTime().plus(grace);
    for (Identification identification : ofVisitor) {
      if (!identification.at().isBefore(from) && !identification.at().isAfter(to)) {
        return Optional.of(identification.contactId());
      }
    }

    Optional<String> userId = ContactText.trimmed(visit.userId());
    if (userId.isPresent()) {
      return userId;
    }

    Identification latestBefore = null;
    for (Identification identification : ofVisitor) {
      if (identification.at().isAfter(visit.firstActionTime())) {
        break;
      }
      latestBefore = identification;
    }
    if (latestBefore != null) {
      return Optional.of(latestBefore.contactId());
    }
    return ofVisitor.isEmpty() ? Optional.empty() : Optional.of(ofVisitor.get(0).contactId());
  }

  private static List<Identification> ofVisitor(
      VisitSpan visit, Collection<Identification> identifications) {
    Optional<String> visitorId = visit.visitorId()
        .filter(IdentityKey::isVisitorId)
        .map(id -> id.toLowerCase(Locale.ROOT));
    if (visitorId.isEmpty()) {
      return List.of();
    }
    IdentityKey identity = IdentityKey.visitorId(visitorId.get());
    return identifications.stream()
        .filter(identification -> identification.identity().equals(identity))
        .sorted(Identification.CHRONOLOGICAL)
        .collect(Collectors.toList());
  }

  @Override
  public String toString() {
    return "DefaultContactIdentifier[grace=" + grace + "]";
  }
}
