package io.github.matomotracking.sync;

import io.github.matomotracking.identify.ContactIdentifier;
import io.github.matomotracking.identify.DefaultContactIdentifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Plays {@link Scenario} steps against an engine over given ports, with a test clock and a
 * {@link TimelineSource}; injects faults, restarts, and exports what the ports hold.
 */
public final class EngineHarness {

  private final Supplier<SyncPorts> portFactory;
  private final TestClock clock = new TestClock(Instant.parse("2024-04-01T00:00:00Z"));
  private final TimelineSource source;
  private final FaultInjector faults = new FaultInjector();
  private SyncConfig config;
  private SyncListener listener = SyncListener.NONE;
  private ContactIdentifier identifier = new DefaultContactIdentifier();
  private List<Scenario.Step> steps = Scenario.steps();
  private List<io.github.matomotracking.identify.IdentityKey> identities = Scenario.identities();
  private java.util.function.UnaryOperator<VisitSource> sourceDecorator = s -> s;
  private volatile SyncEngine lastEngine;
  private int armStep = -1;
  private java.util.function.Consumer<FaultInjector> armer;

  /**
   * A harness with the story's visits.
   *
   * @param portFactory creates fresh, empty ports
   */
  public EngineHarness(Supplier<SyncPorts> portFactory) {
    this.portFactory = portFactory;
    this.source = new TimelineSource(clock, Map.of(Scenario.SITE, Scenario.PARIS,
        2L, java.time.ZoneId.of("America/New_York")));
    source.add(Scenario.visits().toArray(new TimelineVisit[0]));
    source.faults(faults);
    this.config = SyncConfig.builder().addSites(Scenario.SITE).identitiesPerRequest(2)
        .visitsPerWriteBatch(2).maxConcurrency(1).build();
  }

  /** The clock. */
  public TestClock clock() {
    return clock;
  }

  /** The source. */
  public TimelineSource source() {
    return source;
  }

  /** The fault injector. */
  public FaultInjector faults() {
    return faults;
  }

  /** Sets the configuration. */
  public EngineHarness config(SyncConfig newConfig) {
    this.config = newConfig;
    return this;
  }

  /** The configuration. */
  public SyncConfig config() {
    return config;
  }

  /** Sets the listener of engines built from now on. */
  public EngineHarness listener(SyncListener newListener) {
    this.listener = newListener;
    return this;
  }

  /** Sets the identification rules of engines built from now on. */
  public EngineHarness identifier(ContactIdentifier newIdentifier) {
    this.identifier = newIdentifier;
    return this;
  }

  /** Replaces the steps. */
  public EngineHarness steps(List<Scenario.Step> newSteps) {
    this.steps = List.copyOf(newSteps);
    return this;
  }

  /** The steps. */
  public List<Scenario.Step> steps() {
    return steps;
  }

  /** Replaces the identities exported. */
  public EngineHarness identities(List<io.github.matomotracking.identify.IdentityKey> newIds) {
    this.identities = List.copyOf(newIds);
    return this;
  }

  /** Wraps the source of engines built from now on. */
  public EngineHarness sourceDecorator(java.util.function.UnaryOperator<VisitSource> decorator) {
    this.sourceDecorator = decorator;
    return this;
  }

  /** Arms faults just before a step runs (in the first play that reaches it). */
  public EngineHarness armAt(int step, java.util.function.Consumer<FaultInjector> arming) {
    this.armStep = step;
    this.armer = arming;
    return this;
  }

  /** The engine built last. */
  public SyncEngine lastEngine() {
    return lastEngine;
  }

  /** Fresh ports. */
  public SyncPorts newPorts() {
    return portFactory.get();
  }

  /** A new engine over the ports (a fresh process). */
  public SyncEngine engine(SyncPorts ports) {
    lastEngine = SyncEngine.builder()
        .config(config)
        .source(sourceDecorator.apply(source))
        .sink(ports.sink())
        .sessionStore(ports.sessions())
        .state(ports.state())
        .lookups(ports.lookups())
        .identifier(identifier)
        .listener(listener)
        .clock(clock)
        .build();
    return lastEngine;
  }

  /** What playing the story returned, step by step, and where it stopped. */
  public record Played(List<Object> results, int stoppedAt, Throwable stoppedBy) {

    /** Whether every step ran to the end without a failure. */
    public boolean completed() {
      return stoppedAt < 0;
    }

    /** The reports of the steps that returned one. */
    public List<SyncReport> reports() {
      List<SyncReport> reports = new ArrayList<>();
      results.forEach(result -> {
        if (result instanceof SyncReport report) {
          reports.add(report);
        }
      });
      return reports;
    }
  }

  /**
   * Plays steps from {@code from} on with one engine; stops at the first step that throws or
   * reports a failure (or is cancelled).
   *
   * @param ports the ports
   * @param from the first step's index
   * @return the results
   */
  public Played play(SyncPorts ports, int from) {
    SyncEngine engine = engine(ports);
    List<Object> results = new ArrayList<>();
    for (int i = from; i < steps.size(); i++) {
      if (i == armStep && armer != null) {
        armer.accept(faults);
        armStep = -1;
      }
      Object result;
      try {
        result = steps.get(i).run(clock, engine);
      } catch (RuntimeException | FaultInjector.SimulatedKill e) {
        return new Played(results, i, e);
      }
      results.add(result);
      if (result instanceof SyncReport report && !report.succeeded()) {
        return new Played(results, i, null);
      }
    }
    return new Played(results, -1, null);
  }

  /**
   * Plays the whole story on fresh ports without faults.
   *
   * @return the ports and what the steps returned
   */
  public Outcome clean() {
    faults.off();
    SyncPorts ports = newPorts();
    Played played = play(ports, 0);
    if (!played.completed()) {
      String why = played.stoppedBy() != null ? played.stoppedBy().toString()
          : played.reports().get(played.reports().size() - 1).failures().toString();
      throw new AssertionError("the undisturbed story failed at step "
          + steps.get(played.stoppedAt()) + ": " + why, played.stoppedBy());
    }
    return new Outcome(ports, played, StoreExport.of(ports, identities));
  }

  /**
   * Plays the story on fresh ports with the faults armed by the caller; when a step fails or
   * the process is "killed", restarts: a new engine, faults off, the failed step again and the
   * rest of the story (the host delivers the failed event again, the scheduler runs the job
   * again).
   *
   * @return the ports, the first and the resumed play, and what the ports hold at the end
   */
  public Outcome faultedThenResumed() {
    SyncPorts ports = newPorts();
    Played first = play(ports.faulty(faults), 0);
    faults.off();
    Played resumed = first.completed() ? first : play(ports, first.stoppedAt());
    return new Outcome(ports, first, resumed, StoreExport.of(ports, identities));
  }

  /** The result of playing the story. */
  public record Outcome(SyncPorts ports, Played first, Played last, StoreExport export) {
    Outcome(SyncPorts ports, Played played, StoreExport export) {
      this(ports, played, played, export);
    }
  }

  /**
   * Counts the fault points a clean play of the story reaches.
   *
   * @return the number of points
   */
  public int countPoints() {
    faults.off();
    SyncPorts ports = newPorts();
    play(ports.faulty(faults), 0);
    int total = faults.total();
    faults.off();
    return total;
  }
}
