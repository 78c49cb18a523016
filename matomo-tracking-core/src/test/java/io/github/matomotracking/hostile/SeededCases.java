package io.github.matomotracking.hostile;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * Runs a property over many generated cases, each with its own random source derived from one
 * base seed. The base seed is new on every run (more cases over time) unless the system property
 * {@value #SEED_PROPERTY} fixes it; a failure names the property, the case and the base seed, so
 * {@code mvn test -Dhostile.seed=<seed>} replays exactly the failing run. The system property
 * {@value #SCALE_PROPERTY} multiplies the number of cases for a longer local search
 * ({@code -Dhostile.scale=50}). The whole property runs under a hang guard.
 */
final class SeededCases {

  /** The system property that fixes the base seed. */
  static final String SEED_PROPERTY = "hostile.seed";

  /** The system property that multiplies the number of cases. */
  static final String SCALE_PROPERTY = "hostile.scale";

  /** The hang guard for one property (all its cases, at scale 1); not a speed limit. */
  static final Duration HANG_GUARD = Duration.ofSeconds(60);

  /** One case of a property. */
  @FunctionalInterface
  interface Case {
    /** Checks the property on the case drawn from {@code random}; throws when it does not hold. */
    void check(SplittableRandom random) throws Exception;
  }

  private SeededCases() {}

  /** The base seed of this run. */
  static long baseSeed() {
    Long fixed = Long.getLong(SEED_PROPERTY);
    return fixed != null ? fixed : new SplittableRandom().nextLong();
  }

  /**
   * Checks {@code property} on {@code cases} cases.
   *
   * @throws AssertionError naming the first failing case and the seed to replay it
   */
  static void forAll(String property, int baseCases, Case check) {
    long seed = baseSeed();
    int scale = Math.max(1, Integer.getInteger(SCALE_PROPERTY, 1));
    int cases = baseCases * scale;
    Duration guard = HANG_GUARD.multipliedBy(scale);
    int[] current = {-1};
    assertTimeoutPreemptively(guard, () -> {
      SplittableRandom seeds = new SplittableRandom(seed);
      for (int i = 0; i < cases; i++) {
        current[0] = i;
        SplittableRandom random = seeds.split();
        try {
          check.check(random);
        } catch (Exception | AssertionError e) {
          throw new AssertionError(failure(property, i, cases, seed) + ": " + e.getMessage(), e);
        }
      }
    }, () -> failure(property, current[0], cases, seed) + ": no result within " + guard);
  }

  private static String failure(String property, int index, int cases, long seed) {
    return "property \"" + property + "\" failed on case " + index + " of " + cases
        + "; replay with -D" + SEED_PROPERTY + "=" + seed;
  }
}
