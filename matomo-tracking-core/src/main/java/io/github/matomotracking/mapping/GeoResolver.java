package io.github.matomotracking.mapping;

import io.github.matomotracking.model.City;
import io.github.matomotracking.model.Country;
import io.github.matomotracking.model.GeoValue;
import io.github.matomotracking.model.LookupRef;
import io.github.matomotracking.model.Nullable;
import io.github.matomotracking.model.Region;
import io.github.matomotracking.model.Visit;
import java.util.Objects;
import java.util.Optional;

/**
 * Country, region and city of a session (domain rules, section 4). The name and code Matomo sent
 * are always kept; the lookup entry is found as follows, and geo lookups are <em>never</em> added
 * to:
 *
 * <ul>
 *   <li>country: by its ISO 3166-1 alpha-2 code; Matomo's {@code xx} (unknown) and a blank code
 *       resolve to nothing;
 *   <li>region: by its code (without the country prefix) among the regions of the resolved
 *       country only, so the same code in another country never matches; nothing when the
 *       country did not resolve;
 *   <li>city: by English name, case-insensitively, first among the cities of the resolved
 *       country and region, then among the cities of that country that have no region; nothing
 *       when the country did not resolve.
 * </ul>
 */
public final class GeoResolver {

  /** Matomo's country code for an unknown country. */
  public static final String UNKNOWN_COUNTRY = "xx";

  private GeoResolver() {}

  /**
   * The geo values of a session.
   *
   * @param country the country
   * @param region the region
   * @param city the city
   */
  public record Geo(GeoValue country, GeoValue region, GeoValue city) {

    /**
     * Checks the values are present.
     *
     * @param country the country
     * @param region the region
     * @param city the city
     */
    public Geo {
      Objects.requireNonNull(country, "country");
      Objects.requireNonNull(region, "region");
      Objects.requireNonNull(city, "city");
    }
  }

  /**
   * Resolves the geo fields of a visit.
   *
   * @param visit the visit
   * @param lookups the lookups
   * @return country, region and city
   */
  public static Geo resolve(Visit visit, LookupSnapshot lookups) {
    return resolve(
        visit.countryCode().orElse(null),
        visit.countryName().orElse(null),
        visit.regionCode().orElse(null),
        visit.regionName().orElse(null),
        visit.city().orElse(null),
        lookups);
  }

  /**
   * Resolves geo fields given as Matomo sends them.
   *
   * @param countryCode {@code countryCode}, may be null
   * @param countryName {@code country}, may be null
   * @param regionCode {@code regionCode}, may be null
   * @param regionName {@code region}, may be null
   * @param cityName {@code city}, may be null
   * @param lookups the lookups
   * @return country, region and city
   */
  public static Geo resolve(
      @Nullable String countryCode,
      @Nullable String countryName,
      @Nullable String regionCode,
      @Nullable String regionName,
      @Nullable String cityName,
      LookupSnapshot lookups) {
    String code = blankToNull(countryCode);
    Country country = code == null || code.equalsIgnoreCase(UNKNOWN_COUNTRY)
        ? null
        : lookups.countryByCode(code).orElse(null);

    String region = blankToNull(regionCode);
    Region regionEntry = country == null || region == null
        ? null
        : lookups.regionByCode(country.id(), region).orElse(null);

    String city = blankToNull(cityName);
    City cityEntry = null;
    if (country != null && city != null) {
      if (regionEntry != null) {
        cityEntry = lookups.cityByName(country.id(), regionEntry.id(), city).orElse(null);
      }
      if (cityEntry == null) {
        cityEntry = lookups.cityByName(country.id(), null, city).orElse(null);
      }
    }

    return new Geo(
        value(countryName, code, country == null ? null : LookupRef.of(country.id(), country.name())),
        value(regionName, region, regionEntry == null ? null : LookupRef.of(regionEntry.id(), regionEntry.name())),
        value(cityName, null, cityEntry == null ? null : LookupRef.of(cityEntry.id(), cityEntry.name())));
  }

  private static GeoValue value(@Nullable String name, @Nullable String code, @Nullable LookupRef lookup) {
    String keptName = blankToNull(name);
    if (keptName == null && code == null && lookup == null) {
      return GeoValue.empty();
    }
    return GeoValue.builder()
        .name(Optional.ofNullable(keptName))
        .code(Optional.ofNullable(code))
        .lookup(Optional.ofNullable(lookup))
        .build();
  }

  private static @Nullable String blankToNull(@Nullable String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
