package io.github.matomotracking.examples.cli;

import io.github.matomotracking.client.MatomoClientConfig;
import io.github.matomotracking.client.MatomoException;
import io.github.matomotracking.client.MatomoToken;
import io.github.matomotracking.client.Sites;
import io.github.matomotracking.examples.demo.run.DemoMain;
import io.github.matomotracking.examples.demo.run.DemoOutcome;
import io.github.matomotracking.examples.jdbc.JdbcStoreException;
import io.github.matomotracking.identify.EmailClick;
import io.github.matomotracking.identify.FormSubmission;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code demo}: the whole pipeline end to end (see {@link DemoMain}). Without the environment
 * variables {@code MATOMO_URL}, {@code MATOMO_TOKEN} and {@code MATOMO_SITE} it starts an embedded
 * Matomo with a generated sample site; with all three it runs against that Matomo, with the
 * identification events of {@code --identities FILE.csv} (the {@code import} format). Prints the
 * progress and a plain-text report on standard output.
 */
final class DemoCommand implements Command {

  /** The variables that point the demo at a real Matomo. */
  static final List<String> VARIABLES = List.of("MATOMO_URL", "MATOMO_TOKEN", "MATOMO_SITE");

  /**
   * The library's loggers: the demo prints its own progress, so their per-run INFO lines are
   * held back while it runs (warnings still show). Kept here so the level is not lost to GC.
   */
  private static final java.util.logging.Logger LIBRARY_LOG =
      java.util.logging.Logger.getLogger("io.github.matomotracking");

  private final CliSettings settings;

  DemoCommand(CliSettings settings) {
    this.settings = settings;
  }

  @Override
  public String name() {
    return "demo";
  }

  @Override
  public String usage() {
    return "demo [--db JDBC_URL] [--seed N] [--now ISO_INSTANT] [--top N]"
        + " [--identities FILE.csv --insecure-http (with MATOMO_URL, MATOMO_TOKEN, MATOMO_SITE)]";
  }

  @Override
  public int run(List<String> rawArgs, PrintStream out, PrintStream err) {
    CliArgs args = CliArgs.parse(rawArgs, Set.of("db", "seed", "now", "top", "identities"),
        Set.of("insecure-http"));
    if (!args.positional().isEmpty()) {
      throw new UsageException("unexpected argument: " + args.positional().get(0));
    }
    DemoMain.Builder demo = DemoMain.builder().liveProgress(settings.terminal());
    args.single("db").ifPresent(url -> {
      if (!url.startsWith("jdbc:")) {
        throw new UsageException("--db wants a JDBC URL such as " + DemoMain.DEFAULT_DATABASE
            + ", got: " + url);
      }
      demo.database(url);
    });
    args.single("seed").ifPresent(seed -> demo.seed(number("--seed", seed)));
    args.single("now").ifPresent(now -> demo.now(instant(now)));
    args.single("top").ifPresent(top -> {
      long value = number("--top", top);
      if (value < 1 || value > 1000) {
        throw new UsageException("--top wants 1 to 1000, got: " + top);
      }
      demo.top((int) value);
    });
    List<String> set = VARIABLES.stream().filter(this::isSet).toList();
    if (set.isEmpty()) {
      if (args.single("identities").isPresent() || args.flag("insecure-http")) {
        throw new UsageException("--identities and --insecure-http are for a real Matomo: set "
            + String.join(", ", VARIABLES) + " first (without them the demo runs its own Matomo)");
      }
    } else {
      demo.realMatomo(realMatomo(args, set));
    }
    DemoOutcome outcome;
    java.util.logging.Level level = LIBRARY_LOG.getLevel();
    LIBRARY_LOG.setLevel(java.util.logging.Level.WARNING);
    try {
      outcome = demo.build().run(out);
    } catch (MatomoException e) {
      err.println("demo: " + e.getMessage());
      return e.isRetryable() ? ExitCode.UNREACHABLE : ExitCode.MATOMO_ERROR;
    } catch (JdbcStoreException e) {
      err.println("demo: the database failed: " + e.getMessage());
      return ExitCode.MATOMO_ERROR;
    } finally {
      LIBRARY_LOG.setLevel(level);
    }
    if (!outcome.runsSucceeded()) {
      ReportJson.printFailures(name(), outcome.runs(), err);
      return ReportJson.exitCode(outcome.runs());
    }
    if (!outcome.checksOk()) {
      outcome.checks().stream().filter(check -> !check.ok())
          .forEach(check -> err.println("demo: " + check.line()));
      return ExitCode.CHECK_FAILED;
    }
    return ExitCode.OK;
  }

  private boolean isSet(String variable) {
    String value = settings.environment().apply(variable);
    return value != null && !value.isBlank();
  }

  private DemoMain.RealMatomo realMatomo(CliArgs args, List<String> set) {
    if (set.size() < VARIABLES.size()) {
      List<String> missing = new ArrayList<>(VARIABLES);
      missing.removeAll(set);
      throw new UsageException("to run against a real Matomo set all of " + VARIABLES
          + "; missing: " + missing + " (unset them all to run the embedded Matomo)");
    }
    String file = args.single("identities").orElseThrow(() -> new UsageException(
        "with a real Matomo the demo needs the identification events: --identities FILE.csv"
            + " with the header " + IdentityFile.HEADER + " (form_submit rows with the visitorId of"
            + " the form's TrackingUserId field, email_click rows with the contact id)"));
    List<FormSubmission> forms = new ArrayList<>();
    List<EmailClick> clicks = new ArrayList<>();
    for (IdentityFile.Row row : IdentityFile.read(Path.of(file))) {
      if (row instanceof IdentityFile.FormRow form) {
        forms.add(form.submission());
      } else if (row instanceof IdentityFile.ClickRow click) {
        clicks.add(click.click());
      }
    }
    MatomoClientConfig config;
    try {
      config = settings.clientTuning().apply(MatomoClientConfig.builder()
          .baseUrl(URI.create(settings.environment().apply("MATOMO_URL").trim()))
          .token(MatomoToken.of(settings.environment().apply("MATOMO_TOKEN").trim()))
          .allowInsecureHttp(args.flag("insecure-http")))
          .build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new UsageException("MATOMO_URL: " + e.getMessage());
    }
    return new DemoMain.RealMatomo(config, sites(settings.environment().apply("MATOMO_SITE")),
        forms, clicks);
  }

  private static Sites sites(String spec) {
    String text = spec.trim();
    if (text.equalsIgnoreCase("all")) {
      return Sites.all();
    }
    String[] parts = text.split(",");
    long[] ids = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        ids[i] = Long.parseLong(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new UsageException("MATOMO_SITE wants ID[,ID...] or all, got: " + spec);
      }
      if (ids[i] < 1) {
        throw new UsageException("MATOMO_SITE: site ids start at 1, got: " + spec);
      }
    }
    return Sites.of(ids);
  }

  private static long number(String option, String text) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new UsageException(option + " wants a whole number, got: " + text);
    }
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new UsageException("--now wants an ISO instant such as 2025-04-10T14:00:00Z, got: "
          + text);
    }
  }
}
