package io.github.matomotracking.lookups;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Reads a host's own lookup tables from files and lays them over the defaults (or over other
 * tables). A host row replaces every row of the same lookup with the same id or key, as {@link
 * LookupTables#overlay} describes.
 *
 * <h2>Files</h2>
 *
 * <p>One file per lookup, named after it, as {@code .csv} or {@code .json}; every file is
 * optional. Columns marked * are required and need a value in every row; the others may be left
 * out or left blank.
 *
 * <table>
 *   <caption>Lookup files and their columns</caption>
 *   <tr><th>file</th><th>columns</th><th>key (besides the id)</th></tr>
 *   <tr><td>lead-channels</td><td>id*, name*</td><td>name</td></tr>
 *   <tr><td>lead-sources</td><td>id*, name*, default_channel</td><td>name</td></tr>
 *   <tr><td>source-codes</td><td>code*, source*</td><td>code</td></tr>
 *   <tr><td>channel-codes</td><td>code*, channel*</td><td>code</td></tr>
 *   <tr><td>source-urls</td><td>domain*, source*</td><td>domain</td></tr>
 *   <tr><td>countries</td><td>id*, code*, name*</td><td>code</td></tr>
 *   <tr><td>regions</td><td>id*, country*, code*, name*</td><td>code within the country</td></tr>
 *   <tr><td>cities</td><td>id*, name*, country*, region</td><td>(id only)</td></tr>
 *   <tr><td>referrer-types</td><td>id*, code*, name*</td><td>code</td></tr>
 *   <tr><td>action-types</td><td>id*, code*, name*</td><td>code</td></tr>
 *   <tr><td>web-pages</td><td>id*, name*, url*</td><td>name and url</td></tr>
 * </table>
 *
 * <p>References name another entry by its id or by its key: {@code default_channel} and
 * {@code channel} a lead channel by id or name, {@code source} a lead source by id or name,
 * {@code country} a country by id or ISO code, {@code region} a region by id or by its code
 * within the row's country (such as {@code CA}). An id is tried first. The entry may come from
 * the host's files or from the tables read over; the order files are read in does not matter.
 * Names, codes and domains compare case-insensitively; a {@code domain} is a host name such as
 * {@code facebook.com}, without scheme, port or path.
 *
 * <p><b>CSV</b>: UTF-8, a header row naming the columns in any order, RFC 4180 quoting
 * ({@code "Bournemouth, Christchurch and Poole"}, {@code ""} for a quote inside quotes), CRLF or
 * LF line ends. Values are trimmed; empty lines are skipped. <b>JSON</b>: an array of objects
 * with the same keys, string values ({@code null} means absent).
 *
 * <p>Anything wrong stops the load with a {@link LookupFileException} naming the file, the CSV
 * line or JSON element, and the problem: an unknown file, column or key, a missing column or
 * value, a row with too many or too few values, broken quoting or JSON, a repeated id or key, a
 * reference to an entry that does not exist, a region of another country, a domain with a path.
 *
 * <pre>{@code
 * LookupTables tables = LookupFiles.load(Path.of("/etc/crm/lookups"));   // over the defaults
 * LookupTables mine = LookupFiles.over(LookupTables.empty())
 *     .read("lead-channels.csv", channelsStream)
 *     .read("lead-sources.json", sourcesStream)
 *     .tables();
 * }</pre>
 */
public final class LookupFiles {

  private LookupFiles() {}

  /**
   * Reads every lookup file in the directory and lays them over {@link DefaultLookups#tables()}.
   *
   * @param dir the directory
   * @return the defaults with the host's rows laid over them
   * @throws LookupFileException when a file is unreadable or wrong
   */
  public static LookupTables load(Path dir) {
    return over(DefaultLookups.tables()).read(dir).tables();
  }

  /**
   * Reads one lookup file from a stream and lays it over {@link DefaultLookups#tables()}.
   *
   * @param fileName the file's name, which says the lookup and the format, such as
   *     {@code cities.csv}; a leading path is ignored
   * @param in the content; read to its end, not closed
   * @return the defaults with the host's rows laid over them
   * @throws LookupFileException when the file is wrong
   */
  public static LookupTables load(String fileName, InputStream in) {
    return over(DefaultLookups.tables()).read(fileName, in).tables();
  }

  /**
   * A loader that lays the files it reads over the given tables.
   *
   * @param base the tables to lay the host's rows over
   * @return a new loader
   */
  public static Loader over(LookupTables base) {
    return new Loader(Objects.requireNonNull(base, "base"));
  }

  /**
   * A loader that lays the files it reads over {@link DefaultLookups#tables()}.
   *
   * @return a new loader
   */
  public static Loader overDefaults() {
    return over(DefaultLookups.tables());
  }

  /**
   * Collects lookup files, then resolves them all at once in {@link #tables()}. Each lookup may be
   * read once. Not thread-safe.
   */
  public static final class Loader {
    private final LookupTables base;
    private final Map<TableSpec, List<HostRow>> rows = new EnumMap<>(TableSpec.class);
    private final Map<TableSpec, String> readFrom = new EnumMap<>(TableSpec.class);

    private Loader(LookupTables base) {
      this.base = base;
    }

    /**
     * Reads a lookup file, or every lookup file in a directory. In a directory, files ending in
     * {@code .csv} or {@code .json} must be lookup files; other files are ignored.
     *
     * @param path a file or a directory
     * @return this loader
     * @throws LookupFileException when a file is unreadable or wrong
     */
    public Loader read(Path path) {
      Objects.requireNonNull(path, "path");
      if (Files.isDirectory(path)) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(path)) {
          list.filter(Files::isRegularFile).sorted().forEach(files::add);
        } catch (IOException e) {
          throw new LookupFileException(path.toString(), null,
              "the directory cannot be listed: " + e.getMessage(), e);
        }
        for (Path file : files) {
          String name = file.getFileName().toString();
          if (name.endsWith(".csv") || name.endsWith(".json")) {
            readFile(file);
          }
        }
        return this;
      }
      if (Files.isRegularFile(path)) {
        return readFile(path);
      }
      throw new LookupFileException(path.toString(), null, "no such file or directory", null);
    }

    private Loader readFile(Path file) {
      try (InputStream in = Files.newInputStream(file)) {
        return read(file.toString(), in);
      } catch (IOException e) {
        throw new LookupFileException(file.toString(), null, "cannot be read: " + e.getMessage(),
            e);
      }
    }

    /**
     * Reads one lookup file from a stream.
     *
     * @param fileName the file's name, which says the lookup and the format, such as
     *     {@code cities.csv}; a leading path is ignored; it is used in error messages as given
     * @param in the content; read to its end, not closed
     * @return this loader
     * @throws LookupFileException when the file is wrong
     */
    public Loader read(String fileName, InputStream in) {
      Objects.requireNonNull(fileName, "fileName");
      Objects.requireNonNull(in, "in");
      String name = fileName.substring(Math.max(fileName.lastIndexOf('/'),
          fileName.lastIndexOf('\\')) + 1);
      int dot = name.lastIndexOf('.');
      String extension = dot < 0 ? "" : name.substring(dot + 1);
      TableSpec spec = TableSpec.byBaseName(dot < 0 ? name : name.substring(0, dot))
          .orElse(null);
      if (spec == null || !(extension.equals("csv") || extension.equals("json"))) {
        throw new LookupFileException(fileName, null, "not a lookup file name; expected one of "
            + String.join(", ", TableSpec.baseNames()) + ", ending in .csv or .json", null);
      }
      String earlier = readFrom.get(spec);
      if (earlier != null) {
        throw new LookupFileException(fileName, null,
            "the " + spec.baseName() + " lookup was already read from " + earlier, null);
      }
      List<HostRow> read = extension.equals("csv")
          ? CsvTableReader.read(fileName, in, spec)
          : JsonTableReader.read(fileName, in, spec);
      readFrom.put(spec, fileName);
      rows.put(spec, read);
      return this;
    }

    /**
     * The base tables with every file read so far laid over them.
     *
     * @return the merged tables
     * @throws LookupFileException when a reference points nowhere or an id or key repeats
     */
    public LookupTables tables() {
      return HostTables.resolve(base, rows);
    }
  }
}
