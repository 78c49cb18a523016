package io.github.matomotracking.lookups;

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
 * The entries of every lookup as plain lists, in the order they were given. Nothing is checked
 * here; {@link IndexedLookupSnapshot#of(LookupTables)} checks uniqueness and references when it
 * indexes the tables.
 */
@Value.Immutable
@MatomoStyle
public interface LookupTables {

  /**
   * Lead channels (id; name unique, case-insensitive).
   *
   * @return the entries
   */
  List<LeadChannel> leadChannels();

  /**
   * Lead sources (id; name unique, case-insensitive) with their default channel.
   *
   * @return the entries
   */
  List<LeadSource> leadSources();

  /**
   * Source codes (code unique, case-insensitive).
   *
   * @return the entries
   */
  List<SourceCode> sourceCodes();

  /**
   * Channel codes (code unique, case-insensitive).
   *
   * @return the entries
   */
  List<ChannelCode> channelCodes();

  /**
   * Lead source URLs (domain unique, case-insensitive).
   *
   * @return the entries
   */
  List<SourceUrl> sourceUrls();

  /**
   * Countries (id; ISO 3166-1 alpha-2 code unique, case-insensitive).
   *
   * @return the entries
   */
  List<Country> countries();

  /**
   * Regions (id; code unique within its country, case-insensitive).
   *
   * @return the entries
   */
  List<Region> regions();

  /**
   * Cities (id).
   *
   * @return the entries
   */
  List<City> cities();

  /**
   * Referrer types (id; Matomo code unique, case-insensitive).
   *
   * @return the entries
   */
  List<ReferrerType> referrerTypes();

  /**
   * Action types (id; Matomo code unique, case-insensitive).
   *
   * @return the entries
   */
  List<ActionType> actionTypes();

  /**
   * Web pages (id; name and URL unique together, exact).
   *
   * @return the entries
   */
  List<WebPage> webPages();

  /**
   * These tables with the host's rows laid over them. A host row replaces every row of the same
   * lookup that has its id or its key (the key is the name of a channel or source, the code of a
   * code entry, country, referrer or action type, the domain of a source URL, the code within
   * the country of a region, the name and URL of a web page; cities have only their id). Rows
   * that referred to a replaced row (a source's default channel, a code's source, a region's or
   * city's country ...) are re-pointed to its replacement. Host rows come after the kept rows.
   *
   * @param host the rows to lay over these tables
   * @return the merged tables
   */
  default LookupTables overlay(LookupTables host) {
    TableOverlay o = new TableOverlay();
    // Order matters: a kind is merged before the kinds that refer to it.
    List<LeadChannel> channels = o.channels(leadChannels(), host.leadChannels());
    List<LeadSource> sources = o.sources(leadSources(), host.leadSources());
    List<Country> countries = o.countries(countries(), host.countries());
    List<Region> regions = o.regions(regions(), host.regions());
    return builder()
        .leadChannels(channels)
        .leadSources(sources)
        .sourceCodes(o.sourceCodes(sourceCodes(), host.sourceCodes()))
        .channelCodes(o.channelCodes(channelCodes(), host.channelCodes()))
        .sourceUrls(o.sourceUrls(sourceUrls(), host.sourceUrls()))
        .countries(countries)
        .regions(regions)
        .cities(o.cities(cities(), host.cities()))
        .referrerTypes(o.referrerTypes(referrerTypes(), host.referrerTypes()))
        .actionTypes(o.actionTypes(actionTypes(), host.actionTypes()))
        .webPages(o.webPages(webPages(), host.webPages()))
        .build();
  }

  /**
   * A builder with every list empty.
   *
   * @return a new builder
   */
  static ImmutableLookupTables.Builder builder() {
    return ImmutableLookupTables.builder();
  }

  /**
   * Tables with no entries at all.
   *
   * @return empty tables
   */
  static LookupTables empty() {
    return builder().build();
  }
}
