package io.github.matomotracking.examples.cli;

import io.github.matomotracking.client.ImmutableMatomoClientConfig;
import io.github.matomotracking.client.MatomoClientConfig;
import io.github.matomotracking.client.MatomoToken;
import io.github.matomotracking.client.Sites;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The options every command that talks to Matomo shares: {@code --url}, {@code --site},
 * {@code --token-env VAR | --token-file FILE} (default: the {@code MATOMO_TOKEN} variable) and
 * {@code --insecure-http}. The token is read here and only handed to the client; it is never
 * printed.
 */
final class ConnectionArgs {

  /** Options taking a value. */
  static final Set<String> VALUED = Set.of("url", "site", "token-env", "token-file");
  /** Switches. */
  static final Set<String> FLAGS = Set.of("insecure-http");
  /** The variable the token is read from by default. */
  static final String DEFAULT_TOKEN_VARIABLE = "MATOMO_TOKEN";

  private ConnectionArgs() {}

  /** Both sets of options plus the command's own. */
  static Set<String> with(Set<String> base, Set<String> own) {
    return Stream.concat(base.stream(), own.stream()).collect(java.util.stream.Collectors.toSet());
  }

  /** The sites of {@code --site}: {@code 1}, {@code 1,2} or {@code all}. */
  static Sites sites(CliArgs args) {
    String spec = args.required("site").trim();
    if (spec.equalsIgnoreCase("all")) {
      return Sites.all();
    }
    String[] parts = spec.split(",");
    long[] ids = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        ids[i] = Long.parseLong(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new UsageException("--site wants ID[,ID...] or all, got: " + spec);
      }
      if (ids[i] < 1) {
        throw new UsageException("--site: site ids start at 1, got: " + ids[i]);
      }
    }
    return Sites.of(ids);
  }

  /** A client configuration builder with the URL, token and transport security set. */
  static ImmutableMatomoClientConfig.Builder client(CliArgs args, CliSettings settings) {
    URI url;
    try {
      url = URI.create(args.required("url").trim());
    } catch (IllegalArgumentException e) {
      throw new UsageException("--url is not a URL: " + e.getMessage());
    }
    try {
      return MatomoClientConfig.builder()
          .baseUrl(url)
          .token(token(args, settings.environment()))
          .allowInsecureHttp(args.flag("insecure-http"));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /**
   * Applies the settings' tuning and validates the configuration now, so a bad URL is a usage
   * error rather than a failure.
   */
  static MatomoClientConfig build(ImmutableMatomoClientConfig.Builder builder, CliSettings settings) {
    try {
      return settings.clientTuning().apply(builder).build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private static MatomoToken token(CliArgs args, Function<String, String> environment) {
    if (args.single("token-env").isPresent() && args.single("token-file").isPresent()) {
      throw new UsageException("give --token-env or --token-file, not both");
    }
    String value;
    String origin;
    if (args.single("token-file").isPresent()) {
      Path file = Path.of(args.single("token-file").get());
      origin = "the file " + file;
      try {
        value = Files.readString(file, StandardCharsets.UTF_8).trim();
      } catch (IOException e) {
        throw new UsageException("--token-file: cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
      }
    } else {
      String variable = args.single("token-env").orElse(DEFAULT_TOKEN_VARIABLE);
      origin = "the environment variable " + variable;
      value = environment.apply(variable);
    }
    if (value == null || value.isBlank()) {
      throw new UsageException("no Matomo token: " + origin + " is empty or unset");
    }
    return MatomoToken.of(value);
  }
}
