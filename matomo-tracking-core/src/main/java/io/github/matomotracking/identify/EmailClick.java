package io.github.matomotracking.identify;

import io.github.matomotracking.model.MatomoStyle;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A click on a link of a marketing email (flow B). The link carried the recipient's contact id,
 * which the site hands to Matomo as the userId; the recipient's visits are then found with
 * {@code userId==<contactId>}, whoever actually clicked (a forwarded email stays with its
 * recipient).
 */
@Value.Immutable
@MatomoStyle
public interface EmailClick {

  /** The recipient's contact id, from the link's {@code contactId} parameter. */
  String contactId();

  /** The link's {@code bulkEmailRecipientId} parameter. */
  Optional<String> bulkEmailRecipientId();

  /** When the link was clicked. */
  Instant clickedAt();

  /**
   * A stable key of the click: {@code click:<contactId>/<bulkEmailRecipientId>@<clickedAt>}, or
   * {@code click:sha256:<hex of that text>} when the text would be longer than
   * {@link Identification#MAX_KEY_LENGTH}. Recording the same click twice gives the same key.
   */
  default String key() {
    String key =
        "click:" + contactId() + "/" + bulkEmailRecipientId().orElse("") + "@" + clickedAt();
    return key.length() <= Identification.MAX_KEY_LENGTH ? key : "click:" + ContactText.sha256(key);
  }

  /** The identity the click binds: the userId that equals the contact id. */
  default IdentityKey identity() {
    return IdentityKey.userId(contactId());
  }

  /** Rejects a contact id Matomo could not take as a userId. */
  @Value.Check
  default void check() {
    if (contactId().isBlank() || contactId().length() > IdentityKey.MAX_USER_ID_LENGTH) {
      throw new IllegalArgumentException(
          "EmailClick.contactId must have 1 to " + IdentityKey.MAX_USER_ID_LENGTH
              + " non-blank characters (it is Matomo's userId)");
    }
  }

  /**
   * The click on a link, its parameters read from the clicked URL.
   *
   * @param clickedUrl the URL as clicked
   * @param clickedAt when it was clicked
   * @return the click
   * @throws IllegalArgumentException when the URL carries no {@code contactId} or a badly encoded
   *     one
   */
  static EmailClick fromClickedUrl(String clickedUrl, Instant clickedAt) {
    EmailLinkParameters parameters = EmailLinkParameters.parse(clickedUrl);
    String contactId = parameters.contactId().orElseThrow(() -> new IllegalArgumentException(
        "clicked URL has no " + EmailLinkParameters.CONTACT_ID + " parameter"));
    return builder()
        .contactId(contactId)
        .bulkEmailRecipientId(parameters.bulkEmailRecipientId())
        .clickedAt(clickedAt)
        .build();
  }

  /** A new builder. */
  static ImmutableEmailClick.Builder builder() {
    return ImmutableEmailClick.builder();
  }
}
