package io.github.matomotracking.mapping;

import io.github.matomotracking.model.MatomoStyle;
import io.github.matomotracking.model.Visit;
import io.github.matomotracking.model.VisitAction;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a {@link SourceChannelPolicy} decides from: the visit's utm tags, its referrer, and its
 * landing page. Blank texts count as absent.
 */
@Value.Immutable
@MatomoStyle
public interface SourceChannelInput {

  /**
   * utm_source ({@code campaignSource}).
   *
   * @return the value, if any
   */
  Optional<String> utmSource();

  /**
   * utm_campaign ({@code campaignName}).
   *
   * @return the value, if any
   */
  Optional<String> utmCampaign();

  /**
   * utm_medium ({@code campaignMedium}).
   *
   * @return the value, if any
   */
  Optional<String> utmMedium();

  /**
   * The referrer URL ({@code referrerUrl}) as received.
   *
   * @return the URL, if any
   */
  Optional<String> referrerUrl();

  /**
   * URL of the visit's first page view, as received.
   *
   * @return the URL, if any
   */
  Optional<String> landingUrl();

  /**
   * Matomo's referrer type code ({@code referrerType}: direct, search, website, campaign,
   * social ...).
   *
   * @return the code, if any
   */
  Optional<String> referrerType();

  /**
   * Matomo's referrer name ({@code referrerName}): search engine, social network, site host or
   * campaign name.
   *
   * @return the name, if any
   */
  Optional<String> referrerName();

  /**
   * The input for a visit: utm tags from its campaign fields, its referrer fields, and the URL
   * of its first page view.
   *
   * @param visit the visit
   * @return the input
   */
  static SourceChannelInput of(Visit visit) {
    String landingUrl = null;
    for (VisitAction action : visit.actions()) {
      if ("action".equals(action.type()) && action.url().isPresent()) { // a page view
        landingUrl = action.url().get();
        break;
      }
    }
    return builder()
        .utmSource(visit.campaign().source())
        .utmCampaign(visit.campaign().name())
        .utmMedium(visit.campaign().medium())
        .referrerUrl(visit.referrerUrl())
        .landingUrl(Optional.ofNullable(landingUrl))
        .referrerType(visit.referrerType())
        .referrerName(visit.referrerName())
        .build();
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  static ImmutableSourceChannelInput.Builder builder() {
    return ImmutableSourceChannelInput.builder();
  }
}
