package io.github.matomotracking.lookups;

import io.github.matomotracking.model.LookupAddition;
import io.github.matomotracking.port.LookupRepository;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Objects;

/**
 * A {@link LookupRepository} held in memory: for quick starts, demos, tests, and hosts that keep
 * their lookups in files. Safe to use from several threads: {@link #snapshot()} never blocks and
 * returns the latest published {@link IndexedLookupSnapshot}; {@link #apply} calls are
 * serialised, each publishing a new snapshot at once, and a snapshot already handed out never
 * changes. Nothing is written anywhere: additions live as long as the repository.
 *
 * <pre>{@code
 * LookupRepository lookups = InMemoryLookupRepository.builder()   // the defaults ...
 *     .load(Path.of("/etc/crm/lookups"))                          // ... with the host's files
 *     .build();
 * }</pre>
 */
public final class InMemoryLookupRepository implements LookupRepository {

  private final Object applyLock = new Object();
  private volatile IndexedLookupSnapshot current;

  private InMemoryLookupRepository(IndexedLookupSnapshot start) {
    this.current = Objects.requireNonNull(start, "start");
  }

  /**
   * A repository holding {@link DefaultLookups#tables()}.
   *
   * @return the repository
   */
  public static InMemoryLookupRepository withDefaults() {
    return of(DefaultLookups.tables());
  }

  /**
   * A repository with no entries at all.
   *
   * @return the repository
   */
  public static InMemoryLookupRepository empty() {
    return new InMemoryLookupRepository(IndexedLookupSnapshot.empty());
  }

  /**
   * A repository holding exactly these tables.
   *
   * @param tables the entries
   * @return the repository
   * @throws IllegalArgumentException when the tables are inconsistent (see {@link
   *     IndexedLookupSnapshot})
   */
  public static InMemoryLookupRepository of(LookupTables tables) {
    return new InMemoryLookupRepository(IndexedLookupSnapshot.of(tables));
  }

  /**
   * A repository starting from this snapshot.
   *
   * @param start the first snapshot
   * @return the repository
   */
  public static InMemoryLookupRepository of(IndexedLookupSnapshot start) {
    return new InMemoryLookupRepository(start);
  }

  /**
   * A builder starting from {@link DefaultLookups#tables()}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder(DefaultLookups.tables());
  }

  /**
   * A builder starting from the given tables (use {@link LookupTables#empty()} to start from
   * nothing).
   *
   * @param start the tables to start from
   * @return a new builder
   */
  public static Builder builder(LookupTables start) {
    return new Builder(Objects.requireNonNull(start, "start"));
  }

  /**
   * The latest snapshot, including every addition applied before this call began.
   *
   * @return an immutable snapshot
   */
  @Override
  public IndexedLookupSnapshot snapshot() {
    return current;
  }

  /**
   * Adds the entries that are not there yet (see {@link IndexedLookupSnapshot#withAdditions}).
   * All or nothing: when an addition is invalid, nothing is added.
   *
   * @param additions the entries the mapper found missing
   * @throws IllegalArgumentException when an addition is invalid
   */
  @Override
  public void apply(Collection<LookupAddition> additions) {
    Objects.requireNonNull(additions, "additions");
    if (additions.isEmpty()) {
      return;
    }
    synchronized (applyLock) {
      current = current.withAdditions(additions);
    }
  }

  @Override
  public String toString() {
    return "InMemoryLookupRepository{" + current + "}";
  }

  /** Lays host tables and files over a starting set of tables, then builds the repository. */
  public static final class Builder {
    private LookupTables tables;

    private Builder(LookupTables start) {
      this.tables = start;
    }

    /**
     * Lays the host's rows over the tables so far (see {@link LookupTables#overlay}).
     *
     * @param host the host's rows, references given as ids
     * @return this builder
     */
    public Builder overlay(LookupTables host) {
      tables = tables.overlay(Objects.requireNonNull(host, "host"));
      return this;
    }

    /**
     * Reads the host's lookup files from a directory and lays them over the tables so far (see
     * {@link LookupFiles}).
     *
     * @param dir the directory
     * @return this builder
     * @throws LookupFileException when a file is unreadable or wrong
     */
    public Builder load(Path dir) {
      tables = LookupFiles.over(tables).read(dir).tables();
      return this;
    }

    /**
     * Reads one host lookup file from a stream and lays it over the tables so far.
     *
     * @param fileName the file's name, which says the lookup and the format, such as {@code
     *     cities.csv}
     * @param in the content (UTF-8); read to its end, not closed
     * @return this builder
     * @throws LookupFileException when the file is wrong
     */
    public Builder load(String fileName, InputStream in) {
      tables = LookupFiles.over(tables).read(fileName, in).tables();
      return this;
    }

    /**
     * The repository holding the tables built so far.
     *
     * @return the repository
     * @throws IllegalArgumentException when the tables are inconsistent
     */
    public InMemoryLookupRepository build() {
      return of(tables);
    }
  }
}
