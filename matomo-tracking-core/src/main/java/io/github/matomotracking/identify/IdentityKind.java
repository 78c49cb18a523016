package io.github.matomotracking.identify;

/** The two Matomo identities a visit can be found by. */
public enum IdentityKind {
  /** Matomo's visitorId: 16 hexadecimal characters set by the tracker (form flow, refresh). */
  VISITOR_ID,
  /** Matomo's userId: the CRM contact id the site set after a marketing-email click. */
  USER_ID
}
