package io.github.matomotracking.model;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * The campaign fields of a visit, present only when Matomo's MarketingCampaignsReporting plugin
 * is active (blank values are absent). They carry the utm tags: {@code campaignSource} is
 * utm_source, {@code campaignMedium} utm_medium, and so on.
 */
@Value.Immutable(singleton = true)
@MatomoStyle
public interface Campaign {

  /** {@code campaignId}: utm_id. */
  Optional<String> id();

  /** {@code campaignSource}: utm_source. */
  Optional<String> source();

  /** {@code campaignMedium}: utm_medium. */
  Optional<String> medium();

  /** {@code campaignName}: utm_campaign. */
  Optional<String> name();

  /** {@code campaignKeyword}: utm_term. */
  Optional<String> keyword();

  /** {@code campaignContent}: utm_content. */
  Optional<String> content();

  /** {@code campaignGroup}. */
  Optional<String> group();

  /** {@code campaignPlacement}. */
  Optional<String> placement();

  /** No campaign fields. */
  static Campaign none() {
    return ImmutableCampaign.of();
  }

  /** A new builder. */
  static ImmutableCampaign.Builder builder() {
    return ImmutableCampaign.builder();
  }
}
