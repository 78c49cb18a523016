package io.github.matomotracking.examples.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The {@code matomo-tracking-cli.jar} entry point: {@code java -jar matomo-tracking-cli.jar
 * COMMAND [ARGS]}. Commands and exit codes are documented in the README.
 */
public final class MatomoTrackingCli {

  private final Map<String, Command> commands = new LinkedHashMap<>();

  /** The tool with every command, reading the token from the process environment. */
  public MatomoTrackingCli() {
    this(CliSettings.system());
  }

  /**
   * The tool with every command.
   *
   * @param environment where commands read environment variables (the token) from
   */
  public MatomoTrackingCli(Function<String, String> environment) {
    this(new CliSettings(environment, UnaryOperator.identity()));
  }

  MatomoTrackingCli(CliSettings settings) {
    register(new MapCommand());
    register(new FetchCommand(settings));
    register(new ImportCommand(settings));
    register(new SyncCommand(settings));
    register(new ExportCommand());
    register(new DemoCommand(settings));
  }

  private void register(Command command) {
    commands.put(command.name(), command);
  }

  /** Runs the tool and exits the JVM with its exit code. */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    int code = new MatomoTrackingCli().run(Arrays.asList(args), out, err);
    out.flush();
    System.exit(code);
  }

  /**
   * Runs one command line and returns its exit code, without exiting (for tests and embedding).
   */
  public int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.isEmpty() || args.get(0).equals("help") || args.get(0).equals("--help")) {
      printUsage(args.isEmpty() ? err : out);
      return args.isEmpty() ? ExitCode.USAGE : ExitCode.OK;
    }
    Command command = commands.get(args.get(0));
    if (command == null) {
      err.println("unknown command: " + args.get(0));
      printUsage(err);
      return ExitCode.USAGE;
    }
    try {
      return command.run(args.subList(1, args.size()), out, err);
    } catch (UsageException e) {
      err.println(command.name() + ": " + e.getMessage());
      err.println("usage: " + command.usage());
      return ExitCode.USAGE;
    } catch (Exception e) {
      err.println(command.name() + ": failed: " + e);
      return ExitCode.MATOMO_ERROR;
    } finally {
      out.flush();
    }
  }

  private void printUsage(PrintStream to) {
    to.println("usage: java -jar matomo-tracking-cli.jar COMMAND [ARGS]");
    for (Command command : commands.values()) {
      to.println("  " + command.usage());
    }
  }
}
