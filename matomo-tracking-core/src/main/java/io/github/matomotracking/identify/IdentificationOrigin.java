package io.github.matomotracking.identify;

/** What produced an {@link Identification}. */
public enum IdentificationOrigin {
  /** A landing-page form submitted with the visitor's tracking id. */
  FORM_SUBMISSION,
  /** A marketing-email link clicked (the contact id became the userId). */
  EMAIL_CLICK,
  /** The host bound the identity itself (an import, a manual merge ...). */
  HOST
}
