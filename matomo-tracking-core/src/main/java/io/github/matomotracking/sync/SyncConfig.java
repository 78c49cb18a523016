package io.github.matomotracking.sync;

import io.github.matomotracking.model.MatomoStyle;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.immutables.value.Value;

/**
 * How a {@link SyncEngine} runs: which Matomo sites it reads, how far back, in which batch sizes
 * and with how much concurrency. Checked when built; every setting but {@link #sites()} has a
 * default.
 *
 * <pre>{@code
 * SyncConfig config = SyncConfig.builder()
 *     .addSites(1)
 *     .maxConcurrency(4)
 *     .build();
 * }</pre>
 */
@Value.Immutable
@MatomoStyle
public abstract class SyncConfig {

  /** Default {@link #historyWindow()}: 365 days. */
  public static final Duration DEFAULT_HISTORY_WINDOW = Duration.ofDays(365);
  /** Default {@link #emailClickWindow()}: 7 days. */
  public static final Duration DEFAULT_EMAIL_CLICK_WINDOW = Duration.ofDays(7);
  /** Default {@link #identitiesPerRequest()}. */
  public static final int DEFAULT_IDENTITIES_PER_REQUEST = 100;
  /** Default {@link #visitsPerWriteBatch()}. */
  public static final int DEFAULT_VISITS_PER_WRITE_BATCH = 500;
  /** Default {@link #maxConcurrency()}. */
  public static final int DEFAULT_MAX_CONCURRENCY = 2;
  /** Default {@link #cursorOverlap()}: one second, the least Matomo's exclusive bound needs. */
  public static final Duration DEFAULT_CURSOR_OVERLAP = Duration.ofSeconds(1);

  /** Subclassed by the generated implementation only. */
  SyncConfig() {}

  /**
   * The Matomo sites ({@code idSite}) read, each with its own requests; at least one.
   *
   * @return the site ids, each at least 1, no duplicates
   */
  public abstract List<Long> sites();

  /**
   * How far back a form submission imports the visitor's history, counted from the submission
   * time; also where the refresh starts for a tracked visitor that has no cursor yet (counted
   * from now).
   *
   * @return 365 days by default
   */
  @Value.Default
  public Duration historyWindow() {
    return DEFAULT_HISTORY_WINDOW;
  }

  /**
   * The email-click flow looks at contacts who clicked within this window before now, and reads
   * their visits whose last action falls in it.
   *
   * @return 7 days by default
   */
  @Value.Default
  public Duration emailClickWindow() {
    return DEFAULT_EMAIL_CLICK_WINDOW;
  }

  /**
   * How many identities (visitorIds or userIds) one identity batch asks Matomo for at once; the
   * client splits a batch over several requests when its segment would be too long.
   *
   * @return 100 by default, 1 to 1000
   */
  @Value.Default
  public int identitiesPerRequest() {
    return DEFAULT_IDENTITIES_PER_REQUEST;
  }

  /**
   * How many fetched visits are mapped and written together: one lookup snapshot, one
   * {@code LookupRepository.apply} and one {@code SessionSink.upsert} per write batch.
   *
   * @return 500 by default, 1 to 10000
   */
  @Value.Default
  public int visitsPerWriteBatch() {
    return DEFAULT_VISITS_PER_WRITE_BATCH;
  }

  /**
   * How many identity batches run at the same time (each on its own thread, with its own Matomo
   * requests). 1 runs everything on the calling thread.
   *
   * @return 2 by default, 1 to 64
   */
  @Value.Default
  public int maxConcurrency() {
    return DEFAULT_MAX_CONCURRENCY;
  }

  /**
   * How far before a cursor's last action time the next read starts: Matomo's
   * {@code minTimestamp} is {@code lastActionTime - overlap}. One second re-reads exactly the
   * boundary second (Matomo keeps only visits strictly after {@code minTimestamp}); more re-reads
   * more, which changes nothing stored but covers a clock difference between Matomo and this host
   * when several sites are read (see the package documentation).
   *
   * @return one second by default; whole seconds, at least one
   */
  @Value.Default
  public Duration cursorOverlap() {
    return DEFAULT_CURSOR_OVERLAP;
  }

  /**
   * Rejects settings the engine cannot work with, naming the setting.
   */
  @Value.Check
  protected void check() {
    if (sites().isEmpty()) {
      throw new IllegalArgumentException("SyncConfig.sites needs at least one Matomo site id");
    }
    Set<Long> seen = new HashSet<>();
    for (Long site : sites()) {
      if (site < 1) {
        throw new IllegalArgumentException("SyncConfig.sites: a Matomo site id is at least 1, got "
            + site);
      }
      if (!seen.add(site)) {
        throw new IllegalArgumentException("SyncConfig.sites: site " + site + " is listed twice");
      }
    }
    positive("historyWindow", historyWindow());
    positive("emailClickWindow", emailClickWindow());
    range("identitiesPerRequest", identitiesPerRequest(), 1, 1000);
    range("visitsPerWriteBatch", visitsPerWriteBatch(), 1, 10_000);
    range("maxConcurrency", maxConcurrency(), 1, 64);
    if (cursorOverlap().compareTo(Duration.ofSeconds(1)) < 0 || cursorOverlap().getNano() != 0) {
      throw new IllegalArgumentException(
          "SyncConfig.cursorOverlap must be whole seconds, at least one, got " + cursorOverlap());
    }
  }

  private static void positive(String name, Duration value) {
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException("SyncConfig." + name + " must be positive, got " + value);
    }
  }

  private static void range(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          "SyncConfig." + name + " must be from " + min + " to " + max + ", got " + value);
    }
  }

  /**
   * The defaults for the given sites.
   *
   * @param siteIds the Matomo site ids
   * @return the configuration
   */
  public static SyncConfig forSites(long... siteIds) {
    ImmutableSyncConfig.Builder builder = builder();
    for (long site : siteIds) {
      builder.addSites(site);
    }
    return builder.build();
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static ImmutableSyncConfig.Builder builder() {
    return ImmutableSyncConfig.builder();
  }
}
