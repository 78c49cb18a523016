package io.github.matomotracking.hostile;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * Runs the whole hostile corpus, then a generated response of about 200 MB, through the reader
 * and the mapper, printing one line per body; meant for a child JVM with a small heap (see
 * {@link LowMemoryCorpusTest}). Lines, tab-separated:
 *
 * <pre>
 * RESULT  file  outcome  kept-ids-or-count  fragment-found  violations
 * OOM     file
 * LARGE   outcome  visits-kept  visits-produced  bytes  violations
 * DONE    milliseconds
 * </pre>
 */
public final class LowMemoryCorpusMain {

  /** Name of the large generated response in the output. */
  static final String LARGE = "generated/large-response";

  private LowMemoryCorpusMain() {}

  /**
   * Runs the corpus.
   *
   * @param args optional: the size of the large response in bytes (default 200,000,000)
   */
  public static void main(String[] args) {
    long largeBytes = args.length > 0 ? Long.parseLong(args[0]) : 200_000_000L;
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    long start = System.nanoTime();
    for (HostileCase hostileCase : HostileCorpus.cases()) {
      try {
        CaseResult result = CaseRun.run(hostileCase);
        out.println(String.join("\t", "RESULT", hostileCase.file(), result.outcome(),
            ids(result), Boolean.toString(result.fragmentFound()),
            Integer.toString(result.violations().size())));
      } catch (OutOfMemoryError e) {
        out.println("OOM\t" + hostileCase.file());
      }
    }
    try {
      LargeResponse large = new LargeResponse(largeBytes);
      CaseResult result = CaseRun.run(large, 200, "");
      out.println(String.join("\t", "LARGE", result.outcome(), Long.toString(result.visitsKept()),
          Integer.toString(large.visitsProduced()), Long.toString(large.bytesProduced()),
          Integer.toString(result.violations().size())));
    } catch (OutOfMemoryError e) {
      out.println("OOM\t" + LARGE);
    }
    out.println("DONE\t" + (System.nanoTime() - start) / 1_000_000);
  }

  private static String ids(CaseResult result) {
    if (result.keptVisitIds().isEmpty()) {
      return "-";
    }
    return result.keptVisitIds().stream().map(String::valueOf).collect(Collectors.joining(" "));
  }
}
