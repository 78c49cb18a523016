package io.github.matomotracking.examples.faults;

import io.github.matomotracking.examples.demo.DemoVisit;
import io.github.matomotracking.examples.demo.IdentityEvent;
import io.github.matomotracking.examples.demo.SampleSite;
import io.github.matomotracking.identify.EmailClick;
import io.github.matomotracking.identify.FormSubmission;
import io.github.matomotracking.identify.Identification;
import io.github.matomotracking.lookups.DefaultLookups;
import io.github.matomotracking.lookups.LookupTables;
import io.github.matomotracking.sync.SyncConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * What every schedule shares: the generated sample site (its visits, and the form submissions
 * and email clicks of its identification story), the lookups the database starts with, and the
 * table changes of each mutation variant.
 */
final class Fixture {

  /** The sample's "now". */
  static final Instant NOW = Instant.parse("2024-05-02T02:00:00Z");
  /** The seed of the sample. */
  static final long SAMPLE_SEED = 42;

  /** The second in which the {@link #extraVisits()} all end. */
  static final Instant SAME_SECOND = Instant.parse("2024-04-30T09:00:00Z");

  private final SampleSite sample;
  private final List<DemoVisit> extraVisits;
  private final List<DemoVisit> visits;
  private final List<EmailClick> clicks = new ArrayList<>();
  private final List<Identification> forms = new ArrayList<>();
  private final Map<String, Instant> visitorWindowStart = new TreeMap<>();
  private final LookupTables seed;
  private final List<List<TableMutation>> variants = new ArrayList<>();

  Fixture() {
    this.sample = SampleSite.generate(NOW, SAMPLE_SEED);
    long next = sample.visits().stream().mapToLong(DemoVisit::visitId).max().orElse(0) + 1;
    this.extraVisits = TableMutation.sameSecond(sample, SAME_SECOND, next);
    List<DemoVisit> all = new ArrayList<>(sample.visits());
    all.addAll(extraVisits);
    this.visits = List.copyOf(all);
    for (IdentityEvent event : sample.identities()) {
      if (event.kind() == IdentityEvent.Kind.FORM_SUBMIT) {
        FormSubmission submission = FormSubmission.builder().trackingUserId(event.visitorId())
            .contactId(event.contactId()).submittedAt(event.occurredAt())
            .pageUrl(event.pageUrl()).build();
        forms.add(Identification.ofSubmission(submission, event.contactId()));
        Instant start = event.occurredAt().minus(SyncConfig.DEFAULT_HISTORY_WINDOW);
        visitorWindowStart.merge(event.visitorId().toLowerCase(Locale.ROOT), start,
            (a, b) -> a.isBefore(b) ? a : b);
      } else {
        clicks.add(click(event));
      }
    }
    this.seed = seedFor(sample);
    variants.add(List.of());
    for (int v = 1; v < FaultSchedule.MUTATION_VARIANTS; v++) {
      SplittableRandom random = new SplittableRandom(1000L * v + 7);
      variants.add(TableMutation.draw(sample, random, 2 + random.nextInt(5)));
    }
  }

  private static EmailClick click(IdentityEvent event) {
    try {
      EmailClick fromUrl = EmailClick.fromClickedUrl(event.pageUrl(), event.occurredAt());
      if (fromUrl.contactId().equals(event.contactId())) {
        return fromUrl;
      }
    } catch (IllegalArgumentException e) {
      // Not a Creatio link: the click as the CRM recorded it.
    }
    return EmailClick.builder().contactId(event.contactId()).clickedAt(event.occurredAt()).build();
  }

  /**
   * The default lookups cut to what makes sense for the sample and seeds fast: the countries its
   * visitors come from, and their regions that occur in it. Every other entry the mapper needs is
   * a lookup addition, which puts {@code LookupRepository.apply} to work.
   */
  private static LookupTables seedFor(SampleSite sample) {
    LookupTables all = DefaultLookups.tables();
    Set<String> countries = new HashSet<>();
    Set<String> regions = new HashSet<>();
    for (DemoVisit visit : sample.visits()) {
      if (visit.geo().countryCode() != null) {
        String country = DefaultLookups.countryId(visit.geo().countryCode());
        countries.add(country);
        if (visit.geo().regionCode() != null) {
          regions.add(DefaultLookups.regionId(visit.geo().countryCode(), visit.geo().regionCode()));
        }
      }
    }
    return LookupTables.builder().from(all)
        .countries(all.countries().stream().filter(c -> countries.contains(c.id())).toList())
        .regions(all.regions().stream().filter(r -> regions.contains(r.id())).toList())
        .cities(List.of())
        .build();
  }

  SampleSite sample() {
    return sample;
  }

  /**
   * Visits added to the sample: one per tracked visitor and one more, all ending in
   * {@link #SAME_SECOND} (see {@link TableMutation#sameSecond}).
   */
  List<DemoVisit> extraVisits() {
    return extraVisits;
  }

  /** Every visit Matomo holds when a schedule starts: the sample's and the extra ones. */
  List<DemoVisit> visits() {
    return visits;
  }

  /** The email clicks of the story. */
  List<EmailClick> clicks() {
    return List.copyOf(clicks);
  }

  /** The identifications the form submissions of the story make. */
  List<Identification> forms() {
    return List.copyOf(forms);
  }

  /** Per tracked visitorId, the start of the history its first identification imports. */
  Map<String, Instant> visitorWindowStart() {
    return visitorWindowStart;
  }

  LookupTables lookupSeed() {
    return seed;
  }

  /** The table changes of a variant, in time order. */
  List<TableMutation> mutations(int variant) {
    return variants.get(variant);
  }

  /** When a schedule starts: just after the sample's "now". */
  Instant start() {
    return NOW.plusSeconds(30);
  }

  /**
   * The clock of the fault-free reruns and of the reference run: after every change of the
   * variant, so both see the same table and the same windows.
   */
  Instant end(int variant) {
    Instant end = NOW.plusSeconds(3600);
    for (TableMutation mutation : variants.get(variant)) {
      if (mutation.at().plusSeconds(60).isAfter(end)) {
        end = mutation.at().plusSeconds(60);
      }
    }
    return end;
  }
}
