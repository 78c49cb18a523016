package io.github.matomotracking.examples.demo.run;

import io.github.matomotracking.sync.SyncBatch;
import io.github.matomotracking.sync.SyncListener;
import io.github.matomotracking.sync.SyncReport;
import java.io.PrintStream;
import java.util.Objects;

/**
 * Shows how far a run is, from the engine's {@link SyncListener} calls, as
 * {@code [scheduled run] 6/9 identities, 130 visits, 128 sessions}. On a terminal the line is
 * rewritten in place at every write batch and cleared at the end of the phase; elsewhere (a file,
 * a pipe, a test) one plain line is printed per identity batch, so logs stay readable.
 * Thread-safe: the engine calls it from the threads of its batches.
 */
final class ProgressLine implements SyncListener {

  private final PrintStream out;
  private final boolean live;
  private String phase = "";
  private long expected;
  private long identities;
  private long visits;
  private long sessions;
  private int drawn;
  private boolean printPlain;

  /**
   * A progress line.
   *
   * @param out where to print
   * @param live true to rewrite one line in place (stdout is a terminal)
   */
  ProgressLine(PrintStream out, boolean live) {
    this.out = Objects.requireNonNull(out, "out");
    this.live = live;
  }

  /**
   * Starts counting a phase.
   *
   * @param name the phase, shown in brackets
   * @param expectedIdentities identities the phase is expected to follow (0 when unknown)
   * @param plainLines whether to print a line per identity batch when not live
   */
  synchronized void begin(String name, long expectedIdentities, boolean plainLines) {
    phase = name;
    expected = expectedIdentities;
    identities = 0;
    visits = 0;
    sessions = 0;
    printPlain = plainLines;
  }

  /** Ends the phase: clears the live line. */
  synchronized void end() {
    if (live && drawn > 0) {
      out.print("\r" + " ".repeat(drawn) + "\r");
      out.flush();
      drawn = 0;
    }
  }

  @Override
  public synchronized void onWriteBatch(SyncBatch batch, int visitsInBatch, int written) {
    visits += visitsInBatch;
    sessions += written;
    if (live) {
      draw();
    }
  }

  @Override
  public synchronized void onBatchFinished(SyncBatch batch, SyncReport result) {
    identities += batch.identities().size();
    if (live) {
      draw();
    } else if (printPlain) {
      out.println(text());
    }
  }

  /** The current line, such as {@code [import] 3/9 identities, 40 visits, 38 sessions}. */
  synchronized String text() {
    String of = expected > 0 ? identities + "/" + Math.max(expected, identities) : Long.toString(identities);
    return "[" + phase + "] " + of + " identities, " + visits + " visits, " + sessions + " sessions";
  }

  private void draw() {
    String text = text();
    out.print("\r" + text + " ".repeat(Math.max(0, drawn - text.length())));
    out.flush();
    drawn = text.length();
  }
}
