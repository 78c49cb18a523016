package io.github.matomotracking.examples.faults;

import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.LinkedHashSet;
import java.util.Map;

/**
 * What one schedule does, drawn from its seed: the engine's and the client's settings, how the
 * proxy frames answers, how often each kind of fault strikes, where the process is killed, and
 * which changes Matomo's table goes through. The faults themselves are drawn while the schedule
 * runs, each family from its own random stream split from the seed (see
 * {@link PointFaults} and {@link ScheduleRunner}), so the seed alone replays the schedule.
 *
 * @param seed the seed
 * @param identitiesPerRequest the engine's identities per request
 * @param visitsPerWriteBatch the engine's visits per write batch
 * @param pageSize the client's page size
 * @param maxConcurrency the engine's identity batches at a time (2 only in soak runs: the
 *     order of requests, and so the faults drawn for them, then depends on thread timing, and a
 *     replay may differ)
 * @param maxAttempts the client's attempts per request
 * @param overlapSeconds the engine's cursor overlap
 * @param framing how the proxy frames its answers
 * @param requestFaultRate the chance that a request gets an HTTP fault
 * @param burstRate the chance that an HTTP fault starts a burst that exhausts the retries
 * @param mutationRate the chance that Matomo's table changes before a request
 * @param mutationVariant which set of table changes (0: none), see {@link ReferenceRuns}
 * @param points the port, JDBC and kill plan
 * @param requestSeed the stream HTTP faults are drawn from
 * @param jitterSeed the stream the client's backoff jitter is drawn from
 */
record FaultSchedule(long seed, int identitiesPerRequest, int visitsPerWriteBatch, int pageSize,
    int maxConcurrency, int maxAttempts, int overlapSeconds, FaultProxy.Framing framing, double requestFaultRate,
    double burstRate, double mutationRate, int mutationVariant, PointFaults.Plan points,
    long requestSeed, long jitterSeed) {

  /** How many sets of table changes there are (variant 0 changes nothing). */
  static final int MUTATION_VARIANTS = 8;

  /**
   * Draws a schedule.
   *
   * @param seed the seed
   * @param reference how many points of each family an undisturbed run passes (a kill is drawn
   *     in a family chosen at random, up to one and a half times as many of its points)
   * @param concurrency whether a fifth of the schedules may run two batches at a time
   * @return the schedule
   */
  static FaultSchedule draw(long seed, Map<PointFaults.Family, Integer> reference,
      boolean concurrency) {
    SplittableRandom random = new SplittableRandom(seed);
    int identities = pick(random, 1, 2, 3, 100);
    int writeBatch = pick(random, 1, 2, 3, 500);
    int pageSize = pick(random, 2, 3, 5, 20);
    int attempts = pick(random, 2, 3, 4);
    int threads = random.nextInt(5) == 0 && concurrency ? 2 : 1;
    int overlap = random.nextInt(5) == 0 ? 2 + random.nextInt(4) : 1;
    FaultProxy.Framing framing = new FaultProxy.Framing(random.nextInt(5) != 0,
        random.nextBoolean(), random.nextBoolean());
    double requestRate = pickDouble(random, 0.04, 0.1, 0.2, 0.35);
    double burstRate = pickDouble(random, 0, 0.15, 0.3);
    double portRate = pickDouble(random, 0, 0.005, 0.015, 0.04);
    double jdbcRate = pickDouble(random, 0, 0, 0.002, 0.006);
    double mutationRate = pickDouble(random, 0.05, 0.15);
    int variant = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(MUTATION_VARIANTS - 1);
    int killDraw = random.nextInt(20);
    int kills = killDraw < 8 ? 0 : killDraw < 17 ? 1 : 2;
    Set<PointFaults.Kill> killAt = new LinkedHashSet<>();
    PointFaults.Family[] families = PointFaults.Family.values();
    while (killAt.size() < kills) {
      PointFaults.Family family = families[random.nextInt(families.length)];
      int bound = Math.max(10, reference.getOrDefault(family, 0) * 3 / 2);
      killAt.add(new PointFaults.Kill(family, 1 + random.nextInt(bound)));
    }
    PointFaults.Plan points = new PointFaults.Plan(portRate, random.nextLong(), jdbcRate,
        random.nextLong(), killAt);
    return new FaultSchedule(seed, identities, writeBatch, pageSize, threads, attempts, overlap,
        framing,
        requestRate, burstRate, mutationRate, variant, points, random.nextLong(), random.nextLong());
  }

  private static int pick(SplittableRandom random, int... values) {
    return values[random.nextInt(values.length)];
  }

  private static double pickDouble(SplittableRandom random, double... values) {
    return values[random.nextInt(values.length)];
  }

  /** The system properties that replay this schedule. */
  String replay() {
    return "-Dfaults.seed=" + seed + (maxConcurrency > 1
        ? " -Dmatomo.soak=true (two batches at a time: a replay may draw other faults)" : "");
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "schedule seed %d: identitiesPerRequest %d,"
            + " visitsPerWriteBatch %d, pageSize %d, maxConcurrency %d, maxAttempts %d,"
            + " overlap %d s, %s, %s, %s;"
            + " HTTP fault rate %.2f (bursts %.2f), port fault rate %.3f, JDBC fault rate %.3f,"
            + " kills at %s; table changes: variant %d at rate %.2f",
        seed, identitiesPerRequest, visitsPerWriteBatch, pageSize, maxConcurrency, maxAttempts,
        overlapSeconds,
        framing.keepAlive() ? "keep-alive" : "a connection per request",
        framing.chunked() ? "chunked" : "Content-Length", framing.gzip() ? "gzip" : "identity",
        requestFaultRate, burstRate, points.portRate(), points.jdbcRate(), points.kills(),
        mutationVariant, mutationRate);
  }
}
