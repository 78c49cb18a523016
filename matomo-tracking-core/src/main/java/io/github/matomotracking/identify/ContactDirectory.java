package io.github.matomotracking.identify;

import java.util.Collection;

/**
 * The host's contacts, asked narrow questions so that matching never scans the whole CRM. Each
 * method may return more than asked for (say, a database search that ignores case): the
 * {@link PriorityContactMatcher} checks every returned contact itself. It must not return fewer.
 * Implementations must be safe to call from several threads.
 */
public interface ContactDirectory {

  /**
   * Contacts whose email, trimmed, equals the given one.
   *
   * @param email a trimmed, non-blank email address
   * @return the contacts, in any order
   */
  Collection<Contact> byEmail(String email);

  /**
   * Contacts whose phone number has exactly these digits once everything else is removed (a CRM
   * usually keeps such a digits-only search column next to the formatted number).
   *
   * @param digits the phone's digits, ASCII {@code 0-9} only, not empty
   * @return the contacts, in any order
   */
  Collection<Contact> byPhoneDigits(String digits);

  /**
   * Contacts whose full name, trimmed, equals the given one.
   *
   * @param fullName a trimmed, non-blank full name
   * @return the contacts, in any order
   */
  Collection<Contact> byFullName(String fullName);
}
