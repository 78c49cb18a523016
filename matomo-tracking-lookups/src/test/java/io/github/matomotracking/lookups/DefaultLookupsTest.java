package io.github.matomotracking.lookups;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.matomotracking.model.ActionType;
import io.github.matomotracking.model.ChannelCode;
import io.github.matomotracking.model.Country;
import io.github.matomotracking.model.LeadChannel;
import io.github.matomotracking.model.LeadSource;
import io.github.matomotracking.model.ReferrerType;
import io.github.matomotracking.model.Region;
import io.github.matomotracking.model.SourceCode;
import io.github.matomotracking.model.SourceUrl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The defaults are exactly the lists of domain.md section 7, with stable ids. */
class DefaultLookupsTest {

  private static final LookupTables DEFAULTS = DefaultLookups.tables();
  private static final IndexedLookupSnapshot SNAPSHOT = IndexedLookupSnapshot.of(DEFAULTS);

  @Test
  void leadChannelsAreTheFourteenOfSection7InOrder() {
    assertThat(DEFAULTS.leadChannels()).extracting(LeadChannel::name).containsExactly(
        "Web: referrers", "Web: other online advertising", "Email", "Web: direct traffic",
        "Other channels", "Recommendation/personal contact", "Event", "Offline advertising",
        "Web: social", "Partner referral", "Web: organic search", "Web: paid search",
        "Web: media advertising", "Contact with the existing customer");
  }

  @ParameterizedTest(name = "lead source {0} has default channel {1}")
  @CsvSource(delimiter = '|', textBlock = """
      Yandex.Direct     | Web: paid search
      LinkedIn          | Web: social
      Vkontakte         | Web: social
      Google AdWords    | Web: paid search
      Twitter           | Web: social
      Creatio marketing | Email
      Yandex            | Web: organic search
      Google            | Web: organic search
      Facebook          | Web: social
      Mailchimp         | Email
      Other source      | Web: referrers
      """)
  void leadSourceHasItsDefaultChannel(String source, String channel) {
    LeadSource found = SNAPSHOT.leadSourceByName(source).orElseThrow();
    assertThat(found.name()).isEqualTo(source);
    assertThat(SNAPSHOT.leadChannel(found.defaultChannelId().orElseThrow()))
        .map(LeadChannel::name).contains(channel);
  }

  @Test
  void thereAreElevenLeadSourcesInTheOrderOfSection7() {
    assertThat(DEFAULTS.leadSources()).extracting(LeadSource::name).containsExactly(
        "Yandex.Direct", "LinkedIn", "Vkontakte", "Google AdWords", "Twitter",
        "Creatio marketing", "Yandex", "Google", "Facebook", "Mailchimp", "Other source");
  }

  @ParameterizedTest(name = "source code {0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      twitter      | Twitter
      twitter.com  | Twitter
      mailchimp    | Mailchimp
      facebook     | Facebook
      facebook.com | Facebook
      fb           | Facebook
      fb.com       | Facebook
      bpmonline    | Creatio marketing
      adwords      | Google AdWords
      adword       | Google AdWords
      linkedin     | LinkedIn
      linkedin.com | LinkedIn
      """)
  void sourceCodeNamesItsSource(String code, String source) {
    assertThat(SNAPSHOT.sourceByCode(code)).map(LeadSource::name).contains(source);
  }

  @Test
  void sourceCodesAreExactlyTheTwelveOfSection7() {
    assertThat(pairs(DEFAULTS.sourceCodes(), SourceCode::code, c -> sourceName(c.sourceId())))
        .containsExactly("twitter=Twitter", "twitter.com=Twitter", "mailchimp=Mailchimp",
            "facebook=Facebook", "facebook.com=Facebook", "fb=Facebook", "fb.com=Facebook",
            "bpmonline=Creatio marketing", "adwords=Google AdWords", "adword=Google AdWords",
            "linkedin=LinkedIn", "linkedin.com=LinkedIn");
  }

  @ParameterizedTest(name = "channel code {0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      display        | Web: media advertising
      cpm            | Web: media advertising
      banner         | Web: media advertising
      content-text   | Web: other online advertising
      cpa            | Web: other online advertising
      cpp            | Web: other online advertising
      cpv            | Web: other online advertising
      ppc            | Web: paid search
      cpc            | Web: paid search
      paid-search    | Web: paid search
      paidsearch     | Web: paid search
      adword         | Web: paid search
      adwords        | Web: paid search
      social         | Web: social
      social media   | Web: social
      social-media   | Web: social
      social network | Web: social
      social-network | Web: social
      email          | Email
      """)
  void channelCodeNamesItsChannel(String code, String channel) {
    assertThat(SNAPSHOT.channelByCode(code)).map(LeadChannel::name).contains(channel);
  }

  @Test
  void channelCodesAreExactlyTheNineteenOfSection7() {
    assertThat(DEFAULTS.channelCodes()).hasSize(19);
    assertThat(pairs(DEFAULTS.channelCodes(), ChannelCode::code, c -> channelName(c.channelId())))
        .contains("social media=Web: social", "email=Email", "cpm=Web: media advertising");
  }

  @ParameterizedTest(name = "lead source URL {0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      facebook.com | Facebook
      fb.com       | Facebook
      twitter.com  | Twitter
      linkedin.com | LinkedIn
      """)
  void sourceUrlNamesItsSource(String domain, String source) {
    assertThat(SNAPSHOT.sourceByDomain(domain)).map(LeadSource::name).contains(source);
  }

  @Test
  void sourceUrlsAreExactlyTheFourOfSection7() {
    assertThat(pairs(DEFAULTS.sourceUrls(), SourceUrl::domain, u -> sourceName(u.sourceId())))
        .containsExactly("facebook.com=Facebook", "fb.com=Facebook", "twitter.com=Twitter",
            "linkedin.com=LinkedIn");
  }

  @ParameterizedTest(name = "referrer type {0} is named {1}")
  @CsvSource(delimiter = '|', textBlock = """
      direct   | Direct Entry
      search   | Search Engines
      website  | Websites
      campaign | Campaigns
      social   | Social Networks
      """)
  void referrerTypeIsNamedAsInSection7(String code, String name) {
    assertThat(SNAPSHOT.referrerTypeByCode(code)).map(ReferrerType::name).contains(name);
  }

  @Test
  void thereAreExactlyFiveReferrerTypes() {
    assertThat(DEFAULTS.referrerTypes()).extracting(ReferrerType::code)
        .containsExactly("direct", "search", "website", "campaign", "social");
  }

  @ParameterizedTest(name = "action type {0} is named {1}")
  @CsvSource(delimiter = '|', textBlock = """
      action   | Following a link
      event    | Media action
      outlink  | Outlink
      download | Downloading
      form     | Form submission
      media    | Media interaction
      search   | Site search
      """)
  void actionTypeIsNamedAsInSection7(String code, String name) {
    assertThat(SNAPSHOT.actionTypeByCode(code)).map(ActionType::name).contains(name);
  }

  @Test
  void onlyTheSevenActionTypesOfSection7AreShippedTheMapperAddsTheRest() {
    assertThat(DEFAULTS.actionTypes()).extracting(ActionType::code)
        .containsExactly("action", "event", "outlink", "download", "form", "media", "search");
    assertThat(SNAPSHOT.actionTypeByCode("goal")).isEmpty();
    assertThat(SNAPSHOT.actionTypeByCode("ecommerceOrder")).isEmpty();
    assertThat(SNAPSHOT.actionTypeByCode("13")).isEmpty();
  }

  @Test
  void noCitiesAndNoWebPagesAreShipped() {
    assertThat(DEFAULTS.cities()).isEmpty();
    assertThat(DEFAULTS.webPages()).isEmpty();
  }

  @ParameterizedTest(name = "{0} {1} keeps id {2}")
  @CsvSource(delimiter = '|', textBlock = """
      lead channel  | Email          | 9a27e6a8-3c76-4076-acb2-40a6a4ebec6a
      lead channel  | Web: referrers | 3a7e57ea-e5e7-43ab-8e88-3bc6d3e456f0
      lead source   | Facebook       | 49ab2f5f-ceb6-454e-ba71-a2f7776df14c
      lead source   | Other source   | 5893cc90-b5ba-45df-9ee3-d57d4a3299bd
      referrer type | direct         | 1d3345ca-d524-49bd-a853-09b2f2090a16
      action type   | action         | cff92a72-b218-4fc0-85bc-b490a89157e0
      country       | US             | 028c7956-278e-3cc5-90cd-a48a985b6df7
      country       | FR             | e5db504b-cde6-34c2-bc23-962add829182
      """)
  void idsArePinned(String kind, String key, String id) {
    String actual;
    switch (kind) {
      case "lead channel":
        actual = SNAPSHOT.leadChannelByName(key).orElseThrow().id();
        break;
      case "lead source":
        actual = SNAPSHOT.leadSourceByName(key).orElseThrow().id();
        break;
      case "referrer type":
        actual = SNAPSHOT.referrerTypeByCode(key).orElseThrow().id();
        break;
      case "action type":
        actual = SNAPSHOT.actionTypeByCode(key).orElseThrow().id();
        break;
      default:
        actual = SNAPSHOT.countryByCode(key).orElseThrow().id();
    }
    assertThat(actual).isEqualTo(id);
  }

  @Test
  void regionIdIsPinnedAndDerivedFromItsCodes() {
    Region california = SNAPSHOT.regionByCode(DefaultLookups.countryId("US"), "CA").orElseThrow();
    assertThat(california.id()).isEqualTo("294530f8-6b69-3da4-a6fa-0448448e1481")
        .isEqualTo(DefaultLookups.regionId("us", "ca"));
  }

  @Test
  void everyRegionIdInTheShippedFileIsTheDerivedOne() {
    Map<String, String> codeByCountryId = DEFAULTS.countries().stream()
        .collect(Collectors.toMap(Country::id, Country::code));
    for (Region r : DEFAULTS.regions()) {
      assertThat(r.id()).as("id of %s", r)
          .isEqualTo(DefaultLookups.regionId(codeByCountryId.get(r.countryId()), r.code()));
    }
  }

  @Test
  void everyIdIsAUuidAndUniqueAcrossTheDefaults() {
    List<String> ids = new ArrayList<>();
    DEFAULTS.leadChannels().forEach(e -> ids.add(e.id()));
    DEFAULTS.leadSources().forEach(e -> ids.add(e.id()));
    DEFAULTS.countries().forEach(e -> ids.add(e.id()));
    DEFAULTS.regions().forEach(e -> ids.add(e.id()));
    DEFAULTS.referrerTypes().forEach(e -> ids.add(e.id()));
    DEFAULTS.actionTypes().forEach(e -> ids.add(e.id()));
    assertThat(ids).doesNotHaveDuplicates()
        .allMatch(id -> id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
  }

  @ParameterizedTest(name = "country {0} is {1}")
  @CsvSource(delimiter = '|', textBlock = """
      US | United States
      FR | France
      GB | United Kingdom
      DE | Germany
      us | United States
      """)
  void countriesHaveTheirEnglishNames(String code, String name) {
    Country country = SNAPSHOT.countryByCode(code).orElseThrow();
    assertThat(country.name()).isEqualTo(name);
    assertThat(country.code()).isEqualTo(code.toUpperCase(Locale.ROOT));
  }

  @Test
  void everyIsoCountryOfTheRuntimeIsThere() {
    assertThat(DEFAULTS.countries()).extracting(Country::code)
        .containsExactly(Locale.getISOCountries());
    assertThat(SNAPSHOT.countryByCode("xx")).as("Matomo's 'unknown' country").isEmpty();
  }

  @ParameterizedTest(name = "region {0}-{1} is {2}")
  @CsvSource(delimiter = '|', textBlock = """
      US | CA  | California
      us | ca  | California
      US | NC  | North Carolina
      FR | IDF | Île-de-France
      FR | BFC | Burgundy-Franche-Comté
      ES | MD  | Madrid Autonomous Community
      ES | M   | Madrid Province
      ES | CT  | Catalonia
      GB | WAR | Warwickshire
      GB | LND | London
      DE | NW  | North Rhine-Westphalia
      RU | SPE | Saint Petersburg
      JP | 14  | Kanagawa
      TR | 53  | Rize
      CN | HK  | Hong Kong
      CA | BC  | British Columbia
      """)
  void regionsHaveTheirEnglishNames(String country, String code, String name) {
    String countryId = SNAPSHOT.countryByCode(country).orElseThrow().id();
    assertThat(SNAPSHOT.regionByCode(countryId, code)).map(Region::name).contains(name);
  }

  @Test
  void regionsAreTheCurrentCldrSubdivisionsOnly() {
    assertThat(DEFAULTS.regions()).as("regular subdivisions of CLDR 41").hasSize(5029);
    String macedonia = DefaultLookups.countryId("MK");
    assertThat(SNAPSHOT.regionByCode(macedonia, "18"))
        .as("MK-18 was withdrawn from ISO 3166-2 (CLDR: deprecated)").isEmpty();
    assertThat(SNAPSHOT.regionByCode(macedonia, "405")).map(Region::name).contains("Gevgelija");
    assertThat(DEFAULTS.regions()).extracting(Region::name)
        .noneMatch(n -> n.matches(".*[\u00B9\u00B2\u00B3\u2070-\u2079]$"));
  }

  @Test
  void aRegionCodeMatchesOnlyWithinItsCountry() {
    assertThat(SNAPSHOT.regionByCode(DefaultLookups.countryId("FR"), "CA")).isEmpty();
  }

  private static <T> List<String> pairs(List<T> rows, Function<T, String> key,
      Function<T, String> value) {
    return rows.stream().map(r -> key.apply(r) + "=" + value.apply(r)).collect(Collectors.toList());
  }

  private static final Map<String, String> NAMES = new HashMap<>();

  static {
    DEFAULTS.leadSources().forEach(s -> NAMES.put(s.id(), s.name()));
    DEFAULTS.leadChannels().forEach(c -> NAMES.put(c.id(), c.name()));
  }

  private static String sourceName(String id) {
    return NAMES.get(id);
  }

  private static String channelName(String id) {
    return NAMES.get(id);
  }
}
