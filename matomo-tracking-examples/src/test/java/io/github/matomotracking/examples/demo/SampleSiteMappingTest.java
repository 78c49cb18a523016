package io.github.matomotracking.examples.demo;

import static io.github.matomotracking.examples.demo.DemoFixtures.SAMPLE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.matomotracking.client.LiveResponseReader;
import io.github.matomotracking.lookups.InMemoryLookupRepository;
import io.github.matomotracking.mapping.MappingBatch;
import io.github.matomotracking.mapping.SiteTimeZones;
import io.github.matomotracking.mapping.VisitMapper;
import io.github.matomotracking.model.LookupRef;
import io.github.matomotracking.model.MappedVisit;
import io.github.matomotracking.model.Visit;
import io.github.matomotracking.model.VisitKey;
import io.github.matomotracking.model.VisitWarning;
import io.github.matomotracking.model.WebSession;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample visit, written as the demo server writes it, read by the library's reader and
 * mapped with the default lookups: sources, channels and places come out as the CRM's rules say.
 */
class SampleSiteMappingTest {

  private static final Map<VisitKey, DemoVisit> ORIGINALS = new LinkedHashMap<>();
  private static final Map<VisitKey, MappedVisit> MAPPED = new LinkedHashMap<>();
  private static final List<VisitWarning> WARNINGS = new ArrayList<>();

  @BeforeAll
  static void mapEverything() throws IOException {
    MatomoJson json = new MatomoJson(false, true);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try (JsonGenerator g = MatomoJson.generator(body)) {
      g.writeStartArray();
      for (DemoVisit visit : SAMPLE.visits()) {
        DemoSite site = SAMPLE.sites().stream().filter(s -> s.id() == visit.siteId()).findFirst().orElseThrow();
        json.writeVisit(g, visit, site, true);
        ORIGINALS.put(visit.key(), visit);
      }
      g.writeEndArray();
    }
    List<Visit> visits = new ArrayList<>();
    new LiveResponseReader().read(new ByteArrayInputStream(body.toByteArray()), 200, visits::add, WARNINGS::add);
    MappingBatch batch = VisitMapper.standard().newBatch(InMemoryLookupRepository.withDefaults().snapshot(),
        SiteTimeZones.fromMatomo(SAMPLE.sites().stream()
            .collect(Collectors.toMap(DemoSite::id, DemoSite::timezone))));
    for (Visit visit : visits) {
      MappedVisit mapped = batch.map(visit);
      WARNINGS.addAll(mapped.warnings());
      MAPPED.put(visit.key(), mapped);
    }
  }

  private static Stream<WebSession> sessions(Predicate<DemoVisit> which) {
    return ORIGINALS.values().stream().filter(which).map(v -> MAPPED.get(v.key()).session());
  }

  private static String name(Optional<LookupRef> ref) {
    return ref.map(LookupRef::name).orElse("none");
  }

  @Test
  void everyVisitIsReadAndMappedWithoutAWarning() {
    assertThat(MAPPED).hasSameSizeAs(ORIGINALS);
    assertThat(WARNINGS).isEmpty();
  }

  static Stream<Arguments> sourceAndChannelRules() {
    return Stream.of(
        Arguments.of("a direct entry without utm tags has neither",
            (Predicate<DemoVisit>) v -> v.referrer().type().equals("direct"), "none", "none"),
        Arguments.of("utm bpmonline / email is Creatio marketing by Email",
            campaign("bpmonline", "email"), "Creatio marketing", "Email"),
        Arguments.of("utm mailchimp / email is Mailchimp by Email", campaign("mailchimp", "email"), "Mailchimp", "Email"),
        Arguments.of("utm facebook / cpc is Facebook by paid search", campaign("facebook", "cpc"), "Facebook",
            "Web: paid search"),
        Arguments.of("utm linkedin / social is LinkedIn by social", campaign("linkedin", "social"), "LinkedIn",
            "Web: social"),
        Arguments.of("utm adwords / ppc is Google AdWords by paid search", campaign("adwords", "ppc"),
            "Google AdWords", "Web: paid search"),
        Arguments.of("an unmapped utm_source ignores the mapped utm_campaign; its referrer is another source",
            campaign("industry-digest", ""), "Other source", "Web: referrers"),
        Arguments.of("a utm_medium alone names the channel only", campaign("", "display"), "none",
            "Web: media advertising"),
        Arguments.of("an unknown source and medium fall back on the referrer", campaign("producthunt", "referral"),
            "Other source", "Web: referrers"),
        Arguments.of("a campaign without plugin fields and without referrer has neither",
            (Predicate<DemoVisit>) v -> v.referrer().type().equals("campaign") && v.campaign().isEmpty(), "none",
            "none"),
        Arguments.of("m.facebook.com is Facebook by its parent domain", social("https://m.facebook.com/"), "Facebook",
            "Web: social"),
        Arguments.of("twitter.com is Twitter", social("https://twitter.com/"), "Twitter", "Web: social"),
        Arguments.of("www.linkedin.com is LinkedIn", social("https://www.linkedin.com/"), "LinkedIn", "Web: social"),
        Arguments.of("an unknown blog is Other source", (Predicate<DemoVisit>) v -> v.referrer().type().equals("website"),
            "Other source", "Web: referrers"),
        Arguments.of("a search engine is no lead source URL, so Other source",
            (Predicate<DemoVisit>) v -> v.referrer().type().equals("search"), "Other source", "Web: referrers"));
  }

  private static Predicate<DemoVisit> campaign(String source, String medium) {
    return v -> v.referrer().type().equals("campaign") && !v.campaign().isEmpty()
        && v.campaign().source().equals(source) && v.campaign().medium().equals(medium);
  }

  private static Predicate<DemoVisit> social(String url) {
    return v -> v.referrer().type().equals("social") && url.equals(v.referrer().url());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sourceAndChannelRules")
  void sourcesAndChannelsFollowTheCrmRules(String rule, Predicate<DemoVisit> which, String source, String channel) {
    List<WebSession> matching = sessions(which).collect(Collectors.toList());

    assertThat(matching).isNotEmpty().allSatisfy(session -> {
      assertThat(name(session.source())).as("source").isEqualTo(source);
      assertThat(name(session.channel())).as("channel").isEqualTo(channel);
    });
  }

  @Test
  void theSampleCoversTheDefaultLeadSources() {
    Set<String> sources = MAPPED.values().stream().map(m -> name(m.session().source())).collect(Collectors.toSet());

    assertThat(sources).contains("Facebook", "LinkedIn", "Mailchimp", "Creatio marketing", "Google AdWords",
        "Twitter", "Other source", "none");
  }

  @Test
  void countriesAndRegionsResolveCitiesAreKeptByName() {
    List<WebSession> located = sessions(v -> !v.geo().countryCode().equals("xx")).collect(Collectors.toList());

    assertThat(located).isNotEmpty().allSatisfy(session -> {
      assertThat(session.country().lookup()).as("country of %s", session.key()).isPresent();
      assertThat(session.region().lookup()).as("region of %s", session.key()).isPresent();
      assertThat(session.city().name()).isPresent();
      assertThat(session.location()).get().asString().matches("-?\\d+\\.\\d{6}, -?\\d+\\.\\d{6}");
    });
    assertThat(sessions(v -> v.geo().countryCode().equals("xx")))
        .allSatisfy(session -> assertThat(session.country().lookup()).isEmpty());
  }

  @Test
  void matomosKeywordPlaceholderMeansNoKeyword() {
    assertThat(sessions(v -> Origin.NO_KEYWORD.equals(v.referrer().keyword())))
        .isNotEmpty().allSatisfy(session -> assertThat(session.referrerKeyword()).isEmpty());
  }

  @Test
  void actionTypesAreAllKnownOrAddedOnce() {
    Set<String> codes = MAPPED.values().stream().flatMap(m -> m.actions().stream()).map(a -> a.type().code())
        .collect(Collectors.toSet());

    assertThat(codes).containsExactlyInAnyOrder("action", "download", "outlink", "search", "event", "goal", "13",
        "form");
  }
}
