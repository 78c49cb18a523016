package io.github.matomotracking.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.matomotracking.client.MatomoException;
import io.github.matomotracking.identify.Identification;
import io.github.matomotracking.sync.SyncEngine;
import io.github.matomotracking.sync.SyncReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code import}: records the form submissions and email clicks of a CSV file (see
 * {@link IdentityFile}) in time order, imports the history of every visitor it identifies (in
 * batches), then fetches the visits of the contacts who clicked within the email-click window and
 * have no web session yet. Prints a JSON summary on standard output.
 */
final class ImportCommand implements Command {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CliSettings settings;

  ImportCommand(CliSettings settings) {
    this.settings = settings;
  }

  @Override
  public String name() {
    return "import";
  }

  @Override
  public String usage() {
    return "import --url URL --site ID[,ID...|all] --identities FILE.csv [--db JDBC_URL]"
        + " [--now ISO_INSTANT] [--lookups DIR] [--token-env VAR | --token-file FILE]"
        + " [--insecure-http]";
  }

  @Override
  public int run(List<String> rawArgs, PrintStream out, PrintStream err) throws IOException {
    CliArgs args = CliArgs.parse(rawArgs, SyncSetup.options(Set.of("identities")),
        ConnectionArgs.FLAGS);
    if (!args.positional().isEmpty()) {
      throw new UsageException("unexpected argument: " + args.positional().get(0));
    }
    List<IdentityFile.Row> rows = IdentityFile.read(Path.of(args.required("identities")));
    try (SyncSetup setup = SyncSetup.open(args, settings)) {
      SyncEngine engine = setup.engine();
      List<Identification> identifications = new ArrayList<>();
      int clicks = 0;
      int newClicks = 0;
      for (IdentityFile.Row row : rows) {
        if (row instanceof IdentityFile.FormRow form) {
          identifications.add(form.identification());
        } else if (row instanceof IdentityFile.ClickRow click) {
          clicks++;
          if (engine.onEmailClick(click.click())) {
            newClicks++;
          }
        }
      }
      SyncReport history = engine.onIdentifications(identifications);
      SyncReport emailContacts = engine.syncEmailClickContacts();

      ObjectNode summary = JsonNodeFactory.instance.objectNode();
      summary.put("formSubmissions", identifications.size());
      summary.put("emailClicks", clicks);
      summary.put("emailClicksNew", newClicks);
      summary.set("history", ReportJson.of(history));
      summary.set("emailClickContacts", ReportJson.of(emailContacts));
      out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(summary));
      List<SyncReport> reports = List.of(history, emailContacts);
      ReportJson.printFailures(name(), reports, err);
      err.printf("import: %d form submissions (%d new identifications), %d email clicks (%d new);"
              + " sessions %d inserted, %d updated, %d unchanged; %d failures%n",
          identifications.size(), history.identificationsRecorded(), clicks, newClicks,
          history.sessionsInserted() + emailContacts.sessionsInserted(),
          history.sessionsUpdated() + emailContacts.sessionsUpdated(),
          history.sessionsUnchanged() + emailContacts.sessionsUnchanged(),
          history.failures().size() + emailContacts.failures().size());
      return ReportJson.exitCode(reports);
    } catch (MatomoException e) {
      err.println("import: " + e.getMessage());
      return e.isRetryable() ? ExitCode.UNREACHABLE : ExitCode.MATOMO_ERROR;
    }
  }
}
