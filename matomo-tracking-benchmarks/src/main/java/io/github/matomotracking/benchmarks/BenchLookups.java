package io.github.matomotracking.benchmarks;

import io.github.matomotracking.lookups.DefaultLookups;
import io.github.matomotracking.lookups.IndexedLookupSnapshot;
import io.github.matomotracking.model.City;
import io.github.matomotracking.model.Region;
import io.github.matomotracking.model.WebPage;
import java.util.List;

/**
 * Lookup snapshots for the benchmarks: the shipped defaults, and a large host's tables (the
 * defaults plus 100,000 web pages and 50,000 cities) that the generated visits mostly hit.
 */
public final class BenchLookups {

  /** Web pages of the large table. */
  public static final int LARGE_WEB_PAGES = 100_000;

  /** Cities of the large table. */
  public static final int LARGE_CITIES = 50_000;

  private BenchLookups() {}

  /**
   * The shipped defaults: no web page and no city, so every page is an addition.
   *
   * @return the snapshot
   */
  public static IndexedLookupSnapshot defaults() {
    return IndexedLookupSnapshot.of(DefaultLookups.tables());
  }

  /**
   * The defaults plus {@value #LARGE_WEB_PAGES} web pages (every page the generator visits, the
   * rest filler) and {@value #LARGE_CITIES} cities (every generated city, the rest filler spread
   * over the default regions), built with {@link IndexedLookupSnapshot#builder()}.
   *
   * @return the snapshot
   */
  public static IndexedLookupSnapshot large() {
    IndexedLookupSnapshot.Builder builder =
        IndexedLookupSnapshot.builder().addAll(DefaultLookups.tables());
    int pages = 0;
    for (SyntheticWorld.Page page : SyntheticWorld.allPages()) {
      builder.add(WebPage.of("page-" + pages++, page.title(), page.url()));
    }
    while (pages < LARGE_WEB_PAGES) {
      builder.add(WebPage.of("page-" + pages, "Archive " + pages + " | Example Shop",
          "https://www.shop.example/archive/" + pages));
      pages++;
    }
    int cities = 0;
    for (SyntheticWorld.Place place : SyntheticWorld.PLACES) {
      if (place.city() != null) {
        String country = DefaultLookups.countryId(place.countryCode());
        String region = place.regionCode() == null ? null
            : DefaultLookups.regionId(place.countryCode(), place.regionCode());
        builder.add(City.of("city-" + cities++, place.city(), country, region));
      }
    }
    List<Region> regions = DefaultLookups.tables().regions();
    while (cities < LARGE_CITIES) {
      Region region = regions.get(cities % regions.size());
      builder.add(City.of("city-" + cities, "Town " + cities, region.countryId(),
          cities % 5 == 0 ? null : region.id()));
      cities++;
    }
    return builder.build();
  }
}
