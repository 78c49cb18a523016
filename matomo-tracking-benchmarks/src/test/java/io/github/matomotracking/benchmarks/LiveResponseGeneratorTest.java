package io.github.matomotracking.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.matomotracking.benchmarks.LiveResponseGenerator.NumberStyle;
import io.github.matomotracking.client.LiveResponseReader;
import io.github.matomotracking.client.ReadSummary;
import io.github.matomotracking.model.Visit;
import io.github.matomotracking.model.VisitAction;
import io.github.matomotracking.model.VisitWarning;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LiveResponseGeneratorTest {

  private static final int VISITS = 3_000;

  private final LiveResponseReader reader = new LiveResponseReader();

  @Test
  void builtInOutputIsReadableWithTheRequestedVisitCountAndNoWarning() {
    Generated out = generate(VisitTemplates.builtIn(), 7, VISITS);

    assertThat(out.summary.visits()).isEqualTo(VISITS);
    assertThat(out.read.visitsRead()).isEqualTo(VISITS);
    assertThat(out.read.visitsSkipped()).isZero();
    assertThat(out.warnings).isEmpty();
    assertThat(out.visits).hasSize(VISITS);
    assertThat(out.summary.bytes()).isEqualTo(out.bytes.length);
    long actions = out.visits.stream().mapToLong(v -> v.actions().size()).sum();
    assertThat(out.summary.actions()).isEqualTo(actions);
  }

  @Test
  void actionsPerVisitAreSkewedTowardsSmallVisitsWithinOneTo200() {
    Generated out = generate(VisitTemplates.builtIn(), 11, VISITS);

    int[] counts = out.visits.stream().mapToInt(v -> v.actions().size()).sorted().toArray();
    assertThat(counts[0]).isGreaterThanOrEqualTo(1);
    assertThat(counts[counts.length - 1]).isLessThanOrEqualTo(200);
    long single = java.util.Arrays.stream(counts).filter(n -> n == 1).count();
    assertThat((double) single / VISITS).as("share of one-action visits").isBetween(0.45, 0.65);
    assertThat(counts[VISITS / 2]).as("median").isLessThanOrEqualTo(3);
    long large = java.util.Arrays.stream(counts).filter(n -> n >= 30).count();
    assertThat(large).as("visits with 30 actions or more").isBetween(10L, 150L);
    assertThat(counts[counts.length - 1]).as("largest visit").isGreaterThanOrEqualTo(60);
    // the reader saw every visit's actions as the generator counted them
    long[] histogram = out.summary.visitsByActionCount();
    for (int n = 1; n <= 200; n++) {
      final int size = n;
      assertThat(histogram[n]).as("visits with %d actions", n)
          .isEqualTo(out.visits.stream().filter(v -> v.actions().size() == size).count());
    }
  }

  @Test
  void mixesActionTypesReferrersCampaignsPlacesAndBothNumberStyles() {
    Generated out = generate(VisitTemplates.builtIn(), 3, VISITS);

    Set<String> types = new HashSet<>();
    Set<String> referrerTypes = new HashSet<>();
    Set<String> countries = new HashSet<>();
    Set<String> cities = new HashSet<>();
    Set<String> referrerHosts = new HashSet<>();
    int withUserId = 0;
    int anonymous = 0;
    int withUtmSource = 0;
    for (Visit v : out.visits) {
      v.actions().forEach(a -> types.add(a.type()));
      v.referrerType().ifPresent(referrerTypes::add);
      v.countryCode().ifPresent(countries::add);
      v.city().ifPresent(cities::add);
      v.referrerUrl().ifPresent(u -> referrerHosts.add(u.replaceFirst("^https://([^/]+).*$", "$1")));
      withUserId += v.userId().isPresent() ? 1 : 0;
      anonymous += v.visitorId().isEmpty() ? 1 : 0;
      withUtmSource += v.campaign().source().isPresent() ? 1 : 0;
    }
    assertThat(types).containsExactlyInAnyOrder(
        "action", "download", "outlink", "event", "search", "goal", "13");
    assertThat(referrerTypes).containsExactlyInAnyOrder(
        "direct", "search", "social", "website", "campaign");
    assertThat(referrerHosts).contains("m.facebook.com", "www.google.com");
    assertThat(countries).hasSizeGreaterThanOrEqualTo(8).contains("xx");
    assertThat(cities).hasSizeGreaterThanOrEqualTo(10);
    assertThat(withUserId).isBetween(VISITS / 20, VISITS / 4);
    assertThat(anonymous).isBetween(1, VISITS / 10);
    assertThat(withUtmSource).isBetween(VISITS / 20, VISITS / 4);

    String json = new String(out.bytes, java.nio.charset.StandardCharsets.UTF_8);
    assertThat(json).contains("\"idVisit\":\"").contains("\"idVisit\":1");
    assertThat(json).contains("\"pageId\":\"").contains("\"pageId\":1");
  }

  @Test
  void actionTimestampsAreShiftedByTheSiteOffsetLikeMatomo() {
    Generated out = generate(VisitTemplates.builtIn(), 5, 500);

    Map<Long, Set<Long>> shiftBySite = new HashMap<>();
    for (Visit v : out.visits) {
      VisitAction first = v.actions().get(0);
      long shift = first.shiftedTimestamp().getAsLong() - v.firstActionTime().getEpochSecond();
      shiftBySite.computeIfAbsent(v.siteId(), s -> new HashSet<>()).add(shift);
    }
    assertThat(shiftBySite.get(1L)).containsOnly(3600L); // Europe/Paris in March 2024
    assertThat(shiftBySite.get(2L)).containsOnly(-18000L); // America/New_York before DST
    assertThat(shiftBySite.get(3L)).containsOnly(0L); // UTC
  }

  @Test
  void sameSeedSameBytesOtherSeedOtherBytes() {
    byte[] a = generate(VisitTemplates.builtIn(), 99, 200).bytes;
    byte[] b = generate(VisitTemplates.builtIn(), 99, 200).bytes;
    byte[] c = generate(VisitTemplates.builtIn(), 100, 200).bytes;

    assertThat(a).isEqualTo(b);
    assertThat(a).isNotEqualTo(c);
  }

  @Test
  void stopsJustPastATargetSize() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    GenerationSummary summary = new LiveResponseGenerator(VisitTemplates.builtIn(), 1)
        .writeBytes(bytes, 1 << 20);

    assertThat(summary.bytes()).isEqualTo(bytes.size());
    assertThat(bytes.size()).isBetween(1 << 20, (1 << 20) + 2_000_000);
  }

  @Test
  void numberStylesCanBeForced() {
    assertThat(json(NumberStyle.STRINGS))
        .contains("\"idVisit\":\"1000000\"").doesNotContain("\"idVisit\":1000000")
        .contains("\"pageId\":\"").doesNotContain("\"pageId\":1");
    assertThat(json(NumberStyle.NUMBERS))
        .contains("\"idVisit\":1000000").doesNotContain("\"idVisit\":\"")
        .contains("\"pageId\":1").doesNotContain("\"pageId\":\"");
  }

  private static String json(NumberStyle style) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new LiveResponseGenerator(VisitTemplates.builtIn(), 1, 20, style).writeVisits(out, 50);
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void fixtureTemplatesGiveReadableOutputWithTheirExtraFields() {
    Optional<Path> fixtures = VisitTemplates.sharedFixtures();
    assumeTrue(fixtures.isPresent(), "the shared Matomo fixtures are absent (system property "
        + VisitTemplates.SHARED_DIR_PROPERTY + "), so the fixture field sets cannot be used");
    VisitTemplates templates = VisitTemplates.fromDirectory(fixtures.get());

    Generated out = generate(templates, 21, 1_000);

    assertThat(templates.visits()).hasSizeGreaterThan(100);
    assertThat(out.read.visitsRead()).isEqualTo(1_000);
    assertThat(out.warnings).isEmpty();
    String json = new String(out.bytes, java.nio.charset.StandardCharsets.UTF_8);
    assertThat(json).doesNotContain("_synthetic").contains("\"visitorType\"")
        .contains("\"eventCategory\"");
  }

  private Generated generate(VisitTemplates templates, long seed, int visits) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    GenerationSummary summary = new LiveResponseGenerator(templates, seed).writeVisits(bytes, visits);
    List<Visit> read = new ArrayList<>();
    List<VisitWarning> warnings = new ArrayList<>();
    ReadSummary result = reader.read(
        new ByteArrayInputStream(bytes.toByteArray()), -1, read::add, warnings::add);
    return new Generated(bytes.toByteArray(), summary, result, read, warnings);
  }

  private record Generated(byte[] bytes, GenerationSummary summary, ReadSummary read,
      List<Visit> visits, List<VisitWarning> warnings) {}
}
