package io.github.matomotracking.identify;

import java.util.Optional;

/**
 * Name, email and phone, whether of a stored contact or typed into a form, with the normalised
 * forms the matcher compares: names and emails trimmed, phones reduced to their digits.
 */
public interface ContactDetails {

  /**
   * The full name, as stored or entered.
   *
   * @return the full name
   */
  Optional<String> fullName();

  /**
   * The email address, as stored or entered.
   *
   * @return the email address
   */
  Optional<String> email();

  /**
   * The phone number, in any format.
   *
   * @return the phone number
   */
  Optional<String> phone();

  /**
   * The full name, trimmed, when not blank.
   *
   * @return the trimmed name
   */
  default Optional<String> trimmedFullName() {
    return ContactText.trimmed(fullName());
  }

  /**
   * The email address, trimmed, when not blank.
   *
   * @return the trimmed email
   */
  default Optional<String> trimmedEmail() {
    return ContactText.trimmed(email());
  }

  /**
   * The phone number's digits, when it has any.
   *
   * @return the digits
   */
  default Optional<String> phoneDigits() {
    return phone().map(ContactText::digits).filter(digits -> !digits.isEmpty());
  }
}
