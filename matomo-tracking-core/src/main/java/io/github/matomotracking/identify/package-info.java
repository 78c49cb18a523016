/**
 * Contact identification: the events that tie a Matomo identity to a CRM contact (a form
 * submitted with a tracking id, a marketing-email link clicked), the
 * {@link io.github.matomotracking.identify.ContactIdentifier} strategy that decides who owns each
 * visit, and the matching of form data to the host's contacts
 * ({@link io.github.matomotracking.identify.ContactMatcher},
 * {@link io.github.matomotracking.identify.ContactDirectory}).
 *
 * <p>Everything here is pure: no I/O, no clock. The host's contacts are reached only through the
 * two small interfaces named above.
 */
package io.github.matomotracking.identify;
