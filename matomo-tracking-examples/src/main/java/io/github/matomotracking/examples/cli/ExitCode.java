package io.github.matomotracking.examples.cli;

/** The command-line tool's exit codes, a public contract documented in the README. */
final class ExitCode {

  /** Success (warnings about single visits allowed). */
  static final int OK = 0;
  /** Wrong usage. */
  static final int USAGE = 1;
  /** Matomo answered with an error, or an input is not a Live response. */
  static final int MATOMO_ERROR = 2;
  /** The server could not be reached or kept failing after the retries. */
  static final int UNREACHABLE = 3;
  /** The demo ran, but a check of its stored data is NOT OK. */
  static final int CHECK_FAILED = 4;

  private ExitCode() {}
}
