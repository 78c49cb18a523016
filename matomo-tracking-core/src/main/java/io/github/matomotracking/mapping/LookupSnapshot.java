package io.github.matomotracking.mapping;

import io.github.matomotracking.model.ActionType;
import io.github.matomotracking.model.City;
import io.github.matomotracking.model.Country;
import io.github.matomotracking.model.LeadChannel;
import io.github.matomotracking.model.LeadSource;
import io.github.matomotracking.model.ReferrerType;
import io.github.matomotracking.model.Region;
import io.github.matomotracking.model.WebPage;
import java.util.Optional;

/**
 * A read-only, consistent view of the CRM's lookups that the mapper resolves against. It must
 * not change while a batch is mapped; implementations index their entries so every method is a
 * constant-time look-up. Text keys match case-insensitively unless stated otherwise.
 */
public interface LookupSnapshot {

  /** The country with this ISO 3166-1 alpha-2 code. */
  Optional<Country> countryByCode(String code);

  /** The region with this code (no country prefix) within the given country. */
  Optional<Region> regionByCode(String countryId, String regionCode);

  /**
   * The city with this English name in the given country and region; {@code regionId} null means
   * among the country's cities filed under no region.
   */
  Optional<City> cityByName(String countryId, String regionId, String name);

  /** The lead source a Source code entry names for this utm value. */
  Optional<LeadSource> sourceByCode(String code);

  /** The lead channel a Channel code entry names for this utm_medium value. */
  Optional<LeadChannel> channelByCode(String code);

  /** The lead source a Lead source URL entry names for exactly this domain. */
  Optional<LeadSource> sourceByDomain(String domain);

  /** The lead source with this id. */
  Optional<LeadSource> leadSource(String id);

  /** The lead channel with this id. */
  Optional<LeadChannel> leadChannel(String id);

  /** The lead source with this name (such as "Other source"). */
  Optional<LeadSource> leadSourceByName(String name);

  /** The lead channel with this name (such as "Web: referrers"). */
  Optional<LeadChannel> leadChannelByName(String name);

  /** The referrer type with this Matomo code. */
  Optional<ReferrerType> referrerTypeByCode(String code);

  /** The action type with this Matomo code. */
  Optional<ActionType> actionTypeByCode(String code);

  /** The web page with exactly this name and URL (URL without query; names match exactly). */
  Optional<WebPage> webPage(String name, String url);
}
