package io.github.matomotracking.mapping;

import io.github.matomotracking.model.ActionType;
import io.github.matomotracking.model.City;
import io.github.matomotracking.model.Country;
import io.github.matomotracking.model.LeadChannel;
import io.github.matomotracking.model.LeadSource;
import io.github.matomotracking.model.Nullable;
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

  /**
   * The country with this ISO 3166-1 alpha-2 code.
   *
   * @param code the code, any case
   * @return the country, if any
   */
  Optional<Country> countryByCode(String code);

  /**
   * The region with this code (no country prefix) within the given country.
   *
   * @param countryId id of the country entry
   * @param regionCode the region code, any case
   * @return the region, if any
   */
  Optional<Region> regionByCode(String countryId, String regionCode);

  /**
   * The city with this English name in the given country and region; {@code regionId} null means
   * among the country's cities filed under no region.
   *
   * @param countryId id of the country entry
   * @param regionId id of the region entry, or null for cities filed under no region
   * @param name the English name, any case
   * @return the city, if any
   */
  Optional<City> cityByName(String countryId, @Nullable String regionId, String name);

  /**
   * The lead source a Source code entry names for this utm value.
   *
   * @param code the utm value, any case
   * @return the lead source, if any
   */
  Optional<LeadSource> sourceByCode(String code);

  /**
   * The lead channel a Channel code entry names for this utm_medium value.
   *
   * @param code the utm_medium value, any case
   * @return the lead channel, if any
   */
  Optional<LeadChannel> channelByCode(String code);

  /**
   * The lead source a Lead source URL entry names for exactly this domain (the mapper tries
   * parent domains itself).
   *
   * @param domain the domain, any case
   * @return the lead source, if any
   */
  Optional<LeadSource> sourceByDomain(String domain);

  /**
   * The lead source with this id.
   *
   * @param id the id
   * @return the lead source, if any
   */
  Optional<LeadSource> leadSource(String id);

  /**
   * The lead channel with this id.
   *
   * @param id the id
   * @return the lead channel, if any
   */
  Optional<LeadChannel> leadChannel(String id);

  /**
   * The lead source with this name (such as "Other source").
   *
   * @param name the name, any case
   * @return the lead source, if any
   */
  Optional<LeadSource> leadSourceByName(String name);

  /**
   * The lead channel with this name (such as "Web: referrers").
   *
   * @param name the name, any case
   * @return the lead channel, if any
   */
  Optional<LeadChannel> leadChannelByName(String name);

  /**
   * The referrer type with this Matomo code.
   *
   * @param code the code, any case
   * @return the referrer type, if any
   */
  Optional<ReferrerType> referrerTypeByCode(String code);

  /**
   * The action type with this Matomo code.
   *
   * @param code the code, any case
   * @return the action type, if any
   */
  Optional<ActionType> actionTypeByCode(String code);

  /**
   * The web page with exactly this name and URL (URL without query; names match exactly).
   *
   * @param name the page name
   * @param url the page URL without its query string (a fragment stays)
   * @return the web page, if any
   */
  Optional<WebPage> webPage(String name, String url);
}
