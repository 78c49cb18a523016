package io.github.matomotracking.mapping;

import static io.github.matomotracking.mapping.TestLookups.channelRef;
import static io.github.matomotracking.mapping.TestLookups.sourceRef;
import static io.github.matomotracking.mapping.TestVisits.action;
import static io.github.matomotracking.mapping.TestVisits.pageView;
import static io.github.matomotracking.mapping.TestVisits.shifted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.matomotracking.model.Campaign;
import io.github.matomotracking.model.CodedValue;
import io.github.matomotracking.model.GeoValue;
import io.github.matomotracking.model.LookupAddition;
import io.github.matomotracking.model.LookupKind;
import io.github.matomotracking.model.LookupRef;
import io.github.matomotracking.model.MappedVisit;
import io.github.matomotracking.model.Visit;
import io.github.matomotracking.model.VisitWarning;
import io.github.matomotracking.model.WebAction;
import io.github.matomotracking.model.WebPageRef;
import io.github.matomotracking.model.WebSession;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The mapper over whole visits and batches (domain rules, sections 4 and 6). */
class VisitMapperTest {

  private static final TestLookups LOOKUPS = TestLookups.defaults();
  private static final SiteTimeZones PARIS = SiteTimeZones.of(Map.of(3L, ZoneId.of("Europe/Paris")));

  private static final String HOME = "https://www.example.com/";
  private static final String PRICING = "https://www.example.com/pricing";

  /** A complete visit of site 3 (Europe/Paris) in January, so local time is UTC+1. */
  private static Visit completeVisit() {
    return TestVisits.visit()
        .siteId(3)
        .visitId(4242)
        .visitorId("0123456789abcdef")
        .userId("contact-17")
        .firstActionTime(Instant.parse("2024-01-15T09:00:00Z"))
        .lastActionTime(Instant.parse("2024-01-15T09:05:30Z"))
        .durationSeconds(330)
        .actionCount(5)
        .countryCode("fr").countryName("France")
        .regionCode("IDF").regionName("Île-de-France")
        .city("Paris")
        .latitude("48.856600").longitude("2.352200")
        .referrerType("search").referrerTypeName("Search Engines")
        .referrerName("Google")
        .referrerKeyword("Keyword not defined")
        .referrerUrl("https://www.google.com/search?q=crm")
        .campaign(Campaign.builder()
            .id("c1").source("facebook").medium("cpc").name("spring").keyword("crm").content("banner-a").build())
        .operatingSystemName("Windows").operatingSystemVersion("10")
        .deviceType("Desktop").deviceBrand("Unknown").deviceModel("Generic Desktop")
        .ipAddress("192.168.0.0")
        .languageCode("fr-fr")
        .addActions(
            action(0, "action").pageViewId("aaaaaa").pageId(11).url(HOME + "?utm_source=facebook")
                .pageTitle("Home").shiftedTimestamp(shifted("2024-01-15T10:00:00")).build(),
            action(1, "action").pageViewId("bbbbbb").pageId(12).url(PRICING + "?plan=pro")
                .title("Pricing").shiftedTimestamp(shifted("2024-01-15T10:02:00")).build(),
            action(2, "event").pageViewId("bbbbbb").pageId(13).url(PRICING + "?plan=pro")
                .title("Video - play").shiftedTimestamp(shifted("2024-01-15T10:03:00")).build(),
            action(3, "goal").title("Signup").shiftedTimestamp(shifted("2024-01-15T10:05:30")).build(),
            action(4, "13").pageId(15).url(PRICING).title("banner")
                .shiftedTimestamp(shifted("2024-01-15T10:05:00")).build())
        .build();
  }

  @Test
  void mapsACompleteVisit() {
    MappedVisit mapped = VisitMapper.standard().map(completeVisit(), LOOKUPS, PARIS);

    WebSession expectedSession = WebSession.builder()
        .siteId(3)
        .visitId(4242)
        .visitorId("0123456789abcdef")
        .userId("contact-17")
        .startDate(Instant.parse("2024-01-15T09:00:00Z"))
        .lastActionDate(Instant.parse("2024-01-15T09:05:30Z"))
        .durationSeconds(330)
        .actionCount(5)
        .country(GeoValue.builder().name("France").code("fr").lookup(LookupRef.of("country:fr", "France")).build())
        .region(GeoValue.builder().name("Île-de-France").code("IDF")
            .lookup(LookupRef.of("region:fr-IDF", "Ile-de-France")).build())
        .city(GeoValue.builder().name("Paris").lookup(LookupRef.of("city:fr-IDF-Paris", "Paris")).build())
        .location("48.856600, 2.352200")
        .source(sourceRef("Facebook"))
        .channel(channelRef("Web: paid search"))
        .referrerType(CodedValue.of("search", LookupRef.of("referrer-type:search", "Search Engines")))
        .referrerName("Google")
        .referrerUrl("https://www.google.com/search")
        .utmId("c1")
        .utmSource("facebook")
        .utmMedium("cpc")
        .utmCampaign("spring")
        .utmTerm("crm")
        .utmContent("banner-a")
        .platform("Windows 10")
        .device("Desktop, Generic Desktop")
        .ipAddress("192.168.0.0")
        .language("fr-fr")
        .build();
    assertThat(mapped.session()).isEqualTo(expectedSession);

    WebPageRef home = WebPageRef.of(LookupIds.webPage("Home", HOME), "Home", HOME);
    WebPageRef pricing = WebPageRef.of(
        LookupIds.webPage("example.com/pricing", PRICING), "example.com/pricing", PRICING);
    LookupRef followingALink = LookupRef.of("action-type:action", "Following a link");
    assertThat(mapped.actions()).containsExactly(
        WebAction.builder().siteId(3).visitId(4242).position(0).actionId("aaaaaa").naturalKey("pv:aaaaaa")
            .date(Instant.parse("2024-01-15T09:00:00Z")).type(CodedValue.of("action", followingALink))
            .webPage(home).url(HOME + "?utm_source=facebook").title("Home").build(),
        WebAction.builder().siteId(3).visitId(4242).position(1).actionId("bbbbbb").naturalKey("pv:bbbbbb")
            .date(Instant.parse("2024-01-15T09:02:00Z")).type(CodedValue.of("action", followingALink))
            .webPage(pricing).url(PRICING + "?plan=pro").title("Pricing").build(),
        WebAction.builder().siteId(3).visitId(4242).position(2).actionId("bbbbbb").naturalKey("pid:13")
            .date(Instant.parse("2024-01-15T09:03:00Z"))
            .type(CodedValue.of("event", LookupRef.of("action-type:event", "Media action")))
            .webPage(pricing).url(PRICING + "?plan=pro").title("Video - play").build(),
        WebAction.builder().siteId(3).visitId(4242).position(3)
            .naturalKey("t:goal:" + shifted("2024-01-15T10:05:30") + ":3")
            .date(Instant.parse("2024-01-15T09:05:30Z"))
            .type(CodedValue.of("goal", LookupRef.of(LookupIds.actionType("goal"), "goal")))
            .title("Signup").build(),
        WebAction.builder().siteId(3).visitId(4242).position(4).naturalKey("pid:15")
            .date(Instant.parse("2024-01-15T09:05:00Z"))
            .type(CodedValue.of("13", LookupRef.of(LookupIds.actionType("13"), "13")))
            .webPage(pricing).url(PRICING).title("banner").build());

    assertThat(mapped.additions()).containsExactly(
        LookupAddition.builder().kind(LookupKind.WEB_PAGE).id(home.lookupId()).name("Home").url(HOME).build(),
        LookupAddition.builder().kind(LookupKind.WEB_PAGE).id(pricing.lookupId())
            .name("example.com/pricing").url(PRICING).build(),
        LookupAddition.builder().kind(LookupKind.ACTION_TYPE).id(LookupIds.actionType("goal"))
            .name("goal").code("goal").build(),
        LookupAddition.builder().kind(LookupKind.ACTION_TYPE).id(LookupIds.actionType("13"))
            .name("13").code("13").build());
    assertThat(mapped.warnings()).isEmpty();
  }

  @Test
  void mappingTheSameVisitTwiceGivesEqualResults() {
    VisitMapper mapper = VisitMapper.standard();

    MappedVisit first = mapper.map(completeVisit(), LOOKUPS, PARIS);
    MappedVisit second = mapper.newBatch(LOOKUPS, PARIS).map(completeVisit());

    assertThat(second).isEqualTo(first);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      # rule                                                                      | visitDuration | last action (UTC)    | actions | duration | action count
      duration is Matomo's visitDuration and the count its actions                | 300           | 2024-01-15T09:10:00Z | 7       | 300      | 7
      without visitDuration: seconds from the first to the last action            | -             | 2024-01-15T09:10:00Z | 7       | 600      | 7
      without visitDuration and last action: zero                                 | -             | -                    | 7       | 0        | 7
      a last action before the first never gives a negative duration             | -             | 2024-01-15T08:59:00Z | 7       | 0        | 7
      without actions: the count is the number of entries received               | 300           | -                    | -       | 300      | 2
      """)
  void sessionDurationAndActionCount(
      String rule, Long visitDuration, Instant lastAction, Long actions, long duration, long actionCount) {
    Visit visit = TestVisits.visit()
        .durationSeconds(visitDuration == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(visitDuration))
        .lastActionTime(java.util.Optional.ofNullable(lastAction))
        .actionCount(actions == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(actions))
        .addActions(
            pageView(0, "aaaaaa", HOME, "Home", "2024-01-15T10:00:00"),
            pageView(1, "bbbbbb", PRICING, "Pricing", "2024-01-15T10:01:00"))
        .build();

    WebSession session = VisitMapper.standard().map(visit, LOOKUPS, SiteTimeZones.none()).session();

    assertThat(session.startDate()).isEqualTo(visit.firstActionTime());
    assertThat(session.lastActionDate()).isEqualTo(java.util.Optional.ofNullable(lastAction));
    assertThat(session.durationSeconds()).isEqualTo(duration);
    assertThat(session.actionCount()).isEqualTo(actionCount);
  }

  @Test
  void additionsAreDeduplicatedWithinAVisit() {
    Visit visit = TestVisits.visit()
        .referrerType("ai").referrerTypeName("AI Assistants")
        .addActions(
            pageView(0, "aaaaaa", HOME + "?a=1", "Home", "2024-01-15T10:00:00"),
            pageView(1, "bbbbbb", HOME + "?a=2", "Home", "2024-01-15T10:01:00"),
            action(2, "goal").shiftedTimestamp(shifted("2024-01-15T10:02:00")).build(),
            action(3, "GOAL").shiftedTimestamp(shifted("2024-01-15T10:03:00")).build())
        .build();

    MappedVisit mapped = VisitMapper.standard().map(visit, LOOKUPS, SiteTimeZones.none());

    assertThat(mapped.additions()).extracting(LookupAddition::kind, LookupAddition::name).containsExactly(
        org.assertj.core.groups.Tuple.tuple(LookupKind.REFERRER_TYPE, "AI Assistants"),
        org.assertj.core.groups.Tuple.tuple(LookupKind.WEB_PAGE, "Home"),
        org.assertj.core.groups.Tuple.tuple(LookupKind.ACTION_TYPE, "goal"));
    assertThat(mapped.actions().get(0).webPage()).isEqualTo(mapped.actions().get(1).webPage());
    assertThat(mapped.actions().get(2).type().lookup()).isEqualTo(mapped.actions().get(3).type().lookup());
    assertThat(mapped.session().referrerType())
        .contains(CodedValue.of("ai", LookupRef.of(LookupIds.referrerType("ai"), "AI Assistants")));
  }

  @Test
  void additionsAreDeduplicatedAcrossABatchAndLaterVisitsResolveToThem() {
    Visit first = TestVisits.visit().visitId(1)
        .addActions(
            pageView(0, "aaaaaa", HOME, "Home", "2024-01-15T10:00:00"),
            action(1, "goal").shiftedTimestamp(shifted("2024-01-15T10:02:00")).build())
        .build();
    Visit second = TestVisits.visit().visitId(2)
        .addActions(
            pageView(0, "cccccc", HOME + "?again=1", "Home", "2024-01-15T11:00:00"),
            pageView(1, "dddddd", PRICING, "Pricing", "2024-01-15T11:01:00"),
            action(2, "goal").shiftedTimestamp(shifted("2024-01-15T11:02:00")).build())
        .build();
    MappingBatch batch = VisitMapper.standard().newBatch(LOOKUPS, SiteTimeZones.none());

    MappedVisit mappedFirst = batch.map(first);
    MappedVisit mappedSecond = batch.map(second);

    assertThat(mappedFirst.additions()).extracting(LookupAddition::name).containsExactly("Home", "goal");
    assertThat(mappedSecond.additions()).extracting(LookupAddition::name).containsExactly("Pricing");
    assertThat(mappedSecond.actions().get(0).webPage()).isEqualTo(mappedFirst.actions().get(0).webPage());
    assertThat(mappedSecond.actions().get(0).webPage().orElseThrow().lookupId())
        .isEqualTo(LookupIds.webPage("Home", HOME));
    assertThat(mappedSecond.actions().get(2).type()).isEqualTo(mappedFirst.actions().get(1).type());
    assertThat(batch.additions()).extracting(LookupAddition::name).containsExactly("Home", "goal", "Pricing");

    MappedVisit inANewBatch = VisitMapper.standard().newBatch(LOOKUPS, SiteTimeZones.none()).map(second);
    assertThat(inANewBatch.additions()).extracting(LookupAddition::name).containsExactly("Home", "Pricing", "goal");
    assertThat(inANewBatch.actions()).isEqualTo(mappedSecond.actions());
  }

  @Test
  void aVisitThatFailsToMapLeavesNoAdditionBehind() {
    AtomicBoolean fail = new AtomicBoolean(true);
    SourceChannelPolicy flaky = (input, lookups) -> {
      if (fail.get()) {
        throw new IllegalStateException("policy failed");
      }
      return SourceChannel.none();
    };
    Visit visit = TestVisits.visit()
        .referrerType("ai")
        .addActions(action(0, "goal").shiftedTimestamp(shifted("2024-01-15T10:02:00")).build())
        .build();
    MappingBatch batch = VisitMapper.builder().sourceChannelPolicy(flaky).build()
        .newBatch(LOOKUPS, SiteTimeZones.none());

    assertThatThrownBy(() -> batch.map(visit)).hasMessage("policy failed");
    fail.set(false);
    MappedVisit retried = batch.map(visit);

    assertThat(retried.additions()).extracting(LookupAddition::name).containsExactly("ai", "goal");
  }

  @Test
  void warnsAboutAnUnreadableSiteZoneAndFallsBack() {
    Visit visit = TestVisits.visit()
        .siteId(5)
        .addActions(pageView(0, "aaaaaa", HOME, "Home", "2024-01-15T14:30:00"))
        .build();

    MappedVisit mapped = VisitMapper.standard().map(visit, LOOKUPS, SiteTimeZones.fromMatomo(Map.of(5L, "UTC+x")));

    assertThat(mapped.actions().get(0).date()).contains(visit.firstActionTime());
    assertThat(mapped.warnings()).singleElement().satisfies(warning -> {
      assertThat(warning.siteId()).hasValue(5);
      assertThat(warning.visitId()).hasValue(100);
      assertThat(warning.message()).contains("\"UTC+x\"", "site 5");
    });
  }

  @Test
  void warnsWhenNoPageViewCanImplyTheOffset() {
    Visit visit = TestVisits.visit()
        .addActions(action(0, "event").shiftedTimestamp(shifted("2024-01-15T10:00:00")).build())
        .build();

    MappedVisit mapped = VisitMapper.standard().map(visit, LOOKUPS, SiteTimeZones.none());

    assertThat(mapped.actions().get(0).date()).contains(Instant.parse("2024-01-15T10:00:00Z"));
    assertThat(mapped.warnings()).extracting(VisitWarning::describe)
        .singleElement().asString().startsWith("visit 1/100: ").contains("UTC");
  }

  @Test
  void warnsAboutTruncatedActionsAndRepeatedNaturalKeys() {
    Visit visit = TestVisits.visit()
        .truncatedActionsCount(12)
        .addActions(
            pageView(0, "aaaaaa", HOME, "Home", "2024-01-15T10:00:00"),
            pageView(1, "aaaaaa", HOME, "Home", "2024-01-15T10:00:05"))
        .build();

    MappedVisit mapped = VisitMapper.standard().map(visit, LOOKUPS, SiteTimeZones.none());

    assertThat(mapped.actions()).extracting(WebAction::naturalKey).containsExactly("pv:aaaaaa", "pv:aaaaaa#1");
    assertThat(mapped.warnings()).extracting(VisitWarning::message).satisfiesExactly(
        truncated -> assertThat(truncated).contains("left out 12"),
        repeated -> assertThat(repeated).contains("action #1", "pv:aaaaaa#1"));
  }

  @Test
  void aRepeatedNaturalKeyWhoseSuffixedFormIsTakenIsSuffixedAgain() {
    Visit visit = TestVisits.visit()
        .addActions(
            pageView(0, "x#2", HOME, "Home", "2024-01-15T10:00:00"),
            pageView(1, "x", HOME, "Home", "2024-01-15T10:00:05"),
            pageView(2, "x", HOME, "Home", "2024-01-15T10:00:10"))
        .build();

    MappedVisit mapped = VisitMapper.standard().map(visit, LOOKUPS, SiteTimeZones.none());

    assertThat(mapped.actions()).extracting(WebAction::naturalKey)
        .containsExactly("pv:x#2", "pv:x", "pv:x#2#2");
    assertThat(mapped.warnings()).extracting(VisitWarning::message).singleElement().asString()
        .contains("action #2", "same natural key \"pv:x\"", "keyed \"pv:x#2#2\"");
  }

  @Test
  void textsTooLongForALookupGetNoEntryButStayAsTextWithAWarning() {
    String longPath = "https://example.com/" + "p".repeat(LookupAdditions.MAX_TEXT_LENGTH);
    String longCode = "t".repeat(LookupAdditions.MAX_TEXT_LENGTH + 1);
    Visit visit = TestVisits.visit()
        .referrerType(longCode)
        .addActions(
            pageView(0, "aaaaaa", longPath, "Home", "2024-01-15T10:00:00"),
            pageView(1, "bbbbbb", HOME, "T".repeat(LookupAdditions.MAX_TEXT_LENGTH + 1),
                "2024-01-15T10:00:05"),
            TestVisits.action(2, longCode).url(HOME).shiftedTimestamp(shifted("2024-01-15T10:00:09"))
                .build(),
            pageView(3, "cccccc", HOME + "?q=" + "x".repeat(20_000), "Home", "2024-01-15T10:00:10"))
        .build();

    MappedVisit mapped = VisitMapper.standard().map(visit, LOOKUPS, SiteTimeZones.none());

    assertThat(mapped.actions()).extracting(action -> action.webPage().isPresent())
        .as("only a long query string is fine: it is not part of the page key")
        .containsExactly(false, false, true, true);
    assertThat(mapped.actions().get(0).url()).contains(longPath);
    assertThat(mapped.actions().get(2).type()).isEqualTo(CodedValue.of(longCode, null));
    assertThat(mapped.session().referrerType()).contains(CodedValue.of(longCode, null));
    assertThat(mapped.additions()).allSatisfy(addition -> assertThat(addition.name().length()
        + addition.code().orElse("").length() + addition.url().orElse("").length())
        .isLessThan(100));
    assertThat(mapped.warnings()).extracting(VisitWarning::message).containsExactly(
        "the referrerType is 8193 characters long, more than 8192; it gets no referrer type entry",
        "action #0: its URL or page title is longer than 8192 characters; it gets no web page",
        "action #1: its URL or page title is longer than 8192 characters; it gets no web page",
        "action #2: its type is 8193 characters long, more than 8192; it gets no action type");
  }

  @Test
  void aVisitWithoutActionsStillGivesASession() {
    MappedVisit mapped = VisitMapper.standard().map(TestVisits.visit().build(), LOOKUPS, SiteTimeZones.none());

    assertThat(mapped.actions()).isEmpty();
    assertThat(mapped.additions()).isEmpty();
    assertThat(mapped.warnings()).isEmpty();
    assertThat(mapped.session().source()).isEmpty();
    assertThat(mapped.session().channel()).isEmpty();
    assertThat(mapped.session().referrerType()).isEmpty();
  }

  @Test
  void theBuilderSelectsThePolicyAndTheKeywordPlaceholders() {
    VisitMapper mapper = VisitMapper.builder()
        .sourceChannelPolicy(new ExtendedSourceChannelPolicy())
        .keywordPlaceholders(List.of("Mot clé non défini"))
        .build();
    Visit visit = TestVisits.visit()
        .referrerType("search").referrerName("Google").referrerUrl("https://www.google.fr/")
        .referrerKeyword("Mot clé non défini")
        .build();
    Visit english = TestVisits.visit().referrerKeyword("Keyword not defined").build();

    WebSession session = mapper.map(visit, LOOKUPS, SiteTimeZones.none()).session();

    assertThat(session.source()).contains(sourceRef("Google"));
    assertThat(session.channel()).contains(channelRef("Web: organic search"));
    assertThat(session.referrerKeyword()).isEmpty();
    assertThat(mapper.map(english, LOOKUPS, SiteTimeZones.none()).session().referrerKeyword())
        .contains("Keyword not defined");
    assertThat(VisitMapper.standard().map(visit, LOOKUPS, SiteTimeZones.none()).session().source())
        .contains(sourceRef("Other source"));
  }

  @Test
  void theLandingPageFeedsThePolicy() {
    SourceChannelInput[] seen = new SourceChannelInput[1];
    SourceChannelPolicy spy = (input, lookups) -> {
      seen[0] = input;
      return SourceChannel.none();
    };
    Visit visit = TestVisits.visit()
        .campaign(Campaign.builder().source("newsletter").medium("email").name("spring").build())
        .referrerType("website").referrerName("example.org").referrerUrl("https://example.org/a?b=c")
        .addActions(
            action(0, "event").url("https://www.example.com/video").build(),
            pageView(1, "aaaaaa", HOME + "?fbclid=1", "Home", "2024-01-15T10:00:00"))
        .build();

    VisitMapper.builder().sourceChannelPolicy(spy).build().map(visit, LOOKUPS, SiteTimeZones.none());

    assertThat(seen[0]).isEqualTo(SourceChannelInput.builder()
        .utmSource("newsletter").utmMedium("email").utmCampaign("spring")
        .referrerType("website").referrerName("example.org").referrerUrl("https://example.org/a?b=c")
        .landingUrl(HOME + "?fbclid=1")
        .build());
  }
}
