package io.github.matomotracking.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.matomotracking.model.Campaign;
import io.github.matomotracking.model.Visit;
import io.github.matomotracking.model.VisitAction;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Decoding of well-formed responses: every model field from its Matomo key, raw kept. */
class LiveResponseReaderTest {

  @Test
  void mapsEveryVisitFieldFromItsMatomoKey() {
    Visit visit = ReadResult.readResource("two-visits-typed.json").visits().get(0);

    assertThat(visit.siteId()).isEqualTo(3);
    assertThat(visit.visitId()).isEqualTo(4711);
    assertThat(visit.visitorId()).contains("5ae8a8b5c0f7e2d1");
    assertThat(visit.userId()).contains("contact-42");
    assertThat(visit.firstActionTime()).isEqualTo(Instant.ofEpochSecond(1700000000));
    assertThat(visit.lastActionTime()).contains(Instant.ofEpochSecond(1700000360));
    assertThat(visit.durationSeconds()).hasValue(360);
    assertThat(visit.actionCount()).hasValue(3);
    assertThat(visit.truncatedActionsCount()).isEmpty();
    assertThat(visit.countryCode()).contains("de");
    assertThat(visit.countryName()).contains("Germany");
    assertThat(visit.regionCode()).contains("BE");
    assertThat(visit.regionName()).contains("Land Berlin");
    assertThat(visit.city()).contains("Berlin");
    assertThat(visit.latitude()).contains("52.516000");
    assertThat(visit.longitude()).contains("13.400000");
    assertThat(visit.referrerType()).contains("campaign");
    assertThat(visit.referrerTypeName()).contains("Campaigns");
    assertThat(visit.referrerName()).contains("spring-sale");
    assertThat(visit.referrerKeyword()).contains("shoes");
    assertThat(visit.referrerUrl()).contains("https://news.example.com/letter");
    assertThat(visit.operatingSystemName()).contains("Windows");
    assertThat(visit.operatingSystemVersion()).contains("11");
    assertThat(visit.deviceType()).contains("Desktop");
    assertThat(visit.deviceBrand()).contains("Unknown");
    assertThat(visit.deviceModel()).contains("Generic Desktop");
    assertThat(visit.browserName()).contains("Firefox");
    assertThat(visit.ipAddress()).contains("192.0.2.0");
    assertThat(visit.languageCode()).contains("de-de");
  }

  @Test
  void mapsTheCampaignFieldsAndLeavesBlankOnesAbsent() {
    Campaign campaign = ReadResult.readResource("two-visits-typed.json").visits().get(0).campaign();

    assertThat(campaign.id()).contains("cmp-7");
    assertThat(campaign.source()).contains("newsletter");
    assertThat(campaign.medium()).contains("email");
    assertThat(campaign.name()).contains("spring-sale");
    assertThat(campaign.keyword()).contains("shoes");
    assertThat(campaign.content()).contains("hero-banner");
    assertThat(campaign.group()).isEmpty();
    assertThat(campaign.placement()).isEmpty();
  }

  @Test
  void mapsEveryActionFieldAndNumbersActionsByTheirIndex() {
    List<VisitAction> actions =
        ReadResult.readResource("two-visits-typed.json").visits().get(0).actions();

    assertThat(actions).extracting(VisitAction::position).containsExactly(0, 1, 2);
    assertThat(actions).extracting(VisitAction::type).containsExactly("action", "13", "goal");
    VisitAction pageView = actions.get(0);
    assertThat(pageView.url()).contains("https://shop.example.com/spring?utm_campaign=spring-sale");
    assertThat(pageView.pageTitle()).contains("Spring sale");
    assertThat(pageView.title()).contains("Spring sale");
    assertThat(pageView.subtitle())
        .contains("https://shop.example.com/spring?utm_campaign=spring-sale");
    assertThat(pageView.pageViewId()).contains("Xy3kQa");
    assertThat(pageView.pageId()).hasValue(901);
    assertThat(pageView.pageIdAction()).hasValue(12);
    assertThat(pageView.shiftedTimestamp()).hasValue(1700003600);
    assertThat(pageView.timeSpentSeconds()).hasValue(120);
    VisitAction goal = actions.get(2);
    assertThat(goal.pageViewId()).isEmpty();
    assertThat(goal.pageId()).isEmpty();
    assertThat(goal.subtitle()).isEmpty();
    assertThat(goal.timeSpentSeconds()).isEmpty();
  }

  @Test
  void keepsTheVisitAndActionJsonAsReceivedInRaw() {
    Visit visit = ReadResult.readResource("two-visits-typed.json").visits().get(0);

    assertThat(visit.raw().get("dimension1").textValue()).isEqualTo("gold");
    assertThat(visit.raw().get("customVariables").get("1").get("customVariableValue1").asText())
        .isEqualTo("gold");
    assertThat(visit.raw().get("fingerprint").textValue()).isEqualTo("0a1b2c3d4e5f6071");
    assertThat(visit.raw().get("actionDetails")).hasSize(3);
    VisitAction content = visit.actions().get(1);
    assertThat(content.raw().get("contentInteraction").textValue()).isEqualTo("click");
    assertThat(content.raw()).isSameAs(visit.raw().get("actionDetails").get(1));
  }

  @Test
  void readsAbsentValuesOfTheSecondVisitAsAbsent() {
    ReadResult result = ReadResult.readResource("two-visits-typed.json");
    Visit visit = result.visits().get(1);

    assertThat(visit.visitorId()).as("visitorId false").isEmpty();
    assertThat(visit.userId()).as("userId null").isEmpty();
    assertThat(visit.ipAddress()).as("visitIp null").isEmpty();
    assertThat(visit.referrerName()).as("referrerName \"\"").isEmpty();
    assertThat(visit.city()).as("city of blanks").isEmpty();
    assertThat(visit.campaign()).isEqualTo(Campaign.none());
    assertThat(visit.actions()).isEmpty();
    assertThat(visit.truncatedActionsCount()).hasValue(2);
    assertThat(visit.referrerType()).as("unknown referrer types pass through").contains("ai-assistant");
    assertThat(result.warnings()).isEmpty();
    assertThat(result.summary()).isEqualTo(new ReadSummary(2, 0));
  }

  @Test
  void readsTheStringsFormOfOlderPhpLikeTheTypedForm() {
    ReadResult strings = ReadResult.readResource("two-visits-strings.json");
    ReadResult typed = ReadResult.readResource("two-visits-typed.json");

    assertThat(strings.visits()).hasSize(2).isEqualTo(typed.visits());
    assertThat(strings.visits().get(0).raw().get("idSite").isTextual()).isTrue();
    assertThat(strings.warnings()).isEmpty();
  }

  @Test
  void readsAnEmptyArrayAsNoVisits() {
    ReadResult result = ReadResult.read(" [ ] \n");

    assertThat(result.visits()).isEmpty();
    assertThat(result.warnings()).isEmpty();
    assertThat(result.summary()).isEqualTo(new ReadSummary(0, 0));
  }

  @Test
  void readsAUtf8BodyWithByteOrderMarkAndEscapes() {
    String body = "\uFEFF" + ReadResult.oneVisit(
        "\"city\": \"K\\u00f6ln\", \"referrerName\": \"caf\u00e9 \uD83D\uDE00\"");

    Visit visit = ReadResult.read(body).onlyVisit();

    assertThat(visit.city()).contains("K\u00f6ln");
    assertThat(visit.referrerName()).contains("caf\u00e9 \uD83D\uDE00");
  }

  @Test
  void keepsLatitudeAndLongitudeSentAsNumbersAsTheirText() {
    Visit visit = ReadResult.read(ReadResult.oneVisit("\"latitude\": 48.924000, \"longitude\": -2.5"))
        .onlyVisit();

    assertThat(visit.latitude()).contains("48.924000");
    assertThat(visit.longitude()).contains("-2.5");
  }

  @Test
  void givesAnActionWithoutTypeTheEmptyType() {
    Visit visit = ReadResult.read(ReadResult.oneVisit(
        "\"actionDetails\": [{\"url\": \"https://a.example/\"}, {\"type\": null}, {\"type\": 13}]"))
        .onlyVisit();

    assertThat(visit.actions()).extracting(VisitAction::type).containsExactly("", "", "13");
  }

  @Test
  void leavesOutActionEntriesThatAreNotObjectsButKeepsPositions() {
    ReadResult result = ReadResult.read(ReadResult.oneVisit(
        "\"actionDetails\": [{\"type\": \"action\"}, \"oops\", {\"type\": \"outlink\"}]"));

    Visit visit = result.onlyVisit();
    assertThat(visit.actions()).extracting(VisitAction::position).containsExactly(0, 2);
    assertThat(visit.raw().get("actionDetails")).hasSize(3);
    assertThat(result.warnings()).singleElement().satisfies(warning ->
        assertThat(warning.message()).contains("actionDetails[1]").contains("\"oops\""));
  }

  @Test
  void readsAnOptionalFieldGivenTwiceByItsLastValue() {
    Visit visit = ReadResult.read(ReadResult.oneVisit("\"city\": \"Bonn\", \"city\": \"Ulm\""))
        .onlyVisit();

    assertThat(visit.city()).contains("Ulm");
    assertThat(visit.raw().get("city").textValue()).isEqualTo("Ulm");
  }

  @Test
  void warnsAboutAFieldGivenTwiceInAVisitOrAnAction() {
    ReadResult result = ReadResult.read(ReadResult.oneVisit("\"idVisit\": 9, \"actionDetails\":"
        + " [{\"type\": \"action\", \"url\": \"https://a.example/\", \"url\": null}]"));

    Visit visit = result.onlyVisit();
    assertThat(visit.visitId()).as("the last value is used").isEqualTo(9);
    assertThat(visit.actions().get(0).url()).isEmpty();
    assertThat(result.warnings()).extracting(warning -> warning.message()).containsExactly(
        "idVisit appears more than once (2, then 9); the last value is used",
        "actionDetails[0].url appears more than once (\"https://a.example/\", then null); the last"
            + " value is used");
    assertThat(result.warnings()).allSatisfy(warning -> assertThat(warning.visitId()).hasValue(9));
  }

  @Test
  void ignoresUnknownFieldsOfAnyShapeForTyping() {
    Visit visit = ReadResult.read(ReadResult.oneVisit(
        "\"pluginsIcons\": null, \"nested\": {\"a\": [1, 2.5, true, {\"b\": null}]},"
            + " \"big\": 123456789012345678901234567890"))
        .onlyVisit();

    assertThat(visit.raw().get("nested").get("a").get(1).doubleValue()).isEqualTo(2.5);
    assertThat(visit.raw().get("big").bigIntegerValue().toString())
        .isEqualTo("123456789012345678901234567890");
    assertThat(visit.durationSeconds()).isEqualTo(OptionalLong.empty());
    assertThat(visit.userId()).isEqualTo(Optional.empty());
  }
}
