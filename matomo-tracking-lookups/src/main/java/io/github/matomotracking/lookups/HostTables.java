package io.github.matomotracking.lookups;

import static io.github.matomotracking.lookups.Keys.lower;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Turns the rows of a host's files into lookup entries laid over base tables: resolves
 * references given by id or by name/code, and rejects repeated ids and keys, naming the row.
 * Kinds are handled in dependency order, so a reference can name a row of the host's own files
 * or of the base, whatever order the files were read in.
 */
final class HostTables {

  private final LookupTables base;
  private final Map<TableSpec, List<HostRow>> rows;
  private final TableOverlay overlay = new TableOverlay();

  private HostTables(LookupTables base, Map<TableSpec, List<HostRow>> rows) {
    this.base = base;
    this.rows = rows;
  }

  static LookupTables resolve(LookupTables base, Map<TableSpec, List<HostRow>> rows) {
    return new HostTables(base, rows).resolve();
  }

  private List<HostRow> rows(TableSpec spec) {
    return rows.getOrDefault(spec, List.of());
  }

  private LookupTables resolve() {
    List<LeadChannel> channels = overlay.channels(base.leadChannels(), hostChannels());
    Ref channelRef = new Ref("lead channel", "name", ids(channels, LeadChannel::id),
        keys(channels, LeadChannel::id, c -> lower(c.name())), overlay::channelId);

    List<LeadSource> sources = overlay.sources(base.leadSources(), hostSources(channelRef));
    Ref sourceRef = new Ref("lead source", "name", ids(sources, LeadSource::id),
        keys(sources, LeadSource::id, s -> lower(s.name())), overlay::sourceId);

    List<Country> countries = overlay.countries(base.countries(), hostCountries());
    Ref countryRef = new Ref("country", "code", ids(countries, Country::id),
        keys(countries, Country::id, c -> lower(c.code())), overlay::countryId);

    List<Region> regions = overlay.regions(base.regions(), hostRegions(countryRef));
    Map<String, Region> regionsById = new HashMap<>();
    Map<Keys.RegionKey, Region> regionsByCode = new HashMap<>();
    for (Region r : regions) {
      regionsById.putIfAbsent(r.id(), r);
      regionsByCode.putIfAbsent(new Keys.RegionKey(r.countryId(), lower(r.code())), r);
    }

    return LookupTables.builder()
        .leadChannels(channels)
        .leadSources(sources)
        .sourceCodes(overlay.sourceCodes(base.sourceCodes(), hostSourceCodes(sourceRef)))
        .channelCodes(overlay.channelCodes(base.channelCodes(), hostChannelCodes(channelRef)))
        .sourceUrls(overlay.sourceUrls(base.sourceUrls(), hostSourceUrls(sourceRef)))
        .countries(countries)
        .regions(regions)
        .cities(overlay.cities(base.cities(),
            hostCities(countryRef, regionsById, regionsByCode)))
        .referrerTypes(overlay.referrerTypes(base.referrerTypes(), hostReferrerTypes()))
        .actionTypes(overlay.actionTypes(base.actionTypes(), hostActionTypes()))
        .webPages(overlay.webPages(base.webPages(), hostWebPages()))
        .build();
  }

  private List<LeadChannel> hostChannels() {
    Unique ids = new Unique("id");
    Unique names = new Unique("name");
    List<LeadChannel> out = new ArrayList<>();
    for (HostRow r : rows(TableSpec.LEAD_CHANNELS)) {
      String id = ids.check(r, r.required("id"), UnaryOperator.identity());
      String name = names.check(r, r.required("name"), Keys::lower);
      out.add(LeadChannel.of(id, name));
    }
    return out;
  }

  private List<LeadSource> hostSources(Ref channelRef) {
    Unique ids = new Unique("id");
    Unique names = new Unique("name");
    List<LeadSource> out = new ArrayList<>();
    for (HostRow r : rows(TableSpec.LEAD_SOURCES)) {
      String id = ids.check(r, r.required("id"), UnaryOperator.identity());
      String name = names.check(r, r.required("name"), Keys::lower);
      String channel = r.optional("default_channel");
      out.add(LeadSource.of(id, name,
          channel == null ? null : channelRef.resolve(r, "default_channel", channel)));
    }
    return out;
  }

  private List<SourceCode> hostSourceCodes(Ref sourceRef) {
    Unique codes = new Unique("code");
    List<SourceCode> out = new ArrayList<>();
    for (HostRow r : rows(TableSpec.SOURCE_CODES)) {
      String code = codes.check(r, r.required("code"), Keys::lower);
      out.add(SourceCode.of(code, sourceRef.resolve(r, "source", r.required("source"))));
    }
    return out;
  }

  private List<ChannelCode> hostChannelCodes(Ref channelRef) {
    Unique codes = new Unique("code");
    List<ChannelCode> out = new ArrayList<>();
    for (HostRow r : rows(TableSpec.CHANNEL_CODES)) {
      String code = codes.check(r, r.required("code"), Keys::lower);
      out.add(ChannelCode.of(code, channelRef.resolve(r, "channel", r.required("channel"))));
    }
    return out;
  }

  private List<SourceUrl> hostSourceUrls(Ref sourceRef) {
    Unique domains = new Unique("domain");
    List<SourceUrl> out = new ArrayList<>();
    for (HostRow r : rows(TableSpec.SOURCE_URLS)) {
      String domain = domains.check(r, r.required("domain"), Keys::lower);
      if (domain.contains("/") || domain.contains(":")
          || domain.chars().anyMatch(Character::isWhitespace)) {
        throw r.error("domain '" + domain + "' must be a host name such as facebook.com"
            + " (no scheme, port, path or spaces)");
      }
      out.add(SourceUrl.of(domain, sourceRef.resolve(r, "source", r.required("source"))));
    }
    return out;
  }

  private List<Country> hostCountries() {
    Unique ids = new Unique("id");
    Unique codes = new Unique("code");
    List<Country> out = new ArrayList<>();
    for (HostRow r : rows(TableSpec.COUNTRIES)) {
      String id = ids.check(r, r.required("id"), UnaryOperator.identity());
      String code = codes.check(r, r.required("code"), Keys::lower);
      out.add(Country.of(id, code, r.required("name")));
    }
    return out;
  }

  private List<Region> hostRegions(Ref countryRef) {
    Unique ids = new Unique("id");
    Map<Keys.RegionKey, HostRow> codes = new HashMap<>();
    List<Region> out = new ArrayList<>();
    for (HostRow r : rows(TableSpec.REGIONS)) {
      String id = ids.check(r, r.required("id"), UnaryOperator.identity());
      String countryId = countryRef.resolve(r, "country", r.required("country"));
      String code = r.required("code");
      HostRow first = codes.putIfAbsent(new Keys.RegionKey(countryId, lower(code)), r);
      if (first != null) {
        throw r.error("duplicate code '" + code + "' for country '" + r.required("country")
            + "' (first at " + first.location() + ")");
      }
      out.add(Region.of(id, countryId, code, r.required("name")));
    }
    return out;
  }

  private List<City> hostCities(Ref countryRef, Map<String, Region> regionsById,
      Map<Keys.RegionKey, Region> regionsByCode) {
    Unique ids = new Unique("id");
    List<City> out = new ArrayList<>();
    for (HostRow r : rows(TableSpec.CITIES)) {
      String id = ids.check(r, r.required("id"), UnaryOperator.identity());
      String country = r.required("country");
      String countryId = countryRef.resolve(r, "country", country);
      String region = r.optional("region");
      String regionId = null;
      if (region != null) {
        Region byId = regionsById.get(overlay.regionId(region));
        if (byId != null && !byId.countryId().equals(countryId)) {
          throw r.error("region '" + region + "' belongs to another country than '" + country
              + "'");
        }
        Region found = byId != null ? byId
            : regionsByCode.get(new Keys.RegionKey(countryId, lower(region)));
        if (found == null) {
          throw r.error("region '" + region + "' is neither the id of a region nor the code of"
              + " a region of country '" + country + "'");
        }
        regionId = found.id();
      }
      out.add(City.of(id, r.required("name"), countryId, regionId));
    }
    return out;
  }

  private List<ReferrerType> hostReferrerTypes() {
    List<ReferrerType> out = new ArrayList<>();
    coded(TableSpec.REFERRER_TYPES, (id, code, name) -> out.add(ReferrerType.of(id, code, name)));
    return out;
  }

  private List<ActionType> hostActionTypes() {
    List<ActionType> out = new ArrayList<>();
    coded(TableSpec.ACTION_TYPES, (id, code, name) -> out.add(ActionType.of(id, code, name)));
    return out;
  }

  private interface CodedRow {
    void accept(String id, String code, String name);
  }

  private void coded(TableSpec spec, CodedRow sink) {
    Unique ids = new Unique("id");
    Unique codes = new Unique("code");
    for (HostRow r : rows(spec)) {
      sink.accept(ids.check(r, r.required("id"), UnaryOperator.identity()),
          codes.check(r, r.required("code"), Keys::lower), r.required("name"));
    }
  }

  private List<WebPage> hostWebPages() {
    Unique ids = new Unique("id");
    Map<Keys.PageKey, HostRow> pages = new HashMap<>();
    List<WebPage> out = new ArrayList<>();
    for (HostRow r : rows(TableSpec.WEB_PAGES)) {
      String id = ids.check(r, r.required("id"), UnaryOperator.identity());
      String name = r.required("name");
      String url = r.required("url");
      HostRow first = pages.putIfAbsent(new Keys.PageKey(name, url), r);
      if (first != null) {
        throw r.error("duplicate name and url (first at " + first.location() + ")");
      }
      out.add(WebPage.of(id, name, url));
    }
    return out;
  }

  private static <T> Map<String, String> ids(List<T> rows, Function<T, String> idOf) {
    Map<String, String> ids = new HashMap<>();
    for (T row : rows) {
      ids.put(idOf.apply(row), idOf.apply(row));
    }
    return ids;
  }

  private static <T> Map<String, String> keys(List<T> rows, Function<T, String> idOf,
      Function<T, String> keyOf) {
    Map<String, String> keys = new HashMap<>();
    for (T row : rows) {
      keys.putIfAbsent(keyOf.apply(row), idOf.apply(row));
    }
    return keys;
  }

  /** Rejects a value a column already had in an earlier row of the same file. */
  private static final class Unique {
    private final String column;
    private final Map<String, HostRow> seen = new HashMap<>();

    Unique(String column) {
      this.column = column;
    }

    /** The value, after checking that its normalised form is new. */
    String check(HostRow row, String value, UnaryOperator<String> normalise) {
      HostRow first = seen.putIfAbsent(normalise.apply(value), row);
      if (first != null) {
        throw row.error("duplicate " + column + " '" + value + "' (first at "
            + first.location() + ")");
      }
      return value;
    }
  }

  /** Resolves a reference given as an id or as a name (or code), case-insensitively. */
  private static final class Ref {
    private final String kind;
    private final String keyName;
    private final Map<String, String> ids;
    private final Map<String, String> keys;
    private final UnaryOperator<String> replaced;

    Ref(String kind, String keyName, Map<String, String> ids, Map<String, String> keys,
        UnaryOperator<String> replaced) {
      this.kind = kind;
      this.keyName = keyName;
      this.ids = ids;
      this.keys = keys;
      this.replaced = replaced;
    }

    String resolve(HostRow row, String column, String value) {
      String id = ids.get(replaced.apply(value));
      if (id == null) {
        id = keys.get(lower(value));
      }
      if (id == null) {
        throw row.error(column + " '" + value + "' is neither the id nor the " + keyName
            + " of a " + kind);
      }
      return id;
    }
  }
}
