package io.github.matomotracking.identify;

import io.github.matomotracking.model.MatomoStyle;
import io.github.matomotracking.model.Nullable;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The contact data a visitor typed into a landing-page form. Values are kept as received; the
 * matcher compares them (see {@link PriorityContactMatcher}). At least one of the three must be
 * non-blank.
 */
@Value.Immutable
@MatomoStyle
public interface FormContactData extends ContactDetails {

  /** The full name as entered. */
  Optional<String> fullName();

  /** The email address as entered. */
  Optional<String> email();

  /** The phone number as entered, in any format. */
  Optional<String> phone();




  /** Rejects data with nothing to match on. */
  @Value.Check
  default void check() {
    if (trimmedFullName().isEmpty() && trimmedEmail().isEmpty() && phoneDigits().isEmpty()) {
      throw new IllegalArgumentException(
          "form contact data needs a full name, an email or a phone with digits; all were blank");
    }
  }

  /**
   * Contact data; any argument may be {@code null} but not all.
   *
   * @param fullName full name as entered
   * @param email email as entered
   * @param phone phone as entered
   * @return the data
   */
  static FormContactData of(
      @Nullable String fullName, @Nullable String email, @Nullable String phone) {
    return builder().fullName(fullName).email(email).phone(phone).build();
  }

  /** A new builder. */
  static ImmutableFormContactData.Builder builder() {
    return ImmutableFormContactData.builder();
  }
}
