package io.github.matomotracking.examples.faults;

import io.github.matomotracking.examples.jdbc.JdbcStoreException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Decides, at the named points a schedule's decorators pass (port calls before and after they
 * return, JDBC statements, listener callbacks, visits handed over), whether to fail there. Three
 * counters run from the start of the schedule and go on across restarts:
 *
 * <ul>
 *   <li>port calls ({@code sink.upsert}, {@code state.saveCursor.done} ...): each fails with the
 *       schedule's probability, drawn from its own random stream; the decorator then throws a
 *       {@link JdbcStoreException}, as a failing database would;
 *   <li>JDBC statements and commits: each fails with the schedule's probability, drawn from
 *       another stream; the statement throws an {@link SQLException} inside the port's
 *       transaction, which the port must roll back;
 *   <li>at the points the schedule drew (the n-th point of a family), the process is
 *       "killed": a {@link SimulatedKill} (an {@link Error}, which the engine does not catch) is
 *       thrown, and every later point throws it too until {@link #restart()}, as a dead process
 *       does nothing more.
 * </ul>
 *
 * With one engine thread the points come in the same order on every run, so a seed replays the
 * same failures. Thread-safe.
 */
final class PointFaults {

  /** Which counter a point belongs to. */
  enum Family {
    /** A call of a port of the host (sink, session store, state store, lookups). */
    PORT,
    /** A JDBC statement run by a port. */
    JDBC,
    /** Anything else: listener callbacks, visits handed over, time-zone calls. */
    OTHER
  }

  /** Stands in for the process being killed: an Error nothing in the engine handles. */
  static final class SimulatedKill extends Error {
    private static final long serialVersionUID = 1L;

    SimulatedKill(String message) {
      super(message);
    }
  }

  /**
   * Where a kill strikes.
   *
   * @param family the family whose points are counted
   * @param nth the number of the point in its family, from 1
   */
  record Kill(Family family, int nth) {
    @Override
    public String toString() {
      return family.name().toLowerCase(Locale.ROOT) + " point " + nth;
    }
  }

  /** What a schedule asked for: failure rates, their random streams, and the kill points. */
  record Plan(double portRate, long portSeed, double jdbcRate, long jdbcSeed, Set<Kill> kills) {
    Plan {
      kills = Set.copyOf(kills);
    }

    /** Nothing fails. */
    static Plan none() {
      return new Plan(0, 0, 0, 0, Set.of());
    }
  }

  private final Plan plan;
  private final SplittableRandom portRandom;
  private final SplittableRandom jdbcRandom;
  private final Consumer<String> log;
  private boolean enabled = true;
  private int all;
  private int ports;
  private int statements;
  private int others;
  private boolean dead;
  private String killedAt;
  private final TreeMap<String, Integer> portFaultsByPoint = new TreeMap<>();
  private final TreeMap<String, Integer> jdbcFaultsByPoint = new TreeMap<>();
  private final List<String> killPoints = new ArrayList<>();

  /**
   * An injector.
   *
   * @param plan where to fail
   * @param log receives a line per failure and kill
   */
  PointFaults(Plan plan, Consumer<String> log) {
    this.plan = plan;
    this.portRandom = new SplittableRandom(plan.portSeed());
    this.jdbcRandom = new SplittableRandom(plan.jdbcSeed());
    this.log = log;
  }

  /**
   * Passes a point; throws when the plan says so.
   *
   * @param family the point's counter
   * @param point its name
   * @throws SimulatedKill at a kill, and at every point after it until {@link #restart()}
   * @throws JdbcStoreException at a planned port failure
   */
  void pass(Family family, String point) {
    if (decide(family, point)) {
      throw new JdbcStoreException(point + " (injected fault)",
          new SQLException("injected failure at " + point, "08006"));
    }
  }

  /**
   * Passes a JDBC statement point.
   *
   * @param point its name
   * @throws SQLException at a planned statement failure
   */
  void passStatement(String point) throws SQLException {
    if (decide(Family.JDBC, point)) {
      throw new SQLException("injected failure of a JDBC statement: " + point, "08006");
    }
  }

  /** Decides; true means "fail here with the family's failure". */
  private synchronized boolean decide(Family family, String point) {
    if (!enabled) {
      return false;
    }
    if (dead) {
      throw new SimulatedKill("process already dead (killed at " + killedAt + "), reached " + point);
    }
    all++;
    int nth = switch (family) {
      case PORT -> ++ports;
      case JDBC -> ++statements;
      case OTHER -> ++others;
    };
    if (plan.kills().contains(new Kill(family, nth))) {
      dead = true;
      killedAt = point + " (" + new Kill(family, nth) + ")";
      killPoints.add(point);
      log.accept("point " + all + " " + point + ": KILL");
      throw new SimulatedKill("process killed at " + killedAt);
    }
    if (family == Family.PORT) {
      if (plan.portRate() > 0 && portRandom.nextDouble() < plan.portRate()) {
        portFaultsByPoint.merge(point, 1, Integer::sum);
        log.accept("port call " + nth + " " + point + ": store failure");
        return true;
      }
    }
    if (family == Family.JDBC) {
      if (plan.jdbcRate() > 0 && jdbcRandom.nextDouble() < plan.jdbcRate()) {
        jdbcFaultsByPoint.merge(point, 1, Integer::sum);
        log.accept("JDBC call " + nth + " " + point + ": SQLException");
        return true;
      }
    }
    return false;
  }

  /** A new process starts: points pass again (the counters go on). */
  synchronized void restart() {
    dead = false;
  }

  /** Stops injecting for good (the fault-free reruns). */
  synchronized void disable() {
    enabled = false;
    dead = false;
  }

  /** Whether the process is dead. */
  synchronized boolean dead() {
    return dead;
  }

  /** Port calls passed so far. */
  synchronized int portCalls() {
    return ports;
  }

  /** JDBC statements passed so far. */
  synchronized int statements() {
    return statements;
  }

  /** Other points passed so far (listener callbacks, visits handed over, requests). */
  synchronized int others() {
    return others;
  }

  /** Port failures injected, by point. */
  synchronized TreeMap<String, Integer> portFaultsByPoint() {
    return new TreeMap<>(portFaultsByPoint);
  }

  /** JDBC statement failures injected, by point. */
  synchronized TreeMap<String, Integer> jdbcFaultsByPoint() {
    return new TreeMap<>(jdbcFaultsByPoint);
  }

  /** Where each kill struck. */
  synchronized List<String> killPoints() {
    return List.copyOf(killPoints);
  }
}
