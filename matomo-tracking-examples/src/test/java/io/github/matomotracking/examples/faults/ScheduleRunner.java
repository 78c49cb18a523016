package io.github.matomotracking.examples.faults;

import io.github.matomotracking.client.ImmutableMatomoClientConfig;
import io.github.matomotracking.client.MatomoClient;
import io.github.matomotracking.client.MatomoClientConfig;
import io.github.matomotracking.client.MatomoClientListener;
import io.github.matomotracking.client.MatomoException;
import io.github.matomotracking.client.MatomoRequestEvent;
import io.github.matomotracking.client.MatomoToken;
import io.github.matomotracking.client.RetryPolicy;
import io.github.matomotracking.examples.demo.DemoMatomoServer;
import io.github.matomotracking.examples.demo.DemoVisit;
import io.github.matomotracking.examples.faults.PointFaults.Family;
import io.github.matomotracking.examples.faults.PointFaults.SimulatedKill;
import io.github.matomotracking.examples.jdbc.ConnectionSource;
import io.github.matomotracking.examples.jdbc.JdbcLookupRepository;
import io.github.matomotracking.examples.jdbc.JdbcSessionSink;
import io.github.matomotracking.examples.jdbc.JdbcSyncStateStore;
import io.github.matomotracking.identify.EmailClick;
import io.github.matomotracking.identify.Identification;
import io.github.matomotracking.identify.IdentityKey;
import io.github.matomotracking.model.VisitKey;
import io.github.matomotracking.sync.SyncConfig;
import io.github.matomotracking.sync.SyncEngine;
import io.github.matomotracking.sync.SyncFailure;
import io.github.matomotracking.sync.SyncReport;
import io.github.matomotracking.sync.SyncStage;
import io.github.matomotracking.sync.VisitSource;
import io.github.matomotracking.testing.TestTokens;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs one fault schedule from start to end, and the undisturbed reference runs it is compared
 * with.
 *
 * <h2>A schedule</h2>
 *
 * <ol>
 *   <li>A fresh demo Matomo with the sample, a {@link FaultProxy} in front of it, and a fresh
 *       in-memory H2 database. The client talks to the proxy with 200 ms timeouts and a short
 *       retry policy whose waits go to a sleeper that only counts them.
 *   <li>The host's story, with one engine per "process": the import (each email click through
 *       {@code onEmailClick}, then every form submission through {@code onIdentifications}),
 *       the refresh, and the email-click sync. Meanwhile the proxy spoils answers, Matomo's table
 *       changes between pages, the ports fail, and the process is killed. After a kill a new
 *       process (new client, new engine, new ports on the same database) runs the interrupted
 *       step again, as a scheduler or a message queue would. Events whose recording failed are
 *       kept for redelivery, as the engine's documentation asks of the host.
 *   <li>The invariant ({@link CursorInvariant}) is checked after every injected port failure,
 *       every failed request the client saw, every kill and every step.
 *   <li>Then the faults stop, the table gets the changes that were not made yet, and the host
 *       runs fault-free: redelivers what is pending and runs the daily job
 *       ({@code runScheduled}), with a new process each time, until a run reports no failure
 *       (at most {@value #MAX_RERUNS} runs).
 *   <li>The database is compared, row for row, with the reference run of the same table
 *       changes.
 * </ol>
 */
final class ScheduleRunner {

  /** Reruns allowed before a schedule counts as not converging. */
  static final int MAX_RERUNS = 5;

  private static final String TOKEN = TestTokens.hex();
  private static final Duration SHORT = Duration.ofMillis(200);
  private static final Duration PATIENT = Duration.ofSeconds(20);
  private static final Duration STALL = Duration.ofMillis(1000);
  private static final int MAX_RESTARTS = 10;

  /** Stops the demo servers of finished schedules. */
  private static final ExecutorService CLOSER = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "fault-schedule-closer");
    thread.setDaemon(true);
    return thread;
  });

  private final Fixture fixture;

  ScheduleRunner(Fixture fixture) {
    this.fixture = fixture;
  }

  /**
   * What an undisturbed run stores, for one set of table changes.
   *
   * @param dump the database afterwards
   * @param points the fault points of each family it passed (kills are drawn in proportion)
   */
  record Reference(DatabaseDump dump, Map<Family, Integer> points) {}

  /**
   * The reference run of a variant: the table with all its changes from the start, no faults,
   * the engine's default batch sizes, the client's default page size; the import, the refresh,
   * the email-click sync, then the daily job once more (as every schedule ends with one).
   *
   * @param variant the table changes
   * @return the reference
   * @throws AssertionError when the undisturbed run fails, or stores less than it must
   */
  Reference reference(int variant) {
    try (World world = new World(null, variant, fixture.end(variant))) {
      fixture.mutations(variant).forEach(world::mutate);
      SyncConfig config = SyncConfig.builder().sites(List.of(1L, 2L)).maxConcurrency(1).build();
      List<SyncReport> reports = new ArrayList<>();
      try (Host host = world.host(config, null)) {
        world.importEvents(host, reports);
        reports.add(host.engine.refresh());
        world.invariant.userIdWindowStart(world.clock.instant().minus(config.emailClickWindow()));
        reports.add(host.engine.syncEmailClickContacts());
        reports.add(host.engine.runScheduled());
      }
      for (SyncReport report : reports) {
        if (!report.succeeded()) {
          throw new AssertionError("the reference run of variant " + variant + " failed: "
              + report.failures());
        }
      }
      if (!world.pendingClicks.isEmpty() || !world.pendingForms.isEmpty()) {
        throw new AssertionError("the reference run left events unrecorded");
      }
      List<String> violations = world.invariant.violations(world.matomo.values());
      if (!violations.isEmpty()) {
        throw new AssertionError("the reference run breaks the invariant: " + violations);
      }
      world.checkComplete(variant);
      return new Reference(DatabaseDump.of(world.database), Map.of(
          Family.PORT, world.faults.portCalls(), Family.JDBC, world.faults.statements(),
          Family.OTHER, world.faults.others()));
    }
  }

  /**
   * Runs a schedule and compares its outcome with the reference.
   *
   * @param schedule the schedule
   * @param reference the reference run of the schedule's table changes
   * @return what happened
   */
  ScheduleResult run(FaultSchedule schedule, Reference reference) {
    long started = System.nanoTime();
    try (World world = new World(schedule, schedule.mutationVariant(), fixture.start())) {
      SyncConfig config = SyncConfig.builder().sites(List.of(1L, 2L))
          .maxConcurrency(schedule.maxConcurrency())
          .identitiesPerRequest(schedule.identitiesPerRequest())
          .visitsPerWriteBatch(schedule.visitsPerWriteBatch())
          .cursorOverlap(Duration.ofSeconds(schedule.overlapSeconds()))
          .build();
      try {
        world.playStory(config);
      } catch (RuntimeException | Error e) {
        world.problem("the story threw " + e);
      }
      world.stopFaults();
      int reruns = 0;
      try {
        reruns = world.rerunUntilClean(config);
      } catch (RuntimeException | Error e) {
        world.problem("a fault-free rerun threw " + e);
      }
      world.check("after the reruns");
      DatabaseDump dump = DatabaseDump.of(world.database);
      int lost = 0;
      int duplicated = 0;
      int changed = 0;
      int cursorRows = 0;
      for (DatabaseDump.TableDiff diff : dump.diff(reference.dump())) {
        if (DatabaseDump.CURSOR_TABLES.contains(diff.table())) {
          cursorRows += diff.lost() + diff.duplicated() + diff.changedFrom().size();
        } else {
          lost += diff.lost();
          duplicated += diff.duplicated();
          changed += diff.changedFrom().size();
        }
        world.problem("differs from the reference: " + diff);
      }
      return new ScheduleResult(schedule, new TreeMap<>(world.httpFaults),
          world.faults.portFaultsByPoint(), world.faults.jdbcFaultsByPoint(),
          world.faults.killPoints(), new TreeMap<>(world.mutationsDuring),
          new TreeMap<>(world.clientFailures), new TreeMap<>(world.engineFailures),
          world.proxy.requests(), world.sleeps.get(), reruns, world.checks.get(),
          List.copyOf(world.violations), lost, duplicated, changed, cursorRows,
          List.copyOf(world.problems), List.copyOf(world.log),
          Duration.ofNanos(System.nanoTime() - started));
    }
  }

  /** One host process: a client and an engine over ports on the schedule's database. */
  private static final class Host implements AutoCloseable {
    final MatomoClient client;
    final SyncEngine engine;

    Host(MatomoClient client, SyncEngine engine) {
      this.client = client;
      this.engine = engine;
    }

    @Override
    public void close() {
      client.close();
    }
  }

  /** Everything one run works on. */
  private final class World implements AutoCloseable {

    final FaultSchedule schedule;
    final MutableClock clock;
    final DemoMatomoServer server;
    final Map<VisitKey, DemoVisit> matomo = new ConcurrentHashMap<>();
    final ConnectionSource database;
    final Connection keepAlive;
    final PointFaults faults;
    final CursorInvariant invariant;
    final FaultProxy proxy;
    final List<String> log = Collections.synchronizedList(new ArrayList<>());
    final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    final Set<String> violations = Collections.synchronizedSet(new LinkedHashSet<>());
    final Map<String, Integer> httpFaults = new ConcurrentHashMap<>();
    final Map<String, Integer> mutationsDuring = new ConcurrentHashMap<>();
    final Map<String, Integer> clientFailures = new ConcurrentHashMap<>();
    final Map<String, Integer> engineFailures = new ConcurrentHashMap<>();
    final AtomicInteger sleeps = new AtomicInteger();
    final AtomicInteger checks = new AtomicInteger();
    final List<EmailClick> pendingClicks;
    final List<Identification> pendingForms;
    final List<TableMutation> mutations;
    final SplittableRandom requestRandom;
    final SplittableRandom mutationRandom;
    final SplittableRandom jitterRandom;
    volatile boolean faultsOn;
    int nextMutation;
    int burstLeft;

    World(FaultSchedule schedule, int variant, Instant start) {
      this.schedule = schedule;
      this.clock = new MutableClock(start);
      this.mutations = fixture.mutations(variant);
      fixture.visits().forEach(v -> matomo.put(v.key(), v));
      this.server = DemoMatomoServer.builder(fixture.sample()).visits(fixture.extraVisits())
          .token(TOKEN).clock(clock).threads(4).start();
      String url = "jdbc:h2:mem:faults-" + UUID.randomUUID();
      try {
        this.keepAlive = DriverManager.getConnection(url);
      } catch (SQLException e) {
        server.close();
        throw new IllegalStateException("cannot open " + url, e);
      }
      this.database = ConnectionSource.url(url);
      this.faults = new PointFaults(schedule == null ? PointFaults.Plan.none() : schedule.points(),
          this::log);
      this.invariant = new CursorInvariant(database, fixture.visitorWindowStart());
      this.pendingClicks = new ArrayList<>(fixture.clicks());
      this.pendingForms = new ArrayList<>(fixture.forms());
      SplittableRandom streams = new SplittableRandom(schedule == null ? 0 : schedule.requestSeed());
      this.requestRandom = streams.split();
      this.mutationRandom = streams.split();
      this.jitterRandom = new SplittableRandom(schedule == null ? 1 : schedule.jitterSeed());
      this.faultsOn = schedule != null;
      this.proxy = schedule == null ? null : new FaultProxy(server.baseUrl(), this::onRequest,
          schedule.framing(), STALL, clock);
    }

    void log(String line) {
      log.add(line);
    }

    void problem(String problem) {
      problems.add(problem);
      log("PROBLEM " + problem);
    }

    // ---- the table -------------------------------------------------------------------------

    void mutate(TableMutation mutation) {
      clock.advanceTo(mutation.at());
      server.put(mutation.visit());
      matomo.put(mutation.visit().key(), mutation.visit());
    }

    /** The proxy's hook: maybe changes the table, then draws the request's fault. */
    synchronized HttpFault onRequest(int number, String method) {
      if (!faultsOn) {
        return null;
      }
      if (nextMutation < mutations.size() && mutationRandom.nextDouble() < schedule.mutationRate()) {
        TableMutation mutation = mutations.get(nextMutation++);
        mutate(mutation);
        mutationsDuring.merge(mutation.kind().label(), 1, Integer::sum);
        log("request " + number + ": Matomo's table changes first: " + mutation);
      }
      HttpFault fault = null;
      if (burstLeft > 0) {
        burstLeft--;
        fault = drawFault();
      } else if (requestRandom.nextDouble() < schedule.requestFaultRate()) {
        fault = drawFault();
        if (requestRandom.nextDouble() < schedule.burstRate()) {
          burstLeft = schedule.maxAttempts() - 1 + requestRandom.nextInt(2);
        }
      }
      if (fault != null) {
        httpFaults.merge(fault.kind().label(), 1, Integer::sum);
        log("request " + number + " (" + method + "): " + fault);
      }
      return fault;
    }

    private HttpFault drawFault() {
      double[] weights = {1, 1, 1, 1, 1, 1, 1, 1, 0.6, 1.4, 0.5};
      HttpFault.Kind[] kinds = HttpFault.Kind.values();
      double total = 0;
      for (double w : weights) {
        total += w;
      }
      double draw = requestRandom.nextDouble() * total;
      HttpFault.Kind kind = kinds[kinds.length - 1];
      for (int i = 0; i < kinds.length; i++) {
        draw -= weights[i];
        if (draw < 0) {
          kind = kinds[i];
          break;
        }
      }
      double position = requestRandom.nextDouble();
      return switch (kind) {
        case REFUSE -> new HttpFault(kind, position, -1, false,
            1 + requestRandom.nextInt(schedule.maxAttempts() + 1));
        case HTTP_429 -> {
          int pick = requestRandom.nextInt(10);
          yield pick < 7 ? new HttpFault(kind, position, 1 + requestRandom.nextInt(5), false, 0)
              : pick < 9 ? new HttpFault(kind, position, 2 + requestRandom.nextInt(5), true, 0)
              : new HttpFault(kind, position, 600, false, 0);
        }
        case HTTP_503 -> requestRandom.nextBoolean()
            ? new HttpFault(kind, position, 1 + requestRandom.nextInt(3), false, 0)
            : HttpFault.of(kind, position);
        default -> HttpFault.of(kind, position);
      };
    }

    // ---- processes -------------------------------------------------------------------------

    /**
     * A new process. With a config of a schedule while the faults are on: through the proxy,
     * with short timeouts and the schedule's settings; otherwise straight to the demo server.
     */
    Host host(SyncConfig config, FaultSchedule settings) {
      boolean throughProxy = settings != null && faultsOn;
      Runnable onFailure = () -> check("after a port call failed");
      ConnectionSource connections = FaultyConnections.of(database, faults);
      FaultyPorts.Sessions<JdbcSessionSink> sessions =
          new FaultyPorts.Sessions<>(faults, onFailure, new JdbcSessionSink(connections));
      ImmutableMatomoClientConfig.Builder client = MatomoClientConfig.builder()
          .baseUrl(throughProxy ? proxy.baseUrl() : server.baseUrl())
          .token(MatomoToken.of(TOKEN))
          .allowInsecureHttp(true)
          .connectTimeout(throughProxy ? SHORT : PATIENT)
          .requestTimeout(throughProxy ? SHORT : PATIENT)
          .readTimeout(throughProxy ? SHORT : PATIENT)
          .retryPolicy(new RetryPolicy(settings == null ? 4 : settings.maxAttempts(),
              Duration.ofMillis(10), Duration.ofMillis(200), true, Duration.ofSeconds(60)))
          .sleeper(duration -> sleeps.incrementAndGet())
          .clock(clock)
          .jitter(this::jitter)
          .listener(new ClientListener());
      if (settings != null) {
        client.pageSize(settings.pageSize());
      }
      MatomoClient matomo = MatomoClient.create(client.build());
      SyncEngine engine = SyncEngine.builder()
          .config(config)
          .source(new FaultyPorts.Source(faults, VisitSource.of(matomo)))
          .sink(sessions)
          .sessionStore(sessions)
          .state(new FaultyPorts.State(faults, onFailure, new JdbcSyncStateStore(connections)))
          .lookups(new FaultyPorts.Lookups(faults, onFailure,
              new JdbcLookupRepository(connections, fixture.lookupSeed())))
          .listener(new FaultyPorts.Listener(faults))
          .clock(clock)
          .build();
      return new Host(matomo, engine);
    }

    private synchronized double jitter() {
      return jitterRandom.nextDouble();
    }

    /** Sees every request of the client: a failed one is counted and followed by a check. */
    private final class ClientListener implements MatomoClientListener {
      @Override
      public void onRequest(MatomoRequestEvent event) {
        MatomoException failure = event.failure();
        if (failure != null) {
          if (proxy != null) {
            proxy.clientRequestFailed();
          }
          clientFailures.merge(failure.getClass().getSimpleName(), 1, Integer::sum);
          log("client: " + event.apiMethod() + " attempt " + event.attempt() + " failed: "
              + failure.getClass().getSimpleName() + (failure.isRetryable() ? "" : " (final)")
              + ": " + failure.getMessage().replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1"));
          check("after a failed request");
        }
        faults.pass(Family.OTHER, "client.onRequest");
      }

      @Override
      public void onRetry(String apiMethod, int attempt, Duration delay, MatomoException cause) {
        faults.pass(Family.OTHER, "client.onRetry");
      }
    }

    // ---- the story -------------------------------------------------------------------------

    void playStory(SyncConfig config) {
      Host[] host = {host(config, schedule)};
      try {
        step("import", config, host, h -> {
          List<SyncReport> reports = new ArrayList<>();
          importEvents(h, reports);
          return reports;
        });
        step("refresh", config, host, h -> List.of(h.engine.refresh()));
        invariant.userIdWindowStart(clock.instant().minus(config.emailClickWindow()));
        step("email-click sync", config, host, h -> List.of(h.engine.syncEmailClickContacts()));
      } finally {
        host[0].close();
      }
    }

    /** Runs a step; after a kill, in a new process, until it runs to its end. */
    private void step(String name, SyncConfig config, Host[] host,
        Function<Host, List<SyncReport>> body) {
      for (int restarts = 0; ; restarts++) {
        List<SyncReport> reports;
        try {
          reports = body.apply(host[0]);
        } catch (RuntimeException | Error e) {
          if (!isKill(e)) {
            throw e;
          }
          if (!(e instanceof SimulatedKill)) {
            problem(name + ": the kill reached the host wrapped in " + e);
          }
          log(name + ": the process died; a new one runs the step again");
          check("after a kill in " + name);
          if (restarts >= MAX_RESTARTS) {
            throw new IllegalStateException(name + " restarted " + restarts + " times");
          }
          host[0].close();
          faults.restart();
          host[0] = host(config, schedule);
          continue;
        }
        if (faults.dead()) {
          problem(name + ": the engine returned normally from a killed process (an Error was"
              + " swallowed)");
          host[0].close();
          faults.restart();
          host[0] = host(config, schedule);
        }
        reports.forEach(report -> noteReport(name, report));
        check("after " + name);
        return;
      }
    }

    private boolean isKill(Throwable e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof SimulatedKill) {
          return true;
        }
      }
      return false;
    }

    private void noteReport(String name, SyncReport report) {
      for (SyncFailure failure : report.failures()) {
        engineFailures.merge(failure.stage().name(), 1, Integer::sum);
      }
      log(name + ": " + report.flow() + " visits " + report.visits() + ", sessions "
          + report.sessionsInserted() + "+" + report.sessionsUpdated() + " (unchanged "
          + report.sessionsUnchanged() + "), requests " + report.requests() + ", retries "
          + report.retries() + (report.failures().isEmpty() ? "" : ", failures "
          + report.failures().stream().map(f -> f.stage() + " " + f.errorType() + " "
          + f.identities().size() + " identities").toList()));
    }

    /**
     * Delivers the pending events: each click (kept when it throws), then the pending form
     * submissions in one call (those whose identity has a state failure are kept, as the engine
     * asks the host to deliver them again).
     */
    void importEvents(Host host, List<SyncReport> reports) {
      Iterator<EmailClick> clicks = pendingClicks.iterator();
      while (clicks.hasNext()) {
        EmailClick click = clicks.next();
        try {
          host.engine.onEmailClick(click);
          clicks.remove();
        } catch (RuntimeException e) {
          log("import: the click " + click.key() + " was not recorded (" + e.getClass().getSimpleName()
              + "); the host delivers it again later");
        }
      }
      if (pendingForms.isEmpty()) {
        return;
      }
      SyncReport report = host.engine.onIdentifications(List.copyOf(pendingForms));
      reports.add(report);
      Set<IdentityKey> failed = new HashSet<>();
      for (SyncFailure failure : report.failures()) {
        if (failure.stage() == SyncStage.STATE) {
          failed.addAll(failure.identities());
        }
      }
      pendingForms.removeIf(form -> !failed.contains(form.identity()));
      if (!pendingForms.isEmpty()) {
        log("import: " + pendingForms.size() + " form submissions to deliver again later");
      }
    }

    void stopFaults() {
      synchronized (this) {
        faultsOn = false;
      }
      faults.disable();
      proxy.reopen();
      for (int i = nextMutation; i < mutations.size(); i++) {
        mutate(mutations.get(i));
        log("after the story: Matomo's table changes: " + mutations.get(i));
      }
      nextMutation = mutations.size();
      clock.advanceTo(fixture.end(schedule.mutationVariant()));
      check("after the faults stopped");
    }

    /** Fault-free runs of new processes until one reports no failure; returns how many. */
    int rerunUntilClean(SyncConfig config) {
      for (int rerun = 1; rerun <= MAX_RERUNS; rerun++) {
        try (Host host = host(config, schedule)) {
          List<SyncReport> reports = new ArrayList<>();
          importEvents(host, reports);
          reports.add(host.engine.runScheduled());
          boolean clean = pendingClicks.isEmpty() && pendingForms.isEmpty()
              && reports.stream().allMatch(SyncReport::succeeded);
          String name = "rerun " + rerun;
          reports.forEach(report -> noteReport(name, report));
          if (clean) {
            return rerun;
          }
        }
      }
      problem("no fault-free rerun succeeded in " + MAX_RERUNS + " tries");
      return MAX_RERUNS;
    }

    void check(String when) {
      checks.incrementAndGet();
      for (String violation : invariant.violations(matomo.values())) {
        if (violations.add(violation)) {
          problem(when + ": " + violation);
        }
      }
    }

    /** The reference must hold every visit it promises, with every action. */
    void checkComplete(int variant) {
      Set<VisitKey> unknown = new HashSet<>();
      fixture.mutations(variant).stream()
          .filter(m -> m.kind() == TableMutation.Kind.UNKNOWN_VISITOR)
          .forEach(m -> unknown.add(m.visit().key()));
      DatabaseDump dump = DatabaseDump.of(database);
      Map<VisitKey, Integer> actions = new TreeMap<>((a, b) -> a.siteId() != b.siteId()
          ? Long.compare(a.siteId(), b.siteId()) : Long.compare(a.visitId(), b.visitId()));
      for (List<Object> row : dump.rows("mt_web_action")) {
        actions.merge(VisitKey.of(((Number) row.get(0)).longValue(),
            ((Number) row.get(1)).longValue()), 1, Integer::sum);
      }
      for (DemoVisit visit : matomo.values()) {
        boolean tracked = fixture.visitorWindowStart().containsKey(visit.visitorId());
        if (tracked && actions.getOrDefault(visit.key(), 0) != visit.actions().size()) {
          throw new AssertionError("the reference run of variant " + variant + " stored visit "
              + visit.key() + " with " + actions.get(visit.key()) + " of "
              + visit.actions().size() + " actions");
        }
        if (unknown.contains(visit.key()) && actions.containsKey(visit.key())) {
          throw new AssertionError("the reference run stored the unknown visitor's visit "
              + visit.key());
        }
      }
    }

    @Override
    public void close() {
      if (proxy != null) {
        proxy.close();
      }
      // The JDK's HttpServer takes up to a second to stop (its dispatcher polls once a second):
      // stop it in the background rather than make every schedule wait.
      CLOSER.execute(server::close);
      try {
        keepAlive.close();
      } catch (SQLException e) {
        // The in-memory database goes away with its last connection either way.
      }
    }
  }
}
