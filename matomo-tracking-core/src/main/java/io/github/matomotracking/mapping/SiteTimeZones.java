package io.github.matomotracking.mapping;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The time zone of each Matomo site, which the mapper needs to turn Matomo's shifted action
 * timestamps into true instants. A site without a zone is handled by the fallback described in
 * {@link ActionTimeCorrector}. Implementations must not change while a batch is mapped.
 */
@FunctionalInterface
public interface SiteTimeZones {

  /**
   * The time zone of a site.
   *
   * @param siteId Matomo's {@code idSite}
   * @return the zone, or empty when unknown
   */
  Optional<ZoneId> zoneOf(long siteId);

  /**
   * The site's time zone setting as Matomo gave it, when it is known but could not be read (the
   * mapper then warns, and falls back as if the zone were unknown). Empty by default.
   *
   * @param siteId Matomo's {@code idSite}
   * @return the unreadable setting, or empty
   */
  default Optional<String> unreadableZoneOf(long siteId) {
    return Optional.empty();
  }

  /**
   * No zone known for any site: every visit uses the fallback.
   *
   * @return the empty mapping
   */
  static SiteTimeZones none() {
    return siteId -> Optional.empty();
  }

  /**
   * Fixed zones per site.
   *
   * @param zones zone per {@code idSite}; copied
   * @return the mapping
   */
  static SiteTimeZones of(Map<Long, ZoneId> zones) {
    Map<Long, ZoneId> copy = Map.copyOf(zones);
    return siteId -> Optional.ofNullable(copy.get(siteId));
  }

  /**
   * Zones per site from Matomo's settings text ({@code Europe/Paris}, {@code UTC+5.5} ...), read
   * with {@link SiteTimeZone#parse(String)}. Settings that cannot be read count as unknown and
   * are reported through {@link #unreadableZoneOf(long)}.
   *
   * @param matomoTimezones Matomo's time zone setting per {@code idSite}; copied
   * @return the mapping
   */
  static SiteTimeZones fromMatomo(Map<Long, String> matomoTimezones) {
    Map<Long, ZoneId> zones = new HashMap<>();
    Map<Long, String> unreadable = new HashMap<>();
    matomoTimezones.forEach((siteId, text) -> {
      Objects.requireNonNull(siteId, "site id");
      Optional<ZoneId> zone = SiteTimeZone.parse(text);
      if (zone.isPresent()) {
        zones.put(siteId, zone.get());
      } else {
        unreadable.put(siteId, String.valueOf(text));
      }
    });
    Map<Long, ZoneId> readZones = Map.copyOf(zones);
    Map<Long, String> unreadZones = Map.copyOf(unreadable);
    return new SiteTimeZones() {
      @Override
      public Optional<ZoneId> zoneOf(long siteId) {
        return Optional.ofNullable(readZones.get(siteId));
      }

      @Override
      public Optional<String> unreadableZoneOf(long siteId) {
        return Optional.ofNullable(unreadZones.get(siteId));
      }
    };
  }
}
