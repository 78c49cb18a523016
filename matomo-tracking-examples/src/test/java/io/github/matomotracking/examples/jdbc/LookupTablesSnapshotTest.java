package io.github.matomotracking.examples.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.matomotracking.mapping.LookupSnapshot;
import io.github.matomotracking.model.ActionType;
import io.github.matomotracking.model.ChannelCode;
import io.github.matomotracking.model.City;
import io.github.matomotracking.model.Country;
import io.github.matomotracking.model.LeadChannel;
import io.github.matomotracking.model.LeadSource;
import io.github.matomotracking.model.ReferrerType;
import io.github.matomotracking.model.Region;
import io.github.matomotracking.model.SourceCode;
import io.github.matomotracking.model.SourceUrl;
import io.github.matomotracking.model.WebPage;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The look-up rules of {@link LookupSnapshot}, answered by the default snapshot. */
class LookupTablesSnapshotTest {

  private static final LookupSnapshot SNAPSHOT = LookupTablesSnapshot.of(LookupTables.builder()
      .addLeadChannels(LeadChannel.of("ch-social", "Web: social"))
      .addLeadSources(LeadSource.of("src-fb", "Facebook", "ch-social"))
      .addSourceCodes(SourceCode.of("Facebook", "src-fb"))
      .addChannelCodes(ChannelCode.of("social-media", "ch-social"))
      .addSourceUrls(SourceUrl.of("facebook.com", "src-fb"))
      .addCountries(Country.of("c-fr", "FR", "France"), Country.of("c-us", "US", "United States"))
      .addRegions(Region.of("r-idf", "c-fr", "IDF", "Île-de-France"),
          Region.of("r-ca", "c-us", "CA", "California"))
      .addCities(City.of("city-paris", "Paris", "c-fr", "r-idf"),
          City.of("city-paris-tx", "Paris", "c-us", null),
          City.of("city-la", "Los Angeles", "c-us", "r-ca"))
      .addReferrerTypes(ReferrerType.of("rt-search", "search", "Search Engines"))
      .addActionTypes(ActionType.of("at-dl", "download", "Downloading"))
      .addWebPages(WebPage.of("p-home", "Home", "https://www.example.com/"))
      .build());

  static Stream<Arguments> rules() {
    return Stream.of(
        rule("a country by its code, in any case", s -> s.countryByCode("fr"), "c-fr"),
        rule("an unknown country code finds nothing", s -> s.countryByCode("xx"), null),
        rule("a region by its code within its country", s -> s.regionByCode("c-fr", "idf"), "r-idf"),
        rule("a region code of another country finds nothing",
            s -> s.regionByCode("c-us", "IDF"), null),
        rule("a city by name within country and region", s -> s.cityByName("c-fr", "r-idf", "PARIS"),
            "city-paris"),
        rule("a city of a country without region", s -> s.cityByName("c-us", null, "paris"),
            "city-paris-tx"),
        rule("a city filed under a region is not found without it",
            s -> s.cityByName("c-us", null, "Los Angeles"), null),
        rule("a source by its code, in any case", s -> s.sourceByCode("facebook"), "src-fb"),
        rule("a channel by its code", s -> s.channelByCode("Social-Media"), "ch-social"),
        rule("a source by exactly its domain, in any case", s -> s.sourceByDomain("FACEBOOK.com"),
            "src-fb"),
        rule("a sub-domain is the resolver's business, not the snapshot's",
            s -> s.sourceByDomain("m.facebook.com"), null),
        rule("a source by id", s -> s.leadSource("src-fb"), "src-fb"),
        rule("a source by name, in any case", s -> s.leadSourceByName("facebook"), "src-fb"),
        rule("a channel by name, in any case", s -> s.leadChannelByName("web: SOCIAL"), "ch-social"),
        rule("a referrer type by its code", s -> s.referrerTypeByCode("Search"), "rt-search"),
        rule("an action type by its code", s -> s.actionTypeByCode("DOWNLOAD"), "at-dl"),
        rule("a web page by exactly its name and URL",
            s -> s.webPage("Home", "https://www.example.com/"), "p-home"),
        rule("a web page name in another case is another page",
            s -> s.webPage("home", "https://www.example.com/"), null));
  }

  private static Arguments rule(
      String rule, Function<LookupSnapshot, Optional<?>> question, String expectedId) {
    return Arguments.of(rule, question, expectedId);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void theSnapshotAnswersByTheLookupRules(
      String rule, Function<LookupSnapshot, Optional<?>> question, String expectedId) {
    Optional<String> id = question.apply(SNAPSHOT).map(LookupTablesSnapshotTest::idOf);

    assertThat(id).isEqualTo(Optional.ofNullable(expectedId));
  }

  private static String idOf(Object entry) {
    if (entry instanceof Country c) {
      return c.id();
    } else if (entry instanceof Region r) {
      return r.id();
    } else if (entry instanceof City c) {
      return c.id();
    } else if (entry instanceof LeadSource s) {
      return s.id();
    } else if (entry instanceof LeadChannel c) {
      return c.id();
    } else if (entry instanceof ReferrerType t) {
      return t.id();
    } else if (entry instanceof ActionType t) {
      return t.id();
    } else if (entry instanceof WebPage p) {
      return p.id();
    }
    throw new AssertionError("unexpected entry " + entry);
  }
}
