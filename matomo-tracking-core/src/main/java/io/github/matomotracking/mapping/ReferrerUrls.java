package io.github.matomotracking.mapping;

import io.github.matomotracking.model.Nullable;
import java.util.Optional;

/**
 * The referrer URL rules: what the session stores as its page referrer URL (domain rules,
 * section 4) and which text the source and channel policies look up in the Lead source URL
 * lookup (section 5).
 */
public final class ReferrerUrls {

  private ReferrerUrls() {}

  /**
   * The page referrer URL a session stores: Matomo's {@code referrerUrl} without its query
   * string and fragment when it is an absolute URL ({@code scheme://...}); any other text as
   * received.
   *
   * @param referrerUrl Matomo's {@code referrerUrl}, may be null
   * @return the URL to store; empty when blank
   */
  public static Optional<String> pageReferrerUrl(@Nullable String referrerUrl) {
    if (referrerUrl == null || referrerUrl.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(Urls.isAbsolute(referrerUrl) ? Urls.withoutQuery(referrerUrl) : referrerUrl);
  }

  /**
   * The text to look up in the Lead source URL lookup: the referrer's host when it is an absolute
   * URL (possibly empty, for {@code file:///...}), otherwise the raw text without surrounding
   * white space.
   *
   * @param referrerUrl Matomo's {@code referrerUrl}, may be null
   * @return the host or raw text; empty when the referrer is blank
   */
  public static Optional<String> lookupHost(@Nullable String referrerUrl) {
    if (referrerUrl == null || referrerUrl.isBlank()) {
      return Optional.empty();
    }
    String host = Urls.hostOrNull(referrerUrl);
    return Optional.of(host != null ? host : referrerUrl.strip());
  }
}
