package io.github.matomotracking.identify;

import io.github.matomotracking.model.MatomoStyle;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A landing-page form submitted by a tracked visitor (flow A). The page added two hidden fields:
 * {@code TrackingUserId}, the Matomo visitorId of the browser, and {@code PageUrl}. The host
 * either already knows the contact ({@link #contactId()}) or passes what was typed
 * ({@link #contactData()}) for a {@link ContactMatcher} to match; when both are given the contact
 * id wins.
 */
@Value.Immutable
@MatomoStyle
public interface FormSubmission {

  /** The hidden {@code TrackingUserId} field: Matomo's visitorId, 16 hexadecimal characters. */
  String trackingUserId();

  /** The hidden {@code PageUrl} field: the page the form was on. */
  Optional<String> pageUrl();

  /** When the host received the submission. */
  Instant submittedAt();

  /** The contact the host already matched or created for this submission. */
  Optional<String> contactId();

  /** The contact data typed into the form, to be matched. */
  Optional<FormContactData> contactData();

  /**
   * The host's own id of the submission, if it has one; it makes {@link #key()} survive a change
   * of the other fields (such as a corrected time).
   */
  Optional<String> submissionId();

  /** The visitorId as an identity (lower case). */
  default IdentityKey visitor() {
    return IdentityKey.visitorId(trackingUserId());
  }

  /**
   * A stable key of this submission: {@code form:<submissionId>} when the host gave an id, else
   * {@code form:<visitorId>@<submittedAt>}. Recording the same submission twice gives the same
   * key.
   */
  default String key() {
    return submissionId()
        .map(id -> "form:" + id)
        .orElseGet(() -> "form:" + visitor().value() + "@" + submittedAt());
  }

  /** Rejects a submission without a valid visitorId or without a contact. */
  @Value.Check
  default void check() {
    IdentityKey.checkVisitorId(trackingUserId(), "FormSubmission.trackingUserId");
    if (contactId().isEmpty() && contactData().isEmpty()) {
      throw new IllegalArgumentException(
          "FormSubmission needs a contactId or the contact data typed into the form");
    }
    if (contactId().isPresent() && contactId().get().isBlank()) {
      throw new IllegalArgumentException("FormSubmission.contactId is blank");
    }
    if (submissionId().isPresent()
        && (submissionId().get().isBlank() || submissionId().get().length() > 200)) {
      throw new IllegalArgumentException(
          "FormSubmission.submissionId must have 1 to 200 characters");
    }
  }

  /** A new builder. */
  static ImmutableFormSubmission.Builder builder() {
    return ImmutableFormSubmission.builder();
  }
}
