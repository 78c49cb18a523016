package io.github.matomotracking.examples.cli;

import io.github.matomotracking.client.MatomoClient;
import io.github.matomotracking.client.MatomoClientConfig;
import io.github.matomotracking.client.Sites;
import io.github.matomotracking.examples.jdbc.ConnectionSource;
import io.github.matomotracking.examples.jdbc.JdbcLookupRepository;
import io.github.matomotracking.examples.jdbc.JdbcSchema;
import io.github.matomotracking.examples.jdbc.JdbcSessionSink;
import io.github.matomotracking.examples.jdbc.JdbcStoreException;
import io.github.matomotracking.examples.jdbc.JdbcSyncStateStore;
import io.github.matomotracking.lookups.DefaultLookups;
import io.github.matomotracking.lookups.LookupFileException;
import io.github.matomotracking.lookups.LookupFiles;
import io.github.matomotracking.lookups.LookupTables;
import io.github.matomotracking.sync.SyncConfig;
import io.github.matomotracking.sync.SyncEngine;
import io.github.matomotracking.sync.VisitSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code import} and {@code sync} share: the Matomo connection ({@link ConnectionArgs}), the
 * database ({@code --db JDBC_URL}, default the H2 file {@code ./matomo-tracking}), the clock
 * ({@code --now ISO_INSTANT} pins it) and the lookups the database starts with
 * ({@code --lookups DIR}: the host's lookup files over the defaults; they seed only empty lookup
 * tables). Opens the client, the JDBC ports and the engine; closing closes the client.
 */
final class SyncSetup implements AutoCloseable {

  /** The options of this class (on top of {@link ConnectionArgs#VALUED}). */
  static final Set<String> VALUED = Set.of("db", "now", "lookups");

  private final MatomoClient client;
  private final SyncEngine engine;

  private SyncSetup(MatomoClient client, SyncEngine engine) {
    this.client = client;
    this.engine = engine;
  }

  /** The options {@code import} and {@code sync} accept, with a command's own. */
  static Set<String> options(Set<String> own) {
    return ConnectionArgs.with(ConnectionArgs.with(ConnectionArgs.VALUED, VALUED), own);
  }

  /**
   * Checks the options and opens everything. Usage errors come first, before Matomo is asked
   * anything; with {@code --site all} the viewable sites are then looked up (a
   * {@code MatomoException} when that fails).
   */
  static SyncSetup open(CliArgs args, CliSettings settings) {
    MatomoClientConfig config =
        ConnectionArgs.build(ConnectionArgs.client(args, settings), settings);
    Sites sites = ConnectionArgs.sites(args);
    Clock clock = args.single("now").map(SyncSetup::fixedClock).orElse(Clock.systemUTC());
    LookupTables seed = seed(args.single("lookups"));
    ConnectionSource database = database(args.single("db").orElse(ConnectionSource.DEFAULT_H2_URL));
    MatomoClient client = MatomoClient.create(config);
    try {
      List<Long> siteIds = sites.isAll() ? client.viewableSiteIds() : sites.ids();
      if (siteIds.isEmpty()) {
        throw new UsageException("--site all: the token can view no site");
      }
      JdbcSessionSink sessions = new JdbcSessionSink(database);
      SyncEngine engine = SyncEngine.builder()
          .config(SyncConfig.builder().sites(siteIds).build())
          .source(VisitSource.of(client))
          .sessions(sessions)
          .state(new JdbcSyncStateStore(database))
          .lookups(new JdbcLookupRepository(database, seed))
          .clock(clock)
          .build();
      return new SyncSetup(client, engine);
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  SyncEngine engine() {
    return engine;
  }

  @Override
  public void close() {
    client.close();
  }

  private static Clock fixedClock(String text) {
    try {
      return Clock.fixed(Instant.parse(text.trim()), ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new UsageException("--now wants an ISO instant such as 2024-05-02T02:00:00Z, got: "
          + text);
    }
  }

  private static LookupTables seed(Optional<String> dir) {
    if (dir.isEmpty()) {
      return DefaultLookups.tables();
    }
    Path path = Path.of(dir.get());
    if (!Files.isDirectory(path)) {
      throw new UsageException("--lookups: not a directory: " + dir.get());
    }
    try {
      return LookupFiles.overDefaults().read(path).tables();
    } catch (LookupFileException e) {
      throw new UsageException("--lookups: " + e.getMessage());
    }
  }

  /** The database, its tables created now, so that a wrong URL is a usage error. */
  static ConnectionSource database(String url) {
    if (!url.startsWith("jdbc:")) {
      throw new UsageException("--db wants a JDBC URL such as " + ConnectionSource.DEFAULT_H2_URL
          + ", got: " + url);
    }
    ConnectionSource source = ConnectionSource.url(url);
    try {
      JdbcSchema.create(source);
    } catch (JdbcStoreException e) {
      throw new UsageException("--db: cannot use " + url + ": " + e.getMessage());
    }
    return source;
  }
}
