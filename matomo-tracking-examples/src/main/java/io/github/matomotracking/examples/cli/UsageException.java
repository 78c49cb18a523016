package io.github.matomotracking.examples.cli;

/** Wrong use of the command line: the tool prints the message and the usage, and exits 1. */
final class UsageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
