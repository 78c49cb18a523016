package io.github.matomotracking.examples.jdbc;

import io.github.matomotracking.mapping.LookupSnapshot;
import io.github.matomotracking.model.ActionType;
import io.github.matomotracking.model.ChannelCode;
import io.github.matomotracking.model.City;
import io.github.matomotracking.model.Country;
import io.github.matomotracking.model.LeadChannel;
import io.github.matomotracking.model.LeadSource;
import io.github.matomotracking.model.ReferrerType;
import io.github.matomotracking.model.Region;
import io.github.matomotracking.model.SourceCode;
import io.github.matomotracking.model.SourceUrl;
import io.github.matomotracking.model.WebPage;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * An immutable {@link LookupSnapshot} indexed from {@link LookupTables}: every question is one
 * hash look-up. Codes, domains and names match case-insensitively; web pages by exact name and
 * URL. When two entries share a key, the first in table order wins.
 *
 * <p>This is the default snapshot of {@link JdbcLookupRepository}; pass another factory to the
 * repository (such as the lookups module's indexed snapshot) to replace it.
 */
public final class LookupTablesSnapshot implements LookupSnapshot {

  private record RegionKey(String countryId, String code) {}

  private record CityKey(String countryId, Optional<String> regionId, String name) {}

  private record PageKey(String name, String url) {}

  private final Map<String, Country> countriesByCode;
  private final Map<RegionKey, Region> regionsByCode;
  private final Map<CityKey, City> citiesByName;
  private final Map<String, String> sourceIdsByCode;
  private final Map<String, String> channelIdsByCode;
  private final Map<String, String> sourceIdsByDomain;
  private final Map<String, LeadSource> sourcesById;
  private final Map<String, LeadChannel> channelsById;
  private final Map<String, LeadSource> sourcesByName;
  private final Map<String, LeadChannel> channelsByName;
  private final Map<String, ReferrerType> referrerTypesByCode;
  private final Map<String, ActionType> actionTypesByCode;
  private final Map<PageKey, WebPage> pagesByKey;

  private LookupTablesSnapshot(LookupTables tables) {
    countriesByCode = index(tables.countries(), country -> fold(country.code()));
    regionsByCode = index(tables.regions(),
        region -> new RegionKey(region.countryId(), fold(region.code())));
    citiesByName = index(tables.cities(),
        city -> new CityKey(city.countryId(), city.regionId(), fold(city.name())));
    sourceIdsByCode = values(index(tables.sourceCodes(), code -> fold(code.code())),
        SourceCode::sourceId);
    channelIdsByCode = values(index(tables.channelCodes(), code -> fold(code.code())),
        ChannelCode::channelId);
    sourceIdsByDomain = values(index(tables.sourceUrls(), url -> fold(url.domain())),
        SourceUrl::sourceId);
    sourcesById = index(tables.leadSources(), LeadSource::id);
    channelsById = index(tables.leadChannels(), LeadChannel::id);
    sourcesByName = index(tables.leadSources(), source -> fold(source.name()));
    channelsByName = index(tables.leadChannels(), channel -> fold(channel.name()));
    referrerTypesByCode = index(tables.referrerTypes(), type -> fold(type.code()));
    actionTypesByCode = index(tables.actionTypes(), type -> fold(type.code()));
    pagesByKey = index(tables.webPages(), page -> new PageKey(page.name(), page.url()));
  }

  /**
   * A snapshot of these tables.
   *
   * @param tables the lookup entries
   * @return the indexed snapshot
   */
  public static LookupTablesSnapshot of(LookupTables tables) {
    return new LookupTablesSnapshot(Objects.requireNonNull(tables, "tables"));
  }

  private static <K, T> Map<K, T> index(List<T> entries, Function<T, K> key) {
    Map<K, T> index = new HashMap<>();
    for (T entry : entries) {
      index.putIfAbsent(key.apply(entry), entry);
    }
    return Map.copyOf(index);
  }

  private static <T> Map<String, String> values(Map<String, T> index, Function<T, String> value) {
    Map<String, String> values = new HashMap<>();
    index.forEach((key, entry) -> values.put(key, value.apply(entry)));
    return Map.copyOf(values);
  }

  private static String fold(String text) {
    return text == null ? null : text.toLowerCase(Locale.ROOT);
  }

  private static <K, T> Optional<T> get(Map<K, T> index, K key) {
    return key == null ? Optional.empty() : Optional.ofNullable(index.get(key));
  }

  @Override
  public Optional<Country> countryByCode(String code) {
    return get(countriesByCode, fold(code));
  }

  @Override
  public Optional<Region> regionByCode(String countryId, String regionCode) {
    if (countryId == null || regionCode == null) {
      return Optional.empty();
    }
    return get(regionsByCode, new RegionKey(countryId, fold(regionCode)));
  }

  @Override
  public Optional<City> cityByName(String countryId, String regionId, String name) {
    if (countryId == null || name == null) {
      return Optional.empty();
    }
    return get(citiesByName, new CityKey(countryId, Optional.ofNullable(regionId), fold(name)));
  }

  @Override
  public Optional<LeadSource> sourceByCode(String code) {
    return get(sourceIdsByCode, fold(code)).flatMap(this::leadSource);
  }

  @Override
  public Optional<LeadChannel> channelByCode(String code) {
    return get(channelIdsByCode, fold(code)).flatMap(this::leadChannel);
  }

  @Override
  public Optional<LeadSource> sourceByDomain(String domain) {
    return get(sourceIdsByDomain, fold(domain)).flatMap(this::leadSource);
  }

  @Override
  public Optional<LeadSource> leadSource(String id) {
    return get(sourcesById, id);
  }

  @Override
  public Optional<LeadChannel> leadChannel(String id) {
    return get(channelsById, id);
  }

  @Override
  public Optional<LeadSource> leadSourceByName(String name) {
    return get(sourcesByName, fold(name));
  }

  @Override
  public Optional<LeadChannel> leadChannelByName(String name) {
    return get(channelsByName, fold(name));
  }

  @Override
  public Optional<ReferrerType> referrerTypeByCode(String code) {
    return get(referrerTypesByCode, fold(code));
  }

  @Override
  public Optional<ActionType> actionTypeByCode(String code) {
    return get(actionTypesByCode, fold(code));
  }

  @Override
  public Optional<WebPage> webPage(String name, String url) {
    if (name == null || url == null) {
      return Optional.empty();
    }
    return get(pagesByKey, new PageKey(name, url));
  }

  @Override
  public String toString() {
    return "LookupTablesSnapshot[" + countriesByCode.size() + " countries, "
        + sourcesById.size() + " sources, " + channelsById.size() + " channels, "
        + pagesByKey.size() + " web pages]";
  }
}
