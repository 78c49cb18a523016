package io.github.matomotracking.lookups;

import io.github.matomotracking.model.Country;
import io.github.matomotracking.model.Region;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The reference data a fresh CRM ships, ready to use or to lay a host's tables over.
 *
 * <ul>
 *   <li>Lead channels (14), lead sources with their default channel (11), source codes, channel
 *       codes, lead source URLs, referrer types (5) and web tracking action types (7): exactly
 *       the lists of the domain reference, read from CSV files in this jar
 *       ({@code io/github/matomotracking/lookups/defaults/}). Their ids are random UUIDs written
 *       once into those files; they never change, even if a name is edited. No other action
 *       types are shipped: the mapper adds missing codes (goal, ecommerceOrder, "13" ...) at run
 *       time with ids derived from the code, the same on every installation.
 *   <li>Countries: every ISO 3166-1 alpha-2 code the Java runtime knows ({@link
 *       Locale#getISOCountries()}), named in English by the runtime. Id: {@link #countryId}.
 *   <li>Regions: the current ISO 3166-2 subdivisions with English names from Unicode CLDR 41
 *       (file {@code defaults/regions.csv}; licence in {@code META-INF/LICENSE-CLDR}), code
 *       without the country prefix in upper case as Matomo sends it. Id: {@link #regionId}.
 *   <li>No cities and no web pages: those are the host's.
 * </ul>
 */
public final class DefaultLookups {

  private static final String DEFAULTS = "defaults/";

  /** The section-7 files, in dependency order (read over the countries and regions). */
  private static final List<String> FILES = List.of("lead-channels.csv", "lead-sources.csv",
      "source-codes.csv", "channel-codes.csv", "source-urls.csv", "referrer-types.csv",
      "action-types.csv");

  private DefaultLookups() {}

  /**
   * Every default table: the CRM defaults, countries and regions. Loaded once, then shared.
   *
   * @return the default tables
   */
  public static LookupTables tables() {
    return Holder.TABLES;
  }

  /**
   * The id of the default country entry for an ISO 3166-1 alpha-2 code: the name-based UUID
   * (version 3) of {@code "matomo-tracking/country/" + CODE}, the code in upper case. Stable
   * across releases and Java versions.
   *
   * @param code the alpha-2 code, any case
   * @return the id
   */
  public static String countryId(String code) {
    return nameUuid("matomo-tracking/country/" + code.toUpperCase(Locale.ROOT));
  }

  /**
   * The id of the default region entry: the name-based UUID (version 3) of
   * {@code "matomo-tracking/region/" + COUNTRY + "-" + CODE}, both in upper case, such as
   * {@code matomo-tracking/region/US-CA}. Stable across releases and CLDR versions.
   *
   * @param countryCode the country's alpha-2 code, any case
   * @param regionCode the subdivision code without the country prefix, any case
   * @return the id
   */
  public static String regionId(String countryCode, String regionCode) {
    return nameUuid("matomo-tracking/region/" + countryCode.toUpperCase(Locale.ROOT) + "-"
        + regionCode.toUpperCase(Locale.ROOT));
  }

  private static String nameUuid(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static final class Holder {
    static final LookupTables TABLES = load();
  }

  private static LookupTables load() {
    List<Country> countries = countries();
    LookupTables geo = LookupTables.builder()
        .countries(countries)
        .regions(regions(countries))
        .build();
    LookupFiles.Loader loader = LookupFiles.over(geo);
    for (String file : FILES) {
      try (InputStream in = open(file)) {
        loader.read(file, in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the default lookup file " + file, e);
      }
    }
    return loader.tables();
  }

  private static List<Country> countries() {
    List<Country> countries = new ArrayList<>();
    for (String code : Locale.getISOCountries()) {
      String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
      countries.add(Country.of(countryId(code), code, name));
    }
    return countries;
  }

  /**
   * The CLDR regions. A region whose country this Java runtime does not list is left out, so a
   * runtime with a different country list still starts.
   */
  private static List<Region> regions(List<Country> countries) {
    Set<String> known = new HashSet<>();
    for (Country c : countries) {
      known.add(c.code());
    }
    List<Region> regions = new ArrayList<>();
    try (InputStream in = open("regions.csv")) {
      for (HostRow row : CsvTableReader.read("regions.csv", in, TableSpec.REGIONS)) {
        String country = row.required("country");
        if (known.contains(country)) {
          regions.add(Region.of(row.required("id"), countryId(country), row.required("code"),
              row.required("name")));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the default lookup file regions.csv", e);
    }
    return regions;
  }

  private static InputStream open(String file) throws IOException {
    InputStream in = DefaultLookups.class.getResourceAsStream(DEFAULTS + file);
    if (in == null) {
      throw new IOException("missing from the class path: " + DEFAULTS + file);
    }
    return in;
  }
}
