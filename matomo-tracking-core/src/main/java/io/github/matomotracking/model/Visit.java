package io.github.matomotracking.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * One visit as Matomo's {@code Live.getLastVisitsDetails} returned it, typed and normalised only
 * where Matomo varies (numbers sent as strings, {@code false} for an anonymous visitorId,
 * {@code null} versus {@code ""}): blank texts are absent.
 *
 * <p>Fields the library does not model are still reachable through {@link #raw()}, the visit's
 * JSON object exactly as received.
 */
@Value.Immutable
@MatomoStyle
public interface Visit {

  /** The site ({@code idSite}). */
  long siteId();

  /** The visit id ({@code idVisit}); with {@link #siteId()} the natural key of a visit. */
  long visitId();

  /** The visitorId, 16 hex characters; absent for anonymous access ({@code false}). */
  Optional<String> visitorId();

  /** The userId the site set; for email clicks this is the CRM contact id. */
  Optional<String> userId();

  /** Time of the visit's first action ({@code firstActionTimestamp}), a true UTC instant. */
  Instant firstActionTime();

  /** Time of the visit's last action ({@code lastActionTimestamp}), a true UTC instant. */
  Optional<Instant> lastActionTime();

  /** {@code visitDuration}: seconds from the first to the last action. */
  OptionalLong durationSeconds();

  /** {@code actions}: the number of actions Matomo counted (may exceed the entries sent). */
  OptionalLong actionCount();

  /** {@code truncatedActionsCount}: actions Matomo left out (it sends at most 500 per visit). */
  OptionalLong truncatedActionsCount();

  /** {@code countryCode}: lower-case ISO 3166-1 alpha-2; {@code xx} means unknown. */
  Optional<String> countryCode();

  /** {@code country}: the country's (localized) name. */
  Optional<String> countryName();

  /** {@code regionCode}: the ISO 3166-2 subdivision code without the country prefix. */
  Optional<String> regionCode();

  /** {@code region}: the region's name. */
  Optional<String> regionName();

  /** {@code city}. */
  Optional<String> city();

  /** {@code latitude}, as the decimal text Matomo sent. */
  Optional<String> latitude();

  /** {@code longitude}, as the decimal text Matomo sent. */
  Optional<String> longitude();

  /** {@code referrerType}: direct, search, website, campaign, social, or a newer code. */
  Optional<String> referrerType();

  /** {@code referrerTypeName}: the localized name of the referrer type. */
  Optional<String> referrerTypeName();

  /** {@code referrerName}. */
  Optional<String> referrerName();

  /** {@code referrerKeyword}, as sent (may be the "Keyword not defined" placeholder). */
  Optional<String> referrerKeyword();

  /** {@code referrerUrl}. */
  Optional<String> referrerUrl();

  /** The campaign fields of the MarketingCampaignsReporting plugin ({@code campaignId} ...). */
  Campaign campaign();

  /** {@code operatingSystemName}. */
  Optional<String> operatingSystemName();

  /** {@code operatingSystemVersion}. */
  Optional<String> operatingSystemVersion();

  /** {@code deviceType}. */
  Optional<String> deviceType();

  /** {@code deviceBrand}. */
  Optional<String> deviceBrand();

  /** {@code deviceModel}. */
  Optional<String> deviceModel();

  /** {@code browserName}. */
  Optional<String> browserName();

  /** {@code visitIp} (may be masked by the server). */
  Optional<String> ipAddress();

  /** {@code languageCode}. */
  Optional<String> languageCode();

  /** {@code actionDetails}, in the order Matomo sent them. */
  List<VisitAction> actions();

  /**
   * The visit's JSON object as received, for fields this model does not carry. The reader builds
   * it from the visit's kept bytes on the first call (once, safe from any thread); its
   * {@code actionDetails} holds the same nodes as each action's {@link VisitAction#raw()}.
   */
  @Value.Auxiliary
  @Value.Default
  default ObjectNode raw() {
    return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
  }

  /** The natural key of this visit. */
  default VisitKey key() {
    return VisitKey.of(siteId(), visitId());
  }

  /** A new builder. */
  static ImmutableVisit.Builder builder() {
    return ImmutableVisit.builder();
  }
}
