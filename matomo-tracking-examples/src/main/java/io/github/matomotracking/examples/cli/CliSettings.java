package io.github.matomotracking.examples.cli;

import io.github.matomotracking.client.ImmutableMatomoClientConfig;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * What the commands take from their surroundings: environment variables (the token) and, for
 * tests and embedding, a last adjustment of every Matomo client configuration (for example a
 * sleeper that does not really wait between retries).
 *
 * @param environment reads an environment variable, null when unset
 * @param clientTuning applied to each client configuration before it is built
 * @param terminal whether standard output is a terminal (progress may then be redrawn in place)
 */
record CliSettings(
    Function<String, String> environment,
    UnaryOperator<ImmutableMatomoClientConfig.Builder> clientTuning,
    boolean terminal) {

  /** Settings whose standard output is not a terminal. */
  CliSettings(Function<String, String> environment,
      UnaryOperator<ImmutableMatomoClientConfig.Builder> clientTuning) {
    this(environment, clientTuning, false);
  }

  /** The process environment, clients as configured by the options. */
  static CliSettings system() {
    return new CliSettings(System.getenv()::get, UnaryOperator.identity(),
        System.console() != null);
  }
}
