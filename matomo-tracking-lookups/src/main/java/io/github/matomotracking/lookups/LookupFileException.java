package io.github.matomotracking.lookups;

import io.github.matomotracking.model.Nullable;
import java.util.Optional;

/**
 * A host lookup file could not be read or holds something wrong. The message names the file,
 * the place in it (a CSV line such as {@code line 7}, a JSON element such as {@code element [3]},
 * counted from 0) and the problem, for example {@code cities.csv line 7: country 'XX' is neither
 * the id nor the code of a country}.
 */
public final class LookupFileException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The file's name or path. */
  private final String file;
  /** Where in the file, or null. */
  private final @Nullable String location;
  /** What is wrong. */
  private final String problem;

  /**
   * An error.
   *
   * @param file the file's name or path as the caller gave it
   * @param location where in the file ({@code line 7}, {@code element [3]}), or null for the
   *     whole file
   * @param problem what is wrong
   * @param cause the underlying error, or null
   */
  public LookupFileException(String file, @Nullable String location, String problem,
      @Nullable Throwable cause) {
    super(file + (location == null ? "" : " " + location) + ": " + problem, cause);
    this.file = file;
    this.location = location;
    this.problem = problem;
  }

  /**
   * The file's name or path as the caller gave it.
   *
   * @return the file
   */
  public String file() {
    return file;
  }

  /**
   * Where in the file the problem is, such as {@code line 7} or {@code element [3]}; empty when
   * it concerns the whole file.
   *
   * @return the location
   */
  public Optional<String> location() {
    return Optional.ofNullable(location);
  }

  /**
   * What is wrong, without the file and location.
   *
   * @return the problem
   */
  public String problem() {
    return problem;
  }
}
