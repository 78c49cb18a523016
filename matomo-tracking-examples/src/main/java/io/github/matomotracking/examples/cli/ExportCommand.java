package io.github.matomotracking.examples.cli;

import io.github.matomotracking.examples.jdbc.ConnectionSource;
import io.github.matomotracking.examples.jdbc.JdbcSessionSink;
import io.github.matomotracking.model.WebAction;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code export}: prints the sessions and actions stored in the database as JSON Lines in the
 * {@code map} format, each line with the owning {@code contactId}; sessions in key order (site,
 * visit), each followed by its actions.
 */
final class ExportCommand implements Command {

  @Override
  public String name() {
    return "export";
  }

  @Override
  public String usage() {
    return "export [--db JDBC_URL]";
  }

  @Override
  public int run(List<String> rawArgs, PrintStream out, PrintStream err) {
    CliArgs args = CliArgs.parse(rawArgs, Set.of("db"), Set.of());
    if (!args.positional().isEmpty()) {
      throw new UsageException("unexpected argument: " + args.positional().get(0));
    }
    String url = existingH2(args.single("db").orElse(ConnectionSource.DEFAULT_H2_URL));
    ConnectionSource database = SyncSetup.database(url);
    JsonLinesWriter writer = new JsonLinesWriter(out);
    long[] counts = new long[2];
    new JdbcSessionSink(database).forEach(stored -> {
      Map<String, String> owner = Map.of("contactId", stored.contactId());
      writer.session(stored.session(), owner);
      for (WebAction action : stored.actions()) {
        writer.action(action, owner);
      }
      counts[0]++;
      counts[1] += stored.actions().size();
    });
    writer.flush();
    err.printf("export: %d sessions, %d actions%n", counts[0], counts[1]);
    return ExitCode.OK;
  }

  /** An H2 file URL that refuses to create a new, empty database (a mistyped path). */
  private static String existingH2(String url) {
    boolean h2File = url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:");
    return h2File && !url.toUpperCase(java.util.Locale.ROOT).contains("IFEXISTS")
        ? url + ";IFEXISTS=TRUE" : url;
  }
}
