package io.github.matomotracking.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns JMH's JSON results of {@link ParseBenchmark} and {@link MappingBenchmark} into a markdown
 * fragment: per-visit, per-action and per-MB figures, allocation per operation when run with
 * {@code -prof gc}, and the ratios against the baselines of the same run.
 *
 * <pre>
 * java -Dmatomo.shared.dir=... -cp benchmarks.jar io.github.matomotracking.benchmarks.JmhReport \
 *     target/bench-results/jmh.json target/bench-results/jmh.md
 * </pre>
 *
 * It generates the benchmarks' response again (same seed, same templates: pass the same
 * {@code matomo.shared.dir}) to know its visit and action counts.
 */
public final class JmhReport {

  private JmhReport() {}

  /**
   * Writes the fragment.
   *
   * @param args the JMH JSON file and the markdown file to write
   * @throws IOException when a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    JsonNode results = new ObjectMapper().readTree(Path.of(args[0]).toFile());
    Map<Integer, BenchData.Response> data = new HashMap<>();
    Map<String, Double> score = new HashMap<>();
    StringBuilder table = new StringBuilder();
    table.append("\n### JMH (ops = one whole response of the data set; score = mean of the"
        + " measurement iterations)\n\n")
        .append("| benchmark | lookups | MB | visits | actions | ops/s (± error) | visits/s"
            + " | actions/s | MB/s | alloc/op | alloc/visit | alloc/action |\n")
        .append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (JsonNode r : results) {
      String name = r.path("benchmark").asText().replaceFirst("^.*\\.benchmarks\\.", "");
      int megabytes = r.path("params").path("megabytes").asInt(10);
      String lookups = r.path("params").path("lookups").asText("-");
      BenchData.Response response = data.computeIfAbsent(megabytes, BenchData::response);
      double ops = r.path("primaryMetric").path("score").asDouble();
      double error = r.path("primaryMetric").path("scoreError").asDouble();
      JsonNode secondary = r.path("secondaryMetrics");
      JsonNode alloc = secondary.has("gc.alloc.rate.norm") ? secondary.get("gc.alloc.rate.norm")
          : secondary.path("\u00b7gc.alloc.rate.norm");
      double allocPerOp = alloc.path("score").asDouble(Double.NaN);
      score.put(name + ("-".equals(lookups) ? "" : ":" + lookups), ops);
      table.append(String.format(Locale.ROOT,
          "| %s | %s | %.1f | %d | %d | %.2f (± %.2f) | %.0f | %.0f | %.1f | %s | %s | %s |%n",
          name, lookups, response.megabytes(), response.visits(), response.actions(), ops,
          Double.isNaN(error) ? 0 : error, ops * response.visits(), ops * response.actions(),
          ops * response.megabytes(), bytes(allocPerOp), bytes(allocPerOp / response.visits()),
          bytes(allocPerOp / response.actions())));
    }
    table.append("\n### JMH ratios (same run, same response)\n\n")
        .append("| ratio | value | target | met |\n|---|---:|---|---|\n");
    Double token = score.get("ParseBenchmark.tokenPass");
    Double values = score.get("ParseBenchmark.tokenPassWithValues");
    Double reader = score.get("ParseBenchmark.reader");
    if (token != null && reader != null) {
      table.append(String.format(Locale.ROOT,
          "| reader throughput / bare token pass | %.2f | reference | - |%n", reader / token));
    }
    if (values != null && reader != null) {
      table.append(String.format(Locale.ROOT,
          "| reader throughput / token pass decoding every value | %.2f | reference | - |%n",
          reader / values));
    }
    for (String lookups : new String[] {"default", "large"}) {
      Double map = score.get("MappingBenchmark.map:" + lookups);
      if (map != null && reader != null) {
        double cost = reader / map; // time to map / time to parse, same visits
        table.append(String.format(Locale.ROOT,
            "| mapping time / parsing time, %s lookups | %.2f | < 0.25 | %s |%n", lookups, cost,
            cost < 0.25 ? "met" : "NOT met"));
      }
    }
    Files.writeString(Path.of(args[1]), table, StandardCharsets.UTF_8);
    System.out.println(table);
  }

  private static String bytes(double value) {
    if (Double.isNaN(value)) {
      return "-";
    }
    if (value >= 10 << 20) {
      return String.format(Locale.ROOT, "%.1f MiB", value / (1 << 20));
    }
    if (value >= 10 << 10) {
      return String.format(Locale.ROOT, "%.1f KiB", value / 1024);
    }
    return String.format(Locale.ROOT, "%.0f B", value);
  }
}
