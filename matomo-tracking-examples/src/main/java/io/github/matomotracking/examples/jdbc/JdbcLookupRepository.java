package io.github.matomotracking.examples.jdbc;

import io.github.matomotracking.lookups.ImmutableLookupTables;
import io.github.matomotracking.lookups.IndexedLookupSnapshot;
import io.github.matomotracking.lookups.LookupTables;
import io.github.matomotracking.mapping.LookupSnapshot;
import io.github.matomotracking.model.ActionType;
import io.github.matomotracking.model.ChannelCode;
import io.github.matomotracking.model.City;
import io.github.matomotracking.model.Country;
import io.github.matomotracking.model.LeadChannel;
import io.github.matomotracking.model.LeadSource;
import io.github.matomotracking.model.LookupAddition;
import io.github.matomotracking.model.LookupKind;
import io.github.matomotracking.model.ReferrerType;
import io.github.matomotracking.model.Region;
import io.github.matomotracking.model.SourceCode;
import io.github.matomotracking.model.SourceUrl;
import io.github.matomotracking.model.WebPage;
import io.github.matomotracking.port.LookupRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * A {@link LookupRepository} over JDBC, one table per lookup ({@code mt_lead_channel},
 * {@code mt_lead_source}, {@code mt_source_code}, {@code mt_channel_code}, {@code mt_source_url},
 * {@code mt_country}, {@code mt_region}, {@code mt_city}, {@code mt_referrer_type},
 * {@code mt_action_type}, {@code mt_web_page}).
 *
 * <p>On first use every empty table is filled from the seed data given to the constructor (say,
 * the default reference data of a fresh CRM), in one transaction. {@link #snapshot()} reads all
 * tables into an immutable indexed snapshot, built by a replaceable factory (by default
 * {@link IndexedLookupSnapshot#of}), and keeps it; additions applied through this repository
 * extend the kept snapshot without reading the tables again (or, when that cannot be sure to
 * match the tables, make the next snapshot read them), so a snapshot always includes every
 * addition applied through it. Changes made to the tables by others are seen after
 * {@link #refresh()}.
 *
 * <p>{@link #apply(Collection)} inserts the missing entries in one transaction: an entry is
 * skipped when its id exists, or its key does (the code of a referrer or action type, compared
 * case-insensitively; the name and URL of a web page). When a concurrent writer inserts the same
 * entry first, the transaction fails on the key and is run once more, so concurrent applies of
 * the same additions all succeed.
 */
public final class JdbcLookupRepository implements LookupRepository {

  /** Reads one row into an entry. */
  @FunctionalInterface
  private interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  /** One lookup table: its name, columns, and how entries map to rows. */
  private record Table<T>(String name, List<String> columns,
      Function<T, List<String>> values, RowReader<T> reader,
      Function<LookupTables, List<T>> inTables) {

    String insertSql() {
      return "INSERT INTO " + name + " (" + String.join(", ", columns) + ") VALUES (?"
          + ", ?".repeat(columns.size() - 1) + ")";
    }

    String selectSql() {
      return "SELECT " + String.join(", ", columns) + " FROM " + name + " ORDER BY "
          + columns.get(0);
    }

    void bind(PreparedStatement insert, T entry) throws SQLException {
      List<String> row = values.apply(entry);
      for (int i = 0; i < row.size(); i++) {
        if (row.get(i) == null) {
          insert.setNull(i + 1, Types.VARCHAR);
        } else {
          insert.setString(i + 1, row.get(i));
        }
      }
    }
  }

  private static List<String> row(String... values) {
    return Arrays.asList(values);
  }

  private static final Table<LeadChannel> LEAD_CHANNELS = new Table<>("mt_lead_channel",
      List.of("id", "name"), c -> row(c.id(), c.name()),
      r -> LeadChannel.of(r.getString(1), r.getString(2)), LookupTables::leadChannels);
  private static final Table<LeadSource> LEAD_SOURCES = new Table<>("mt_lead_source",
      List.of("id", "name", "default_channel_id"),
      s -> row(s.id(), s.name(), s.defaultChannelId().orElse(null)),
      r -> LeadSource.of(r.getString(1), r.getString(2), r.getString(3)),
      LookupTables::leadSources);
  private static final Table<SourceCode> SOURCE_CODES = new Table<>("mt_source_code",
      List.of("code", "source_id"), c -> row(c.code(), c.sourceId()),
      r -> SourceCode.of(r.getString(1), r.getString(2)), LookupTables::sourceCodes);
  private static final Table<ChannelCode> CHANNEL_CODES = new Table<>("mt_channel_code",
      List.of("code", "channel_id"), c -> row(c.code(), c.channelId()),
      r -> ChannelCode.of(r.getString(1), r.getString(2)), LookupTables::channelCodes);
  private static final Table<SourceUrl> SOURCE_URLS = new Table<>("mt_source_url",
      List.of("domain_name", "source_id"), u -> row(u.domain(), u.sourceId()),
      r -> SourceUrl.of(r.getString(1), r.getString(2)), LookupTables::sourceUrls);
  private static final Table<Country> COUNTRIES = new Table<>("mt_country",
      List.of("id", "code", "name"), c -> row(c.id(), c.code(), c.name()),
      r -> Country.of(r.getString(1), r.getString(2), r.getString(3)), LookupTables::countries);
  private static final Table<Region> REGIONS = new Table<>("mt_region",
      List.of("id", "country_id", "code", "name"),
      g -> row(g.id(), g.countryId(), g.code(), g.name()),
      r -> Region.of(r.getString(1), r.getString(2), r.getString(3), r.getString(4)),
      LookupTables::regions);
  private static final Table<City> CITIES = new Table<>("mt_city",
      List.of("id", "name", "country_id", "region_id"),
      c -> row(c.id(), c.name(), c.countryId(), c.regionId().orElse(null)),
      r -> City.of(r.getString(1), r.getString(2), r.getString(3), r.getString(4)),
      LookupTables::cities);
  private static final Table<ReferrerType> REFERRER_TYPES = new Table<>("mt_referrer_type",
      List.of("id", "code", "name"), t -> row(t.id(), t.code(), t.name()),
      r -> ReferrerType.of(r.getString(1), r.getString(2), r.getString(3)),
      LookupTables::referrerTypes);
  private static final Table<ActionType> ACTION_TYPES = new Table<>("mt_action_type",
      List.of("id", "code", "name"), t -> row(t.id(), t.code(), t.name()),
      r -> ActionType.of(r.getString(1), r.getString(2), r.getString(3)),
      LookupTables::actionTypes);
  private static final Table<WebPage> WEB_PAGES = new Table<>("mt_web_page",
      List.of("id", "name", "url"), p -> row(p.id(), p.name(), p.url()),
      r -> WebPage.of(r.getString(1), r.getString(2), r.getString(3)), LookupTables::webPages);

  private static final List<Table<?>> TABLES = List.of(LEAD_CHANNELS, LEAD_SOURCES, SOURCE_CODES,
      CHANNEL_CODES, SOURCE_URLS, COUNTRIES, REGIONS, CITIES, REFERRER_TYPES, ACTION_TYPES,
      WEB_PAGES);

  private record Cached(long generation, LookupSnapshot snapshot) {}

  private final Jdbc jdbc;
  private final LookupTables seed;
  private final Function<LookupTables, ? extends LookupSnapshot> snapshotFactory;
  private final Object seedLock = new Object();
  private final Object cacheLock = new Object();
  private volatile boolean seeded;
  private final AtomicLong generation = new AtomicLong();
  private volatile Cached cached;

  /**
   * A repository on a data source, seeding nothing.
   *
   * @param dataSource the database
   */
  public JdbcLookupRepository(DataSource dataSource) {
    this(ConnectionSource.of(dataSource));
  }

  /**
   * A repository on a connection source, seeding nothing.
   *
   * @param source the database
   */
  public JdbcLookupRepository(ConnectionSource source) {
    this(source, LookupTables.empty());
  }

  /**
   * A repository that fills empty tables with seed data on first use.
   *
   * @param source the database
   * @param seed the entries each empty table starts with
   */
  public JdbcLookupRepository(ConnectionSource source, LookupTables seed) {
    this(source, seed, IndexedLookupSnapshot::of);
  }

  /**
   * A repository with its own snapshot factory.
   *
   * @param source the database
   * @param seed the entries each empty table starts with
   * @param snapshotFactory builds the snapshot from the tables' content
   */
  public JdbcLookupRepository(ConnectionSource source, LookupTables seed,
      Function<LookupTables, ? extends LookupSnapshot> snapshotFactory) {
    this.jdbc = new Jdbc(source);
    this.seed = Objects.requireNonNull(seed, "seed");
    this.snapshotFactory = Objects.requireNonNull(snapshotFactory, "snapshotFactory");
  }

  @Override
  public LookupSnapshot snapshot() {
    long current = generation.get();
    Cached known = cached;
    if (known != null && known.generation() == current) {
      return known.snapshot();
    }
    LookupSnapshot snapshot = Objects.requireNonNull(snapshotFactory.apply(tables()),
        "the snapshot factory returned null");
    cached = new Cached(current, snapshot);
    return snapshot;
  }

  /**
   * The content of every lookup table, read now in one transaction.
   *
   * @return the tables
   */
  public LookupTables tables() {
    ensureSeeded();
    return jdbc.transaction("read of the lookup tables", connection -> {
      ImmutableLookupTables.Builder tables = LookupTables.builder();
      tables.addAllLeadChannels(readAll(connection, LEAD_CHANNELS));
      tables.addAllLeadSources(readAll(connection, LEAD_SOURCES));
      tables.addAllSourceCodes(readAll(connection, SOURCE_CODES));
      tables.addAllChannelCodes(readAll(connection, CHANNEL_CODES));
      tables.addAllSourceUrls(readAll(connection, SOURCE_URLS));
      tables.addAllCountries(readAll(connection, COUNTRIES));
      tables.addAllRegions(readAll(connection, REGIONS));
      tables.addAllCities(readAll(connection, CITIES));
      tables.addAllReferrerTypes(readAll(connection, REFERRER_TYPES));
      tables.addAllActionTypes(readAll(connection, ACTION_TYPES));
      tables.addAllWebPages(readAll(connection, WEB_PAGES));
      return tables.build();
    });
  }

  /** Forgets the kept snapshot, so the next one is read again (after others changed the tables). */
  public void refresh() {
    generation.incrementAndGet();
  }

  @Override
  public void apply(Collection<LookupAddition> additions) {
    Objects.requireNonNull(additions, "additions");
    List<LookupAddition> checked = new ArrayList<>(additions.size());
    for (LookupAddition addition : additions) {
      checked.add(check(Objects.requireNonNull(addition, "an addition is null")));
    }
    if (checked.isEmpty()) {
      return;
    }
    ensureSeeded();
    long before = generation.get();
    Cached known = cached;
    List<LookupAddition> found;
    try {
      found = insertMissing(checked);
    } catch (JdbcStoreException e) {
      // Another writer inserted one of the entries between our check and our insert (two sync
      // batches adding the same new page): run again, which now finds it and skips it.
      if (!(e.getCause() instanceof SQLException sql) || !Jdbc.isConstraintViolation(sql)) {
        throw e;
      }
      found = insertMissing(checked);
    }
    keepSnapshotCurrent(known, before, checked, found);
  }

  /**
   * After an apply, extends the kept snapshot by the additions instead of reading every table
   * again, when that surely gives what a read would: the snapshot is still the current one, it
   * was built by {@link IndexedLookupSnapshot}, and every addition the tables already held is
   * known to it under its key (else another writer stored it, maybe under another id, and only a
   * read tells which). Otherwise the next {@link #snapshot()} reads the tables.
   */
  private void keepSnapshotCurrent(Cached known, long before, List<LookupAddition> applied,
      List<LookupAddition> alreadyStored) {
    synchronized (cacheLock) {
      long now = generation.incrementAndGet();
      if (known != null && known == cached && known.generation() == before
          && known.snapshot() instanceof IndexedLookupSnapshot indexed
          && alreadyStored.stream().allMatch(addition -> knowsKey(indexed, addition))) {
        cached = new Cached(now, indexed.withAdditions(applied));
      }
    }
  }

  private static boolean knowsKey(LookupSnapshot snapshot, LookupAddition addition) {
    return switch (addition.kind()) {
      case REFERRER_TYPE -> snapshot.referrerTypeByCode(addition.code().orElseThrow()).isPresent();
      case ACTION_TYPE -> snapshot.actionTypeByCode(addition.code().orElseThrow()).isPresent();
      case WEB_PAGE -> snapshot.webPage(addition.name(), addition.url().orElseThrow()).isPresent();
    };
  }

  /** Inserts the additions the tables lack; returns those they already held (by id or key). */
  private List<LookupAddition> insertMissing(List<LookupAddition> checked) {
    return jdbc.transaction("apply of " + checked.size() + " lookup additions", connection -> {
      Map<LookupKind, List<LookupAddition>> missing = new EnumMap<>(LookupKind.class);
      List<LookupAddition> alreadyStored = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (LookupAddition addition : checked) {
        boolean first = seen.add(addition.kind() + "\u0000id\u0000" + addition.id())
            & seen.add(addition.kind() + "\u0000key\u0000" + key(addition));
        if (!first) {
          continue;
        }
        if (exists(connection, addition)) {
          alreadyStored.add(addition);
        } else {
          missing.computeIfAbsent(addition.kind(), k -> new ArrayList<>()).add(addition);
        }
      }
      insert(connection, REFERRER_TYPES, missing.get(LookupKind.REFERRER_TYPE),
          a -> ReferrerType.of(a.id(), a.code().orElseThrow(), a.name()));
      insert(connection, ACTION_TYPES, missing.get(LookupKind.ACTION_TYPE),
          a -> ActionType.of(a.id(), a.code().orElseThrow(), a.name()));
      insert(connection, WEB_PAGES, missing.get(LookupKind.WEB_PAGE),
          a -> WebPage.of(a.id(), a.name(), a.url().orElseThrow()));
      return alreadyStored;
    });
  }

  private static LookupAddition check(LookupAddition addition) {
    boolean coded = addition.kind() != LookupKind.WEB_PAGE;
    if (coded && addition.code().isEmpty()) {
      throw new IllegalArgumentException("lookup addition " + addition.id() + " ("
          + addition.kind().wireName() + ") has no code");
    }
    if (!coded && addition.url().isEmpty()) {
      throw new IllegalArgumentException("lookup addition " + addition.id() + " ("
          + addition.kind().wireName() + ") has no URL");
    }
    return addition;
  }

  private static String key(LookupAddition addition) {
    return addition.kind() == LookupKind.WEB_PAGE
        ? addition.name() + "\u0000" + addition.url().orElseThrow()
        : addition.code().orElseThrow().toLowerCase(Locale.ROOT);
  }

  private static boolean exists(Connection connection, LookupAddition addition)
      throws SQLException {
    String sql = switch (addition.kind()) {
      case REFERRER_TYPE ->
          "SELECT id FROM mt_referrer_type WHERE id = ? OR LOWER(code) = LOWER(?)";
      case ACTION_TYPE -> "SELECT id FROM mt_action_type WHERE id = ? OR LOWER(code) = LOWER(?)";
      case WEB_PAGE -> "SELECT id FROM mt_web_page WHERE id = ? OR (name = ? AND url = ?)";
    };
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, addition.id());
      if (addition.kind() == LookupKind.WEB_PAGE) {
        query.setString(2, addition.name());
        query.setString(3, addition.url().orElseThrow());
      } else {
        query.setString(2, addition.code().orElseThrow());
      }
      query.setMaxRows(1);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    }
  }

  private static <T> void insert(Connection connection, Table<T> table,
      List<LookupAddition> additions, Function<LookupAddition, T> entry) throws SQLException {
    if (additions == null || additions.isEmpty()) {
      return;
    }
    List<T> entries = new ArrayList<>(additions.size());
    additions.forEach(addition -> entries.add(entry.apply(addition)));
    insertAll(connection, table, entries);
  }

  private static <T> void insertAll(Connection connection, Table<T> table, List<T> entries)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(table.insertSql())) {
      for (T entry : entries) {
        table.bind(insert, entry);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static <T> List<T> readAll(Connection connection, Table<T> table) throws SQLException {
    List<T> entries = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(table.selectSql());
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        entries.add(table.reader().read(rows));
      }
    }
    return entries;
  }

  private void ensureSeeded() {
    if (seeded) {
      return;
    }
    synchronized (seedLock) {
      if (!seeded) {
        jdbc.transaction("seeding of the lookup tables", connection -> {
          for (Table<?> table : TABLES) {
            seedIfEmpty(connection, table);
          }
          return null;
        });
        seeded = true;
      }
    }
  }

  private <T> void seedIfEmpty(Connection connection, Table<T> table) throws SQLException {
    List<T> entries = table.inTables().apply(seed);
    if (entries.isEmpty()) {
      return;
    }
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT " + table.columns().get(0) + " FROM " + table.name())) {
      query.setMaxRows(1);
      try (ResultSet rows = query.executeQuery()) {
        if (rows.next()) {
          return;
        }
      }
    }
    insertAll(connection, table, entries);
  }

  @Override
  public String toString() {
    return "JdbcLookupRepository";
  }
}
