package io.github.matomotracking.lookups;

import static io.github.matomotracking.lookups.Additions.actionType;
import static io.github.matomotracking.lookups.Additions.page;
import static io.github.matomotracking.lookups.Additions.referrerType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.matomotracking.model.ActionType;
import io.github.matomotracking.model.ChannelCode;
import io.github.matomotracking.model.City;
import io.github.matomotracking.model.Country;
import io.github.matomotracking.model.LeadChannel;
import io.github.matomotracking.model.LeadSource;
import io.github.matomotracking.model.LookupAddition;
import io.github.matomotracking.model.LookupKind;
import io.github.matomotracking.model.ReferrerType;
import io.github.matomotracking.model.Region;
import io.github.matomotracking.model.SourceCode;
import io.github.matomotracking.model.SourceUrl;
import io.github.matomotracking.model.WebPage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IndexedLookupSnapshotTest {

  private static final LeadChannel SOCIAL = LeadChannel.of("ch-social", "Web: social");
  private static final LeadChannel PAID = LeadChannel.of("ch-paid", "Web: paid search");
  private static final LeadSource FACEBOOK = LeadSource.of("src-fb", "Facebook", "ch-social");
  private static final LeadSource NO_CHANNEL = LeadSource.of("src-none", "Word of mouth", null);
  private static final Country US = Country.of("c-us", "US", "United States");
  private static final Country FR = Country.of("c-fr", "FR", "France");
  private static final Region CALIFORNIA = Region.of("r-ca", "c-us", "CA", "California");
  private static final Region TEXAS = Region.of("r-tx", "c-us", "TX", "Texas");
  private static final City SF = City.of("city-sf", "San Francisco", "c-us", "r-ca");
  private static final City PARIS_TX = City.of("city-paris-tx", "Paris", "c-us", "r-tx");
  private static final City PARIS = City.of("city-paris", "Paris", "c-fr", null);

  private static IndexedLookupSnapshot.Builder small() {
    return IndexedLookupSnapshot.builder()
        .add(SOCIAL).add(PAID).add(FACEBOOK).add(NO_CHANNEL)
        .add(SourceCode.of("fb", "src-fb")).add(ChannelCode.of("cpc", "ch-paid"))
        .add(SourceUrl.of("facebook.com", "src-fb"))
        .add(US).add(FR).add(CALIFORNIA).add(TEXAS).add(SF).add(PARIS_TX).add(PARIS)
        .add(ReferrerType.of("rt-direct", "direct", "Direct Entry"))
        .add(ActionType.of("at-action", "action", "Following a link"))
        .add(WebPage.of("wp-home", "Home", "https://example.com/"));
  }

  private final IndexedLookupSnapshot snapshot = small().build();

  @Test
  void textKeysMatchWhateverTheirCase() {
    assertThat(snapshot.countryByCode("us")).contains(US);
    assertThat(snapshot.regionByCode("c-us", "ca")).contains(CALIFORNIA);
    assertThat(snapshot.cityByName("c-us", "r-ca", "SAN FRANCISCO")).contains(SF);
    assertThat(snapshot.sourceByCode("FB")).contains(FACEBOOK);
    assertThat(snapshot.channelByCode("CPC")).contains(PAID);
    assertThat(snapshot.sourceByDomain("FaceBook.COM")).contains(FACEBOOK);
    assertThat(snapshot.leadSourceByName("facebook")).contains(FACEBOOK);
    assertThat(snapshot.leadChannelByName("WEB: SOCIAL")).contains(SOCIAL);
    assertThat(snapshot.referrerTypeByCode("Direct")).map(ReferrerType::id).contains("rt-direct");
    assertThat(snapshot.actionTypeByCode("ACTION")).map(ActionType::id).contains("at-action");
  }

  @Test
  void idsMatchExactly() {
    assertThat(snapshot.leadSource("src-fb")).contains(FACEBOOK);
    assertThat(snapshot.leadSource("SRC-FB")).isEmpty();
    assertThat(snapshot.leadChannel("ch-social")).contains(SOCIAL);
    assertThat(snapshot.regionByCode("C-US", "CA")).isEmpty();
  }

  @Test
  void webPagesMatchOnExactNameAndUrl() {
    assertThat(snapshot.webPage("Home", "https://example.com/")).map(WebPage::id)
        .contains("wp-home");
    assertThat(snapshot.webPage("home", "https://example.com/")).isEmpty();
    assertThat(snapshot.webPage("Home", "https://EXAMPLE.com/")).isEmpty();
    assertThat(snapshot.webPage("Home", "https://example.com/other")).isEmpty();
  }

  @Test
  void sourceByDomainIsExactSubDomainsAreTheMappersJob() {
    assertThat(snapshot.sourceByDomain("m.facebook.com")).isEmpty();
  }

  @Test
  void citiesAreFoundWithinTheirCountryAndRegion() {
    assertThat(snapshot.cityByName("c-us", "r-tx", "paris")).contains(PARIS_TX);
    assertThat(snapshot.cityByName("c-fr", null, "Paris")).contains(PARIS);
    assertThat(snapshot.cityByName("c-us", null, "Paris"))
        .as("a region-less search does not find cities filed under a region").isEmpty();
    assertThat(snapshot.cityByName("c-us", "r-ca", "Paris")).isEmpty();
  }

  @Test
  void aSourceWithoutDefaultChannelIsKept() {
    assertThat(snapshot.leadSourceByName("word of mouth").orElseThrow().defaultChannelId())
        .isEmpty();
  }

  @Test
  void nullArgumentsFindNothing() {
    assertThat(snapshot.countryByCode(null)).isEmpty();
    assertThat(snapshot.regionByCode(null, "CA")).isEmpty();
    assertThat(snapshot.regionByCode("c-us", null)).isEmpty();
    assertThat(snapshot.cityByName(null, null, "Paris")).isEmpty();
    assertThat(snapshot.cityByName("c-fr", null, null)).isEmpty();
    assertThat(snapshot.sourceByCode(null)).isEmpty();
    assertThat(snapshot.channelByCode(null)).isEmpty();
    assertThat(snapshot.sourceByDomain(null)).isEmpty();
    assertThat(snapshot.leadSource(null)).isEmpty();
    assertThat(snapshot.leadChannel(null)).isEmpty();
    assertThat(snapshot.leadSourceByName(null)).isEmpty();
    assertThat(snapshot.leadChannelByName(null)).isEmpty();
    assertThat(snapshot.referrerTypeByCode(null)).isEmpty();
    assertThat(snapshot.actionTypeByCode(null)).isEmpty();
    assertThat(snapshot.webPage(null, "https://example.com/")).isEmpty();
    assertThat(snapshot.webPage("Home", null)).isEmpty();
  }

  @Test
  void tablesGiveBackEveryEntryInOrder() {
    LookupTables tables = snapshot.tables();
    assertThat(tables.leadChannels()).containsExactly(SOCIAL, PAID);
    assertThat(tables.cities()).containsExactly(SF, PARIS_TX, PARIS);
    assertThat(IndexedLookupSnapshot.of(tables).tables()).isEqualTo(tables);
  }

  static Stream<Arguments> inconsistentTables() {
    return Stream.of(
        bad("two lead channels share an id",
            b -> b.add(LeadChannel.of("ch-social", "Another")),
            "two lead channel entries have the id 'ch-social'"),
        bad("two lead channels share a name, whatever its case",
            b -> b.add(LeadChannel.of("ch-x", "WEB: Social")),
            "two lead channel entries have the name 'web: social'"),
        bad("two source codes share a code", b -> b.add(SourceCode.of("FB", "src-fb")),
            "two source code entries have the code 'fb'"),
        bad("two countries share a code", b -> b.add(Country.of("c-us2", "us", "USA")),
            "two country entries have the code 'us'"),
        bad("two regions of one country share a code",
            b -> b.add(Region.of("r-ca2", "c-us", "ca", "Cal.")),
            "two region entries have the code within its country"),
        bad("two web pages share name and URL",
            b -> b.add(WebPage.of("wp-2", "Home", "https://example.com/")),
            "two web page entries have the name and URL"),
        bad("a source's default channel does not exist",
            b -> b.add(LeadSource.of("src-x", "X", "ch-nowhere")),
            "names a default channel id that is not a lead channel"),
        bad("a source code's source does not exist", b -> b.add(SourceCode.of("x", "src-x")),
            "names a source id that is not a lead source"),
        bad("a channel code's channel does not exist", b -> b.add(ChannelCode.of("x", "ch-x")),
            "names a channel id that is not a lead channel"),
        bad("a source URL's source does not exist", b -> b.add(SourceUrl.of("x.com", "src-x")),
            "names a source id that is not a lead source"),
        bad("a region's country does not exist",
            b -> b.add(Region.of("r-x", "c-xx", "X", "X")),
            "names a country id that is not a country"),
        bad("a city's country does not exist",
            b -> b.add(City.of("city-x", "X", "c-xx", null)),
            "names a country id that is not a country"),
        bad("a city's region does not exist",
            b -> b.add(City.of("city-x", "X", "c-us", "r-xx")),
            "names a region id that is not a region"),
        bad("a city's region belongs to another country",
            b -> b.add(City.of("city-x", "X", "c-fr", "r-ca")),
            "names a region of another country"));
  }

  private static Arguments bad(String rule, UnaryOperator<IndexedLookupSnapshot.Builder> change,
      String message) {
    return Arguments.of(rule, change, message);
  }

  @ParameterizedTest(name = "rejected: {0}")
  @MethodSource("inconsistentTables")
  void inconsistentTablesAreRejected(String rule,
      UnaryOperator<IndexedLookupSnapshot.Builder> change, String message) {
    assertThatThrownBy(() -> change.apply(small()).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
  }

  @Test
  void citiesMayShareANameAndTheFirstIsFound() {
    City second = City.of("city-paris-2", "PARIS", "c-fr", null);
    IndexedLookupSnapshot withTwo = small().add(second).build();
    assertThat(withTwo.cityByName("c-fr", null, "paris")).contains(PARIS);
    assertThat(withTwo.tables().cities()).contains(second);
  }

  @Test
  void additionsAreFoundInTheNewSnapshotAndNeverInTheOldOne() {
    IndexedLookupSnapshot next = snapshot.withAdditions(List.of(
        page("wp-new", "New", "https://example.com/new"),
        actionType("at-goal", "goal"),
        referrerType("rt-ai", "ai", "AI assistants")));

    assertThat(next.webPage("New", "https://example.com/new")).map(WebPage::id).contains("wp-new");
    assertThat(next.actionTypeByCode("GOAL")).map(ActionType::id).contains("at-goal");
    assertThat(next.referrerTypeByCode("ai")).map(ReferrerType::name).contains("AI assistants");
    assertThat(next.webPage("Home", "https://example.com/")).isPresent();

    assertThat(snapshot.webPage("New", "https://example.com/new")).isEmpty();
    assertThat(snapshot.actionTypeByCode("goal")).isEmpty();
    assertThat(snapshot.referrerTypeByCode("ai")).isEmpty();
  }

  @Test
  void anAdditionWhoseIdOrKeyExistsLeavesTheEntryAsItIs() {
    IndexedLookupSnapshot same = snapshot.withAdditions(List.of(
        page("wp-home", "Renamed", "https://example.com/renamed"),
        page("wp-other-id", "Home", "https://example.com/"),
        actionType("at-other-id", "Action"),
        referrerType("rt-direct", "typed", "Typed")));

    assertThat(same).isSameAs(snapshot);
    assertThat(same.webPage("Renamed", "https://example.com/renamed")).isEmpty();
    assertThat(same.actionTypeByCode("action")).map(ActionType::id).contains("at-action");
  }

  @Test
  void applyingTheSameAdditionsTwiceChangesNothingTheSecondTime() {
    List<LookupAddition> batch = List.of(page("wp-a", "A", "https://example.com/a"),
        page("wp-a", "A", "https://example.com/a"), actionType("at-goal", "goal"),
        actionType("at-goal-2", "GOAL"));
    IndexedLookupSnapshot once = snapshot.withAdditions(batch);
    IndexedLookupSnapshot twice = once.withAdditions(batch);

    assertThat(twice).isSameAs(once);
    assertThat(once.tables().webPages()).extracting(WebPage::id)
        .containsExactly("wp-home", "wp-a");
    assertThat(once.tables().actionTypes()).extracting(ActionType::id)
        .containsExactly("at-action", "at-goal");
  }

  static Stream<Arguments> invalidAdditions() {
    return Stream.of(
        Arguments.of("a web page without a URL",
            LookupAddition.builder().kind(LookupKind.WEB_PAGE).id("wp-x").name("X").build(),
            "web page addition without a URL"),
        Arguments.of("an action type without a code",
            LookupAddition.builder().kind(LookupKind.ACTION_TYPE).id("at-x").name("x").build(),
            "action-type addition without a code"),
        Arguments.of("a referrer type with a blank code",
            LookupAddition.builder().kind(LookupKind.REFERRER_TYPE).id("rt-x").name("x")
                .code(" ").build(),
            "referrer-type addition with a blank code"),
        Arguments.of("a blank id", page(" ", "X", "https://example.com/x"),
            "addition with a blank id"));
  }

  @ParameterizedTest(name = "rejected: {0}")
  @MethodSource("invalidAdditions")
  void anInvalidAdditionIsRejectedAndNothingOfItsBatchIsAdded(String rule,
      LookupAddition invalid, String message) {
    List<LookupAddition> batch = List.of(page("wp-ok", "OK", "https://example.com/ok"), invalid);
    assertThatThrownBy(() -> snapshot.withAdditions(batch))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    assertThat(snapshot.webPage("OK", "https://example.com/ok")).isEmpty();
  }

  @Test
  void manySingleAdditionsStayFindableAcrossFolds() {
    int count = 3 * IndexedLookupSnapshot.foldThreshold(0) + 17;
    IndexedLookupSnapshot current = snapshot;
    List<IndexedLookupSnapshot> history = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      history.add(current);
      current = current.withAdditions(List.of(page("wp-" + i, "Page " + i, "https://x/" + i)));
    }
    for (int i = 0; i < count; i++) {
      assertThat(current.webPage("Page " + i, "https://x/" + i)).map(WebPage::id)
          .contains("wp-" + i);
      assertThat(history.get(i).webPage("Page " + i, "https://x/" + i))
          .as("snapshot %s was taken before page %s was added", i, i).isEmpty();
    }
    assertThat(history.get(count / 2).tables().webPages()).hasSize(1 + count / 2);
    assertThat(current.tables().webPages()).hasSize(1 + count);
  }

  @Test
  void emptyHasNothing() {
    assertThat(IndexedLookupSnapshot.empty().tables()).isEqualTo(LookupTables.empty());
    assertThat(IndexedLookupSnapshot.empty().countryByCode("US")).isEmpty();
  }
}
