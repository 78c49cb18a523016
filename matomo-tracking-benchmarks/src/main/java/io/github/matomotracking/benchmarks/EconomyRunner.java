package io.github.matomotracking.benchmarks;

import io.github.matomotracking.client.MatomoClient;
import io.github.matomotracking.client.MatomoClientConfig;
import io.github.matomotracking.client.MatomoToken;
import io.github.matomotracking.examples.demo.DemoMatomoServer;
import io.github.matomotracking.examples.demo.DemoVisit;
import io.github.matomotracking.examples.demo.ServerStats;
import io.github.matomotracking.identify.Identification;
import io.github.matomotracking.lookups.InMemoryLookupRepository;
import io.github.matomotracking.port.InMemorySessionSink;
import io.github.matomotracking.port.InMemorySyncStateStore;
import io.github.matomotracking.sync.SyncConfig;
import io.github.matomotracking.sync.SyncEngine;
import io.github.matomotracking.sync.SyncReport;
import io.github.matomotracking.sync.VisitSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The request-economy benchmark: a daily refresh of tracked visitors against a loopback Matomo
 * ({@link DemoMatomoServer}) that counts requests and bytes and waits a fixed latency before each
 * answer, done twice from the same stored state: by the library ({@link SyncEngine#refresh()}
 * with {@link MatomoClient}) and by a simple integration's scheme ({@link NaiveSync}). Both must
 * end with the same sink contents, row for row, or the run fails. Reports requests, bytes and
 * wall time, the ratios ours / naive, and ours' wall time against {@code requests x latency /
 * concurrency}.
 *
 * <pre>
 * java -cp matomo-tracking-benchmarks/target/benchmarks.jar \
 *     io.github.matomotracking.benchmarks.EconomyRunner \
 *     --visitors 10000 --latency-ms 20 --repeat 3 --out target/bench-results/economy.md
 * </pre>
 */
public final class EconomyRunner {

  /** Default number of tracked visitors. */
  public static final int DEFAULT_VISITORS = 10_000;
  /** Default latency the server adds to each request. */
  public static final Duration DEFAULT_LATENCY = Duration.ofMillis(20);
  /** When the measured refresh runs (a fixed instant, so the world is the same every time). */
  public static final Instant REFRESH_AT = Instant.parse("2026-11-20T03:00:00Z");

  private static final String TOKEN = DemoMatomoServer.randomToken();

  private EconomyRunner() {}

  /**
   * What one variant's refresh cost, as the server counted it.
   *
   * @param requests HTTP requests
   * @param requestBytes request body bytes
   * @param responseBytes response body bytes as sent (compressed when asked for)
   * @param visitsSent visit objects the server wrote
   * @param seconds wall time of the refresh
   * @param cpuSeconds CPU time of the whole process (client and loopback server) during the refresh
   * @param serverCpuSeconds the part of it the loopback server's request threads used
   */
  public record Cost(long requests, long requestBytes, long responseBytes, long visitsSent, double seconds,
      double cpuSeconds, double serverCpuSeconds) {

    /** Measures a refresh: the server's counters are reset first, wall and CPU time taken around it. */
    static Cost measure(DemoMatomoServer server, Runnable refresh) {
      server.resetStats();
      long cpu = processCpuNanos();
      long serverCpu = serverCpuNanos();
      long start = System.nanoTime();
      refresh.run();
      long nanos = System.nanoTime() - start;
      double cpuSeconds = (processCpuNanos() - cpu) / 1e9;
      double serverCpuSeconds = (serverCpuNanos() - serverCpu) / 1e9;
      ServerStats stats = server.stats();
      return new Cost(stats.requests(), stats.bytesReceived(), stats.bytesSent(), stats.visitsSent(), nanos / 1e9,
          cpuSeconds, serverCpuSeconds);
    }

    /** CPU time of the demo server's request threads (a fixed pool: they live as long as the server). */
    private static long serverCpuNanos() {
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long sum = 0;
      for (ThreadInfo thread : threads.dumpAllThreads(false, false)) {
        if (thread.getThreadName().startsWith("demo-matomo-")) {
          sum += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
        }
      }
      return sum;
    }

    private static long processCpuNanos() {
      return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
          ? os.getProcessCpuTime() : 0;
    }

    /**
     * Request and response bytes together.
     *
     * @return the bytes
     */
    public long bytes() {
      return requestBytes + responseBytes;
    }
  }

  /**
   * One run: the world, both refreshes' costs and the stored result they share.
   *
   * @param world the world
   * @param latency the latency per request
   * @param concurrency the engine's {@link SyncConfig#maxConcurrency()}
   * @param ours the library's refresh
   * @param naive the simple integration's refresh
   * @param oursReport the engine's report of its refresh
   * @param naiveRequests the requests the simple integration counted itself
   * @param stored what both sinks hold after the refresh (equal, checked)
   */
  public record Outcome(EconomyWorld world, Duration latency, int concurrency, Cost ours, Cost naive,
      SyncReport oursReport, long naiveRequests, SinkContents stored) {

    /**
     * Ours' requests over naive's.
     *
     * @return the ratio
     */
    public double requestRatio() {
      return (double) ours.requests() / naive.requests();
    }

    /**
     * Ours' bytes (request and response) over naive's.
     *
     * @return the ratio
     */
    public double byteRatio() {
      return (double) ours.bytes() / naive.bytes();
    }

    /**
     * Ours' wall time over {@code requests x latency / concurrency}.
     *
     * @return the ratio
     */
    public double wallRatio() {
      return ours.seconds() / expectedSeconds();
    }

    /**
     * {@code requests x latency / concurrency} for ours, in seconds.
     *
     * @return the seconds
     */
    public double expectedSeconds() {
      return ours.requests() * (latency.toNanos() / 1e9) / concurrency;
    }
  }

  /**
   * Runs the benchmark: {@code --visitors N} (10000), {@code --seed S} (42), {@code --latency-ms M}
   * (20), {@code --concurrency C} (the engine's default, 2), {@code --repeat R} (1),
   * {@code --out FILE} (markdown; printed to standard output as well).
   *
   * @param args the options
   * @throws IOException when the results cannot be written
   */
  public static void main(String[] args) throws IOException {
    Map<String, String> options = EndToEndRunner.options(args);
    int visitors = Integer.parseInt(options.getOrDefault("visitors", Integer.toString(DEFAULT_VISITORS)));
    long seed = Long.parseLong(options.getOrDefault("seed", "42"));
    Duration latency = Duration.ofMillis(Long.parseLong(
        options.getOrDefault("latency-ms", Long.toString(DEFAULT_LATENCY.toMillis()))));
    int repeat = Integer.parseInt(options.getOrDefault("repeat", "1"));
    String loadBefore = loadAverage();
    EconomyWorld world = EconomyWorld.generate(visitors, seed, REFRESH_AT);
    SyncConfig config = SyncConfig.builder().from(SyncConfig.forSites(world.siteIds()))
        .maxConcurrency(Integer.parseInt(options.getOrDefault("concurrency",
            Integer.toString(SyncConfig.DEFAULT_MAX_CONCURRENCY))))
        .build();
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 1; i <= repeat; i++) {
      Outcome outcome = run(world, latency, config);
      System.err.printf(Locale.ROOT, "economy run %d: ours %d requests %.2f s, naive %d requests %.2f s%n", i,
          outcome.ours().requests(), outcome.ours().seconds(), outcome.naive().requests(), outcome.naive().seconds());
      outcomes.add(outcome);
    }
    String report = report(outcomes, seed, loadBefore, loadAverage());
    System.out.print(report);
    if (options.containsKey("out")) {
      Path out = Path.of(options.get("out"));
      if (out.getParent() != null) {
        Files.createDirectories(out.getParent());
      }
      Files.writeString(out, report);
    }
  }

  /**
   * Prepares the state of the previous sync for both variants (against a server without
   * latency holding {@link EconomyWorld#before()}), then runs and measures both refreshes
   * against a server with the latency holding {@link EconomyWorld#after()}, and checks that both
   * stored the same result, every visit of the world with all its actions.
   *
   * @param world the world
   * @param latency the latency per request of the measured refreshes
   * @param config the engine's configuration (its sites must be the world's)
   * @return the outcome
   * @throws IllegalStateException when a run fails or the stored results differ
   */
  public static Outcome run(EconomyWorld world, Duration latency, SyncConfig config) {
    Stores ours = new Stores(world.identifications());
    Stores naive = new Stores(world.identifications());
    try (DemoMatomoServer then = server(world, world.before(), Duration.ZERO);
        MatomoClient client = client(then)) {
      SyncReport previous = ours.engine(client, config, world.previousSync())
          .onIdentifications(world.identifications());
      require(previous.succeeded(), () -> "the previous sync failed: " + previous.failures());
      naive.naive(then, world).sync(world.previousSync().minus(config.historyWindow()).getEpochSecond());
      SinkContents.of(naive.sink).requireSameAs(SinkContents.of(ours.sink), "naive and ours after the previous sync");
    }
    try (DemoMatomoServer now = server(world, world.after(), latency);
        MatomoClient client = client(now)) {
      SyncEngine engine = ours.engine(client, config, world.refreshAt());
      SyncReport[] reports = new SyncReport[1];
      Cost oursCost = Cost.measure(now, () -> reports[0] = engine.refresh());
      SyncReport report = reports[0];
      require(report.succeeded(), () -> "the refresh failed: " + report.failures());

      NaiveSync integration = naive.naive(now, world);
      Cost naiveCost = Cost.measure(now, () -> integration.sync(world.previousSync().getEpochSecond() - 1));

      SinkContents stored = SinkContents.of(ours.sink);
      SinkContents.of(naive.sink).requireSameAs(stored, "naive and ours after the refresh");
      require(stored.sessions() == world.after().size() && stored.actions() == world.actionsAfter(),
          () -> "the refresh stored " + stored.sessions() + " visits / " + stored.actions() + " actions, Matomo holds "
              + world.after().size() + " / " + world.actionsAfter());
      return new Outcome(world, latency, config.maxConcurrency(), oursCost, naiveCost, report,
          integration.requests(), stored);
    }
  }

  /** The host's stores of one variant, the identifications recorded. */
  private static final class Stores {
    final InMemorySessionSink sink = new InMemorySessionSink();
    final InMemorySyncStateStore state = new InMemorySyncStateStore();
    final InMemoryLookupRepository lookups = InMemoryLookupRepository.withDefaults();

    Stores(List<Identification> identifications) {
      identifications.forEach(state::recordIdentification);
    }

    SyncEngine engine(MatomoClient client, SyncConfig config, Instant now) {
      return SyncEngine.builder().config(config).source(VisitSource.of(client)).sessions(sink).state(state)
          .lookups(lookups).clock(Clock.fixed(now, ZoneOffset.UTC)).build();
    }

    NaiveSync naive(DemoMatomoServer server, EconomyWorld world) {
      return new NaiveSync(server.baseUrl(), TOKEN, world.siteIds(), state, lookups, sink);
    }
  }

  private static DemoMatomoServer server(EconomyWorld world, List<DemoVisit> visits, Duration latency) {
    return DemoMatomoServer.builder().sites(world.sites()).visits(visits).token(TOKEN).latency(latency)
        .threads(16).start();
  }

  private static MatomoClient client(DemoMatomoServer server) {
    return MatomoClient.create(MatomoClientConfig.builder().baseUrl(server.baseUrl()).token(MatomoToken.of(TOKEN))
        .allowInsecureHttp(true).build());
  }

  private static void require(boolean condition, Supplier<String> message) {
    if (!condition) {
      throw new IllegalStateException(message.get());
    }
  }

  /** The 1, 5 and 15 minute load averages, or "unknown". */
  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + ", " + parts[1] + ", " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static String report(List<Outcome> outcomes, long seed, String loadBefore,
      String loadAfter) {
    Outcome first = outcomes.get(0);
    EconomyWorld world = first.world();
    StringBuilder md = new StringBuilder();
    md.append("### Request economy: a daily refresh, ours against a simple integration's scheme\n\n");
    md.append("| fact | value |\n|---|---|\n");
    row(md, "date", ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
    row(md, "cores (availableProcessors)", Integer.toString(Runtime.getRuntime().availableProcessors()));
    row(md, "JDK", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    row(md, "load average (1, 5, 15 min) before / after", loadBefore + " / " + loadAfter);
    row(md, "world", String.format(Locale.ROOT, "%,d tracked visitors, %d sites, seed %d: %,d visits stored at the"
            + " previous sync, %,d new visits and %,d ongoing ones grown since; %,d visits / %,d actions at the refresh",
        world.visitorIds().size(), world.siteIds().length, seed, world.before().size(), world.newVisits(),
        world.ongoing(), world.after().size(), world.actionsAfter()));
    row(md, "latency per request", first.latency().toMillis() + " ms (server side, before each answer)");
    row(md, "ours", "SyncEngine.refresh() with MatomoClient, their defaults (100 visitorIds per identity batch,"
        + " pages of 500, gzip, POST): " + first.oursReport().batches() + " identity batches, concurrency "
        + first.concurrency() + (first.concurrency() == SyncConfig.DEFAULT_MAX_CONCURRENCY ? " (default)" : ""));
    row(md, "naive", "30 visitorIds per segment, filter_limit=200 + filter_offset, one site at a time, no gzip,"
        + " POST form bodies, one request at a time");
    row(md, "repetitions", Integer.toString(outcomes.size()));
    md.append('\n');
    md.append("| run | variant | requests | request bytes | response bytes | visits sent | wall s | CPU s (of it server) |\n");
    md.append("|---:|---|---:|---:|---:|---:|---:|---:|\n");
    for (int i = 0; i < outcomes.size(); i++) {
      Outcome o = outcomes.get(i);
      cost(md, i + 1, "ours", o.ours());
      cost(md, i + 1, "naive", o.naive());
    }
    double[] walls = outcomes.stream().mapToDouble(Outcome::wallRatio).sorted().toArray();
    double medianWall = (walls[(walls.length - 1) / 2] + walls[walls.length / 2]) / 2;
    md.append('\n');
    md.append("| ratio | value | target | met |\n|---|---:|---|---|\n");
    target(md, "requests, ours / naive", first.requestRatio(), "<= 1/3", first.requestRatio() <= 1.0 / 3);
    target(md, "bytes (request + response), ours / naive", first.byteRatio(), "<= 1/3", first.byteRatio() <= 1.0 / 3);
    target(md, String.format(Locale.ROOT, "ours wall / (requests x latency / concurrency = %.2f s)%s",
            first.expectedSeconds(), walls.length > 1 ? String.format(Locale.ROOT,
                ", median of %d runs (%.3f to %.3f)", walls.length, walls[0], walls[walls.length - 1]) : ""),
        medianWall, "<= 1.2", medianWall <= 1.2);
    md.append('\n').append(String.format(Locale.ROOT, "Same stored result: checked, %,d sessions and %,d actions"
        + " in both sinks, SHA-256 %s. The engine reported %d requests to Live, the simple integration counted %d"
        + " requests itself (the server counted %d). Request bytes are the POST bodies, response bytes the bodies as"
        + " sent; HTTP headers are not counted.%n", first.stored().sessions(), first.stored().actions(),
        first.stored().digest().substring(0, 16), first.oursReport().requests(), first.naiveRequests(),
        first.naive().requests()));
    return md.toString();
  }

  private static void row(StringBuilder md, String fact, String value) {
    md.append("| ").append(fact).append(" | ").append(value).append(" |\n");
  }

  private static void cost(StringBuilder md, int run, String variant, Cost cost) {
    md.append(String.format(Locale.ROOT, "| %d | %s | %,d | %,d | %,d | %,d | %.2f | %.2f (%.2f) |%n", run,
        variant, cost.requests(), cost.requestBytes(), cost.responseBytes(), cost.visitsSent(), cost.seconds(),
        cost.cpuSeconds(), cost.serverCpuSeconds()));
  }

  private static void target(StringBuilder md, String ratio, double value, String target, boolean met) {
    md.append(String.format(Locale.ROOT, "| %s | %.3f | %s | %s |%n", ratio, value, target, met ? "met" : "NOT met"));
  }
}
