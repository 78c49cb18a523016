package io.github.matomotracking.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.matomotracking.model.GeoValue;
import io.github.matomotracking.model.LookupRef;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Domain rules, section 4: country, region and city. */
class GeoResolverTest {

  private static final TestLookups LOOKUPS = TestLookups.defaults();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
      # rule                                                                     | countryCode | regionCode | city          | country id | region id  | city id
      country by its ISO 3166-1 code                                             | fr          | -          | -             | country:fr | -          | -
      country code matches case-insensitively                                    | FR          | -          | -             | country:fr | -          | -
      xx means unknown: no country                                               | xx          | -          | -             | -          | -          | -
      blank country code: no country                                             | "  "        | -          | -             | -          | -          | -
      country missing from the lookup: none, never added                         | zz          | -          | -             | -          | -          | -
      region by code within the visit's country                                  | us          | CA         | -             | country:us | region:us-CA | -
      region code matches case-insensitively                                     | ru          | spe        | -             | country:ru | region:ru-SPE | -
      the same region code in another country is that country's region          | es          | CA         | -             | country:es | region:es-CA | -
      a region code the visit's country does not have matches nothing           | fr          | CA         | -             | country:fr | -          | -
      no region without a resolved country                                       | xx          | CA         | -             | -          | -          | -
      city by English name within the visit's country and region                 | fr          | IDF        | Paris         | country:fr | region:fr-IDF | city:fr-IDF-Paris
      city name matches case-insensitively                                       | fr          | IDF        | PARIS         | country:fr | region:fr-IDF | city:fr-IDF-Paris
      a city of the region wins over a same-named city with no region            | us          | OR         | Portland      | country:us | region:us-OR | city:us-OR-Portland
      then among the country's cities that have no region                        | us          | CA         | Springfield   | country:us | region:us-CA | city:us--Springfield
      a region that does not resolve still allows the cities with no region      | us          | ZZ         | Springfield   | country:us | -          | city:us--Springfield
      a city filed under another region does not match                           | us          | CA         | Seattle       | country:us | region:us-CA | -
      a city filed under a region is not found without the region               | fr          | -          | Paris         | country:fr | -          | -
      no city without a resolved country                                         | xx          | -          | Paris         | -          | -          | -
      a city missing from the lookup: none, never added                          | fr          | IDF        | Atlantis      | country:fr | region:fr-IDF | -
      """)
  void resolvesByTheRules(
      String rule, String countryCode, String regionCode, String city,
      String countryId, String regionId, String cityId) {
    GeoResolver.Geo geo = GeoResolver.resolve(countryCode, "Country name", regionCode, "Region name", city, LOOKUPS);

    assertThat(geo.country().lookup().map(LookupRef::id)).as("country").isEqualTo(Optional.ofNullable(countryId));
    assertThat(geo.region().lookup().map(LookupRef::id)).as("region").isEqualTo(Optional.ofNullable(regionId));
    assertThat(geo.city().lookup().map(LookupRef::id)).as("city").isEqualTo(Optional.ofNullable(cityId));
  }

  @Test
  void keepsMatomosNamesAndCodesWhetherOrNotTheyResolve() {
    GeoResolver.Geo resolved = GeoResolver.resolve("fr", "Frankreich", "IDF", "Île-de-France", "paris", LOOKUPS);
    GeoResolver.Geo unresolved = GeoResolver.resolve("xx", "Unknown", "18", "Old region", "Nowhere", LOOKUPS);

    assertThat(resolved.country()).isEqualTo(GeoValue.builder()
        .name("Frankreich").code("fr").lookup(LookupRef.of("country:fr", "France")).build());
    assertThat(resolved.region()).isEqualTo(GeoValue.builder()
        .name("Île-de-France").code("IDF").lookup(LookupRef.of("region:fr-IDF", "Ile-de-France")).build());
    assertThat(resolved.city()).isEqualTo(GeoValue.builder()
        .name("paris").lookup(LookupRef.of("city:fr-IDF-Paris", "Paris")).build());
    assertThat(unresolved.country()).isEqualTo(GeoValue.builder().name("Unknown").code("xx").build());
    assertThat(unresolved.region()).isEqualTo(GeoValue.builder().name("Old region").code("18").build());
    assertThat(unresolved.city()).isEqualTo(GeoValue.builder().name("Nowhere").build());
  }

  @Test
  void nothingSentGivesEmptyValues() {
    GeoResolver.Geo geo = GeoResolver.resolve(TestVisits.visit().build(), LOOKUPS);

    assertThat(geo).isEqualTo(new GeoResolver.Geo(GeoValue.empty(), GeoValue.empty(), GeoValue.empty()));
  }
}
