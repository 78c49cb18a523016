package io.github.matomotracking.model;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** A Matomo visit mapped to a CRM web session (domain rules, section 4). */
@Value.Immutable
@MatomoStyle
public interface WebSession {

  /** {@code idSite}. */
  long siteId();

  /** {@code idVisit}. */
  long visitId();

  /** The natural key (site, visit). */
  default VisitKey key() {
    return VisitKey.of(siteId(), visitId());
  }

  /** Matomo visitorId, kept for re-identification. */
  Optional<String> visitorId();

  /** Matomo userId (the contact id for email clicks). */
  Optional<String> userId();

  /** Session start: the first action, UTC. */
  Instant startDate();

  /** The last action, UTC. */
  Optional<Instant> lastActionDate();

  /** Seconds from the first to the last action. */
  long durationSeconds();

  /** Number of actions Matomo counted for the visit. */
  long actionCount();

  /** Country (resolved by code, never added). */
  GeoValue country();

  /** Region (resolved by code within the country, never added). */
  GeoValue region();

  /** City (resolved by English name within country and region, then country; never added). */
  GeoValue city();

  /** {@code "<latitude>, <longitude>"} as Matomo sent them; absent if either is missing. */
  Optional<String> location();

  /** Lead source (section 5). */
  Optional<LookupRef> source();

  /** Lead channel (section 5). */
  Optional<LookupRef> channel();

  /** Referrer type, resolved or to be added. */
  Optional<CodedValue> referrerType();

  /** Referrer name, as text. */
  Optional<String> referrerName();

  /** Search keyword; absent when Matomo's "Keyword not defined" placeholder was sent. */
  Optional<String> referrerKeyword();

  /** Page referrer URL, its query string stripped when absolute. */
  Optional<String> referrerUrl();

  /** utm_id. */
  Optional<String> utmId();

  /** utm_source. */
  Optional<String> utmSource();

  /** utm_medium. */
  Optional<String> utmMedium();

  /** utm_campaign. */
  Optional<String> utmCampaign();

  /** utm_term. */
  Optional<String> utmTerm();

  /** utm_content. */
  Optional<String> utmContent();

  /** Operating system with its version. */
  Optional<String> platform();

  /** Device: type, brand and model. */
  Optional<String> device();

  /** IP address as received. */
  Optional<String> ipAddress();

  /** Browser language code. */
  Optional<String> language();

  /** A new builder. */
  static ImmutableWebSession.Builder builder() {
    return ImmutableWebSession.builder();
  }
}
