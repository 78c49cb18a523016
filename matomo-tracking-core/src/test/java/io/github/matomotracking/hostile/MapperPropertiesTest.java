package io.github.matomotracking.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.matomotracking.mapping.LookupIds;
import io.github.matomotracking.mapping.MappingBatch;
import io.github.matomotracking.mapping.SiteTimeZones;
import io.github.matomotracking.mapping.TestLookups;
import io.github.matomotracking.mapping.VisitMapper;
import io.github.matomotracking.model.CodedValue;
import io.github.matomotracking.model.LookupAddition;
import io.github.matomotracking.model.LookupKind;
import io.github.matomotracking.model.LookupRef;
import io.github.matomotracking.model.MappedVisit;
import io.github.matomotracking.model.Visit;
import io.github.matomotracking.model.VisitWarning;
import io.github.matomotracking.model.WebAction;
import io.github.matomotracking.model.WebPageRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Properties of {@link VisitMapper#standard()} on generated visits (see {@link RandomVisits}),
 * mapped in batches of one to six against {@link TestLookups#defaults()} with site zones known,
 * unknown or unreadable: it never throws; it is deterministic; the session is keyed by
 * (idSite, idVisit); there is one web action per entry, in order, with natural keys unique within
 * the visit; lookup additions are asked for once per batch, with the id their key gives, and
 * every entry an action or session refers to is either in the lookups or among the additions;
 * every warning names its visit.
 */
class MapperPropertiesTest {

  static final int CASES = 400;
  private static final TestLookups LOOKUPS = TestLookups.defaults();

  @Test
  void theMapperHoldsItsInvariantsOnGeneratedVisits() {
    SeededCases.forAll("the mapper's invariants", CASES, random -> {
      RandomVisits generator =
          new RandomVisits(random, random.nextBoolean(), random.nextInt(3) == 0);
      List<Visit> visits = new ArrayList<>();
      for (int i = random.nextInt(1, 7); i > 0; i--) {
        visits.add(generator.visit().expected());
      }
      SiteTimeZones zones = zones(random, visits);

      MappingBatch batch = VisitMapper.standard().newBatch(LOOKUPS, zones);
      List<MappedVisit> mapped = new ArrayList<>();
      for (Visit visit : visits) {
        mapped.add(batch.map(visit));
      }
      MappingBatch again = VisitMapper.standard().newBatch(LOOKUPS, zones);
      List<MappedVisit> remapped = new ArrayList<>();
      for (Visit visit : visits) {
        remapped.add(again.map(visit));
      }

      assertThat(remapped).as("deterministic").isEqualTo(mapped);
      Map<String, LookupAddition> additions = new HashMap<>();
      for (int i = 0; i < visits.size(); i++) {
        checkVisit(visits.get(i), mapped.get(i), additions);
      }
      assertThat(batch.additions()).as("the batch's additions are the visits' additions, in order")
          .containsExactlyElementsOf(mapped.stream().flatMap(m -> m.additions().stream()).toList());
    });
  }

  private static void checkVisit(
      Visit visit, MappedVisit mapped, Map<String, LookupAddition> batchAdditions) {
    assertThat(mapped.session().key()).as("session key").isEqualTo(visit.key());
    assertThat(mapped.actions()).as("one web action per entry").hasSize(visit.actions().size());
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < mapped.actions().size(); i++) {
      WebAction action = mapped.actions().get(i);
      assertThat(action.position()).isEqualTo(visit.actions().get(i).position());
      assertThat(action.siteId()).isEqualTo(visit.siteId());
      assertThat(action.visitId()).isEqualTo(visit.visitId());
      assertThat(keys.add(action.naturalKey()))
          .as("natural key %s of action %d is unique in its visit", action.naturalKey(), i).isTrue();
    }
    for (LookupAddition addition : mapped.additions()) {
      assertThat(batchAdditions.put(addition.id(), addition))
          .as("%s was asked for once in the batch", addition).isNull();
      assertThat(addition.id()).as("the id of %s comes from its key", addition)
          .isEqualTo(expectedId(addition));
    }
    mapped.session().referrerType().flatMap(CodedValue::lookup)
        .ifPresent(ref -> assertKnown(ref.id(), LookupKind.REFERRER_TYPE, batchAdditions));
    for (WebAction action : mapped.actions()) {
      action.type().lookup().map(LookupRef::id)
          .ifPresent(id -> assertKnown(id, LookupKind.ACTION_TYPE, batchAdditions));
      action.webPage().map(WebPageRef::lookupId)
          .ifPresent(id -> assertKnown(id, LookupKind.WEB_PAGE, batchAdditions));
    }
    for (VisitWarning warning : mapped.warnings()) {
      assertThat(warning.siteId()).as("warning %s names the site", warning.message())
          .hasValue(visit.siteId());
      assertThat(warning.visitId()).as("warning %s names the visit", warning.message())
          .hasValue(visit.visitId());
    }
  }

  /** An entry id is a test lookup's readable id, or the id of an addition of the batch so far. */
  private static void assertKnown(String id, LookupKind kind, Map<String, LookupAddition> additions) {
    if (id.contains(":")) {
      return; // TestLookups ids read "action-type:goal", "page:...": the entry exists
    }
    assertThat(additions.get(id)).as("entry %s is among the batch's additions", id).isNotNull();
    assertThat(additions.get(id).kind()).isEqualTo(kind);
  }

  private static String expectedId(LookupAddition addition) {
    return switch (addition.kind()) {
      case WEB_PAGE -> LookupIds.webPage(addition.name(), addition.url().orElseThrow());
      default -> LookupIds.of(addition.kind(),
          addition.code().orElseThrow().toLowerCase(Locale.ROOT));
    };
  }

  private static SiteTimeZones zones(SplittableRandom random, List<Visit> visits) {
    Map<Long, String> zones = new HashMap<>();
    String[] choices = {"Europe/Paris", "UTC", "UTC+5.5", "America/Barbados", "Mars/Olympus"};
    for (Visit visit : visits) {
      if (random.nextBoolean()) {
        zones.put(visit.siteId(), choices[random.nextInt(choices.length)]);
      }
    }
    return random.nextInt(4) == 0 ? SiteTimeZones.none() : SiteTimeZones.fromMatomo(zones);
  }
}
