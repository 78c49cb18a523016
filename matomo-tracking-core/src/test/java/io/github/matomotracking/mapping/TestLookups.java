package io.github.matomotracking.mapping;

import io.github.matomotracking.model.ActionType;
import io.github.matomotracking.model.City;
import io.github.matomotracking.model.Country;
import io.github.matomotracking.model.LeadChannel;
import io.github.matomotracking.model.LeadSource;
import io.github.matomotracking.model.LookupRef;
import io.github.matomotracking.model.Nullable;
import io.github.matomotracking.model.ReferrerType;
import io.github.matomotracking.model.Region;
import io.github.matomotracking.model.WebPage;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An in-memory {@link LookupSnapshot} for tests, built with readable ids so failures are easy to
 * read: {@code channel:Web: social}, {@code source:Facebook}, {@code country:fr},
 * {@code region:us-CA}, {@code city:us-CA-San Francisco} ({@code city:us--Springfield} for a city
 * with no region), {@code referrer-type:search}, {@code action-type:action},
 * {@code page:<name>|<url>}. The static {@code ...Ref} and {@code ...Id} methods give the same
 * ids, for expected values.
 *
 * <p>{@link #defaults()} holds the reference data a fresh CRM ships (domain rules, section 7) and
 * a few countries, regions and cities: France (IDF: Paris; ARA: Lyon), the United States (CA:
 * San Francisco; WA: Seattle; OR: Portland; no region: Springfield, Portland), Spain (CA, the
 * province of Cadiz: Cadiz), Canada (BC: Vancouver) and Russia (SPE: Saint Petersburg). Text keys
 * match case-insensitively, web pages exactly, as the {@link LookupSnapshot} contract says.
 */
public final class TestLookups implements LookupSnapshot {

  private final Map<String, LeadChannel> channelsById;
  private final Map<String, LeadChannel> channelsByName;
  private final Map<String, LeadSource> sourcesById;
  private final Map<String, LeadSource> sourcesByName;
  private final Map<String, String> sourceCodes;
  private final Map<String, String> channelCodes;
  private final Map<String, String> sourceUrls;
  private final Map<String, Country> countries;
  private final Map<String, Region> regions;
  private final Map<String, City> cities;
  private final Map<String, ReferrerType> referrerTypes;
  private final Map<String, ActionType> actionTypes;
  private final Map<String, WebPage> webPages;

  private TestLookups(Builder builder) {
    channelsById = Map.copyOf(builder.channelsById);
    sourcesById = Map.copyOf(builder.sourcesById);
    channelsByName = byLowerName(builder.channelsById.values().stream().map(c -> Map.entry(c.name(), c)).toList());
    sourcesByName = byLowerName(builder.sourcesById.values().stream().map(s -> Map.entry(s.name(), s)).toList());
    sourceCodes = Map.copyOf(builder.sourceCodes);
    channelCodes = Map.copyOf(builder.channelCodes);
    sourceUrls = Map.copyOf(builder.sourceUrls);
    countries = Map.copyOf(builder.countries);
    regions = Map.copyOf(builder.regions);
    cities = Map.copyOf(builder.cities);
    referrerTypes = Map.copyOf(builder.referrerTypes);
    actionTypes = Map.copyOf(builder.actionTypes);
    webPages = Map.copyOf(builder.webPages);
  }

  private static <T> Map<String, T> byLowerName(List<Map.Entry<String, T>> entries) {
    Map<String, T> map = new HashMap<>();
    entries.forEach(e -> map.put(lower(e.getKey()), e.getValue()));
    return Map.copyOf(map);
  }

  /**
   * The default reference data (section 7) and the sample geography.
   *
   * @return the snapshot
   */
  public static TestLookups defaults() {
    return withDefaults().build();
  }

  /**
   * A builder preloaded with {@link #defaults()}, to add or remove entries.
   *
   * @return the builder
   */
  public static Builder withDefaults() {
    return new Builder().addDefaults();
  }

  /**
   * An empty builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  // ---- ids and references, for expected values ----

  /**
   * The id of the lead channel with this name.
   *
   * @param name channel name
   * @return its id
   */
  public static String channelId(String name) {
    return "channel:" + name;
  }

  /**
   * The id of the lead source with this name.
   *
   * @param name source name
   * @return its id
   */
  public static String sourceId(String name) {
    return "source:" + name;
  }

  /**
   * The id of the country with this code.
   *
   * @param code country code
   * @return its id
   */
  public static String countryId(String code) {
    return "country:" + lower(code);
  }

  /**
   * The id of the region with this code in this country.
   *
   * @param countryCode country code
   * @param code region code
   * @return its id
   */
  public static String regionId(String countryCode, String code) {
    return "region:" + lower(countryCode) + "-" + code.toUpperCase(Locale.ROOT);
  }

  /**
   * The id of the city with this name in this country and region.
   *
   * @param countryCode country code
   * @param regionCode region code or null
   * @param name city
   * @return its id
   */
  public static String cityId(String countryCode, @Nullable String regionCode, String name) {
    return "city:" + lower(countryCode) + "-" + (regionCode == null ? "" : regionCode.toUpperCase(Locale.ROOT))
        + "-" + name;
  }

  /**
   * The id of the referrer type entry for this code.
   *
   * @param code Matomo code
   * @return the id of the referrer type entry
   */
  public static String referrerTypeId(String code) {
    return "referrer-type:" + lower(code);
  }

  /**
   * The id of the action type entry for this code.
   *
   * @param code Matomo code
   * @return the id of the action type entry
   */
  public static String actionTypeId(String code) {
    return "action-type:" + lower(code);
  }

  /**
   * The id of the web page entry with this name and URL.
   *
   * @param name page name
   * @param url page URL
   * @return the id of the web page entry
   */
  public static String webPageId(String name, String url) {
    return "page:" + name + "|" + url;
  }

  /**
   * The reference the lookups give for the lead channel with this name.
   *
   * @param name channel name
   * @return the reference the lookups give for it
   */
  public static LookupRef channelRef(String name) {
    return LookupRef.of(channelId(name), name);
  }

  /**
   * The reference the lookups give for the lead source with this name.
   *
   * @param name source name
   * @return the reference the lookups give for it
   */
  public static LookupRef sourceRef(String name) {
    return LookupRef.of(sourceId(name), name);
  }

  // ---- LookupSnapshot ----

  @Override
  public Optional<Country> countryByCode(String code) {
    return Optional.ofNullable(countries.get(lower(code)));
  }

  @Override
  public Optional<Region> regionByCode(String countryId, String regionCode) {
    return Optional.ofNullable(regions.get(countryId + "\n" + lower(regionCode)));
  }

  @Override
  public Optional<City> cityByName(String countryId, String regionId, String name) {
    return Optional.ofNullable(cities.get(cityKey(countryId, regionId, name)));
  }

  @Override
  public Optional<LeadSource> sourceByCode(String code) {
    return Optional.ofNullable(sourceCodes.get(lower(code))).map(sourcesById::get);
  }

  @Override
  public Optional<LeadChannel> channelByCode(String code) {
    return Optional.ofNullable(channelCodes.get(lower(code))).map(channelsById::get);
  }

  @Override
  public Optional<LeadSource> sourceByDomain(String domain) {
    return Optional.ofNullable(sourceUrls.get(lower(domain))).map(sourcesById::get);
  }

  @Override
  public Optional<LeadSource> leadSource(String id) {
    return Optional.ofNullable(sourcesById.get(id));
  }

  @Override
  public Optional<LeadChannel> leadChannel(String id) {
    return Optional.ofNullable(channelsById.get(id));
  }

  @Override
  public Optional<LeadSource> leadSourceByName(String name) {
    return Optional.ofNullable(sourcesByName.get(lower(name)));
  }

  @Override
  public Optional<LeadChannel> leadChannelByName(String name) {
    return Optional.ofNullable(channelsByName.get(lower(name)));
  }

  @Override
  public Optional<ReferrerType> referrerTypeByCode(String code) {
    return Optional.ofNullable(referrerTypes.get(lower(code)));
  }

  @Override
  public Optional<ActionType> actionTypeByCode(String code) {
    return Optional.ofNullable(actionTypes.get(lower(code)));
  }

  @Override
  public Optional<WebPage> webPage(String name, String url) {
    return Optional.ofNullable(webPages.get(name + "\n" + url));
  }

  private static String cityKey(String countryId, @Nullable String regionId, String name) {
    return countryId + "\n" + (regionId == null ? "" : regionId) + "\n" + lower(name);
  }

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  /** Builds {@link TestLookups}; entries are keyed by names, ids are derived. */
  public static final class Builder {

    private final Map<String, LeadChannel> channelsById = new HashMap<>();
    private final Map<String, LeadSource> sourcesById = new HashMap<>();
    private final Map<String, String> sourceCodes = new HashMap<>();
    private final Map<String, String> channelCodes = new HashMap<>();
    private final Map<String, String> sourceUrls = new HashMap<>();
    private final Map<String, Country> countries = new HashMap<>();
    private final Map<String, Region> regions = new HashMap<>();
    private final Map<String, City> cities = new HashMap<>();
    private final Map<String, ReferrerType> referrerTypes = new HashMap<>();
    private final Map<String, ActionType> actionTypes = new HashMap<>();
    private final Map<String, WebPage> webPages = new HashMap<>();

    private Builder() {}

    /**
     * Adds a lead channel.
     *
     * @param name channel name
     * @return this builder
     */
    public Builder leadChannel(String name) {
      channelsById.put(channelId(name), LeadChannel.of(channelId(name), name));
      return this;
    }

    /**
     * Adds a lead source.
     *
     * @param name source name
     * @param defaultChannelName name of its default channel, or null for none
     * @return this builder
     */
    public Builder leadSource(String name, @Nullable String defaultChannelName) {
      sourcesById.put(sourceId(name),
          LeadSource.of(sourceId(name), name, defaultChannelName == null ? null : channelId(defaultChannelName)));
      return this;
    }

    /**
     * Removes a lead source.
     *
     * @param name source name to remove
     * @return this builder
     */
    public Builder withoutLeadSource(String name) {
      sourcesById.remove(sourceId(name));
      return this;
    }

    /**
     * Removes a lead channel.
     *
     * @param name channel name to remove
     * @return this builder
     */
    public Builder withoutLeadChannel(String name) {
      channelsById.remove(channelId(name));
      return this;
    }

    /**
     * Adds a Source code entry.
     *
     * @param code utm value
     * @param sourceName source it names
     * @return this builder
     */
    public Builder sourceCode(String code, String sourceName) {
      sourceCodes.put(lower(code), sourceId(sourceName));
      return this;
    }

    /**
     * Adds a Channel code entry.
     *
     * @param code utm_medium value
     * @param channelName channel it names
     * @return this builder
     */
    public Builder channelCode(String code, String channelName) {
      channelCodes.put(lower(code), channelId(channelName));
      return this;
    }

    /**
     * Adds a Lead source URL entry.
     *
     * @param domain referrer domain
     * @param sourceName source it names
     * @return this builder
     */
    public Builder sourceUrl(String domain, String sourceName) {
      sourceUrls.put(lower(domain), sourceId(sourceName));
      return this;
    }

    /**
     * Adds a country.
     *
     * @param code country code
     * @param name English name
     * @return this builder
     */
    public Builder country(String code, String name) {
      countries.put(lower(code), Country.of(countryId(code), lower(code), name));
      return this;
    }

    /**
     * Adds a region of a country.
     *
     * @param countryCode country code
     * @param code region code
     * @param name name
     * @return this builder
     */
    public Builder region(String countryCode, String code, String name) {
      regions.put(countryId(countryCode) + "\n" + lower(code),
          Region.of(regionId(countryCode, code), countryId(countryCode), code, name));
      return this;
    }

    /**
     * Adds a city.
     *
     * @param countryCode country code
     * @param regionCode region code, or null for a city filed under no region
     * @param name English name
     * @return this builder
     */
    public Builder city(String countryCode, @Nullable String regionCode, String name) {
      String regionId = regionCode == null ? null : regionId(countryCode, regionCode);
      cities.put(cityKey(countryId(countryCode), regionId, name),
          City.of(cityId(countryCode, regionCode, name), name, countryId(countryCode), regionId));
      return this;
    }

    /**
     * Adds a referrer type.
     *
     * @param code Matomo code
     * @param name display name
     * @return this builder
     */
    public Builder referrerType(String code, String name) {
      referrerTypes.put(lower(code), ReferrerType.of(referrerTypeId(code), code, name));
      return this;
    }

    /**
     * Adds an action type.
     *
     * @param code Matomo code
     * @param name display name
     * @return this builder
     */
    public Builder actionType(String code, String name) {
      actionTypes.put(lower(code), ActionType.of(actionTypeId(code), code, name));
      return this;
    }

    /**
     * Adds a web page.
     *
     * @param name page name
     * @param url URL without query
     * @return this builder
     */
    public Builder webPage(String name, String url) {
      webPages.put(name + "\n" + url, WebPage.of(webPageId(name, url), name, url));
      return this;
    }

    /**
     * Builds the snapshot.
     *
     * @return the snapshot
     */
    public TestLookups build() {
      return new TestLookups(this);
    }

    private Builder addDefaults() {
      for (String channel : List.of("Web: referrers", "Web: other online advertising", "Email",
          "Web: direct traffic", "Other channels", "Recommendation/personal contact", "Event",
          "Offline advertising", "Web: social", "Partner referral", "Web: organic search",
          "Web: paid search", "Web: media advertising", "Contact with the existing customer")) {
        leadChannel(channel);
      }
      leadSource("Yandex.Direct", "Web: paid search");
      leadSource("LinkedIn", "Web: social");
      leadSource("Vkontakte", "Web: social");
      leadSource("Google AdWords", "Web: paid search");
      leadSource("Twitter", "Web: social");
      leadSource("Creatio marketing", "Email");
      leadSource("Yandex", "Web: organic search");
      leadSource("Google", "Web: organic search");
      leadSource("Facebook", "Web: social");
      leadSource("Mailchimp", "Email");
      leadSource("Other source", "Web: referrers");

      sourceCode("twitter", "Twitter").sourceCode("twitter.com", "Twitter");
      sourceCode("mailchimp", "Mailchimp");
      for (String code : List.of("facebook", "facebook.com", "fb", "fb.com")) {
        sourceCode(code, "Facebook");
      }
      sourceCode("bpmonline", "Creatio marketing");
      sourceCode("adwords", "Google AdWords").sourceCode("adword", "Google AdWords");
      sourceCode("linkedin", "LinkedIn").sourceCode("linkedin.com", "LinkedIn");

      for (String code : List.of("display", "cpm", "banner")) {
        channelCode(code, "Web: media advertising");
      }
      for (String code : List.of("content-text", "cpa", "cpp", "cpv")) {
        channelCode(code, "Web: other online advertising");
      }
      for (String code : List.of("ppc", "cpc", "paid-search", "paidsearch", "adword", "adwords")) {
        channelCode(code, "Web: paid search");
      }
      for (String code : List.of("social", "social media", "social-media", "social network", "social-network")) {
        channelCode(code, "Web: social");
      }
      channelCode("email", "Email");

      sourceUrl("facebook.com", "Facebook").sourceUrl("fb.com", "Facebook");
      sourceUrl("twitter.com", "Twitter");
      sourceUrl("linkedin.com", "LinkedIn");

      referrerType("direct", "Direct Entry");
      referrerType("search", "Search Engines");
      referrerType("website", "Websites");
      referrerType("campaign", "Campaigns");
      referrerType("social", "Social Networks");

      actionType("action", "Following a link");
      actionType("event", "Media action");
      actionType("outlink", "Outlink");
      actionType("download", "Downloading");
      actionType("form", "Form submission");
      actionType("media", "Media interaction");
      actionType("search", "Site search");

      country("fr", "France").region("fr", "IDF", "Ile-de-France").region("fr", "ARA", "Auvergne-Rhone-Alpes");
      city("fr", "IDF", "Paris").city("fr", "ARA", "Lyon");
      country("us", "United States").region("us", "CA", "California").region("us", "WA", "Washington")
          .region("us", "OR", "Oregon");
      city("us", "CA", "San Francisco").city("us", "WA", "Seattle").city("us", "OR", "Portland")
          .city("us", null, "Springfield").city("us", null, "Portland");
      country("es", "Spain").region("es", "CA", "Cadiz").city("es", "CA", "Cadiz");
      country("ca", "Canada").region("ca", "BC", "British Columbia").city("ca", "BC", "Vancouver");
      country("ru", "Russia").region("ru", "SPE", "Saint Petersburg").city("ru", "SPE", "Saint Petersburg");
      return this;
    }
  }
}
