package io.github.matomotracking.examples.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.matomotracking.client.FetchSummary;
import io.github.matomotracking.client.ImmutableMatomoClientConfig;
import io.github.matomotracking.client.ImmutableVisitQuery;
import io.github.matomotracking.client.MatomoClient;
import io.github.matomotracking.client.MatomoException;
import io.github.matomotracking.client.VisitQuery;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * {@code fetch}: asks Matomo for the visits of some visitors or users and prints each visit
 * received, as Matomo sent it (one compact JSON object per line), in the order received and each
 * once; a one-line summary goes to standard error.
 */
final class FetchCommand implements Command {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> OWN =
      Set.of("visitor-id", "user-id", "since", "until", "min-timestamp", "page-size");

  private final CliSettings settings;

  FetchCommand(CliSettings settings) {
    this.settings = settings;
  }

  @Override
  public String name() {
    return "fetch";
  }

  @Override
  public String usage() {
    return "fetch --url URL --site ID[,ID...|all] (--visitor-id ID | --user-id ID)..."
        + " [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--min-timestamp N] [--page-size N]"
        + " [--token-env VAR | --token-file FILE] [--insecure-http]";
  }

  @Override
  public int run(List<String> rawArgs, PrintStream out, PrintStream err) throws IOException {
    CliArgs args = CliArgs.parse(
        rawArgs, ConnectionArgs.with(ConnectionArgs.VALUED, OWN), ConnectionArgs.FLAGS);
    if (!args.positional().isEmpty()) {
      throw new UsageException("unexpected argument: " + args.positional().get(0));
    }
    VisitQuery query = query(args);
    ImmutableMatomoClientConfig.Builder config = ConnectionArgs.client(args, settings);
    args.single("page-size").ifPresent(size -> config.pageSize(positiveInt("page-size", size)));

    JsonGenerator json = JSON.getFactory().createGenerator(out, JsonEncoding.UTF8);
    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    try (MatomoClient client = MatomoClient.create(ConnectionArgs.build(config, settings))) {
      FetchSummary summary = client.fetch(query, visit -> {
        try {
          JSON.writeTree(json, visit.raw());
          json.writeRaw('\n');
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      json.flush();
      err.printf("fetch: %d requests, %d pages, %d visits, %d retries%n",
          summary.requests(), summary.pages(), summary.visits(), summary.retries());
      return ExitCode.OK;
    } catch (MatomoException e) {
      json.flush();
      err.println("fetch: " + e.getMessage());
      return e.isRetryable() ? ExitCode.UNREACHABLE : ExitCode.MATOMO_ERROR;
    }
  }

  private static VisitQuery query(CliArgs args) {
    ImmutableVisitQuery.Builder query = VisitQuery.builder().sites(ConnectionArgs.sites(args));
    try {
      args.all("visitor-id").forEach(query::addVisitorIds);
      args.all("user-id").forEach(query::addUserIds);
      args.single("since").map(d -> date("since", d)).ifPresent(query::since);
      args.single("until").map(d -> date("until", d)).ifPresent(query::until);
      args.single("min-timestamp").map(n -> nonNegativeLong("min-timestamp", n))
          .ifPresent(query::minTimestamp);
      VisitQuery built = query.build();
      if (!built.hasIdentities()) {
        throw new UsageException("give at least one --visitor-id or --user-id");
      }
      return built;
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private static LocalDate date(String option, String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new UsageException("--" + option + " wants YYYY-MM-DD, got: " + value);
    }
  }

  private static int positiveInt(String option, String value) {
    try {
      int number = Integer.parseInt(value);
      if (number > 0) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException("--" + option + " wants a positive number, got: " + value);
  }

  private static long nonNegativeLong(String option, String value) {
    try {
      long number = Long.parseLong(value);
      if (number >= 0) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException("--" + option + " wants a number of seconds, got: " + value);
  }
}
