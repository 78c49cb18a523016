package io.github.matomotracking.examples.demo;

import io.github.matomotracking.model.Nullable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Something the CRM saw that ties a Matomo identity to one of its contacts: one row of the
 * identities CSV ({@code event,contact_id,visitor_id,occurred_at,page_url}).
 *
 * @param kind a form submission or an email click
 * @param contactId the contact: the one whose data was entered in the form, or the email's
 *     recipient
 * @param visitorId for a form submission, the visitorId in the form's hidden
 *     {@code TrackingUserId} field; {@code null} for an email click
 * @param occurredAt when the CRM received the form or registered the click
 * @param pageUrl the form's page ({@code PageUrl} field), or the clicked link with its
 *     {@code contactId} and {@code bulkEmailRecipientId}
 */
public record IdentityEvent(Kind kind, String contactId, @Nullable String visitorId, Instant occurredAt,
    String pageUrl) {

  /** Checks that each kind carries what it needs. */
  public IdentityEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(pageUrl, "pageUrl");
    if (contactId == null || contactId.isBlank()) {
      throw new IllegalArgumentException("an identity event needs a contact id");
    }
    if (kind == Kind.FORM_SUBMIT && (visitorId == null || !visitorId.matches("[0-9a-f]{16}"))) {
      throw new IllegalArgumentException("a form submission needs the 16-hex visitorId of its TrackingUserId field");
    }
    if (kind == Kind.EMAIL_CLICK && visitorId != null) {
      throw new IllegalArgumentException("an email click knows no visitorId (the link carries the contact id)");
    }
  }

  /**
   * The visitorId, for form submissions.
   *
   * @return the visitorId, or empty for an email click
   */
  public Optional<String> visitorIdIfAny() {
    return Optional.ofNullable(visitorId);
  }

  /** The two kinds of identity events, with their CSV codes. */
  public enum Kind {
    /** A landing-page form submitted with the visitor's Matomo id. */
    FORM_SUBMIT("form_submit"),
    /** A marketing-email link clicked; the site then sets Matomo's userId to the contact id. */
    EMAIL_CLICK("email_click");

    private final String code;

    Kind(String code) {
      this.code = code;
    }

    /**
     * The code in the CSV's {@code event} column.
     *
     * @return {@code form_submit} or {@code email_click}
     */
    public String code() {
      return code;
    }
  }
}
