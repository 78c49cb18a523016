package io.github.matomotracking.client;

import io.github.matomotracking.model.Visit;
import io.github.matomotracking.model.VisitWarning;
import java.lang.System.Logger.Level;
import java.net.http.HttpClient;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads visits from Matomo's {@code Live.getLastVisitsDetails}: authenticated by POST, paged
 * without loss, streamed, and retried when that can help.
 *
 * <pre>{@code
 * try (MatomoClient matomo = MatomoClient.create(config);
 *      Stream<Visit> visits = matomo.visits(query)) {
 *   visits.forEach(sink);
 * }
 * }</pre>
 *
 * <h2>What a query does</h2>
 *
 * <ul>
 *   <li>Each site is read on its own (for {@link Sites#all()} the viewable sites are looked up
 *       first). Identities become segments built by {@link SegmentBuilder}, split into as many
 *       requests as Matomo's segment length limit needs.
 *   <li>Each request is a POST to {@code index.php} with every parameter, the token included, in
 *       the form body; the URL carries nothing. Responses are asked for gzip and read while they
 *       arrive: memory does not grow with the response.
 *   <li>Pages are ordered by (last action second, idVisit) ascending and chained by
 *       {@code minTimestamp}, never by offset (offsets lose visits, matomo issue 16394). After a
 *       full page the next one starts one second before the page's last visit, so a second cut
 *       by the page boundary is read whole again. A full page whose visits all share one second
 *       {@code T} is followed by pages of {@code minTimestamp=T-1} AND {@code visitId>n} (the
 *       last idVisit received), using only visits of second {@code T}, until that second is
 *       exhausted. Visits come in ascending last-action order per site and segment chunk.
 *   <li>Only visits whose visitorId or userId is exactly one the query names are handed over:
 *       Matomo matches userIds under its database collation (usually ignoring case, accents and
 *       trailing spaces), so it may return look-alikes; they are dropped and counted in
 *       {@link FetchSummary#filteredOut()}.
 *   <li>A visit is handed over once per query; it comes again only if it changed (a later last
 *       action) while the query ran. Retries resume where the failed response stopped and never
 *       hand over a visit twice.
 * </ul>
 *
 * <p>Thread-safe: one client serves any number of threads. Each stream or fetch belongs to the
 * thread that consumes it and holds a concurrency slot while a response is open; close streams
 * (try-with-resources). Logs go to {@code System.Logger} {@code io.github.matomotracking.client.MatomoClient}
 * (DEBUG per request: method, site, page, status, duration), never with the token or a body.
 */
public final class MatomoClient implements AutoCloseable {

  private final MatomoClientConfig config;
  private final HttpClient http;
  private final boolean ownsHttpClient;
  private final Transport transport;
  private final Retrier retrier;
  private final SiteDirectory siteDirectory;
  private final Set<QueryRun> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private MatomoClient(MatomoClientConfig config) {
    this.config = config;
    this.ownsHttpClient = config.httpClient().isEmpty();
    this.http = config.httpClient().orElseGet(() -> HttpClient.newBuilder()
        .connectTimeout(config.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1)
        .build());
    ErrorResponses errors = new ErrorResponses(config.clock());
    this.transport = new Transport(config, http, errors);
    this.retrier = new Retrier(new Backoff(config.retryPolicy(), config.jitter()), config.sleeper(), config.listener());
    this.siteDirectory = new SiteDirectory(new SmallJsonCalls(transport, retrier, errors));
  }

  /**
   * A client for one Matomo server and token.
   *
   * @param config the checked configuration
   * @return the client; close it when done
   */
  public static MatomoClient create(MatomoClientConfig config) {
    return new MatomoClient(Objects.requireNonNull(config, "config"));
  }

  /**
   * The configuration this client runs with.
   *
   * @return the configuration
   */
  public MatomoClientConfig config() {
    return config;
  }

  /**
   * The visits a query selects, lazily: nothing is sent before the stream is consumed, and each
   * response is read while it arrives. Close the stream to abort an unfinished response.
   * Failures arrive as {@link MatomoException}s from the stream's terminal operation. The stream
   * never splits (asking for a parallel stream does not buffer pages).
   *
   * @param query what to fetch
   * @return the visits, in ascending last-action order per site and segment chunk
   * @throws IllegalStateException if the client is closed
   */
  public Stream<Visit> visits(VisitQuery query) {
    QueryRun run = start(query, warning -> {});
    Spliterator<Visit> oneAtATime = new Spliterators.AbstractSpliterator<>(
        Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
      @Override
      public boolean tryAdvance(Consumer<? super Visit> action) {
        if (!run.hasNext()) {
          return false;
        }
        action.accept(run.next());
        return true;
      }

      @Override
      public Spliterator<Visit> trySplit() {
        return null;
      }
    };
    return StreamSupport.stream(oneAtATime, false).onClose(run::close);
  }

  /**
   * Fetches every visit a query selects into {@code sink}, as it arrives.
   *
   * @param query what to fetch
   * @param sink receives each visit; an exception it throws aborts the fetch and is rethrown
   * @return what the fetch took and gave
   * @throws MatomoException when Matomo fails and retrying does not help
   */
  public FetchSummary fetch(VisitQuery query, Consumer<? super Visit> sink) {
    return fetch(query, sink, warning -> {});
  }

  /**
   * Fetches every visit a query selects into {@code sink}, and reader warnings (visit objects
   * that had to be skipped) into {@code warnings}.
   *
   * @param query what to fetch
   * @param sink receives each visit
   * @param warnings receives each warning (the listener gets them too)
   * @return what the fetch took and gave
   * @throws MatomoException when Matomo fails and retrying does not help
   */
  public FetchSummary fetch(VisitQuery query, Consumer<? super Visit> sink, Consumer<? super VisitWarning> warnings) {
    Objects.requireNonNull(sink, "sink");
    try (QueryRun run = start(query, warnings)) {
      while (run.hasNext()) {
        sink.accept(run.next());
      }
      return run.summary();
    }
  }

  /**
   * The site's time zone, from {@code SitesManager.getSiteFromId} (read once per site, then
   * cached). Understands IANA names and Matomo's manual offsets such as {@code UTC+5.5}. Usable
   * as the mapper's source of site zones: {@code client::siteTimeZone}.
   *
   * @param siteId the site
   * @return the zone, or empty when Matomo gave none that can be read
   * @throws MatomoException when Matomo fails (for example: no access to the site)
   */
  public Optional<ZoneId> siteTimeZone(long siteId) {
    requireOpen();
    return siteDirectory.timeZone(siteId);
  }

  /**
   * The sites the token can view ({@code SitesManager.getSitesIdWithAtLeastViewAccess}).
   *
   * @return the site ids
   * @throws MatomoException when Matomo fails
   */
  public List<Long> viewableSiteIds() {
    requireOpen();
    return siteDirectory.viewableSiteIds();
  }

  /**
   * Aborts the queries still open and releases the client's own HttpClient (closed on Java 21
   * and later, where HttpClient has {@code close()}; on Java 17 it is left to the garbage
   * collector). An HttpClient injected by the host is left open.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (QueryRun run : List.copyOf(open)) {
      run.close();
    }
    if (ownsHttpClient) {
      closeIfCloseable(http);
    }
  }

  @Override
  public String toString() {
    return "MatomoClient[" + Transport.origin(config.baseUrl()) + (closed ? ", closed" : "") + "]";
  }

  private QueryRun start(VisitQuery query, Consumer<? super VisitWarning> warnings) {
    Objects.requireNonNull(query, "query");
    requireOpen();
    Consumer<VisitWarning> both = warning -> {
      config.listener().onWarning(warning);
      warnings.accept(warning);
    };
    QueryRun[] self = new QueryRun[1];
    QueryRun run = new QueryRun(query, config, transport, new LiveResponseReader(), retrier, siteDirectory::viewableSiteIds,
        both, () -> open.remove(self[0]));
    self[0] = run;
    open.add(run);
    return run;
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("this MatomoClient is closed");
    }
  }

  private static void closeIfCloseable(HttpClient client) {
    Object candidate = client;
    if (candidate instanceof AutoCloseable) {
      try {
        ((AutoCloseable) candidate).close();
      } catch (Exception e) {
        Transport.LOG.log(Level.DEBUG, () -> "closing the HttpClient failed: " + e);
      }
    }
  }
}
