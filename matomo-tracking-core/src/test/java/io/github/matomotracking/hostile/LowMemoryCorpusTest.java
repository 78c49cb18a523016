package io.github.matomotracking.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The whole hostile corpus, the generated 10 MB strings, the deep nesting and a generated
 * response of about 200 MB, read and mapped in a child JVM limited to a 64 MB heap: no body may
 * run it out of memory, and every outcome must still be the manifest's.
 */
class LowMemoryCorpusTest {

  private static final long LARGE_BYTES = 200_000_000L;
  /** A hang guard for the whole child: it needs about 20 s on two busy cores. */
  private static final long CHILD_TIMEOUT_SECONDS = 150;

  @Test
  void everyBodyReadsAndMapsWithin64MegabytesOfHeap() throws IOException, InterruptedException {
    List<String> lines = runChild();

    assertThat(lines).as("no body ran the child out of memory")
        .noneMatch(line -> line.startsWith("OOM") || line.contains("OutOfMemoryError"));
    Map<String, String[]> results = new HashMap<>();
    for (String line : lines) {
      if (line.startsWith("RESULT\t")) {
        String[] fields = line.split("\t", -1);
        results.put(fields[1], fields);
      }
    }
    SoftAssertions soft = new SoftAssertions();
    for (HostileCase expected : HostileCorpus.cases()) {
      String[] actual = results.get(expected.file());
      soft.assertThat(actual).as("%s has a result line", expected.file()).isNotNull();
      if (actual == null) {
        continue;
      }
      soft.assertThat(actual[2]).as("%s: outcome", expected.file()).isEqualTo(expected.outcome());
      soft.assertThat(actual[3]).as("%s: kept visits", expected.file()).isEqualTo(
          expected.keptVisitIds().isEmpty() ? "-" : expected.keptVisitIds().stream()
              .map(String::valueOf).collect(Collectors.joining(" ")));
      soft.assertThat(actual[4]).as("%s: fragment found", expected.file())
          .isEqualTo(Boolean.toString(!expected.fragment().isEmpty()));
      soft.assertThat(actual[5]).as("%s: invariants broken", expected.file()).isEqualTo("0");
    }
    String[] large = lines.stream().filter(line -> line.startsWith("LARGE\t"))
        .map(line -> line.split("\t")).findFirst().orElse(null);
    soft.assertThat(large).as("the large response has a result line").isNotNull();
    if (large != null) {
      soft.assertThat(large[1]).as("large response: outcome").isEqualTo("ok");
      soft.assertThat(Long.parseLong(large[4])).as("large response: bytes")
          .isGreaterThanOrEqualTo(LARGE_BYTES);
      soft.assertThat(large[2]).as("large response: every visit produced was kept")
          .isEqualTo(large[3]);
      soft.assertThat(Long.parseLong(large[2])).as("large response: visits").isGreaterThan(80_000);
      soft.assertThat(large[5]).as("large response: invariants broken").isEqualTo("0");
    }
    soft.assertAll();
  }

  private static List<String> runChild() throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-Xmx64m", "-XX:+UseSerialGC",
        "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"),
        LowMemoryCorpusMain.class.getName(), Long.toString(LARGE_BYTES))
        .redirectErrorStream(true);
    Process child = builder.start();
    List<String> lines = new ArrayList<>();
    Thread drain = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          synchronized (lines) {
            lines.add(line);
          }
        }
      } catch (IOException ignored) {
        // the child was stopped; what was read is asserted on
      }
    }, "low-memory-child-output");
    drain.start();
    boolean finished = child.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (!finished) {
      child.destroyForcibly();
    }
    drain.join(10_000);
    List<String> copy;
    synchronized (lines) {
      copy = List.copyOf(lines);
    }
    String tail = copy.stream().skip(Math.max(0, copy.size() - 5))
        .collect(Collectors.joining("\n"));
    assertThat(finished).as("the child finished within %d s; its last lines:\n%s",
        CHILD_TIMEOUT_SECONDS, tail).isTrue();
    assertThat(child.exitValue()).as("the child's exit code; its last lines:\n%s", tail)
        .isZero();
    assertThat(copy).as("the child ran to its end").anyMatch(line -> line.startsWith("DONE\t"));
    return copy;
  }
}
