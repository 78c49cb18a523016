package io.github.matomotracking.examples.cli;

import io.github.matomotracking.lookups.InMemoryLookupRepository;
import io.github.matomotracking.lookups.LookupFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The lookups of a command: the defaults, with the host's tables from {@code --lookups DIR}. */
final class CliLookups {

  private CliLookups() {}

  /** The default lookups, overlaid with the files in {@code dir} when given. */
  static InMemoryLookupRepository load(Optional<String> dir) {
    if (dir.isEmpty()) {
      return InMemoryLookupRepository.withDefaults();
    }
    Path path = Path.of(dir.get());
    if (!Files.isDirectory(path)) {
      throw new UsageException("--lookups: not a directory: " + dir.get());
    }
    try {
      return InMemoryLookupRepository.builder().load(path).build();
    } catch (LookupFileException e) {
      throw new UsageException("--lookups: " + e.getMessage());
    }
  }
}
