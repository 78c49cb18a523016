package io.github.matomotracking.identify;

import io.github.matomotracking.model.MatomoStyle;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The tracking parameters of a link in a marketing email: {@code contactId} (the recipient's CRM
 * contact id, which the site passes to Matomo's {@code setUserId}) and
 * {@code bulkEmailRecipientId}.
 */
@Value.Immutable
@MatomoStyle
public interface EmailLinkParameters {

  /** Name of the query parameter that carries the recipient's contact id. */
  String CONTACT_ID = "contactId";

  /** Name of the query parameter that carries the bulk-email recipient id. */
  String BULK_EMAIL_RECIPIENT_ID = "bulkEmailRecipientId";

  /** The {@code contactId} parameter, decoded and trimmed. */
  Optional<String> contactId();

  /** The {@code bulkEmailRecipientId} parameter, decoded and trimmed. */
  Optional<String> bulkEmailRecipientId();

  /**
   * Reads the parameters from a clicked URL (absolute, relative, or only a query string starting
   * with {@code ?}). Parameter names match exactly (case-sensitive); values are percent-decoded as
   * UTF-8 with {@code +} read as a space, and trimmed; blank values count as absent. The fragment
   * ({@code #...}) is ignored.
   *
   * @param url the clicked URL
   * @return the parameters found (both may be absent)
   * @throws IllegalArgumentException when a parameter is badly encoded, or given twice with
   *     different values (the link cannot say which contact it is for)
   */
  static EmailLinkParameters parse(String url) {
    if (url == null) {
      throw new IllegalArgumentException("clicked URL is missing");
    }
    String query = url;
    int hash = query.indexOf('#');
    if (hash >= 0) {
      query = query.substring(0, hash);
    }
    int question = query.indexOf('?');
    query = question >= 0 ? query.substring(question + 1) : "";
    String contactId = null;
    String recipientId = null;
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String name = decode(equals >= 0 ? pair.substring(0, equals) : pair, "a parameter name");
      if (!name.equals(CONTACT_ID) && !name.equals(BULK_EMAIL_RECIPIENT_ID)) {
        continue;
      }
      String value = equals >= 0 ? decode(pair.substring(equals + 1), name).trim() : "";
      if (value.isEmpty()) {
        continue;
      }
      if (name.equals(CONTACT_ID)) {
        contactId = single(contactId, value, name);
      } else {
        recipientId = single(recipientId, value, name);
      }
    }
    return ImmutableEmailLinkParameters.builder()
        .contactId(contactId)
        .bulkEmailRecipientId(recipientId)
        .build();
  }

  private static String single(String earlier, String value, String name) {
    if (earlier != null && !earlier.equals(value)) {
      throw new IllegalArgumentException(
          "clicked URL carries the parameter " + name + " twice with different values");
    }
    return value;
  }

  private static String decode(String text, String what) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "clicked URL has a badly percent-encoded value in " + what + ": " + e.getMessage(), e);
    }
  }
}
