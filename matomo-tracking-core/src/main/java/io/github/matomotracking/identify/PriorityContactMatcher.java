package io.github.matomotracking.identify;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Matches form data to a contact by the CRM's documented priority. The first level with a match
 * decides:
 *
 * <ol>
 *   <li>full name + email + phone,
 *   <li>email + phone,
 *   <li>full name + phone,
 *   <li>email.
 * </ol>
 *
 * <p>A level applies only when the form has all of its fields. Phones are compared as digits
 * only ({@code +1 (555) 010-2030} equals {@code 15550102030}). Names and emails are compared
 * exactly, after trimming surrounding blanks: case counts. Note that this makes
 * {@code Ann@Example.com} and {@code ann@example.com} different addresses although mail servers
 * treat the domain, and nearly always the local part, without regard to case; a host that wants
 * case-blind emails passes lower-cased data and keeps lower-cased emails in its directory. When
 * several contacts match at the same level, the earliest created wins, then the smallest id, so
 * the answer is always the same.
 */
public final class PriorityContactMatcher implements ContactMatcher {

  /** The levels of the priority, best first. */
  public enum Level {
    /** Full name, email and phone all equal. */
    FULL_NAME_EMAIL_PHONE,
    /** Email and phone equal. */
    EMAIL_PHONE,
    /** Full name and phone equal. */
    FULL_NAME_PHONE,
    /** Email equal. */
    EMAIL
  }

  /**
   * A match and the level it was found at.
   *
   * @param contact the matched contact
   * @param level the priority level
   */
  public record Match(Contact contact, Level level) {

    /**
     * A match.
     *
     * @param contact the matched contact
     * @param level the priority level
     */
    public Match {
      Objects.requireNonNull(contact, "contact");
      Objects.requireNonNull(level, "level");
    }
  }

  private final ContactDirectory directory;

  /**
   * A matcher over the host's contacts.
   *
   * @param directory the contacts
   */
  public PriorityContactMatcher(ContactDirectory directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  @Override
  public Optional<String> match(FormContactData data) {
    return find(data).map(found -> found.contact().id());
  }

  /**
   * The best match and its level.
   *
   * @param data what was typed into the form
   * @return the match, or empty when no level matches
   */
  public Optional<Match> find(FormContactData data) {
    Objects.requireNonNull(data, "data");
    Optional<String> name = data.trimmedFullName();
    Optional<String> email = data.trimmedEmail();
    Optional<String> phone = data.phoneDigits();
    // One question about the email serves levels 1, 2 and 4.
    Collection<Contact> byEmail = email.isPresent() ? directory.byEmail(email.get()) : List.of();

    if (name.isPresent() && email.isPresent() && phone.isPresent()) {
      Optional<Match> found = best(byEmail, Level.FULL_NAME_EMAIL_PHONE,
          contact -> contact.trimmedEmail().equals(email)
              && contact.trimmedFullName().equals(name)
              && contact.phoneDigits().equals(phone));
      if (found.isPresent()) {
        return found;
      }
    }
    if (email.isPresent() && phone.isPresent()) {
      Optional<Match> found = best(byEmail, Level.EMAIL_PHONE,
          contact -> contact.trimmedEmail().equals(email) && contact.phoneDigits().equals(phone));
      if (found.isPresent()) {
        return found;
      }
    }
    if (name.isPresent() && phone.isPresent()) {
      Optional<Match> found = best(directory.byPhoneDigits(phone.get()), Level.FULL_NAME_PHONE,
          contact -> contact.phoneDigits().equals(phone)
              && contact.trimmedFullName().equals(name));
      if (found.isPresent()) {
        return found;
      }
    }
    if (email.isPresent()) {
      return best(byEmail, Level.EMAIL, contact -> contact.trimmedEmail().equals(email));
    }
    return Optional.empty();
  }

  private static Optional<Match> best(
      Collection<Contact> candidates, Level level, Predicate<Contact> matches) {
    return candidates.stream()
        .filter(matches)
        .min(Contact.OLDEST_FIRST)
        .map(contact -> new Match(contact, level));
  }

  @Override
  public String toString() {
    return "PriorityContactMatcher[" + directory + "]";
  }
}
