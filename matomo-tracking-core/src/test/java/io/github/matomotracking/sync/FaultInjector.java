package io.github.matomotracking.sync;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Decides, at named points of the ports and the source (before and after each call), whether to
 * fail. Two modes: throw a runtime exception at the n-th time one point is reached (a failure
 * the engine handles), or "kill the process" at the n-th point reached overall: throw
 * {@link SimulatedKill}, an {@link Error} the engine does not catch, and from then on fail every
 * point, as a dead process does nothing more.
 */
public final class FaultInjector {

  /** Stands in for the process being killed; an Error, so nothing handles it. */
  public static final class SimulatedKill extends Error {
    private static final long serialVersionUID = 1L;

    SimulatedKill(String point) {
      super("process killed at " + point);
    }
  }

  /** An injected runtime failure of a port. */
  public static final class InjectedFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * A failure.
     *
     * @param point where it was injected
     */
    public InjectedFault(String point) {
      super("injected failure at " + point);
    }
  }

  private final Map<String, Integer> reached = new HashMap<>();
  private int total;
  private String failPoint;
  private int failAt;
  private int failTimes;
  private Supplier<? extends RuntimeException> failure;
  private int killAt = -1;
  private boolean dead;
  private String killedAt;

  /**
   * Called by the wrappers at a point.
   *
   * @param point the point's name, such as {@code sink.upsert}
   */
  public synchronized void point(String point) {
    if (dead) {
      throw new SimulatedKill(point + " (after the kill at " + killedAt + ")");
    }
    total++;
    int n = reached.merge(point, 1, Integer::sum);
    if (total == killAt) {
      dead = true;
      killedAt = point;
      throw new SimulatedKill(point);
    }
    if (point.equals(failPoint) && n >= failAt && n < failAt + failTimes) {
      throw failure.get();
    }
  }

  /**
   * Fails the n-th time a point is reached from now on.
   *
   * @param point the point
   * @param nth from 1
   * @param exception the failure to throw
   * @return this
   */
  public synchronized FaultInjector failAt(String point, int nth,
      Supplier<? extends RuntimeException> exception) {
    return failAt(point, nth, 1, exception);
  }

  /**
   * Fails {@code times} times from the n-th time a point is reached from now on.
   *
   * @param point the point
   * @param nth from 1
   * @param times how many times in a row
   * @param exception the failure to throw
   * @return this
   */
  public synchronized FaultInjector failAt(String point, int nth, int times,
      Supplier<? extends RuntimeException> exception) {
    this.failPoint = point;
    this.failAt = reached.getOrDefault(point, 0) + nth;
    this.failTimes = times;
    this.failure = exception;
    return this;
  }

  /**
   * Kills the process at the n-th point reached from now on.
   *
   * @param nth from 1
   * @return this
   */
  public synchronized FaultInjector killAt(int nth) {
    this.killAt = total + nth;
    return this;
  }

  /**
   * Stops injecting (a restarted process), and forgets the counts.
   *
   * @return this
   */
  public synchronized FaultInjector off() {
    failPoint = null;
    killAt = -1;
    dead = false;
    reached.clear();
    total = 0;
    return this;
  }

  /**
   * How many points were reached since the last {@link #off()}.
   *
   * @return the count
   */
  public synchronized int total() {
    return total;
  }

  /**
   * How often a point was reached.
   *
   * @param point the point
   * @return the count
   */
  public synchronized int reached(String point) {
    return reached.getOrDefault(point, 0);
  }

  /**
   * Whether the kill happened.
   *
   * @return true once killed
   */
  public synchronized boolean killed() {
    return dead;
  }
}
