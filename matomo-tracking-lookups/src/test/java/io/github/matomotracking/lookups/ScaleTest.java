package io.github.matomotracking.lookups;

import static io.github.matomotracking.lookups.Additions.page;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.matomotracking.model.City;
import io.github.matomotracking.model.LookupAddition;
import io.github.matomotracking.model.Region;
import io.github.matomotracking.model.WebPage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A snapshot with 100,000 web pages and 50,000 cities builds and answers correctly. Speed is not
 * asserted (no timed unit tests); a quadratic build would show as a test that never ends.
 */
class ScaleTest {

  private static final int PAGES = 100_000;
  private static final int CITIES = 50_000;

  @Test
  void aLargeSnapshotBuildsAndAnswersAndTakesAdditions() {
    LookupTables defaults = DefaultLookups.tables();
    List<Region> regions = defaults.regions();
    IndexedLookupSnapshot.Builder builder = IndexedLookupSnapshot.builder().addAll(defaults);
    for (int i = 0; i < PAGES; i++) {
      builder.add(WebPage.of("wp-" + i, "Page " + i, "https://example.com/p/" + i));
    }
    List<City> cities = new ArrayList<>(CITIES);
    for (int i = 0; i < CITIES; i++) {
      Region region = regions.get(i % regions.size());
      // Every third city is filed under its country only.
      City city = City.of("city-" + i, "City " + i, region.countryId(),
          i % 3 == 0 ? null : region.id());
      cities.add(city);
      builder.add(city);
    }
    IndexedLookupSnapshot big = builder.build();

    for (int i : new int[] {0, 1, PAGES / 2, PAGES - 1}) {
      assertThat(big.webPage("Page " + i, "https://example.com/p/" + i)).map(WebPage::id)
          .contains("wp-" + i);
    }
    for (int i : new int[] {0, 1, 2, CITIES / 2, CITIES - 1}) {
      City c = cities.get(i);
      assertThat(big.cityByName(c.countryId(), c.regionId().orElse(null), "CITY " + i))
          .contains(c);
    }

    List<LookupAddition> few = List.of(page("wp-new-1", "New 1", "https://example.com/new/1"),
        page("wp-new-2", "New 2", "https://example.com/new/2"));
    IndexedLookupSnapshot next = big.withAdditions(few);
    assertThat(next.webPage("New 2", "https://example.com/new/2")).map(WebPage::id)
        .contains("wp-new-2");
    assertThat(next.webPage("Page 77", "https://example.com/p/77")).isPresent();
    assertThat(big.webPage("New 2", "https://example.com/new/2")).isEmpty();
    assertThat(next.tables().webPages()).hasSize(PAGES + 2);
  }
}
