package io.github.matomotracking.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every corpus body gives what the manifest says: a typed exception saying what and where, or
 * warnings naming the visit, and the good visits of the response in any case; the mapper maps
 * every visit the reader handed over without throwing.
 */
class HostileCorpusTest {

  /** A hang guard, not a speed limit: the slowest case takes well under a second. */
  static final Duration HANG_GUARD = Duration.ofSeconds(20);

  @TestFactory
  Stream<DynamicTest> everyCaseGivesWhatTheManifestSays() {
    return HostileCorpus.cases().stream().map(c -> DynamicTest.dynamicTest(
        c.file() + " -> " + c.outcome() + " (" + c.what() + ")",
        () -> check(c, assertTimeoutPreemptively(HANG_GUARD, () -> CaseRun.run(c),
            () -> c.file() + " did not finish within " + HANG_GUARD))));
  }

  static void check(HostileCase expected, CaseResult actual) {
    String context = expected.file() + ": " + actual;
    assertThat(actual.violations()).as(context).isEmpty();
    assertThat(actual.outcome()).as(context).isEqualTo(expected.outcome());
    assertThat(actual.keptVisitIds()).as(context).isEqualTo(expected.keptVisitIds());
    if (expected.fragment().isEmpty()) {
      assertThat(expected.outcome()).as("%s: a warning or error case names a fragment", expected)
          .isEqualTo("ok");
    } else {
      assertThat(actual.fragmentFound())
          .as("%s: the %s must contain \"%s\"", context,
              expected.expectsError() ? "message" : "warnings", expected.fragment())
          .isTrue();
    }
  }

  @Test
  void theCorpusHasAtLeastSixtyFilesAndTheManifestListsEachExactlyOnce()
      throws IOException, URISyntaxException {
    Path folder = Path.of(HostileCorpusTest.class.getResource(HostileCorpus.FOLDER).toURI());
    Set<String> onDisk;
    try (Stream<Path> files = Files.list(folder)) {
      onDisk = files.map(p -> p.getFileName().toString())
          .filter(name -> !name.equals("manifest.csv"))
          .collect(Collectors.toCollection(TreeSet::new));
    }
    List<String> listed = HostileCorpus.cases().stream().map(HostileCase::file).toList();
    Set<String> listedFiles = listed.stream().filter(f -> !f.startsWith(HostileCase.GENERATED))
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> listedGenerated = listed.stream().filter(f -> f.startsWith(HostileCase.GENERATED))
        .collect(Collectors.toCollection(TreeSet::new));

    assertThat(listed).as("no file listed twice").doesNotHaveDuplicates();
    assertThat(listedFiles).as("every file on disk is listed, and only those")
        .isEqualTo(onDisk);
    assertThat(listedGenerated).as("every generator is listed, and only those")
        .isEqualTo(new TreeSet<>(CorpusGenerators.bodies().keySet()));
    assertThat(onDisk.size() + listedGenerated.size()).isGreaterThanOrEqualTo(60);
  }
}
