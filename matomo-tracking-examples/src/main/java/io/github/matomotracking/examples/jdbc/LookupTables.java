package io.github.matomotracking.examples.jdbc;

import io.github.matomotracking.model.ActionType;
import io.github.matomotracking.model.ChannelCode;
import io.github.matomotracking.model.City;
import io.github.matomotracking.model.Country;
import io.github.matomotracking.model.LeadChannel;
import io.github.matomotracking.model.LeadSource;
import io.github.matomotracking.model.MatomoStyle;
import io.github.matomotracking.model.ReferrerType;
import io.github.matomotracking.model.Region;
import io.github.matomotracking.model.SourceCode;
import io.github.matomotracking.model.SourceUrl;
import io.github.matomotracking.model.WebPage;
import java.util.List;
import org.immutables.value.Value;

/**
 * The content of every lookup table, as plain lists: what {@link JdbcLookupRepository} reads
 * before it builds a snapshot, and the default data it seeds empty tables with.
 */
@Value.Immutable
@MatomoStyle
public interface LookupTables {

  /** Lead channels. */
  List<LeadChannel> leadChannels();

  /** Lead sources. */
  List<LeadSource> leadSources();

  /** Source codes (utm value to lead source). */
  List<SourceCode> sourceCodes();

  /** Channel codes (utm_medium value to lead channel). */
  List<ChannelCode> channelCodes();

  /** Lead source URLs (domain to lead source). */
  List<SourceUrl> sourceUrls();

  /** Countries. */
  List<Country> countries();

  /** Regions. */
  List<Region> regions();

  /** Cities. */
  List<City> cities();

  /** Referrer types. */
  List<ReferrerType> referrerTypes();

  /** Web tracking action types. */
  List<ActionType> actionTypes();

  /** Web pages. */
  List<WebPage> webPages();

  /**
   * The same entries as the lookups module's tables (such as
   * {@code io.github.matomotracking.lookups.DefaultLookups.tables()}, or the defaults with a
   * host's lookup files laid over them), to seed a {@link JdbcLookupRepository} with.
   *
   * @param tables the lookups module's tables
   * @return the tables, entry for entry
   */
  static LookupTables of(io.github.matomotracking.lookups.LookupTables tables) {
    return builder()
        .leadChannels(tables.leadChannels())
        .leadSources(tables.leadSources())
        .sourceCodes(tables.sourceCodes())
        .channelCodes(tables.channelCodes())
        .sourceUrls(tables.sourceUrls())
        .countries(tables.countries())
        .regions(tables.regions())
        .cities(tables.cities())
        .referrerTypes(tables.referrerTypes())
        .actionTypes(tables.actionTypes())
        .webPages(tables.webPages())
        .build();
  }

  /** No entries at all. */
  static LookupTables empty() {
    return builder().build();
  }

  /** A new builder. */
  static ImmutableLookupTables.Builder builder() {
    return ImmutableLookupTables.builder();
  }
}
