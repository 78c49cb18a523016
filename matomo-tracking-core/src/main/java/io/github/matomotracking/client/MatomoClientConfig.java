package io.github.matomotracking.client;

import io.github.matomotracking.model.MatomoStyle;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.immutables.value.Value;

/**
 * Everything a {@link MatomoClient} needs, checked when built. Only {@link #baseUrl()} and
 * {@link #token()} are required.
 *
 * <pre>{@code
 * MatomoClientConfig config = MatomoClientConfig.builder()
 *     .baseUrl(URI.create("https://analytics.example.com/"))
 *     .token(MatomoToken.of(System.getenv("MATOMO_TOKEN")))
 *     .rateLimit(RateLimit.perMinute(200))
 *     .build();
 * }</pre>
 *
 * <p>{@link #toString()} never shows the token. The test hooks ({@link #sleeper()},
 * {@link #clock()}, {@link #jitter()}) and the listener are left out of equality.
 */
@Value.Immutable
@MatomoStyle
public abstract class MatomoClientConfig {

  /** The default page size: below the 550 Matomo treats as "more than the UI asks for". */
  public static final int DEFAULT_PAGE_SIZE = 500;

  /** The largest page size accepted. */
  public static final int MAX_PAGE_SIZE = 10_000;

  /**
   * Matomo's root, such as {@code https://analytics.example.com/} or
   * {@code https://example.com/matomo/}; requests go to {@code index.php} below it. Absolute,
   * HTTPS unless {@link #allowInsecureHttp()}, without query, fragment or user info.
   *
   * @return the base URL
   */
  public abstract URI baseUrl();

  /**
   * The API token; sent only in POST bodies.
   *
   * @return the token holder
   */
  public abstract MatomoToken token();

  /**
   * Whether a plain {@code http://} base URL (and redirects to plain HTTP) are accepted. Off by
   * default: the token would travel in clear text.
   *
   * @return false by default
   */
  @Value.Default
  public boolean allowInsecureHttp() {
    return false;
  }

  /**
   * How long to wait for a connection (own HttpClient only; an injected one keeps its own).
   *
   * @return 10 seconds by default
   */
  @Value.Default
  public Duration connectTimeout() {
    return Duration.ofSeconds(10);
  }

  /**
   * How long to wait for the response headers of one request.
   *
   * @return 60 seconds by default
   */
  @Value.Default
  public Duration requestTimeout() {
    return Duration.ofSeconds(60);
  }

  /**
   * How long the response body may stay silent (no bytes at all) before the request is aborted
   * with a {@link MatomoRequestTimeoutException}. java.net.http's own timeout ends with the
   * headers, so this one guards the body.
   *
   * @return 30 seconds by default
   */
  @Value.Default
  public Duration readTimeout() {
    return Duration.ofSeconds(30);
  }

  /**
   * Visits per page ({@code filter_limit}). Matomo's own default is 100 and
   * {@code filter_limit=-1} can run into its query time limit; larger pages mean fewer requests
   * but larger bodies and slower queries.
   *
   * @return {@value #DEFAULT_PAGE_SIZE} by default
   */
  @Value.Default
  public int pageSize() {
    return DEFAULT_PAGE_SIZE;
  }

  /**
   * How failed requests are retried.
   *
   * @return {@link RetryPolicy#defaults()} by default
   */
  @Value.Default
  public RetryPolicy retryPolicy() {
    return RetryPolicy.defaults();
  }

  /**
   * An optional cap on the request rate.
   *
   * @return none by default
   */
  public abstract Optional<RateLimit> rateLimit();

  /**
   * The most requests in flight at once over this client (a request holds its slot until its
   * body is read or closed, so close the streams you open).
   *
   * @return 4 by default
   */
  @Value.Default
  public int maxConcurrentRequests() {
    return 4;
  }

  /**
   * The {@code User-Agent} header.
   *
   * @return {@code matomo-tracking (Java)} by default
   */
  @Value.Default
  public String userAgent() {
    return "matomo-tracking (Java)";
  }

  /**
   * Whether userIds are queried through the indexed visitorId Matomo derives from them
   * (first 16 hex of SHA-1) instead of the unindexed userId column. Faster on large databases,
   * and visits of other users whose ids hash alike are dropped, but it misses visits when the
   * server does not derive visitorIds from userIds ({@code enable_userid_overwrites_visitorid = 0})
   * and visits tracked before the userId was set; off by default for that reason.
   *
   * @return false by default
   */
  @Value.Default
  public boolean hashUserIds() {
    return false;
  }

  /**
   * Whether a gzip-compressed answer is inflated on a second thread (one short-lived daemon
   * thread per response, a few 64 KiB chunks ahead of the reader), which overlaps inflating with
   * reading and mapping (about 12 % faster end to end, see docs/benchmarks.md). Switch it off
   * where a library may not start threads of its own; the answer is then inflated on the reading
   * thread.
   *
   * @return true by default
   */
  @Value.Default
  public boolean inflateOnSecondThread() {
    return true;
  }

  /**
   * The host's own HttpClient (proxy, TLS, executor). It must not follow redirects
   * ({@code Redirect.NEVER}, java.net.http's default); the client follows same-host redirects
   * itself. {@link MatomoClient#close()} leaves it open. Without one, the client builds its own.
   *
   * @return the injected client, if any
   */
  @Value.Auxiliary
  public abstract Optional<HttpClient> httpClient();

  /**
   * Receives progress and warnings.
   *
   * @return a listener that ignores everything by default
   */
  @Value.Default
  @Value.Auxiliary
  public MatomoClientListener listener() {
    return MatomoClientListener.NONE;
  }

  /**
   * How the client waits (retry backoff, rate limit); for tests.
   *
   * @return {@link Sleeper#SYSTEM} by default
   */
  @Value.Default
  @Value.Auxiliary
  public Sleeper sleeper() {
    return Sleeper.SYSTEM;
  }

  /**
   * The clock for the rate limit and HTTP-date {@code Retry-After}; for tests.
   *
   * @return the UTC system clock by default
   */
  @Value.Default
  @Value.Auxiliary
  public Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * Random numbers in {@code [0, 1)} for backoff jitter; for tests.
   *
   * @return {@link java.util.concurrent.ThreadLocalRandom} by default
   */
  @Value.Default
  @Value.Auxiliary
  public DoubleSupplier jitter() {
    return () -> ThreadLocalRandom.current().nextDouble();
  }

  /**
   * Where requests go: {@code index.php} below {@link #baseUrl()}.
   *
   * @return the endpoint
   */
  public URI endpoint() {
    String path = baseUrl().getRawPath();
    if (path == null || path.isEmpty()) {
      path = "/";
    }
    if (path.endsWith("/index.php")) {
      return baseUrl();
    }
    return baseUrl().resolve(path.endsWith("/") ? path + "index.php" : path + "/index.php");
  }

  /** Checks the values; see each attribute for its rule. */
  @Value.Check
  protected void check() {
    URI url = baseUrl();
    if (!url.isAbsolute() || url.getHost() == null) {
      throw new IllegalArgumentException("baseUrl must be an absolute URL with a host, got " + shown(url));
    }
    String scheme = url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new IllegalArgumentException("baseUrl must use https, got " + scheme + ": " + shown(url));
    }
    if (scheme.equals("http") && !allowInsecureHttp()) {
      throw new IllegalArgumentException(
          "baseUrl uses plain http, which would send the token in clear text; use https or set"
              + " allowInsecureHttp(true): " + shown(url));
    }
    if (url.getRawQuery() != null || url.getRawFragment() != null || url.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "baseUrl must not carry a query, a fragment or user info (nothing may travel in the URL)");
    }
    requirePositive("connectTimeout", connectTimeout());
    requirePositive("requestTimeout", requestTimeout());
    requirePositive("readTimeout", readTimeout());
    if (pageSize() < 1 || pageSize() > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException(
          "pageSize must be between 1 and " + MAX_PAGE_SIZE + ", was " + pageSize());
    }
    if (maxConcurrentRequests() < 1) {
      throw new IllegalArgumentException(
          "maxConcurrentRequests must be at least 1, was " + maxConcurrentRequests());
    }
    if (userAgent().isBlank() || userAgent().chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
      throw new IllegalArgumentException("userAgent must be non-blank printable text");
    }
    httpClient().ifPresent(client -> {
      if (client.followRedirects() != HttpClient.Redirect.NEVER) {
        throw new IllegalArgumentException(
            "the injected HttpClient follows redirects (" + client.followRedirects()
                + "); it must use Redirect.NEVER so the token never follows a redirect elsewhere");
      }
    });
  }

  /**
   * A refused base URL as messages show it: without user info, query or fragment, where a token
   * pasted by mistake would sit.
   */
  private static String shown(URI url) {
    StringBuilder text = new StringBuilder();
    if (url.getScheme() != null) {
      text.append(url.getScheme()).append(':');
    }
    if (url.getHost() != null) {
      text.append("//").append(url.getHost()).append(url.getPort() == -1 ? "" : ":" + url.getPort());
    } else if (url.getRawAuthority() != null || url.toString().startsWith(url.getScheme() + "://")) {
      text.append("//");
    }
    if (url.getRawPath() != null) {
      text.append(url.getRawPath());
    }
    if (url.getRawUserInfo() != null || url.getRawQuery() != null || url.getRawFragment() != null
        || (url.getHost() == null && url.getRawAuthority() != null)) {
      text.append(" (user info, query and fragment not shown)");
    }
    return text.toString();
  }

  private static void requirePositive(String name, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static ImmutableMatomoClientConfig.Builder builder() {
    return ImmutableMatomoClientConfig.builder();
  }
}
