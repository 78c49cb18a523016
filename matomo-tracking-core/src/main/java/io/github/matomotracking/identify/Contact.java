package io.github.matomotracking.identify;

import io.github.matomotracking.model.MatomoStyle;
import io.github.matomotracking.model.Nullable;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import org.immutables.value.Value;

/** A contact of the host's CRM, as far as matching form data needs to know it. */
@Value.Immutable
@MatomoStyle
public interface Contact extends ContactDetails {

  /** Oldest first, then by id: the order in which equally good matches are preferred. */
  Comparator<Contact> OLDEST_FIRST =
      Comparator.comparing(Contact::createdAt).thenComparing(Contact::id);

  /** The contact id. */
  String id();

  /** Full name. */
  Optional<String> fullName();

  /** Email address. */
  Optional<String> email();

  /** Phone number, in any format. */
  Optional<String> phone();

  /** When the contact was created. */
  Instant createdAt();




  /**
   * A contact.
   *
   * @param id contact id
   * @param fullName full name, or {@code null}
   * @param email email, or {@code null}
   * @param phone phone, or {@code null}
   * @param createdAt creation time
   * @return the contact
   */
  static Contact of(String id, @Nullable String fullName, @Nullable String email,
      @Nullable String phone, Instant createdAt) {
    return ImmutableContact.builder().id(id).fullName(fullName).email(email).phone(phone)
        .createdAt(createdAt).build();
  }

  /** A new builder. */
  static ImmutableContact.Builder builder() {
    return ImmutableContact.builder();
  }
}
