package io.github.matomotracking.load;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.matomotracking.client.FetchSummary;
import io.github.matomotracking.client.MatomoClient;
import io.github.matomotracking.client.MatomoClientConfig;
import io.github.matomotracking.client.MatomoClientListener;
import io.github.matomotracking.client.MatomoException;
import io.github.matomotracking.client.MatomoRequestEvent;
import io.github.matomotracking.client.MatomoToken;
import io.github.matomotracking.client.RateLimit;
import io.github.matomotracking.client.RetryPolicy;
import io.github.matomotracking.client.VisitQuery;
import io.github.matomotracking.client.fake.FakeMatomo;
import io.github.matomotracking.model.Visit;
import io.github.matomotracking.model.VisitKey;
import io.github.matomotracking.testing.TestTokens;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One {@link MatomoClient} shared by 32 threads, each running random identity queries (one or two
 * sites, paged 7 visits at a time through crowded seconds, sometimes "updated since", through
 * {@code fetch}, a whole stream, or a stream closed early) against a loopback fake Matomo with a
 * small random latency and a share of injected faults (503, HTML 500, query time-outs, reset
 * connections, cut bodies), for a fixed time. Every query must yield exactly its oracle's visits,
 * once each; the token must not show in any log record or failure. After {@code close()} the
 * client must have given back its threads, connections, file descriptors and memory.
 *
 * <p>Short in the normal build (8 seconds); {@code -Psoak} ({@code -Dmatomo.soak=true}) runs it
 * for {@code matomo.soak.minutes} (10 by default) and samples resources every minute.
 */
class SharedClientLoadTest {

  private static final String TOKEN = TestTokens.hex();
  private static final int THREADS = 32;
  private static final boolean SOAK = Boolean.getBoolean("matomo.soak");
  private static final Duration RUN = SOAK
      ? Duration.ofMinutes(Long.getLong("matomo.soak.minutes", 10))
      : Duration.ofSeconds(Long.getLong("matomo.load.seconds", 8));
  private static final long SEED = Long.getLong("matomo.load.seed", 20_240_501L);
  private static final long HEAP_GROWTH_LIMIT = 32L * 1024 * 1024;
  private static final int FD_TOLERANCE = 8;

  @Test
  void thirty_two_threads_share_one_client_get_exactly_their_visits_and_closing_it_gives_everything_back()
      throws Exception {
    boolean proc = ResourceProbe.procAvailable();
    LoadTable table = new LoadTable(SEED);
    FakeMatomo fake = FakeMatomo.withToken(TOKEN);
    fake.reset().recordRequests(false).site(1, "UTC").site(2, "Europe/Paris").putAll(table.visits());
    FaultInjector faults = new FaultInjector(fake, Double.parseDouble(System.getProperty("matomo.load.faults",
        SOAK ? "0.03" : "0.05")), 3);
    WireMockServer server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()
        .containerThreads(64).disableRequestJournal().extensions(faults));
    server.start();
    server.stubFor(post(urlPathEqualTo("/index.php")).willReturn(aResponse().withTransformers(FaultInjector.NAME)));
    int port = server.port();

    warmUp(port);
    Set<Thread> threadsBefore = ResourceProbe.threads();
    long fdsBefore = ResourceProbe.fileDescriptors();
    long heapBefore = ResourceProbe.usedHeapAfterGc();
    assertThat(ResourceProbe.connectionsTo(port)).as("no connection before the run").isIn(0L, -1L);

    Counters counters = new Counters();
    List<String> samples = new ArrayList<>();
    List<Long> heapSamples = new ArrayList<>();
    ClientLogs logs = new ClientLogs();
    long started = System.nanoTime();
    AtomicReference<MatomoClient> shared = new AtomicReference<>(MatomoClient.create(MatomoClientConfig.builder()
        .baseUrl(URI.create("http://127.0.0.1:" + port + "/"))
        .allowInsecureHttp(true)
        .token(MatomoToken.of(TOKEN))
        .pageSize(7)
        .maxConcurrentRequests(12)
        .rateLimit(new RateLimit(6_000_000, 10_000))
        .retryPolicy(new RetryPolicy(8, Duration.ofMillis(1), Duration.ofMillis(20), true, Duration.ofSeconds(1)))
        .requestTimeout(Duration.ofSeconds(20))
        .readTimeout(Duration.ofSeconds(10))
        .listener(counters)
        .build()));
    long deadline = System.nanoTime() + RUN.toNanos();
    List<Thread> workers = new ArrayList<>();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    for (int i = 0; i < THREADS; i++) {
      Random random = new Random(SEED * 31 + i);
      AtomicLong done = counters.perWorker.get(i);
      Thread worker = new Thread(() -> work(shared.get(), table, random, deadline, counters, done, failures),
          "load-worker-" + i);
      worker.setDaemon(true);
      workers.add(worker);
    }
    workers.forEach(Thread::start);
    long sampleEvery = Duration.ofMinutes(1).toNanos();
    long nextSample = System.nanoTime() + sampleEvery;
    for (Thread worker : workers) {
      while (worker.isAlive() && System.nanoTime() < deadline + Duration.ofSeconds(90).toNanos()) {
        worker.join(1000);
        if (SOAK && System.nanoTime() >= nextSample) {
          nextSample += sampleEvery;
          long heap = ResourceProbe.usedHeapAfterGc();
          heapSamples.add(heap);
          samples.add(sample(started, port, counters, heap));
        }
      }
    }
    List<String> stuck = workers.stream().filter(Thread::isAlive).map(Thread::getName).collect(Collectors.toList());
    workers.forEach(Thread::interrupt);
    long httpClients = ResourceProbe.names(ResourceProbe.threads()).stream()
        .filter(name -> name.startsWith("HttpClient-") && name.endsWith("-SelectorManager")).count()
        - threadsBefore.stream().filter(t -> t.getName().endsWith("-SelectorManager")).count();
    long openDuringRun = ResourceProbe.connectionsTo(port);
    double seconds = (System.nanoTime() - started) / 1e9;

    // Drop every reference: on Java 17 the HttpClient's threads and connections end only once
    // it is unreachable (there is no HttpClient.close() before Java 21).
    shared.getAndSet(null).close();
    workers.clear();
    logs.close();
    List<Thread> clientThreadsLeft = awaitReleased(threadsBefore, port, SharedClientLoadTest::clientSide);
    long connectionsAfter = ResourceProbe.connectionsTo(port);
    long serverSideAfter = ResourceProbe.connectionsAt(port);
    server.stop();
    List<Thread> leftThreads = awaitReleased(threadsBefore, -1, thread -> true);
    long fdsAfter = ResourceProbe.fileDescriptors();
    long heapAfter = ResourceProbe.usedHeapAfterGc();

    System.out.printf("Load (%s): %d threads, %.1f s, %d queries (%d fetch, %d full stream, %d early-closed stream,"
            + " %d site-zone look-ups), %d visits checked, %d HTTP requests (%d faults injected: %s), %d retries,"
            + " %d look-alike visits filtered; one HttpClient (%d selector thread); connections open at the end of the"
            + " run %d, after close %d (server side %d); file descriptors %d -> %d; heap after GC %d KiB -> %d KiB;"
            + " seed %d%n",
        SOAK ? "soak" : "short", THREADS, seconds, counters.queries.get(), counters.fetches.get(), counters.streams.get(),
        counters.earlyClosed.get(), counters.zoneLookups.get(), counters.visits.get(), counters.requests.get(),
        faults.injected(), faults.injectedByKind(), counters.retries.get(), counters.filtered.get(), httpClients,
        openDuringRun, connectionsAfter, serverSideAfter, fdsBefore, fdsAfter, heapBefore / 1024, heapAfter / 1024, SEED);
    samples.forEach(line -> System.out.println("  sample " + line));

    assertThat(stuck).as("workers still running after the deadline").isEmpty();
    assertThat(failures).as("queries that did not get exactly their visits").isEmpty();
    assertThat(counters.perWorker).as("queries completed by each worker").allSatisfy(n -> assertThat(n.get()).isPositive());
    assertThat(faults.injected()).as("faults injected").isPositive();
    assertThat(counters.retries.get()).as("retries made").isPositive();
    assertThat(logs.records.get()).as("client log records captured").isPositive();
    assertThat(logs.leaks).as("log records or failures holding the token").isEmpty();
    assertThat(httpClients).as("one HttpClient serves all threads").isEqualTo(1);
    assertThat(ResourceProbe.names(new HashSet<>(clientThreadsLeft))).as("client threads left after close()").isEmpty();
    assertThat(ResourceProbe.names(new HashSet<>(leftThreads))).as("threads left after close() and the server's stop")
        .isEmpty();
    if (proc) {
      assertThat(connectionsAfter).as("client connections after close()").isZero();
      assertThat(fdsAfter).as("file descriptors after close()").isLessThanOrEqualTo(fdsBefore + FD_TOLERANCE);
    } else {
      System.out.println("No /proc here: connections and file descriptors were not checked.");
    }
    assertThat(heapAfter).as("heap in use after GC, end vs start").isLessThanOrEqualTo(heapBefore + HEAP_GROWTH_LIMIT);
    if (heapSamples.size() >= 2) {
      assertThat(heapSamples.get(heapSamples.size() - 1)).as("heap in use after GC while running, last vs first minute")
          .isLessThanOrEqualTo(heapSamples.get(0) + HEAP_GROWTH_LIMIT);
    }
  }

  /** One worker: random queries until the deadline, each checked against the oracle. */
  private static void work(MatomoClient client, LoadTable table, Random random, long deadline, Counters counters,
      AtomicLong done, ConcurrentLinkedQueue<String> failures) {
    while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
      VisitQuery query = table.randomQuery(random);
      Set<VisitKey> expected = table.expected(query);
      int how = random.nextInt(20);
      List<VisitKey> got = new ArrayList<>();
      try {
        if (how == 0) {
          long site = 1 + random.nextInt(2);
          Optional<ZoneId> zone = client.siteTimeZone(site);
          counters.zoneLookups.incrementAndGet();
          if (!zone.equals(Optional.of(site == 1 ? ZoneId.of("UTC") : ZoneId.of("Europe/Paris")))
              && !zone.map(z -> z.normalized().equals(ZoneId.of("UTC").normalized())).orElse(false)) {
            failures.add(Thread.currentThread().getName() + ": site " + site + " zone " + zone);
          }
          continue;
        }
        if (how <= 13) {
          FetchSummary summary = client.fetch(query, visit -> got.add(visit.key()));
          counters.fetches.incrementAndGet();
          counters.filtered.addAndGet(summary.filteredOut());
        } else if (how <= 17) {
          try (Stream<Visit> visits = client.visits(query)) {
            visits.forEach(visit -> got.add(visit.key()));
          }
          counters.streams.incrementAndGet();
        } else {
          int take = random.nextInt(Math.max(1, expected.size()));
          try (Stream<Visit> visits = client.visits(query)) {
            visits.limit(take).forEach(visit -> got.add(visit.key()));
          }
          counters.earlyClosed.incrementAndGet();
          Set<VisitKey> unique = new TreeSet<>(got);
          if (unique.size() != got.size() || !expected.containsAll(unique) || got.size() != Math.min(take, expected.size())) {
            failures.add(Thread.currentThread().getName() + ": early-closed stream of " + query + " gave " + got);
          }
          counters.queries.incrementAndGet();
          done.incrementAndGet();
          counters.visits.addAndGet(got.size());
          continue;
        }
      } catch (RuntimeException e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        failures.add(Thread.currentThread().getName() + ": " + query + " failed: " + trace);
        continue;
      }
      counters.queries.incrementAndGet();
      done.incrementAndGet();
      counters.visits.addAndGet(got.size());
      Set<VisitKey> unique = new TreeSet<>(got);
      if (unique.size() != got.size()) {
        failures.add(Thread.currentThread().getName() + ": a visit was handed over twice for " + query);
      }
      if (!unique.equals(expected)) {
        Set<VisitKey> extra = new TreeSet<>(unique);
        extra.removeAll(expected);
        Set<VisitKey> missing = new TreeSet<>(expected);
        missing.removeAll(unique);
        failures.add(Thread.currentThread().getName() + ": " + query + " extra " + extra + " missing " + missing);
      }
    }
  }

  /**
   * A few plain-socket requests first, so that the server's lazily started threads and the
   * classes they load exist before the baseline is taken (a throwaway MatomoClient would leave an
   * HttpClient to be collected first).
   */
  private static void warmUp(int port) {
    String body = "module=API&method=Live.getLastVisitsDetails&format=JSON&token_auth=" + TOKEN
        + "&idSite=1&filter_limit=7&filter_sort_order=asc";
    for (int i = 0; i < 3; i++) {
      try (Socket socket = new Socket("127.0.0.1", port)) {
        socket.getOutputStream().write(("POST /index.php HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length() + "\r\n\r\n"
            + body).getBytes(StandardCharsets.US_ASCII));
        socket.getInputStream().readAllBytes();
      } catch (IOException injectedFault) {
        // the fault injector resets some connections; the server's threads started all the same
      }
    }
  }

  /**
   * Collects garbage until no thread outside {@code before} that {@code counts} is alive and
   * (when {@code port} is given) no client connection to it is open, for at most 20 seconds
   * (java.net.http's selector thread notices an unreachable HttpClient within a few seconds on
   * Java 17, which has no {@code HttpClient.close()}); returns the counted threads still alive
   * that were not there before.
   */
  private static List<Thread> awaitReleased(Set<Thread> before, int port, Predicate<Thread> counts)
      throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    List<Thread> left;
    do {
      System.gc();
      Thread.sleep(200);
      left = ResourceProbe.threads().stream().filter(t -> !before.contains(t)).filter(counts)
          .collect(Collectors.toList());
    } while ((!left.isEmpty() || (port > 0 && ResourceProbe.connectionsTo(port) > 0)) && System.nanoTime() < until);
    return left;
  }

  /** Threads the client side may have started: java.net.http's, and the test's workers. */
  private static boolean clientSide(Thread thread) {
    return thread.getName().startsWith("HttpClient-") || thread.getName().startsWith("load-worker-");
  }

  private static String sample(long started, int port, Counters counters, long heap) {
    return String.format("t=%ds queries=%d requests=%d threads=%d fds=%d connections=%d heapAfterGc=%dKiB",
        (System.nanoTime() - started) / 1_000_000_000L, counters.queries.get(), counters.requests.get(),
        ResourceProbe.threads().size(), ResourceProbe.fileDescriptors(), ResourceProbe.connectionsTo(port),
        heap / 1024);
  }

  /** What the run did, counted by the listener and the workers. */
  private static final class Counters implements MatomoClientListener {
    final AtomicLong queries = new AtomicLong();
    final AtomicLong fetches = new AtomicLong();
    final AtomicLong streams = new AtomicLong();
    final AtomicLong earlyClosed = new AtomicLong();
    final AtomicLong zoneLookups = new AtomicLong();
    final AtomicLong visits = new AtomicLong();
    final AtomicLong requests = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    final AtomicLong filtered = new AtomicLong();
    final List<AtomicLong> perWorker = Stream.generate(AtomicLong::new).limit(THREADS).collect(Collectors.toList());

    @Override
    public void onRequest(MatomoRequestEvent event) {
      requests.incrementAndGet();
    }

    @Override
    public void onRetry(String apiMethod, int attempt, Duration delay, MatomoException cause) {
      retries.incrementAndGet();
    }
  }

  /** Captures the client's log records at every level and checks each for the token. */
  private static final class ClientLogs extends Handler {
    private final Logger logger = Logger.getLogger(MatomoClient.class.getName());
    private final Level previous = logger.getLevel();
    final AtomicLong records = new AtomicLong();
    final ConcurrentLinkedQueue<String> leaks = new ConcurrentLinkedQueue<>();

    ClientLogs() {
      setLevel(Level.ALL);
      logger.setLevel(Level.ALL);
      logger.addHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
      records.incrementAndGet();
      StringBuilder text = new StringBuilder(String.valueOf(record.getMessage()));
      for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
        text.append(' ').append(t);
      }
      if (text.indexOf(TOKEN) >= 0 || text.indexOf(TOKEN.substring(0, 12)) >= 0) {
        leaks.add(text.toString());
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
      logger.removeHandler(this);
      logger.setLevel(previous);
    }
  }
}
