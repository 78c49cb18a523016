package io.github.matomotracking.identify;

import io.github.matomotracking.model.MatomoStyle;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An event that binds a Matomo identity (a visitorId or a userId) to a CRM contact at a point in
 * time. {@link #key()} names the event, so storing it twice keeps one record.
 */
@Value.Immutable
@MatomoStyle
public interface Identification {

  /** Longest key accepted (stores index it). */
  int MAX_KEY_LENGTH = 255;

  /** Order of identifications over time: by {@link #at()}, then by {@link #key()}. */
  Comparator<Identification> CHRONOLOGICAL =
      Comparator.comparing(Identification::at).thenComparing(Identification::key);

  /** The stable id of the event, such as {@code form:<visitorId>@<time>}. */
  String key();

  /** The identity bound. */
  IdentityKey identity();

  /** The contact it is bound to. */
  String contactId();

  /** When the binding happened (the form was submitted, the link clicked). */
  Instant at();

  /** What produced it. */
  IdentificationOrigin origin();

  /** Rejects a blank or too long key and a blank contact id. */
  @Value.Check
  default void check() {
    if (key().isBlank() || key().length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "Identification.key must have 1 to " + MAX_KEY_LENGTH + " non-blank characters");
    }
    if (contactId().isBlank()) {
      throw new IllegalArgumentException("Identification.contactId is blank");
    }
  }

  /**
   * The identification a form submission makes: its visitorId belongs to the contact from the
   * submission time on.
   *
   * @param submission the submission
   * @param contactId the contact it was matched to (or created for)
   * @return the identification, keyed by {@link FormSubmission#key()}
   */
  static Identification ofSubmission(FormSubmission submission, String contactId) {
    return builder()
        .key(submission.key())
        .identity(submission.visitor())
        .contactId(contactId)
        .at(submission.submittedAt())
        .origin(IdentificationOrigin.FORM_SUBMISSION)
        .build();
  }

  /**
   * The identification a form submission makes, its contact found by the submission's contact id,
   * or else by the matcher.
   *
   * @param submission the submission
   * @param matcher matches the typed data to a contact
   * @return the identification, or empty when no contact matched (the host may then create one
   *     and call {@link #ofSubmission(FormSubmission, String)})
   */
  static Optional<Identification> fromSubmission(
      FormSubmission submission, ContactMatcher matcher) {
    Optional<String> contactId = submission.contactId().isPresent()
        ? submission.contactId()
        : submission.contactData().flatMap(matcher::match);
    return contactId.map(id -> ofSubmission(submission, id));
  }

  /**
   * The identification an email click makes: the userId equal to the contact id belongs to that
   * contact.
   *
   * @param click the click
   * @return the identification, keyed by {@link EmailClick#key()}
   */
  static Identification ofEmailClick(EmailClick click) {
    return builder()
        .key(click.key())
        .identity(click.identity())
        .contactId(click.contactId())
        .at(click.clickedAt())
        .origin(IdentificationOrigin.EMAIL_CLICK)
        .build();
  }

  /** A new builder. */
  static ImmutableIdentification.Builder builder() {
    return ImmutableIdentification.builder();
  }
}
