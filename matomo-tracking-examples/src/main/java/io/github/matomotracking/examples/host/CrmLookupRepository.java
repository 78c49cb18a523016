package io.github.matomotracking.examples.host;

import io.github.matomotracking.examples.jdbc.ConnectionSource;
import io.github.matomotracking.examples.jdbc.JdbcStoreException;
import io.github.matomotracking.lookups.DefaultLookups;
import io.github.matomotracking.lookups.ImmutableLookupTables;
import io.github.matomotracking.lookups.IndexedLookupSnapshot;
import io.github.matomotracking.lookups.LookupTables;
import io.github.matomotracking.mapping.LookupSnapshot;
import io.github.matomotracking.model.ActionType;
import io.github.matomotracking.model.ChannelCode;
import io.github.matomotracking.model.LeadChannel;
import io.github.matomotracking.model.LeadSource;
import io.github.matomotracking.model.LookupAddition;
import io.github.matomotracking.model.LookupKind;
import io.github.matomotracking.model.ReferrerType;
import io.github.matomotracking.model.SourceCode;
import io.github.matomotracking.model.SourceUrl;
import io.github.matomotracking.model.WebPage;
import io.github.matomotracking.port.LookupRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A host's {@link LookupRepository} over its own lookup tables ({@code crm_lead_source},
 * {@code crm_lead_channel}, {@code crm_lead_source_code} ... of {@link CrmSchema}). The CRM keeps
 * no geography: countries, regions and cities come from the library's bundled
 * {@link DefaultLookups}. A snapshot is read once and kept until this repository adds entries
 * ({@link #refresh()} forgets it, for changes made elsewhere).
 *
 * <p>{@link #apply} adds the referrer types, action types and web pages the mapper found
 * missing, unless an entry with the same id or the same key (code, ignoring case; or title and
 * URL) is there: repeating it, or two writers racing, changes nothing.
 */
public final class CrmLookupRepository implements LookupRepository {

  private final ConnectionSource source;
  private final LookupTables geography;
  private final java.util.concurrent.atomic.AtomicLong generation =
      new java.util.concurrent.atomic.AtomicLong();
  private volatile Cached cached;

  /** A snapshot and the generation of the tables it was read at. */
  private record Cached(long generation, LookupSnapshot snapshot) {}

  /**
   * A repository on the CRM's database; creates its tables if missing and fills the empty ones
   * with the library's default lead sources, channels, codes and types (as a CRM ships its
   * reference data).
   *
   * @param source the database
   */
  public CrmLookupRepository(ConnectionSource source) {
    this(source, DefaultLookups.tables());
  }

  /**
   * A repository seeded from the given tables (their geography is the one used).
   *
   * @param source the database
   * @param seed lead sources, channels, codes, types and geography
   */
  public CrmLookupRepository(ConnectionSource source, LookupTables seed) {
    this.source = Objects.requireNonNull(source, "source");
    this.geography = LookupTables.builder().countries(seed.countries()).regions(seed.regions())
        .cities(seed.cities()).build();
    CrmSchema.create(source);
    seed(seed);
  }

  @Override
  public LookupSnapshot snapshot() {
    long current = generation.get();
    Cached known = cached;
    if (known != null && known.generation() == current) {
      return known.snapshot();
    }
    // Kept under the generation read before the tables: if entries are added meanwhile, the
    // next call reads again rather than keep a snapshot that misses them.
    LookupSnapshot snapshot = IndexedLookupSnapshot.of(tables());
    cached = new Cached(current, snapshot);
    return snapshot;
  }

  /** Forgets the kept snapshot, so the next one reads the tables again. */
  public void refresh() {
    generation.incrementAndGet();
  }

  /**
   * Everything the mapper resolves against, read now.
   *
   * @return the CRM's lookups with the bundled geography
   */
  public LookupTables tables() {
    try (Connection c = source.open()) {
      ImmutableLookupTables.Builder tables = LookupTables.builder().from(geography);
      read(c, "SELECT channel_uid, title FROM crm_lead_channel",
          r -> tables.addLeadChannels(LeadChannel.of(r.getString(1), r.getString(2))));
      read(c, "SELECT source_uid, title, default_channel_uid FROM crm_lead_source",
          r -> tables.addLeadSources(LeadSource.of(r.getString(1), r.getString(2), r.getString(3))));
      read(c, "SELECT utm_code, source_uid FROM crm_lead_source_code",
          r -> tables.addSourceCodes(SourceCode.of(r.getString(1), r.getString(2))));
      read(c, "SELECT utm_code, channel_uid FROM crm_lead_channel_code",
          r -> tables.addChannelCodes(ChannelCode.of(r.getString(1), r.getString(2))));
      read(c, "SELECT domain_name, source_uid FROM crm_lead_source_domain",
          r -> tables.addSourceUrls(SourceUrl.of(r.getString(1), r.getString(2))));
      read(c, "SELECT kind_uid, matomo_code, title FROM crm_referrer_kind",
          r -> tables.addReferrerTypes(ReferrerType.of(r.getString(1), r.getString(2),
              r.getString(3))));
      read(c, "SELECT type_uid, matomo_code, title FROM crm_activity_type",
          r -> tables.addActionTypes(ActionType.of(r.getString(1), r.getString(2),
              r.getString(3))));
      read(c, "SELECT page_uid, title, page_link FROM crm_web_page",
          r -> tables.addWebPages(WebPage.of(r.getString(1), r.getString(2), r.getString(3))));
      return tables.build();
    } catch (SQLException e) {
      throw new JdbcStoreException("CRM read of the lookups", e);
    }
  }

  @Override
  public void apply(Collection<LookupAddition> additions) {
    Objects.requireNonNull(additions, "additions");
    if (additions.isEmpty()) {
      return;
    }
    try {
      insertMissing(additions);
    } catch (JdbcStoreException e) {
      // Another writer added one of them between our check and our insert: the second pass
      // finds it and skips it.
      insertMissing(additions);
    }
    refresh();
  }

  private void insertMissing(Collection<LookupAddition> additions) {
    try (Connection c = source.open()) {
      c.setAutoCommit(false);
      try {
        for (LookupAddition addition : additions) {
          if (!exists(c, addition)) {
            insert(c, addition);
          }
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new JdbcStoreException("CRM insert of " + additions.size() + " lookup entries", e);
    }
  }

  private static boolean exists(Connection c, LookupAddition addition) throws SQLException {
    String sql = switch (addition.kind()) {
      case REFERRER_TYPE ->
          "SELECT 1 FROM crm_referrer_kind WHERE kind_uid = ? OR LOWER(matomo_code) = ?";
      case ACTION_TYPE ->
          "SELECT 1 FROM crm_activity_type WHERE type_uid = ? OR LOWER(matomo_code) = ?";
      case WEB_PAGE -> "SELECT 1 FROM crm_web_page WHERE page_uid = ? OR (title = ? AND page_link = ?)";
    };
    try (PreparedStatement query = c.prepareStatement(sql)) {
      query.setString(1, addition.id());
      if (addition.kind() == LookupKind.WEB_PAGE) {
        query.setString(2, addition.name());
        query.setString(3, required(addition, addition.url().orElse(null), "URL"));
      } else {
        query.setString(2, required(addition, addition.code().orElse(null), "code")
            .toLowerCase(Locale.ROOT));
      }
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    }
  }

  private static void insert(Connection c, LookupAddition addition) throws SQLException {
    String sql = switch (addition.kind()) {
      case REFERRER_TYPE ->
          "INSERT INTO crm_referrer_kind (kind_uid, title, matomo_code) VALUES (?, ?, ?)";
      case ACTION_TYPE ->
          "INSERT INTO crm_activity_type (type_uid, title, matomo_code) VALUES (?, ?, ?)";
      case WEB_PAGE -> "INSERT INTO crm_web_page (page_uid, title, page_link) VALUES (?, ?, ?)";
    };
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      statement.setString(1, addition.id());
      statement.setString(2, addition.name());
      statement.setString(3, addition.kind() == LookupKind.WEB_PAGE
          ? addition.url().orElseThrow() : addition.code().orElseThrow());
      statement.executeUpdate();
    }
  }

  private static String required(LookupAddition addition, String value, String what) {
    if (value == null) {
      throw new IllegalArgumentException("lookup addition " + addition.id() + " ("
          + addition.kind().wireName() + ") has no " + what);
    }
    return value;
  }

  private void seed(LookupTables seed) {
    try (Connection c = source.open()) {
      c.setAutoCommit(false);
      fill(c, "crm_lead_channel", "channel_uid, title", seed.leadChannels().stream()
          .map(x -> List.of(x.id(), x.name())).toList());
      fill(c, "crm_lead_source", "source_uid, title, default_channel_uid", seed.leadSources()
          .stream().map(x -> java.util.Arrays.asList(x.id(), x.name(),
              x.defaultChannelId().orElse(null))).toList());
      fill(c, "crm_lead_source_code", "utm_code, source_uid", seed.sourceCodes().stream()
          .map(x -> List.of(x.code(), x.sourceId())).toList());
      fill(c, "crm_lead_channel_code", "utm_code, channel_uid", seed.channelCodes().stream()
          .map(x -> List.of(x.code(), x.channelId())).toList());
      fill(c, "crm_lead_source_domain", "domain_name, source_uid", seed.sourceUrls().stream()
          .map(x -> List.of(x.domain(), x.sourceId())).toList());
      fill(c, "crm_referrer_kind", "kind_uid, matomo_code, title", seed.referrerTypes().stream()
          .map(x -> List.of(x.id(), x.code(), x.name())).toList());
      fill(c, "crm_activity_type", "type_uid, matomo_code, title", seed.actionTypes().stream()
          .map(x -> List.of(x.id(), x.code(), x.name())).toList());
      c.commit();
    } catch (SQLException e) {
      throw new JdbcStoreException("CRM seeding of the lookups", e);
    }
  }

  /** Inserts the rows into a table that is empty. */
  private static void fill(Connection c, String table, String columns, List<List<String>> rows)
      throws SQLException {
    try (PreparedStatement any = c.prepareStatement("SELECT 1 FROM " + table
            + " FETCH FIRST 1 ROWS ONLY");
        ResultSet found = any.executeQuery()) {
      if (found.next() || rows.isEmpty()) {
        return;
      }
    }
    int count = columns.split(",").length;
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " (" + columns
        + ") VALUES (?" + ", ?".repeat(count - 1) + ")")) {
      for (List<String> row : rows) {
        for (int i = 0; i < count; i++) {
          insert.setString(i + 1, row.get(i));
        }
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private interface RowReader {
    void read(ResultSet row) throws SQLException;
  }

  private static void read(Connection c, String sql, RowReader reader) throws SQLException {
    try (PreparedStatement query = c.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        reader.read(rows);
      }
    }
  }

  @Override
  public String toString() {
    return "CrmLookupRepository";
  }
}
