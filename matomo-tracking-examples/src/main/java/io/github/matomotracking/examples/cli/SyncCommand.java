package io.github.matomotracking.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.matomotracking.client.MatomoException;
import io.github.matomotracking.sync.SyncReport;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/**
 * {@code sync}: the scheduled run. Refreshes every tracked visitor from its cursor (new visits
 * and updates of ongoing ones), then fetches the visits of contacts who clicked a marketing email
 * within the window and have no web session yet. Prints the run's report as JSON on standard
 * output.
 */
final class SyncCommand implements Command {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CliSettings settings;

  SyncCommand(CliSettings settings) {
    this.settings = settings;
  }

  @Override
  public String name() {
    return "sync";
  }

  @Override
  public String usage() {
    return "sync --url URL --site ID[,ID...|all] [--db JDBC_URL] [--now ISO_INSTANT]"
        + " [--lookups DIR] [--token-env VAR | --token-file FILE] [--insecure-http]";
  }

  @Override
  public int run(List<String> rawArgs, PrintStream out, PrintStream err) throws IOException {
    CliArgs args = CliArgs.parse(rawArgs, SyncSetup.options(Set.of()), ConnectionArgs.FLAGS);
    if (!args.positional().isEmpty()) {
      throw new UsageException("unexpected argument: " + args.positional().get(0));
    }
    try (SyncSetup setup = SyncSetup.open(args, settings)) {
      SyncReport report = setup.engine().runScheduled();
      out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(ReportJson.of(report)));
      ReportJson.printFailures(name(), List.of(report), err);
      err.printf("sync: %d identities, %d visits; sessions %d inserted, %d updated, %d unchanged;"
              + " %d requests, %d retries, %d failures%n",
          report.identities(), report.visits(), report.sessionsInserted(),
          report.sessionsUpdated(), report.sessionsUnchanged(), report.requests(),
          report.retries(), report.failures().size());
      return ReportJson.exitCode(List.of(report));
    } catch (MatomoException e) {
      err.println("sync: " + e.getMessage());
      return e.isRetryable() ? ExitCode.UNREACHABLE : ExitCode.MATOMO_ERROR;
    }
  }
}
