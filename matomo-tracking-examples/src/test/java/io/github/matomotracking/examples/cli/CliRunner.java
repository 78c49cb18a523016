package io.github.matomotracking.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Runs the command-line tool in-process and captures what it prints. */
final class CliRunner {

  private static final ObjectMapper JSON = new ObjectMapper();

  private CliRunner() {}

  /** The outcome of one command line. */
  record Result(int exitCode, String stdout, String stderr) {

    /** Standard output parsed as JSON Lines. */
    List<JsonNode> lines() {
      List<JsonNode> nodes = new ArrayList<>();
      for (String line : stdout.split("\n")) {
        if (!line.isBlank()) {
          try {
            nodes.add(JSON.readTree(line));
          } catch (IOException e) {
            throw new UncheckedIOException("not a JSON line: " + line, e);
          }
        }
      }
      return nodes;
    }

    /** The lines of one {@code kind}. */
    List<JsonNode> kind(String kind) {
      return lines().stream()
          .filter(line -> kind.equals(line.path("kind").asText()))
          .collect(Collectors.toList());
    }
  }

  static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = new MatomoTrackingCli().run(List.of(args), o, e);
    }
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
