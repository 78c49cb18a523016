package io.github.matomotracking.examples.demo;

import io.github.matomotracking.model.Nullable;
import io.github.matomotracking.model.VisitKey;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One visit in the demo server's table: what Matomo stores about it. Everything Matomo computes
 * from it when it answers (first and last action times, duration, counts, pretty texts, shifted
 * action timestamps) is derived by the server.
 *
 * @param siteId {@code idSite}
 * @param visitId {@code idVisit}, unique across sites
 * @param visitorId the visitor's id, 16 lower-case hexadecimal characters
 * @param userId the userId the site set, or {@code null}
 * @param ipAddress the (masked) IP address
 * @param visitCount the visitor's number of this visit, from 1
 * @param referrer how the visitor arrived
 * @param campaign the MarketingCampaignsReporting fields ({@link Campaign#NONE} when empty)
 * @param geo where the visitor was
 * @param device the visitor's device, system and browser
 * @param actions the visit's actions in time order, at least one
 */
public record DemoVisit(
    long siteId,
    long visitId,
    String visitorId,
    @Nullable String userId,
    String ipAddress,
    int visitCount,
    Referrer referrer,
    Campaign campaign,
    Geo geo,
    Device device,
    List<DemoAction> actions) {

  /** Checks and copies the values. */
  public DemoVisit {
    if (siteId < 1 || visitId < 1) {
      throw new IllegalArgumentException("site and visit ids start at 1, got " + siteId + "/" + visitId);
    }
    if (visitorId == null || !visitorId.matches("[0-9a-f]{16}")) {
      throw new IllegalArgumentException("visit " + visitId + ": visitorId must be 16 lower-case hex characters");
    }
    if (userId != null && (userId.isEmpty() || userId.length() > 200)) {
      throw new IllegalArgumentException("visit " + visitId + ": userId must have 1 to 200 characters");
    }
    if (visitCount < 1) {
      throw new IllegalArgumentException("visit " + visitId + ": visitCount starts at 1");
    }
    Objects.requireNonNull(ipAddress, "ipAddress");
    Objects.requireNonNull(referrer, "referrer");
    Objects.requireNonNull(campaign, "campaign");
    Objects.requireNonNull(geo, "geo");
    Objects.requireNonNull(device, "device");
    actions = List.copyOf(actions);
    if (actions.isEmpty()) {
      throw new IllegalArgumentException("visit " + visitId + " has no action");
    }
    for (int i = 1; i < actions.size(); i++) {
      if (actions.get(i).time().isBefore(actions.get(i - 1).time())) {
        throw new IllegalArgumentException("visit " + visitId + ": action " + i + " is earlier than the one before");
      }
    }
  }

  /**
   * The natural key (site, visit).
   *
   * @return the key
   */
  public VisitKey key() {
    return VisitKey.of(siteId, visitId);
  }

  /**
   * The userId, if the site set one.
   *
   * @return the userId
   */
  public Optional<String> userIdIfAny() {
    return Optional.ofNullable(userId);
  }

  /**
   * The time of the first action ({@code firstActionTimestamp}).
   *
   * @return the instant
   */
  public Instant firstActionTime() {
    return actions.get(0).time();
  }

  /**
   * The time of the last action ({@code lastActionTimestamp}).
   *
   * @return the instant
   */
  public Instant lastActionTime() {
    return actions.get(actions.size() - 1).time();
  }

  /**
   * Seconds from the first to the last action ({@code visitDuration}).
   *
   * @return the duration
   */
  public long durationSeconds() {
    return lastActionTime().getEpochSecond() - firstActionTime().getEpochSecond();
  }

  /**
   * This visit with one more action, as when a visit that was still going on continues.
   *
   * @param action the new action, not earlier than the last one
   * @return the continued visit
   */
  public DemoVisit plus(DemoAction action) {
    List<DemoAction> more = new ArrayList<>(actions);
    more.add(action);
    return new DemoVisit(siteId, visitId, visitorId, userId, ipAddress, visitCount, referrer, campaign, geo,
        device, more);
  }

  /** Orders visits as Matomo does: by last action second, then idVisit. */
  static final Comparator<DemoVisit> BY_LAST_ACTION = Comparator
      .comparingLong((DemoVisit v) -> v.lastActionTime().getEpochSecond())
      .thenComparingLong(DemoVisit::visitId);

  /**
   * How the visitor arrived ({@code referrerType}, {@code referrerName}, {@code referrerKeyword},
   * {@code referrerUrl}).
   *
   * @param type {@code direct}, {@code search}, {@code website}, {@code campaign}, {@code social}
   *     or a newer code
   * @param name the search engine, social network, site host or campaign name, or {@code null}
   * @param keyword the search or campaign keyword, or {@code null}
   * @param url the referring URL, or {@code null}
   */
  public record Referrer(String type, @Nullable String name, @Nullable String keyword, @Nullable String url) {

    /** Checks the type. */
    public Referrer {
      Objects.requireNonNull(type, "type");
    }

    /**
     * A direct entry.
     *
     * @return the referrer
     */
    public static Referrer direct() {
      return new Referrer("direct", null, null, null);
    }

    /**
     * Matomo's English name of the type ({@code referrerTypeName}).
     *
     * @return the name
     */
    public String typeName() {
      switch (type) {
        case "direct":
          return "Direct Entry";
        case "search":
          return "Search Engines";
        case "website":
          return "Websites";
        case "campaign":
          return "Campaigns";
        case "social":
          return "Social Networks";
        default:
          return type;
      }
    }
  }

  /**
   * The MarketingCampaignsReporting fields, lower-cased as Matomo stores them; {@code ""} when
   * absent.
   *
   * @param id utm_id ({@code campaignId})
   * @param source utm_source ({@code campaignSource})
   * @param medium utm_medium ({@code campaignMedium})
   * @param name utm_campaign ({@code campaignName})
   * @param keyword utm_term ({@code campaignKeyword})
   * @param content utm_content ({@code campaignContent})
   * @param group {@code campaignGroup}
   * @param placement {@code campaignPlacement}
   */
  public record Campaign(String id, String source, String medium, String name, String keyword, String content,
      String group, String placement) {

    /** No campaign fields: every one is {@code ""}. */
    public static final Campaign NONE = new Campaign("", "", "", "", "", "", "", "");

    /** Lower-cases the values, as Matomo does by default. */
    public Campaign {
      id = lower(id);
      source = lower(source);
      medium = lower(medium);
      name = lower(name);
      keyword = lower(keyword);
      content = lower(content);
      group = lower(group);
      placement = lower(placement);
    }

    /**
     * Source, medium and name only, the rest empty.
     *
     * @param source utm_source
     * @param medium utm_medium
     * @param name utm_campaign
     * @return the campaign
     */
    public static Campaign of(String source, String medium, String name) {
      return new Campaign("", source, medium, name, "", "", "", "");
    }

    /**
     * Whether every field is empty.
     *
     * @return true for {@link #NONE}
     */
    public boolean isEmpty() {
      return equals(NONE);
    }

    private static String lower(String value) {
      return value == null ? "" : value.toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Where the visitor was, as Matomo's geolocation found it.
   *
   * @param countryCode lower-case ISO 3166-1 alpha-2 code, {@code xx} when unknown
   * @param country the country's English name
   * @param regionCode the ISO 3166-2 subdivision code without the country prefix, or {@code null}
   * @param region the region's name, or {@code null}
   * @param city the city's English name, or {@code null}
   * @param latitude decimal text such as {@code 48.856600}, or {@code null}
   * @param longitude decimal text, or {@code null}
   * @param continentCode Matomo's continent code ({@code eur}, {@code amn} ...)
   * @param continent the continent's English name
   * @param localZone the visitor's own time zone (for {@code visitLocalTime})
   */
  public record Geo(String countryCode, String country, @Nullable String regionCode, @Nullable String region,
      @Nullable String city, @Nullable String latitude, @Nullable String longitude, String continentCode,
      String continent, ZoneId localZone) {

    /** Checks the required values. */
    public Geo {
      Objects.requireNonNull(countryCode, "countryCode");
      Objects.requireNonNull(country, "country");
      Objects.requireNonNull(continentCode, "continentCode");
      Objects.requireNonNull(continent, "continent");
      Objects.requireNonNull(localZone, "localZone");
    }

    /**
     * A visitor Matomo could not locate.
     *
     * @return the unknown location
     */
    public static Geo unknown() {
      return new Geo("xx", "Unknown", null, null, null, null, null, "unk", "Unknown", ZoneId.of("UTC"));
    }

    /**
     * Matomo's {@code location} text: city, region and country, as far as known.
     *
     * @return the text
     */
    public String location() {
      StringBuilder text = new StringBuilder();
      if (city != null) {
        text.append(city).append(", ");
      }
      if (region != null) {
        text.append(region).append(", ");
      }
      return text.append(country).toString();
    }
  }

  /**
   * The visitor's device as Matomo's device detection saw it.
   *
   * @param type {@code deviceType}: Desktop, Smartphone, Tablet ...
   * @param brand {@code deviceBrand}, {@code Unknown} when not detected
   * @param model {@code deviceModel}, or {@code null}
   * @param osName {@code operatingSystemName}
   * @param osCode {@code operatingSystemCode}
   * @param osVersion {@code operatingSystemVersion}, or {@code null}
   * @param browserName {@code browserName}
   * @param browserCode {@code browserCode}
   * @param browserVersion {@code browserVersion}
   * @param browserEngine {@code browserFamily}: Blink, WebKit, Gecko ...
   * @param languageCode {@code languageCode}, such as {@code fr-fr}
   * @param resolution {@code resolution}, such as {@code 1920x1080}
   */
  public record Device(String type, String brand, @Nullable String model, String osName, String osCode,
      @Nullable String osVersion, String browserName, String browserCode, String browserVersion,
      String browserEngine, String languageCode, String resolution) {

    /** Checks the required values. */
    public Device {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(brand, "brand");
      Objects.requireNonNull(osName, "osName");
      Objects.requireNonNull(osCode, "osCode");
      Objects.requireNonNull(browserName, "browserName");
      Objects.requireNonNull(browserCode, "browserCode");
      Objects.requireNonNull(browserVersion, "browserVersion");
      Objects.requireNonNull(browserEngine, "browserEngine");
      Objects.requireNonNull(languageCode, "languageCode");
      Objects.requireNonNull(resolution, "resolution");
    }

    /**
     * This device with another browser language.
     *
     * @param code the language code
     * @return the device
     */
    public Device withLanguage(String code) {
      return new Device(type, brand, model, osName, osCode, osVersion, browserName, browserCode, browserVersion,
          browserEngine, code, resolution);
    }
  }
}
