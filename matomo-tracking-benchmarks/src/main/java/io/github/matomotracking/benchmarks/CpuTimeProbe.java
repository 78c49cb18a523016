package io.github.matomotracking.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.github.matomotracking.client.LiveResponseReader;
import io.github.matomotracking.mapping.LookupSnapshot;
import io.github.matomotracking.mapping.MappingBatch;
import io.github.matomotracking.mapping.VisitMapper;
import io.github.matomotracking.model.Visit;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A before/after probe for a machine too busy for wall-clock numbers: runs one of the JMH
 * operations many times and reports the median <em>CPU time</em> of the measuring thread per
 * operation, which other processes competing for the cores disturb much less than elapsed time.
 * Used to compare two builds of the library (run each build's jar in turn, A/B/A/B); JMH stays
 * the reference for the published figures.
 *
 * <pre>
 * java -cp benchmarks.jar io.github.matomotracking.benchmarks.CpuTimeProbe reader 10 200
 * </pre>
 */
public final class CpuTimeProbe {

  private CpuTimeProbe() {}

  /**
   * Runs the probe.
   *
   * @param args operation ({@code tokenPass}, {@code reader}, {@code map-default},
   *     {@code map-large}, {@code read-map}: reading with the default lookups' mapping of each
   *     visit as it comes), response size in MiB, measured operations (as many again warm up)
   * @throws IOException never (memory)
   */
  public static void main(String[] args) throws IOException {
    String operation = args[0];
    int megabytes = Integer.parseInt(args[1]);
    int runs = Integer.parseInt(args[2]);
    BenchData.Response response = BenchData.response(megabytes);
    byte[] json = response.json();
    List<Visit> visits = operation.startsWith("map") ? BenchData.visits(response) : List.of();
    LookupSnapshot lookups = operation.equals("map-large") ? BenchLookups.large()
        : BenchLookups.defaults();
    LiveResponseReader reader = new LiveResponseReader();
    JsonFactory factory = new JsonFactory();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    com.sun.management.OperatingSystemMXBean process =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    double[] cpuMillis = new double[runs];
    double[] processMillis = new double[runs];
    long sink = 0;
    for (int i = -runs; i < runs; i++) {
      long start = threads.getCurrentThreadCpuTime();
      long processStart = process.getProcessCpuTime();
      switch (operation) {
        case "tokenPass" -> {
          try (JsonParser parser = factory.createParser(new ByteArrayInputStream(json))) {
            while (parser.nextToken() != null) {
              sink++;
            }
          }
        }
        case "reader" -> sink += reader.read(new ByteArrayInputStream(json), 200, v -> { },
            w -> { }).visitsRead();
        case "read-map" -> {
          MappingBatch batch = VisitMapper.standard().newBatch(lookups, BenchData.siteZones());
          long[] mapped = new long[1];
          reader.read(new ByteArrayInputStream(json), 200,
              v -> mapped[0] += batch.map(v).actions().size(), w -> { });
          sink += mapped[0];
        }
        case "map-default", "map-large" -> {
          MappingBatch batch = VisitMapper.standard().newBatch(lookups, BenchData.siteZones());
          for (Visit visit : visits) {
            sink += batch.map(visit).actions().size();
          }
        }
        default -> throw new IllegalArgumentException("unknown operation " + operation);
      }
      if (i >= 0) {
        cpuMillis[i] = (threads.getCurrentThreadCpuTime() - start) / 1e6;
        processMillis[i] = (process.getProcessCpuTime() - processStart) / 1e6;
      }
    }
    Arrays.sort(cpuMillis);
    System.out.printf(Locale.ROOT, "%s %d MiB: median %.2f ms CPU/op (p10 %.2f, p90 %.2f),"
            + " process CPU (collector and compiler included) %.2f ms/op on average,"
            + " %d visits; %d%n", operation, megabytes, cpuMillis[runs / 2],
        cpuMillis[runs / 10], cpuMillis[runs * 9 / 10], Arrays.stream(processMillis).sum() / runs,
        response.visits(), sink % 10);
  }
}
