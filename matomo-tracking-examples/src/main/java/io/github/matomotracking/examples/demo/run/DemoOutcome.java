package io.github.matomotracking.examples.demo.run;

import io.github.matomotracking.sync.SyncReport;
import java.util.List;

/**
 * What a demo run did: the report of every engine run, in order, and the checks of the story
 * against the database.
 *
 * @param runs the engine's reports: each form import, then the two scheduled runs
 * @param checks the scenario checks (with a real Matomo, only the one that holds for any data)
 * @param sessions sessions stored at the end
 * @param actions actions stored at the end
 */
public record DemoOutcome(List<SyncReport> runs, List<ScenarioCheck> checks, long sessions,
    long actions) {

  /** Copies the lists. */
  public DemoOutcome {
    runs = List.copyOf(runs);
    checks = List.copyOf(checks);
  }

  /**
   * Whether every engine run succeeded.
   *
   * @return true without failures
   */
  public boolean runsSucceeded() {
    return runs.stream().allMatch(SyncReport::succeeded);
  }

  /**
   * Whether every check is OK.
   *
   * @return true when no check is NOT OK
   */
  public boolean checksOk() {
    return checks.stream().allMatch(ScenarioCheck::ok);
  }
}
