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
 */
record CliSettings(
    Function<String, String> environment,
    UnaryOperator<ImmutableMatomoClientConfig.Builder> clientTuning) {

  /** The process environment, clients as configured by the options. */
  static CliSettings system() {
    return new CliSettings(System.getenv()::get, UnaryOperator.identity());
  }
}
