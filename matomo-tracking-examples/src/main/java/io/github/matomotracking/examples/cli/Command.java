package io.github.matomotracking.examples.cli;

import java.io.PrintStream;
import java.util.List;

/** One command of the command-line tool. */
interface Command {

  /** The command's name, as typed. */
  String name();

  /** One usage line, shown by {@code help} and after a usage error. */
  String usage();

  /**
   * Runs the command.
   *
   * @param args the arguments after the command name
   * @param out standard output (the command's data)
   * @param err standard error (progress, summaries, reasons)
   * @return the exit code, see {@link ExitCode}
   */
  int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
