package io.github.matomotracking.examples.demo.run;

import io.github.matomotracking.sync.SyncFlow;
import io.github.matomotracking.sync.SyncReport;
import java.io.PrintStream;
import java.util.List;

/**
 * The engine's reports as one table: the imports of the identification events added up in one
 * row, then one row per scheduled run. (Lookup additions are counted from the database instead:
 * two batches running at once may both apply the same new entry, and each counts it.)
 */
final class RunTable {

  private RunTable() {}

  static void print(PrintStream out, List<SyncReport> runs) {
    TextTable table = new TextTable("run", "#identities", "#visits", "#sessions new",
        "#updated", "#unchanged", "#actions new", "#updated", "#requests",
        "#failures");
    List<SyncReport> imports = runs.stream()
        .filter(r -> r.flow() == SyncFlow.IDENTIFICATION).toList();
    if (!imports.isEmpty()) {
      row(table, imports.size() == 1 ? "import" : "imports of " + imports.size() + " forms",
          imports);
    }
    int round = 0;
    for (SyncReport run : runs) {
      if (run.flow() != SyncFlow.IDENTIFICATION) {
        row(table, "scheduled run " + ++round, List.of(run));
      }
    }
    table.print(out);
  }

  private static void row(TextTable table, String name, List<SyncReport> reports) {
    table.row(name,
        sum(reports, SyncReport::identities),
        sum(reports, SyncReport::visits),
        sum(reports, SyncReport::sessionsInserted),
        sum(reports, SyncReport::sessionsUpdated),
        sum(reports, SyncReport::sessionsUnchanged),
        sum(reports, SyncReport::actionsInserted),
        sum(reports, SyncReport::actionsUpdated),
        sum(reports, SyncReport::requests),
        reports.stream().mapToLong(r -> r.failures().size()).sum());
  }

  private static long sum(List<SyncReport> reports, java.util.function.ToLongFunction<SyncReport> f) {
    return reports.stream().mapToLong(f).sum();
  }
}
