package io.github.matomotracking.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The end-to-end measurement (not JMH: whole runs over HTTP, a few seconds each). A fake Matomo
 * on the loopback interface serves prepared responses gzip-compressed from disk; in one run and
 * interleaved, so the machine's noise hits all alike, it measures:
 *
 * <ol>
 *   <li><b>physical baseline</b>: Jackson's bare token pass over the decompressed bytes in
 *       memory;
 *   <li><b>ours</b>: {@code MatomoClient} (HTTP POST, gunzip, {@code LiveResponseReader} while
 *       the body arrives) + mapping + a sink that discards;
 *   <li><b>naive</b>: body as one String, {@code readTree}, each element copied into a visit and
 *       mapped.
 * </ol>
 *
 * Then the memory test: the largest response through each variant in a child JVM with a small
 * heap ({@code -Xmx64m}), reporting exit status, OutOfMemoryError and the peak heap in use after
 * a collection. There the baseline reads the file through a buffered stream (the response does
 * not fit in such a heap).
 *
 * <pre>
 * java -Xmx4g -cp benchmarks.jar io.github.matomotracking.benchmarks.EndToEndRunner \
 *     --data target/bench-data --sizes live-10m,live-100m --repeat 5 \
 *     --memory live-1g --memory-repeat 2 --heap 64m --out target/bench-results/e2e.md
 * </pre>
 *
 * <p>{@code --memory-variants} chooses the child runs (default {@code baseline,ours,naive});
 * {@code ours-by-hand} is the library's reader and mapper without {@code MatomoClient}.
 */
public final class EndToEndRunner {

  private static final String RESULT = "RESULT ";

  private EndToEndRunner() {}

  /**
   * Runs the measurement, or one child run ({@code --child}).
   *
   * @param args the options
   * @throws Exception when a run fails unexpectedly
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    if (options.containsKey("child")) {
      child(options);
      return;
    }
    Path data = Path.of(options.getOrDefault("data", "target/bench-data"));
    List<String> sizes = Arrays.asList(options.getOrDefault("sizes", "live-10m").split(","));
    int repeat = Integer.parseInt(options.getOrDefault("repeat", "5"));
    String memory = options.get("memory");
    int memoryRepeat = Integer.parseInt(options.getOrDefault("memory-repeat", "2"));
    String heap = options.getOrDefault("heap", "64m");
    String[] memoryVariants =
        options.getOrDefault("memory-variants", "baseline,ours,naive").split(",");
    Path out = Path.of(options.getOrDefault("out", "target/bench-results/e2e.md"));

    StringBuilder report = new StringBuilder();
    try (LoopbackServer server = new LoopbackServer(data); Pipelines pipelines = new Pipelines()) {
      warmUp(pipelines, server, data, sizes.get(0));
      report.append(inProcess(pipelines, server, data, sizes, repeat));
      if (memory != null) {
        report.append(memoryTest(server, data, memory, heap, memoryRepeat, memoryVariants));
      }
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, report, StandardCharsets.UTF_8);
    System.out.println(report);
  }

  // ------------------------------------------------------------------ in-process measurement

  private static void warmUp(Pipelines p, LoopbackServer server, Path data, String dataset)
      throws Exception {
    byte[] json = Files.readAllBytes(data.resolve(dataset + ".json"));
    for (int i = 0; i < 3; i++) {
      p.baselineFromMemory(json);
      p.transferOnly(server.baseUrl(dataset));
      p.readAndMapFromMemory(json);
      p.oursPipelined(server.baseUrl(dataset));
      p.ours(server.baseUrl(dataset));
      p.naive(server.baseUrl(dataset));
    }
  }

  private static String inProcess(Pipelines p, LoopbackServer server, Path data,
      List<String> sizes, int repeat) throws Exception {
    StringBuilder runs = new StringBuilder();
    StringBuilder ratios = new StringBuilder();
    runs.append("\n### End to end, in one JVM (-Xmx").append(maxHeapText())
        .append("), ").append(repeat).append(" interleaved repetitions\n\n")
        .append("| data set | MB | visits | variant | median s | visits/s | MB/s | spread (min to max s) |\n")
        .append("|---|---:|---:|---|---:|---:|---:|---|\n");
    ratios.append("\n### End-to-end ratios (median of the per-repetition ratios, range in brackets)\n\n")
        .append("| data set | ours / physical baseline | target | met | ours / naive | target | met |\n")
        .append("|---|---|---|---|---|---|---|\n");
    for (String dataset : sizes) {
      Meta meta = Meta.read(data, dataset);
      byte[] json = Files.readAllBytes(data.resolve(dataset + ".json"));
      String url = server.baseUrl(dataset);
      double[] base = new double[repeat];
      double[] ours = new double[repeat];
      double[] naive = new double[repeat];
      double[] transfer = new double[repeat];
      double[] readMap = new double[repeat];
      double[] pipelined = new double[repeat];
      for (int r = 0; r < repeat; r++) {
        base[r] = p.baselineFromMemory(json).seconds();
        transfer[r] = p.transferOnly(url).seconds();
        Pipelines.Outcome m = p.readAndMapFromMemory(json);
        check(m, meta, "read and map from memory");
        readMap[r] = m.seconds();
        Pipelines.Outcome q = p.oursPipelined(url);
        check(q, meta, "pipelined experiment");
        pipelined[r] = q.seconds();
        Pipelines.Outcome o = p.ours(url);
        check(o, meta, "ours");
        ours[r] = o.seconds();
        Pipelines.Outcome n = p.naive(url);
        check(n, meta, "naive");
        naive[r] = n.seconds();
        System.err.printf(Locale.ROOT, "%s #%d: baseline %.3fs, ours %.3fs, naive %.3fs%n",
            dataset, r + 1, base[r], ours[r], naive[r]);
      }
      json = null;
      runs.append(row(dataset, meta, "physical baseline (token pass, memory)", base));
      runs.append(row(dataset, meta, "ours (MatomoClient: HTTP+gunzip+read, then map)", ours));
      runs.append(row(dataset, meta, "naive (String+readTree+map)", naive));
      runs.append(row(dataset, meta, "breakdown: HTTP+gunzip only, bytes discarded", transfer));
      runs.append(row(dataset, meta, "breakdown: read+map from memory, no HTTP/gunzip", readMap));
      runs.append(row(dataset, meta, "experiment: by hand, gunzip on a 2nd thread, read+map", pipelined));
      double[] oursVsBase = new double[repeat];
      double[] oursVsNaive = new double[repeat];
      for (int r = 0; r < repeat; r++) {
        oursVsBase[r] = base[r] / ours[r];
        oursVsNaive[r] = naive[r] / ours[r];
      }
      ratios.append(String.format(Locale.ROOT, "| %s | %s | >= 0.5 | %s | %s | >= 3 | %s |%n",
          dataset, ratio(oursVsBase), median(oursVsBase) >= 0.5 ? "met" : "NOT met",
          ratio(oursVsNaive), median(oursVsNaive) >= 3 ? "met" : "NOT met"));
    }
    return runs.toString() + ratios;
  }

  private static void check(Pipelines.Outcome outcome, Meta meta, String variant) {
    if (outcome.visits() != meta.visits || outcome.actions() != meta.actions) {
      throw new IllegalStateException(variant + " mapped " + outcome.visits() + " visits and "
          + outcome.actions() + " actions; the data set has " + meta.visits + " and "
          + meta.actions);
    }
  }

  private static String row(String dataset, Meta meta, String variant, double[] seconds) {
    double median = median(seconds);
    double[] sorted = seconds.clone();
    Arrays.sort(sorted);
    return String.format(Locale.ROOT, "| %s | %.0f | %d | %s | %.3f | %.0f | %.1f | %.3f to %.3f |%n",
        dataset, meta.bytes / 1e6, meta.visits, variant, median, meta.visits / median,
        meta.bytes / 1e6 / median, sorted[0], sorted[sorted.length - 1]);
  }

  private static String ratio(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return String.format(Locale.ROOT, "%.2f (%.2f to %.2f)", median(values), sorted[0],
        sorted[sorted.length - 1]);
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static String maxHeapText() {
    return (HeapWatch.maxHeap() >> 20) + "m";
  }

  // ------------------------------------------------------------------ memory test (child JVMs)

  private static String memoryTest(LoopbackServer server, Path data, String dataset, String heap,
      int repeat, String[] variants) throws Exception {
    Meta meta = Meta.read(data, dataset);
    StringBuilder text = new StringBuilder();
    text.append("\n### Memory: ").append(dataset).append(" (")
        .append(String.format(Locale.ROOT, "%.0f MB, %d visits", meta.bytes / 1e6, meta.visits))
        .append("), each run in a child JVM with -Xmx").append(heap).append("\n\n")
        .append("| variant | run | exit | outcome | seconds | visits | MB/s | peak heap after GC |\n")
        .append("|---|---:|---:|---|---:|---:|---:|---:|\n");
    Map<String, List<Double>> seconds = new LinkedHashMap<>();
    Map<String, Boolean> completed = new HashMap<>();
    for (int r = 1; r <= repeat; r++) {
      for (String variant : variants) {
        if (variant.equals("naive") && r > 1 && !completed.getOrDefault("naive", false)) {
          continue; // it failed once; failing again tells nothing new
        }
        ChildRun run = runChild(variant, server.baseUrl(dataset),
            data.resolve(dataset + ".json"), heap);
        boolean ok = run.exit == 0 && run.result != null
            && (variant.equals("baseline") || run.longValue("visits") == meta.visits);
        completed.put(variant, ok);
        if (ok) {
          seconds.computeIfAbsent(variant, v -> new ArrayList<>()).add(run.doubleValue("seconds"));
        }
        text.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %s | %s | %s | %s |%n",
            variant, r, run.exit, run.outcome(),
            ok ? String.format(Locale.ROOT, "%.2f", run.doubleValue("seconds")) : "-",
            ok && !variant.equals("baseline") ? Long.toString(run.longValue("visits")) : "-",
            ok ? String.format(Locale.ROOT, "%.1f", meta.bytes / 1e6 / run.doubleValue("seconds"))
                : "-",
            run.result != null ? (run.longValue("peakHeapAfterGc") >> 20) + " MiB" : "-"));
        System.err.println(dataset + " -Xmx" + heap + " " + variant + " #" + r + ": "
            + run.outcome());
      }
    }
    if (seconds.containsKey("baseline") && seconds.containsKey("ours")) {
      double base = median(seconds.get("baseline").stream().mapToDouble(d -> d).toArray());
      double ours = median(seconds.get("ours").stream().mapToDouble(d -> d).toArray());
      text.append(String.format(Locale.ROOT, "%nUnder -Xmx%s: ours / physical baseline (token"
          + " pass over the file through a buffered stream) = %.2f (medians); ours completed:"
          + " %s; naive completed: %s.%n", heap, base / ours, completed.get("ours"),
          completed.getOrDefault("naive", false)));
    }
    return text.toString();
  }

  private static ChildRun runChild(String variant, String url, Path file, String heap)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = List.of(java, "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError",
        "-cp", System.getProperty("java.class.path"), EndToEndRunner.class.getName(),
        "--child", variant, "--url", url, "--file", file.toString());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output;
    try (InputStream in = process.getInputStream()) {
      output = in.readAllBytes();
    }
    if (!process.waitFor(15, TimeUnit.MINUTES)) {
      process.destroyForcibly();
    }
    String text = new String(output, StandardCharsets.UTF_8);
    String result = text.lines().filter(l -> l.startsWith(RESULT)).findFirst().orElse(null);
    return new ChildRun(process.exitValue(), text, result);
  }

  /** One child JVM's exit, output and RESULT line. */
  private record ChildRun(int exit, String output, String result) {

    String outcome() {
      if (output.contains("OutOfMemoryError")) {
        return "OutOfMemoryError";
      }
      if (exit == 0 && result != null) {
        return "completed";
      }
      String last = output.lines().reduce((a, b) -> b).orElse("");
      return "failed: " + last.replace('|', '/');
    }

    long longValue(String key) {
      return Long.parseLong(value(key));
    }

    double doubleValue(String key) {
      return Double.parseDouble(value(key));
    }

    private String value(String key) {
      for (String part : result.substring(RESULT.length()).split(" ")) {
        if (part.startsWith(key + "=")) {
          return part.substring(key.length() + 1);
        }
      }
      throw new IllegalStateException("no " + key + " in " + result);
    }
  }

  private static void child(Map<String, String> options) throws Exception {
    HeapWatch heap = new HeapWatch();
    Pipelines.Outcome outcome;
    try (Pipelines p = new Pipelines()) {
      outcome = switch (options.get("child")) {
        case "baseline" -> p.baselineFromFile(Path.of(options.get("file")));
        case "ours" -> p.ours(options.get("url"));
        case "ours-by-hand" -> p.oursByHand(options.get("url"));
        case "naive" -> p.naive(options.get("url"));
        default -> throw new IllegalArgumentException("unknown variant " + options.get("child"));
      };
    }
    Thread.sleep(300); // collection notifications arrive asynchronously
    System.out.printf(Locale.ROOT, "%svisits=%d actions=%d tokens=%d seconds=%.3f"
            + " peakHeapAfterGc=%d collections=%d maxHeap=%d%n", RESULT, outcome.visits(),
        outcome.actions(), outcome.tokens(), outcome.seconds(), heap.peakAfterGc(),
        heap.collections(), HeapWatch.maxHeap());
  }

  // ------------------------------------------------------------------ helpers

  static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --option value, got " + args[i]);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }

  /** The generator's summary of a data set. */
  private record Meta(long visits, long actions, long bytes) {
    static Meta read(Path data, String dataset) throws IOException {
      Properties p = new Properties();
      try (InputStream in = Files.newInputStream(data.resolve(dataset + ".properties"))) {
        p.load(in);
      }
      return new Meta(Long.parseLong(p.getProperty("visits")),
          Long.parseLong(p.getProperty("actions")), Long.parseLong(p.getProperty("bytes")));
    }
  }
}
