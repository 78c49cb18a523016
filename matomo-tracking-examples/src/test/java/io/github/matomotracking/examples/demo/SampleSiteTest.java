package io.github.matomotracking.examples.demo;

import static io.github.matomotracking.examples.demo.DemoFixtures.NOW;
import static io.github.matomotracking.examples.demo.DemoFixtures.SAMPLE;
import static io.github.matomotracking.examples.demo.DemoFixtures.SEED;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.matomotracking.identify.Contact;
import io.github.matomotracking.identify.DefaultContactIdentifier;
import io.github.matomotracking.identify.EmailClick;
import io.github.matomotracking.identify.FormSubmission;
import io.github.matomotracking.identify.Identification;
import io.github.matomotracking.identify.VisitSpan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the generated sample holds: its size, its features, its identification story, its files. */
class SampleSiteTest {

  private static List<DemoVisit> visits() {
    return SAMPLE.visits();
  }

  private static long count(Predicate<DemoVisit> which) {
    return visits().stream().filter(which).count();
  }

  private static Predicate<DemoVisit> referrer(String type, String name, String url) {
    return v -> v.referrer().type().equals(type) && (name == null || name.equals(v.referrer().name()))
        && (url == null || url.equals(v.referrer().url()));
  }

  private static Predicate<DemoVisit> campaign(String source, String medium, String name) {
    return v -> v.referrer().type().equals("campaign") && v.campaign().source().equals(source)
        && v.campaign().medium().equals(medium) && v.campaign().name().equals(name);
  }

  @Test
  void hasSeveralHundredVisitsOfBothSitesInTheSixtyDaysBeforeNow() {
    assertThat(visits()).hasSizeBetween(300, 800);
    assertThat(count(v -> v.siteId() == 1)).isGreaterThan(300);
    assertThat(count(v -> v.siteId() == 2)).isGreaterThan(40);
    assertThat(visits()).allSatisfy(v -> {
      assertThat(v.firstActionTime()).isAfterOrEqualTo(NOW.minus(Duration.ofDays(60)));
      assertThat(v.lastActionTime()).isBefore(NOW);
    });
    assertThat(SAMPLE.sites()).extracting(DemoSite::timezone).containsExactly("Europe/Paris", "America/New_York");
  }

  @Test
  void visitIdsAreUniqueAndFollowTheOrderVisitsStarted() {
    List<DemoVisit> byStart = new ArrayList<>(visits());
    byStart.sort(Comparator.comparing(DemoVisit::firstActionTime).thenComparingLong(DemoVisit::siteId));

    assertThat(byStart).extracting(DemoVisit::visitId).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void aVisitorsVisitsAreSeparatedAndCountedLikeMatomoCountsThem() {
    Map<String, List<DemoVisit>> byVisitor = visits().stream()
        .collect(Collectors.groupingBy(v -> v.siteId() + "/" + v.visitorId()));
    for (List<DemoVisit> same : byVisitor.values()) {
      for (int i = 1; i < same.size(); i++) {
        DemoVisit previous = same.get(i - 1);
        DemoVisit next = same.get(i);
        assertThat(next.firstActionTime()).as("visitor %s", next.visitorId())
            .isAfter(previous.lastActionTime().plus(Duration.ofMinutes(30)));
        assertThat(next.visitCount()).isEqualTo(previous.visitCount() + 1);
      }
    }
    assertThat(byVisitor.values()).anyMatch(same -> same.size() >= 3);
  }

  static Stream<Arguments> referrers() {
    return Stream.of(
        Arguments.of("a direct entry", referrer("direct", null, null)),
        Arguments.of("Google without a keyword", referrer("search", "Google", "https://www.google.com/")
            .and(v -> Origin.NO_KEYWORD.equals(v.referrer().keyword()))),
        Arguments.of("Bing", referrer("search", "Bing", "https://www.bing.com/")),
        Arguments.of("Facebook from m.facebook.com", referrer("social", "Facebook", "https://m.facebook.com/")),
        Arguments.of("Twitter from twitter.com", referrer("social", "Twitter", "https://twitter.com/")),
        Arguments.of("LinkedIn from linkedin.com", referrer("social", "LinkedIn", "https://www.linkedin.com/")),
        Arguments.of("an unknown blog", referrer("website", "robotics-weekly.example", null)
            .or(referrer("website", "factory-floor.example", null)).or(referrer("website", "makers-forum.example", null))),
        Arguments.of("campaign facebook / cpc", campaign("facebook", "cpc", "spring-upgrade")),
        Arguments.of("campaign linkedin / social", campaign("linkedin", "social", "cobots-101-webinar")),
        Arguments.of("campaign mailchimp / email", campaign("mailchimp", "email", "monthly-newsletter")),
        Arguments.of("campaign bpmonline / email", campaign("bpmonline", "email", "spring-upgrade-customers")),
        Arguments.of("campaign adwords / ppc", campaign("adwords", "ppc", "brand-search")),
        Arguments.of("an unmapped utm_source with a mapped utm_campaign", campaign("industry-digest", "", "facebook")),
        Arguments.of("a utm_medium alone", campaign("", "display", "")),
        Arguments.of("an unknown source and medium", campaign("producthunt", "referral", "launch-week")),
        Arguments.of("a campaign without the plugin's fields", (Predicate<DemoVisit>) v ->
            v.referrer().type().equals("campaign") && v.campaign().isEmpty() && v.referrer().name() != null));
  }

  @ParameterizedTest(name = "has {0}")
  @MethodSource("referrers")
  void hasEveryKindOfReferrer(String what, Predicate<DemoVisit> which) {
    assertThat(count(which)).isPositive();
  }

  @Test
  void campaignValuesAreLowerCasedLikeMatomoWhileTheLandingUrlKeepsTheMarketersCase() {
    DemoVisit cpc = visits().stream().filter(campaign("facebook", "cpc", "spring-upgrade")).findFirst().orElseThrow();

    assertThat(cpc.actions().get(0).url()).get().asString().contains("utm_source=Facebook&utm_medium=CPC");
    assertThat(visits()).allSatisfy(v -> {
      DemoVisit.Campaign c = v.campaign();
      String all = String.join("|", c.id(), c.source(), c.medium(), c.name(), c.keyword(), c.content(), c.group(),
          c.placement());
      assertThat(all).isEqualTo(all.toLowerCase(java.util.Locale.ROOT));
    });
  }

  @ParameterizedTest(name = "has an action of type {0}")
  @ValueSource(strings = {"action", "download", "outlink", "search", "event", "goal", "13", "form"})
  void hasEveryActionType(String type) {
    assertThat(visits().stream().flatMap(v -> v.actions().stream()).filter(a -> a.type().equals(type)).count())
        .isPositive();
  }

  @Test
  void pageViewsCarrySixCharacterIdsAndGoalsNone() {
    List<DemoAction> actions = visits().stream().flatMap(v -> v.actions().stream()).collect(Collectors.toList());

    assertThat(actions).filteredOn(DemoAction::isPageView)
        .allSatisfy(a -> assertThat(a.pageViewId()).get().asString().matches("[A-Za-z0-9]{6}"));
    assertThat(actions).filteredOn(a -> a.type().equals("goal")).allSatisfy(a -> assertThat(a.pageViewId()).isEmpty());
    assertThat(actions).filteredOn(a -> !a.type().equals("goal")).extracting(a -> a.fields().get("pageId"))
        .doesNotContainNull().doesNotHaveDuplicates();
  }

  @ParameterizedTest(name = "has visitors in {2} ({0}/{1})")
  @CsvSource({
    "fr, IDF, Paris", "fr, ARA, Lyon", "us, CA, San Francisco", "us, NY, New York", "de, BE, Berlin",
    "gb, ENG, London", "es, MD, Madrid", "it, 25, Milan", "nl, NH, Amsterdam", "ca, QC, Montreal",
  })
  void hasVisitorsInCitiesWithRegionCodesAndCoordinates(String country, String region, String city) {
    assertThat(visits()).anySatisfy(v -> {
      assertThat(v.geo().countryCode()).isEqualTo(country);
      assertThat(v.geo().regionCode()).isEqualTo(region);
      assertThat(v.geo().city()).isEqualTo(city);
      assertThat(v.geo().latitude()).matches("-?\\d{1,3}\\.\\d{6}");
      assertThat(v.geo().longitude()).matches("-?\\d{1,3}\\.\\d{6}");
    });
  }

  @Test
  void someVisitorsCouldNotBeLocatedAndDevicesVary() {
    assertThat(count(v -> v.geo().countryCode().equals("xx") && v.geo().city() == null)).isPositive();
    assertThat(visits().stream().map(v -> v.device().type()).collect(Collectors.toSet()))
        .contains("Desktop", "Smartphone", "Tablet");
  }

  @Test
  void someVisitsAreStillGoingOn() {
    SampleSite.Scenario story = SAMPLE.scenario();

    assertThat(story.ongoingVisits()).hasSizeGreaterThanOrEqualTo(3);
    for (var key : story.ongoingVisits()) {
      DemoVisit visit = visits().stream().filter(v -> v.key().equals(key)).findFirst().orElseThrow();
      assertThat(visit.lastActionTime()).isBetween(NOW.minus(Duration.ofMinutes(10)), NOW.minus(Duration.ofMinutes(1)));
    }
    String firstFormVisitor = formEvent(story.formContactIds().get(0)).visitorId();
    assertThat(story.ongoingVisits()).anyMatch(key -> visits().stream()
        .anyMatch(v -> v.key().equals(key) && v.visitorId().equals(firstFormVisitor)));
  }

  @Test
  void aNewsletterBurstPutsMoreVisitsInOneSecondThanASmallPage() {
    Instant second = SAMPLE.scenario().burstSecond();

    assertThat(count(v -> v.lastActionTime().equals(second))).isGreaterThanOrEqualTo(SAMPLE.scenario().burstSize());
  }

  // ------------------------------------------------------------------ identification story

  private static IdentityEvent formEvent(String contactId) {
    return SAMPLE.identities().stream()
        .filter(e -> e.kind() == IdentityEvent.Kind.FORM_SUBMIT && e.contactId().equals(contactId))
        .findFirst().orElseThrow();
  }

  private static List<Identification> identifications() {
    List<Identification> out = new ArrayList<>();
    for (IdentityEvent event : SAMPLE.identities()) {
      if (event.kind() == IdentityEvent.Kind.FORM_SUBMIT) {
        FormSubmission submission = FormSubmission.builder().trackingUserId(event.visitorId())
            .pageUrl(event.pageUrl()).submittedAt(event.occurredAt()).contactId(event.contactId()).build();
        out.add(Identification.ofSubmission(submission, event.contactId()));
      } else {
        out.add(Identification.ofEmailClick(EmailClick.fromClickedUrl(event.pageUrl(), event.occurredAt())));
      }
    }
    return out;
  }

  private static Optional<String> owner(DemoVisit visit) {
    VisitSpan span = VisitSpan.builder().key(visit.key()).visitorId(visit.visitorId())
        .userId(visit.userIdIfAny()).firstActionTime(visit.firstActionTime())
        .lastActionTime(visit.lastActionTime()).build();
    return new DefaultContactIdentifier().owner(span, identifications());
  }

  @Test
  void theForwardedEmailIsASecondDeviceCarryingTheRecipientsContactId() {
    SampleSite.Scenario story = SAMPLE.scenario();
    String recipient = story.forwardedEmailContactId();
    List<DemoVisit> withUserId = visits().stream().filter(v -> recipient.equals(v.userId())).collect(Collectors.toList());
    List<IdentityEvent> clicks = SAMPLE.identities().stream()
        .filter(e -> e.kind() == IdentityEvent.Kind.EMAIL_CLICK && e.contactId().equals(recipient))
        .collect(Collectors.toList());

    assertThat(withUserId).extracting(DemoVisit::visitorId)
        .containsExactlyInAnyOrder(story.recipientVisitorId(), story.forwardedReaderVisitorId());
    assertThat(story.recipientVisitorId()).isNotEqualTo(story.forwardedReaderVisitorId());
    assertThat(clicks).hasSize(2).allSatisfy(click -> assertThat(click.pageUrl())
        .contains("contactId=" + recipient).contains("bulkEmailRecipientId="));
    assertThat(clicks.get(0).pageUrl()).isEqualTo(clicks.get(1).pageUrl());
    assertThat(withUserId).allSatisfy(v -> assertThat(owner(v)).contains(recipient));
  }

  @Test
  void theTwoFormVisitBelongsToTheEarliestSubmission() {
    SampleSite.Scenario story = SAMPLE.scenario();
    DemoVisit visit = visits().stream().filter(v -> v.key().equals(story.twoFormVisit())).findFirst().orElseThrow();
    List<IdentityEvent> forms = SAMPLE.identities().stream()
        .filter(e -> story.twoFormVisitorId().equals(e.visitorId())).collect(Collectors.toList());

    assertThat(forms).extracting(IdentityEvent::contactId)
        .containsExactly(story.twoFormEarliestContactId(), story.twoFormLaterContactId());
    assertThat(story.twoFormEarliestContactId()).isNotEqualTo(story.twoFormLaterContactId());
    assertThat(forms).allSatisfy(form -> assertThat(form.occurredAt())
        .isBetween(visit.firstActionTime(), visit.lastActionTime()));
    assertThat(visit.actions().stream().filter(a -> a.type().equals("form")).count()).isEqualTo(2);
    assertThat(owner(visit)).contains(story.twoFormEarliestContactId());
  }

  @Test
  void formSubmittersBecomeContactsAndTheirEarlierVisitsFollowThem() {
    for (String contactId : SAMPLE.scenario().formContactIds()) {
      IdentityEvent form = formEvent(contactId);
      List<DemoVisit> ofVisitor = SAMPLE.visitsOf(form.visitorId());
      assertThat(ofVisitor).anySatisfy(v -> assertThat(v.actions()).anyMatch(a -> a.type().equals("form")
          && Math.abs(Duration.between(a.time(), form.occurredAt()).getSeconds()) <= 120
          && form.pageUrl().equals(a.url().orElse(null))));
      assertThat(ofVisitor).allSatisfy(v -> assertThat(owner(v)).contains(contactId));
    }
  }

  @Test
  void emailClicksLandOnTheirLinkWithTheContactIdAsUserId() {
    List<IdentityEvent> clicks = SAMPLE.identities().stream()
        .filter(e -> e.kind() == IdentityEvent.Kind.EMAIL_CLICK).collect(Collectors.toList());

    assertThat(clicks).hasSize(SAMPLE.scenario().emailContactIds().size() + 1);
    for (IdentityEvent click : clicks) {
      assertThat(click.visitorIdIfAny()).isEmpty();
      assertThat(visits()).anySatisfy(v -> {
        assertThat(v.userId()).isEqualTo(click.contactId());
        assertThat(v.actions().get(0).url()).contains(click.pageUrl());
        assertThat(Duration.between(click.occurredAt(), v.firstActionTime()).abs()).isLessThan(Duration.ofMinutes(2));
      });
    }
  }

  @Test
  void anonymousVisitorsBelongToNobody() {
    Set<String> identified = SAMPLE.identities().stream().flatMap(e -> e.visitorIdIfAny().stream())
        .collect(Collectors.toSet());
    List<DemoVisit> anonymous = visits().stream()
        .filter(v -> v.userId() == null && !identified.contains(v.visitorId())).collect(Collectors.toList());

    assertThat(anonymous).hasSizeGreaterThan(300);
    assertThat(anonymous.subList(0, 50)).allSatisfy(v -> assertThat(owner(v)).isEmpty());
  }

  @Test
  void everyContactNamedByAnEventIsInTheContactList() {
    Set<String> ids = SAMPLE.contacts().stream().map(Contact::id).collect(Collectors.toSet());

    assertThat(SAMPLE.identities()).allSatisfy(e -> assertThat(ids).contains(e.contactId()));
    assertThat(SAMPLE.contacts()).extracting(Contact::id).doesNotHaveDuplicates();
    assertThat(SAMPLE.contacts()).extracting(Contact::email).doesNotHaveDuplicates();
    assertThat(SAMPLE.contacts()).allSatisfy(c -> {
      assertThat(c.fullName()).isPresent();
      assertThat(c.phoneDigits()).isPresent();
    });
    assertThat(SAMPLE.contacts().size()).as("contacts who never visited are listed too").isGreaterThan(
        (int) SAMPLE.identities().stream().map(IdentityEvent::contactId).distinct().count());
  }

  // ------------------------------------------------------------------ files

  @Test
  void writesTheIdentitiesCsvTheImportCommandReads(@TempDir Path dir) throws IOException {
    StringBuilder text = new StringBuilder();
    SAMPLE.writeIdentitiesCsv(text);
    Path file = dir.resolve("identities.csv");
    SAMPLE.writeIdentitiesCsv(file);

    String[] lines = text.toString().split("\r\n", -1);
    assertThat(lines[0]).isEqualTo("event,contact_id,visitor_id,occurred_at,page_url");
    assertThat(lines).hasSize(SAMPLE.identities().size() + 2);
    assertThat(lines[lines.length - 1]).isEmpty();
    for (int i = 0; i < SAMPLE.identities().size(); i++) {
      IdentityEvent event = SAMPLE.identities().get(i);
      assertThat(lines[i + 1].split(",", -1)).containsExactly(event.kind().code(), event.contactId(),
          event.visitorIdIfAny().orElse(""), event.occurredAt().toString(), event.pageUrl());
    }
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(text.toString());
  }

  @Test
  void writesTheContactsCsvQuotingWhereNeeded(@TempDir Path dir) throws IOException {
    StringBuilder text = new StringBuilder();
    SAMPLE.writeContactsCsv(text);
    SAMPLE.writeContactsCsv(dir.resolve("contacts.csv"));

    assertThat(text.toString()).startsWith("id,full_name,email,phone,created_at\r\n");
    assertThat(text.toString().split("\r\n")).hasSize(SAMPLE.contacts().size() + 1);
    assertThat(Files.readString(dir.resolve("contacts.csv"), StandardCharsets.UTF_8)).isEqualTo(text.toString());
    assertThat(Csv.quote("Durand, Camille \"CD\"")).isEqualTo("\"Durand, Camille \"\"CD\"\"\"");
  }

  // ------------------------------------------------------------------ determinism

  @Test
  void theSameSeedAndNowGiveTheSameSample() {
    SampleSite again = SampleSite.generate(NOW, SEED);

    assertThat(again.visits()).isEqualTo(SAMPLE.visits());
    assertThat(again.identities()).isEqualTo(SAMPLE.identities());
    assertThat(again.contacts()).isEqualTo(SAMPLE.contacts());
    assertThat(again.scenario()).isEqualTo(SAMPLE.scenario());
  }

  @Test
  void anotherSeedGivesAnotherSample() {
    SampleSite other = SampleSite.generate(NOW, SEED + 1);

    assertThat(other.visits()).isNotEqualTo(SAMPLE.visits());
    assertThat(new HashSet<>(other.scenario().formContactIds())).doesNotContainAnyElementsOf(
        SAMPLE.scenario().formContactIds());
  }

  @ParameterizedTest(name = "seed {0}, now {1}: every feature is there")
  @CsvSource({"1, 2025-01-20T08:00:00Z", "2, 2025-07-01T23:30:00Z", "3, 2025-10-27T12:00:00Z",
      "987654321, 2026-03-29T01:30:00Z"})
  void everySeedHasEveryFeature(long seed, String now) {
    SampleSite sample = SampleSite.generate(Instant.parse(now), seed);

    assertThat(sample.visits()).hasSizeBetween(300, 800);
    Set<String> types = sample.visits().stream().flatMap(v -> v.actions().stream()).map(DemoAction::type)
        .collect(Collectors.toSet());
    assertThat(types).contains("action", "download", "outlink", "search", "event", "goal", "13", "form");
    Set<String> kinds = sample.visits().stream().map(v -> v.referrer().type()).collect(Collectors.toSet());
    assertThat(kinds).containsExactlyInAnyOrder("direct", "search", "website", "campaign", "social");
    assertThat(sample.visits()).anyMatch(v -> v.referrer().type().equals("campaign") && v.campaign().isEmpty());
    assertThat(sample.visits().stream().filter(v -> v.lastActionTime().equals(sample.scenario().burstSecond())))
        .hasSizeGreaterThanOrEqualTo(12);
    assertThat(sample.identities()).hasSize(12);
    assertThat(sample.visits()).allSatisfy(v -> assertThat(v.lastActionTime()).isBefore(sample.now()));
  }
}
