package io.github.matomotracking.examples.demo;

import com.sun.net.httpserver.HttpServer;
import io.github.matomotracking.mapping.SiteTimeZone;
import io.github.matomotracking.model.VisitKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A small Matomo on the loopback interface, for demos, examples and benchmarks: it answers the
 * API calls {@link io.github.matomotracking.client.MatomoClient} makes the way Matomo 5 answers
 * them, from an in-memory table of {@link DemoVisit}s.
 *
 * <pre>{@code
 * SampleSite sample = SampleSite.generate(Instant.now(), 42);
 * try (DemoMatomoServer matomo = DemoMatomoServer.builder(sample).token(token).start()) {
 *   MatomoClientConfig config = MatomoClientConfig.builder()
 *       .baseUrl(matomo.baseUrl()).token(MatomoToken.of(token)).allowInsecureHttp(true).build();
 *   ...
 * }
 * }</pre>
 *
 * <h2>What it answers, like Matomo 5</h2>
 *
 * <ul>
 *   <li>{@code POST /index.php} (or {@code /}) with {@code module=API}, {@code format=JSON} and
 *       one of {@code Live.getLastVisitsDetails} (see {@link LiveQuery} for the parameters:
 *       sites, date window on the last action in the site's zone, {@code minTimestamp},
 *       {@code segment} on {@code visitorId}, {@code userId} and {@code visitId}, ordering,
 *       {@code filter_limit} and {@code filter_offset}, {@code doNotFetchActions}),
 *       {@code SitesManager.getSiteFromId} (with the site's {@code timezone}) and
 *       {@code SitesManager.getSitesIdWithAtLeastViewAccess}. Parameters may come from the query
 *       string or the form body (the query string wins, as in Matomo).
 *   <li>The token counts only in the POST body, and only if the query string carries none:
 *       Matomo 5 ignores "secure only" tokens anywhere else. A wrong token, or one sent in the URL,
 *       gets HTTP 401 with Matomo's error object; no token at all is an anonymous user who may view
 *       nothing.
 *   <li>Errors: Matomo's {@code {"result":"error","message":"..."}}, its message HTML-escaped,
 *       with HTTP 401 for authentication, 400 for an unknown method or a missing parameter, and
 *       200 for the rest (a bad segment, a bad date, an unknown site). A request without
 *       {@code module=API} gets an HTML page, as Matomo's user interface would answer.
 *   <li>Bodies written like PHP's {@code json_encode}, streamed visit by visit, gzip-compressed
 *       when the request accepts it; action {@code timestamp}s shifted by the site's UTC offset
 *       as Matomo shifts them.
 * </ul>
 *
 * <p>Not served: other API methods, other formats than JSON, segments on other dimensions, the
 * "Could not run the query in time" failures of a loaded server. The visit table may be changed
 * while the server runs ({@link #put(DemoVisit)}); each answer works on what the table held when
 * its visits were selected. Thread-safe.
 *
 * <p>Loading this class sets the system property {@code sun.net.httpserver.nodelay} to
 * {@code true} unless it is already set: the JDK's server otherwise loses about 40 ms per answer
 * to Nagle's algorithm, which would falsify benchmarks.
 */
public final class DemoMatomoServer implements AutoCloseable {

  private static final String NODELAY = "sun.net.httpserver.nodelay";

  static {
    // The JDK server writes a response in several small packets; without TCP_NODELAY, Nagle's
    // algorithm and the client's delayed ACK stall each answer by about 40 ms. The JDK reads this
    // property once, when its first HttpServer starts; a value set by the host is kept.
    if (System.getProperty(NODELAY) == null) {
      System.setProperty(NODELAY, "true");
    }
  }

  private final HttpServer http;
  private final ExecutorService executor;
  private final URI baseUrl;
  private final Map<Long, DemoSite> sites;
  private final VisitTable visits = new VisitTable();
  private final ApiHandler handler;
  private final AtomicBoolean closed = new AtomicBoolean();

  private DemoMatomoServer(Builder builder) throws IOException {
    Map<Long, DemoSite> siteMap = new TreeMap<>();
    for (DemoSite site : builder.sites) {
      if (siteMap.put(site.id(), site) != null) {
        throw new IllegalArgumentException("site " + site.id() + " is given twice");
      }
    }
    this.sites = Collections.unmodifiableMap(siteMap);
    builder.visits.forEach(this::put);
    this.handler = new ApiHandler(builder.token, sites, visits, builder.clock, builder.defaultZone,
        new MatomoJson(builder.numbersAsStrings, builder.campaignFields), builder.latency, builder.pause);
    InetAddress loopback = InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
    this.http = HttpServer.create(new InetSocketAddress(loopback, 0), 64);
    AtomicInteger threadNumber = new AtomicInteger();
    this.executor = Executors.newFixedThreadPool(builder.threads, task -> {
      Thread thread = new Thread(task, "demo-matomo-" + threadNumber.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    http.createContext("/", handler);
    http.setExecutor(executor);
    http.start();
    this.baseUrl = URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/");
  }

  /**
   * A fresh random token for a server on loopback (32 hexadecimal characters, like Matomo's),
   * so that no token ever has to be written into code or configuration.
   *
   * @return a new token
   */
  public static String randomToken() {
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /**
   * A builder with no site and no visit.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding the sites and visits of a sample.
   *
   * @param sample the generated sample
   * @return the builder; give it a token, then start it
   */
  public static Builder builder(SampleSite sample) {
    return new Builder().sites(sample.sites()).visits(sample.visits());
  }

  /**
   * The server's address, {@code http://127.0.0.1:<port>/}: the base URL for the client.
   *
   * @return the base URL
   */
  public URI baseUrl() {
    return baseUrl;
  }

  /**
   * The port the server listens on, chosen by the system.
   *
   * @return the port
   */
  public int port() {
    return baseUrl.getPort();
  }

  /**
   * The sites the server knows.
   *
   * @return the sites, by id
   */
  public List<DemoSite> sites() {
    return List.copyOf(sites.values());
  }

  /**
   * Adds a visit, or replaces the one with the same (site, visit) key: a visit that continues
   * gets its new actions this way and comes back in answers about its new last action.
   *
   * @param visit the visit
   * @throws IllegalArgumentException if its site is unknown to the server
   */
  public void put(DemoVisit visit) {
    Objects.requireNonNull(visit, "visit");
    if (!sites.containsKey(visit.siteId())) {
      throw new IllegalArgumentException("visit " + visit.visitId() + " belongs to site " + visit.siteId()
          + ", which this server does not have (sites: " + sites.keySet() + ")");
    }
    visits.put(visit);
  }

  /**
   * Adds or replaces several visits.
   *
   * @param added the visits
   */
  public void putAll(Collection<DemoVisit> added) {
    added.forEach(this::put);
  }

  /**
   * The visit with this key.
   *
   * @param siteId the site
   * @param visitId the visit
   * @return the visit, if the table holds it
   */
  public Optional<DemoVisit> visit(long siteId, long visitId) {
    return visits.get(VisitKey.of(siteId, visitId));
  }

  /**
   * How many visits the table holds.
   *
   * @return the count
   */
  public int visitCount() {
    return visits.size();
  }

  /**
   * What the server has answered so far.
   *
   * @return the counters
   */
  public ServerStats stats() {
    return handler.stats();
  }

  /** Sets every counter back to zero. */
  public void resetStats() {
    handler.resetStats();
  }

  /** Stops listening at once and ends the server's threads; closing again does nothing. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      http.stop(0);
      executor.shutdownNow();
    }
  }

  @Override
  public String toString() {
    return "DemoMatomoServer[" + baseUrl + ", " + sites.size() + " site(s), " + visits.size() + " visit(s)]";
  }

  /** Configures and starts a {@link DemoMatomoServer}. */
  public static final class Builder {

    private String token;
    private final List<DemoSite> sites = new ArrayList<>();
    private final List<DemoVisit> visits = new ArrayList<>();
    private Clock clock = Clock.systemUTC();
    private ZoneId defaultZone = ZoneId.of("UTC");
    private boolean numbersAsStrings;
    private boolean campaignFields = true;
    private Duration latency = Duration.ZERO;
    private int threads = 8;
    private Consumer<Duration> pause = Builder::sleep;

    private Builder() {}

    /**
     * The token the server accepts ({@code token_auth}). Required.
     *
     * @param value the token
     * @return this builder
     * @throws IllegalArgumentException if it is blank
     */
    public Builder token(String value) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("the demo server needs a non-blank token");
      }
      this.token = value;
      return this;
    }

    /**
     * Adds a site.
     *
     * @param site the site
     * @return this builder
     */
    public Builder site(DemoSite site) {
      sites.add(Objects.requireNonNull(site, "site"));
      return this;
    }

    /**
     * Adds sites.
     *
     * @param added the sites
     * @return this builder
     */
    public Builder sites(Collection<DemoSite> added) {
      added.forEach(this::site);
      return this;
    }

    /**
     * Adds visits to the table (a later one replaces an earlier one with the same key).
     *
     * @param added the visits
     * @return this builder
     */
    public Builder visits(Collection<DemoVisit> added) {
      added.forEach(visit -> visits.add(Objects.requireNonNull(visit, "visit")));
      return this;
    }

    /**
     * The clock that decides what "today" is in date windows. System UTC clock by default.
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * The zone Matomo uses for date windows over several sites ({@code SitesManager}'s default
     * time zone). UTC by default.
     *
     * @param timezone an IANA name or Matomo's {@code UTC+5.5} form
     * @return this builder
     */
    public Builder defaultTimezone(String timezone) {
      this.defaultZone = SiteTimeZone.parse(timezone)
          .orElseThrow(() -> new IllegalArgumentException("unreadable time zone: " + timezone));
      return this;
    }

    /**
     * Writes database integers as JSON strings, as Matomo does on PHP before 8.1. Off by default.
     *
     * @param value true for strings
     * @return this builder
     */
    public Builder numbersAsStrings(boolean value) {
      this.numbersAsStrings = value;
      return this;
    }

    /**
     * Whether visits carry the {@code campaign*} fields of the MarketingCampaignsReporting plugin.
     * On by default.
     *
     * @param value false to answer as a Matomo without the plugin
     * @return this builder
     */
    public Builder campaignFields(boolean value) {
      this.campaignFields = value;
      return this;
    }

    /**
     * A fixed delay before each answer, to imitate a remote server. None by default.
     *
     * @param value the delay, zero or positive
     * @return this builder
     */
    public Builder latency(Duration value) {
      if (value == null || value.isNegative()) {
        throw new IllegalArgumentException("latency must be zero or positive, got " + value);
      }
      this.latency = value;
      return this;
    }

    /**
     * How many requests are answered at once. 8 by default.
     *
     * @param value 1 or more
     * @return this builder
     */
    public Builder threads(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("threads must be at least 1, got " + value);
      }
      this.threads = value;
      return this;
    }

    /** How the latency is waited for; tests replace the real sleep. */
    Builder pause(Consumer<Duration> value) {
      this.pause = Objects.requireNonNull(value, "pause");
      return this;
    }

    /**
     * Starts the server on 127.0.0.1 and a free port.
     *
     * @return the running server; close it when done
     * @throws IllegalStateException if no token was given
     * @throws IllegalArgumentException if a site is given twice or a visit's site is unknown
     * @throws UncheckedIOException if the server cannot listen
     */
    public DemoMatomoServer start() {
      if (token == null) {
        throw new IllegalStateException("the demo server needs a token: call token(...) before start()");
      }
      try {
        return new DemoMatomoServer(this);
      } catch (IOException e) {
        throw new UncheckedIOException("the demo Matomo server could not listen on 127.0.0.1", e);
      }
    }

    @Override
    public String toString() {
      return "DemoMatomoServer.Builder[" + sites.size() + " site(s), " + visits.size() + " visit(s), token "
          + (token == null ? "missing" : "set") + "]";
    }

    private static void sleep(Duration duration) {
      try {
        Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
