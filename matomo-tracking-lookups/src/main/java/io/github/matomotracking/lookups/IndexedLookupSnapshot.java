package io.github.matomotracking.lookups;

import static io.github.matomotracking.lookups.Keys.lower;

import io.github.matomotracking.mapping.LookupSnapshot;
import io.github.matomotracking.model.ActionType;
import io.github.matomotracking.model.ChannelCode;
import io.github.matomotracking.model.City;
import io.github.matomotracking.model.Country;
import io.github.matomotracking.model.LeadChannel;
import io.github.matomotracking.model.LeadSource;
import io.github.matomotracking.model.LookupAddition;
import io.github.matomotracking.model.Nullable;
import io.github.matomotracking.model.ReferrerType;
import io.github.matomotracking.model.Region;
import io.github.matomotracking.model.SourceCode;
import io.github.matomotracking.model.SourceUrl;
import io.github.matomotracking.model.WebPage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable {@link LookupSnapshot} whose entries sit in hash maps, so every look-up takes
 * constant time. Text keys are compared case-insensitively (lower-cased with the root locale),
 * except web pages, whose name and URL match exactly; ids always match exactly. A {@code null}
 * argument finds nothing.
 *
 * <p>Building one checks the tables: ids are unique within a lookup, keys are unique within a
 * lookup (a channel's or source's name, a code, a domain, a country code, a region code within
 * its country, a web page's name and URL), and every reference points to an entry that exists
 * (a source's default channel, a code's source or channel, a region's country, a city's country
 * and region, the region belonging to that country). Cities may share a name; a look-up finds
 * the first one given.
 *
 * <p>{@link #withAdditions} returns a new snapshot and never changes this one. Additions go to
 * a small layer over the shared large one, which is folded in when it has grown to about the
 * square root of the large one, so adding a few entries to a snapshot of a hundred thousand web
 * pages copies only the small layer.
 *
 * <p>In a host's own tests: {@code IndexedLookupSnapshot.builder().addAll(DefaultLookups.tables())
 * .add(City.of(...)).build()}.
 */
public final class IndexedLookupSnapshot implements LookupSnapshot {

  private static final Index.Kind<ReferrerType> REFERRER_TYPES = new Index.Kind<>(
      "referrer type", ReferrerType::id, "code", t -> lower(t.code()), true);
  private static final Index.Kind<ActionType> ACTION_TYPES = new Index.Kind<>(
      "action type", ActionType::id, "code", t -> lower(t.code()), true);
  private static final Index.Kind<WebPage> WEB_PAGES = new Index.Kind<>(
      "web page", WebPage::id, "name and URL", p -> new Keys.PageKey(p.name(), p.url()), true);

  private static final IndexedLookupSnapshot EMPTY = of(LookupTables.empty());

  private final Fixed fixed;
  private final Addable large;
  private final Addable recent;

  private IndexedLookupSnapshot(Fixed fixed, Addable large, Addable recent) {
    this.fixed = fixed;
    this.large = large;
    this.recent = recent;
  }

  /**
   * Indexes the given tables.
   *
   * @param tables the entries
   * @return the snapshot
   * @throws IllegalArgumentException when an id or key repeats or a reference points nowhere;
   *     the message names the entries
   */
  public static IndexedLookupSnapshot of(LookupTables tables) {
    Objects.requireNonNull(tables, "tables");
    return new IndexedLookupSnapshot(new Fixed(tables),
        new Addable(Index.of(REFERRER_TYPES, tables.referrerTypes()),
            Index.of(ACTION_TYPES, tables.actionTypes()), Index.of(WEB_PAGES, tables.webPages())),
        Addable.NONE);
  }

  /**
   * A snapshot with no entries.
   *
   * @return the empty snapshot
   */
  public static IndexedLookupSnapshot empty() {
    return EMPTY;
  }

  /**
   * A builder that collects entries one by one.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * This snapshot plus the given additions, as {@link
   * io.github.matomotracking.port.LookupRepository#apply} describes: an addition whose id or key
   * (code of a referrer or action type; name and URL of a web page) is already present, here or
   * earlier in the same collection, is left out. Every addition is checked before any is used.
   *
   * @param additions the entries the mapper found missing
   * @return this snapshot when nothing was new, else a new snapshot
   * @throws IllegalArgumentException when an addition lacks its code (referrer or action type)
   *     or its URL (web page), or has a blank id
   */
  public IndexedLookupSnapshot withAdditions(Collection<LookupAddition> additions) {
    Objects.requireNonNull(additions, "additions");
    List<ReferrerType> referrerTypes = new ArrayList<>();
    List<ActionType> actionTypes = new ArrayList<>();
    List<WebPage> webPages = new ArrayList<>();
    for (LookupAddition a : additions) {
      Objects.requireNonNull(a, "an addition is null");
      if (a.id().isBlank()) {
        throw new IllegalArgumentException("addition with a blank id: " + a);
      }
      switch (a.kind()) {
        case REFERRER_TYPE:
          referrerTypes.add(ReferrerType.of(a.id(), code(a), a.name()));
          break;
        case ACTION_TYPE:
          actionTypes.add(ActionType.of(a.id(), code(a), a.name()));
          break;
        case WEB_PAGE:
          webPages.add(WebPage.of(a.id(), a.name(), a.url().orElseThrow(
              () -> new IllegalArgumentException("web page addition without a URL: " + a))));
          break;
        default:
          throw new IllegalArgumentException("additions of this kind are not supported: " + a);
      }
    }
    Addable news = new Addable(
        Index.of(REFERRER_TYPES, fresh(referrerTypes, REFERRER_TYPES, large.referrerTypes,
            recent.referrerTypes)),
        Index.of(ACTION_TYPES, fresh(actionTypes, ACTION_TYPES, large.actionTypes,
            recent.actionTypes)),
        Index.of(WEB_PAGES, fresh(webPages, WEB_PAGES, large.webPages, recent.webPages)));
    if (news.size() == 0) {
      return this;
    }
    Addable merged = recent.plus(news);
    if (merged.size() > foldThreshold(large.size())) {
      return new IndexedLookupSnapshot(fixed, large.plus(merged), Addable.NONE);
    }
    return new IndexedLookupSnapshot(fixed, large, merged);
  }

  private static String code(LookupAddition a) {
    String code = a.code().orElseThrow(
        () -> new IllegalArgumentException(a.kind().wireName() + " addition without a code: " + a));
    if (code.isBlank()) {
      throw new IllegalArgumentException(a.kind().wireName() + " addition with a blank code: " + a);
    }
    return code;
  }

  /** The candidates whose id and key are in neither layer nor earlier among the candidates. */
  private static <T> List<T> fresh(List<T> candidates, Index.Kind<T> kind, Index<T> large,
      Index<T> recent) {
    List<T> out = new ArrayList<>(candidates.size());
    Set<String> ids = new HashSet<>();
    Set<Object> keys = new HashSet<>();
    for (T row : candidates) {
      String id = kind.idOf().apply(row);
      Object key = kind.keyOf().apply(row);
      boolean known = large.containsId(id) || recent.containsId(id) || large.containsKey(key)
          || recent.containsKey(key) || !ids.add(id) || !keys.add(key);
      if (!known) {
        out.add(row);
      }
    }
    return out;
  }

  /** When the recent layer is folded into the large one: about 4 times sqrt(large). */
  static int foldThreshold(int largeSize) {
    return Math.max(256, 4 * (int) Math.sqrt(largeSize));
  }

  /**
   * Every entry of this snapshot as plain lists (additions after the entries they were added
   * to). This copies every entry; meant for export and tests, not for the mapping path.
   *
   * @return the tables
   */
  public LookupTables tables() {
    return LookupTables.builder()
        .leadChannels(fixed.channels.values())
        .leadSources(fixed.sources.values())
        .sourceCodes(fixed.sourceCodes.values())
        .channelCodes(fixed.channelCodes.values())
        .sourceUrls(fixed.sourceUrls.values())
        .countries(fixed.countries.values())
        .regions(fixed.regions.values())
        .cities(fixed.cities.values())
        .addAllReferrerTypes(large.referrerTypes.values())
        .addAllReferrerTypes(recent.referrerTypes.values())
        .addAllActionTypes(large.actionTypes.values())
        .addAllActionTypes(recent.actionTypes.values())
        .addAllWebPages(large.webPages.values())
        .addAllWebPages(recent.webPages.values())
        .build();
  }

  @Override
  public Optional<Country> countryByCode(@Nullable String code) {
    return code == null ? Optional.empty()
        : Optional.ofNullable(fixed.countries.byKey(lower(code)));
  }

  @Override
  public Optional<Region> regionByCode(@Nullable String countryId, @Nullable String regionCode) {
    if (countryId == null || regionCode == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        fixed.regions.byKey(new Keys.RegionKey(countryId, lower(regionCode))));
  }

  @Override
  public Optional<City> cityByName(@Nullable String countryId, @Nullable String regionId,
      @Nullable String name) {
    if (countryId == null || name == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        fixed.cities.byKey(new Keys.CityKey(countryId, regionId, lower(name))));
  }

  @Override
  public Optional<LeadSource> sourceByCode(@Nullable String code) {
    SourceCode entry = code == null ? null : fixed.sourceCodes.byKey(lower(code));
    return entry == null ? Optional.empty() : leadSource(entry.sourceId());
  }

  @Override
  public Optional<LeadChannel> channelByCode(@Nullable String code) {
    ChannelCode entry = code == null ? null : fixed.channelCodes.byKey(lower(code));
    return entry == null ? Optional.empty() : leadChannel(entry.channelId());
  }

  @Override
  public Optional<LeadSource> sourceByDomain(@Nullable String domain) {
    SourceUrl entry = domain == null ? null : fixed.sourceUrls.byKey(lower(domain));
    return entry == null ? Optional.empty() : leadSource(entry.sourceId());
  }

  @Override
  public Optional<LeadSource> leadSource(@Nullable String id) {
    return Optional.ofNullable(fixed.sources.byId(id));
  }

  @Override
  public Optional<LeadChannel> leadChannel(@Nullable String id) {
    return Optional.ofNullable(fixed.channels.byId(id));
  }

  @Override
  public Optional<LeadSource> leadSourceByName(@Nullable String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(fixed.sources.byKey(lower(name)));
  }

  @Override
  public Optional<LeadChannel> leadChannelByName(@Nullable String name) {
    return name == null ? Optional.empty()
        : Optional.ofNullable(fixed.channels.byKey(lower(name)));
  }

  @Override
  public Optional<ReferrerType> referrerTypeByCode(@Nullable String code) {
    if (code == null) {
      return Optional.empty();
    }
    String key = lower(code);
    ReferrerType found = large.referrerTypes.byKey(key);
    return Optional.ofNullable(found != null ? found : recent.referrerTypes.byKey(key));
  }

  @Override
  public Optional<ActionType> actionTypeByCode(@Nullable String code) {
    if (code == null) {
      return Optional.empty();
    }
    String key = lower(code);
    ActionType found = large.actionTypes.byKey(key);
    return Optional.ofNullable(found != null ? found : recent.actionTypes.byKey(key));
  }

  @Override
  public Optional<WebPage> webPage(@Nullable String name, @Nullable String url) {
    if (name == null || url == null) {
      return Optional.empty();
    }
    Keys.PageKey key = new Keys.PageKey(name, url);
    WebPage found = large.webPages.byKey(key);
    return Optional.ofNullable(found != null ? found : recent.webPages.byKey(key));
  }

  /** Counts per lookup, for logs and test failures. */
  @Override
  public String toString() {
    return "IndexedLookupSnapshot{leadChannels=" + fixed.channels.size()
        + ", leadSources=" + fixed.sources.size()
        + ", sourceCodes=" + fixed.sourceCodes.size()
        + ", channelCodes=" + fixed.channelCodes.size()
        + ", sourceUrls=" + fixed.sourceUrls.size()
        + ", countries=" + fixed.countries.size()
        + ", regions=" + fixed.regions.size()
        + ", cities=" + fixed.cities.size()
        + ", referrerTypes=" + (large.referrerTypes.size() + recent.referrerTypes.size())
        + ", actionTypes=" + (large.actionTypes.size() + recent.actionTypes.size())
        + ", webPages=" + (large.webPages.size() + recent.webPages.size()) + "}";
  }

  /** The lookups additions never touch, indexed and checked once. */
  private static final class Fixed {
    final Index<LeadChannel> channels;
    final Index<LeadSource> sources;
    final Index<SourceCode> sourceCodes;
    final Index<ChannelCode> channelCodes;
    final Index<SourceUrl> sourceUrls;
    final Index<Country> countries;
    final Index<Region> regions;
    final Index<City> cities;

    Fixed(LookupTables t) {
      channels = Index.of(new Index.Kind<>("lead channel", LeadChannel::id, "name",
          c -> lower(c.name()), true), t.leadChannels());
      sources = Index.of(new Index.Kind<>("lead source", LeadSource::id, "name",
          s -> lower(s.name()), true), t.leadSources());
      sourceCodes = Index.of(new Index.Kind<>("source code", null, "code",
          c -> lower(c.code()), true), t.sourceCodes());
      channelCodes = Index.of(new Index.Kind<>("channel code", null, "code",
          c -> lower(c.code()), true), t.channelCodes());
      sourceUrls = Index.of(new Index.Kind<>("lead source URL", null, "domain",
          u -> lower(u.domain()), true), t.sourceUrls());
      countries = Index.of(new Index.Kind<>("country", Country::id, "code",
          c -> lower(c.code()), true), t.countries());
      regions = Index.of(new Index.Kind<>("region", Region::id, "code within its country",
          r -> new Keys.RegionKey(r.countryId(), lower(r.code())), true), t.regions());
      cities = Index.of(new Index.Kind<>("city", City::id, "name",
          c -> new Keys.CityKey(c.countryId(), c.regionId().orElse(null), lower(c.name())),
          false), t.cities());
      checkReferences();
    }

    private void checkReferences() {
      for (LeadSource s : sources.values()) {
        s.defaultChannelId().ifPresent(ch -> require(channels.containsId(ch),
            "lead source " + s + " names a default channel id that is not a lead channel"));
      }
      for (SourceCode c : sourceCodes.values()) {
        require(sources.containsId(c.sourceId()),
            "source code " + c + " names a source id that is not a lead source");
      }
      for (ChannelCode c : channelCodes.values()) {
        require(channels.containsId(c.channelId()),
            "channel code " + c + " names a channel id that is not a lead channel");
      }
      for (SourceUrl u : sourceUrls.values()) {
        require(sources.containsId(u.sourceId()),
            "lead source URL " + u + " names a source id that is not a lead source");
      }
      for (Region r : regions.values()) {
        require(countries.containsId(r.countryId()),
            "region " + r + " names a country id that is not a country");
      }
      for (City c : cities.values()) {
        require(countries.containsId(c.countryId()),
            "city " + c + " names a country id that is not a country");
        c.regionId().ifPresent(regionId -> {
          Region region = regions.byId(regionId);
          require(region != null, "city " + c + " names a region id that is not a region");
          require(region.countryId().equals(c.countryId()),
              "city " + c + " names a region of another country: " + region);
        });
      }
    }

    private static void require(boolean condition, String problem) {
      if (!condition) {
        throw new IllegalArgumentException(problem);
      }
    }
  }

  /** The lookups additions go to: referrer types, action types, web pages. */
  private static final class Addable {
    static final Addable NONE = new Addable(Index.of(REFERRER_TYPES, List.of()),
        Index.of(ACTION_TYPES, List.of()), Index.of(WEB_PAGES, List.of()));

    final Index<ReferrerType> referrerTypes;
    final Index<ActionType> actionTypes;
    final Index<WebPage> webPages;

    Addable(Index<ReferrerType> referrerTypes, Index<ActionType> actionTypes,
        Index<WebPage> webPages) {
      this.referrerTypes = referrerTypes;
      this.actionTypes = actionTypes;
      this.webPages = webPages;
    }

    Addable plus(Addable more) {
      return new Addable(
          more.referrerTypes.size() == 0 ? referrerTypes
              : referrerTypes.plus(more.referrerTypes.values()),
          more.actionTypes.size() == 0 ? actionTypes : actionTypes.plus(more.actionTypes.values()),
          more.webPages.size() == 0 ? webPages : webPages.plus(more.webPages.values()));
    }

    int size() {
      return referrerTypes.size() + actionTypes.size() + webPages.size();
    }
  }

  /**
   * Collects entries for {@link IndexedLookupSnapshot#of}. Not thread-safe; {@link #build()}
   * may be called more than once.
   */
  public static final class Builder {
    private final ImmutableLookupTables.Builder tables = LookupTables.builder();

    private Builder() {}

    /**
     * Adds every entry of the given tables.
     *
     * @param more the entries
     * @return this builder
     */
    public Builder addAll(LookupTables more) {
      tables.addAllLeadChannels(more.leadChannels())
          .addAllLeadSources(more.leadSources())
          .addAllSourceCodes(more.sourceCodes())
          .addAllChannelCodes(more.channelCodes())
          .addAllSourceUrls(more.sourceUrls())
          .addAllCountries(more.countries())
          .addAllRegions(more.regions())
          .addAllCities(more.cities())
          .addAllReferrerTypes(more.referrerTypes())
          .addAllActionTypes(more.actionTypes())
          .addAllWebPages(more.webPages());
      return this;
    }

    /**
     * Adds a lead channel.
     *
     * @param entry the entry
     * @return this builder
     */
    public Builder add(LeadChannel entry) {
      tables.addLeadChannels(entry);
      return this;
    }

    /**
     * Adds a lead source.
     *
     * @param entry the entry
     * @return this builder
     */
    public Builder add(LeadSource entry) {
      tables.addLeadSources(entry);
      return this;
    }

    /**
     * Adds a source code.
     *
     * @param entry the entry
     * @return this builder
     */
    public Builder add(SourceCode entry) {
      tables.addSourceCodes(entry);
      return this;
    }

    /**
     * Adds a channel code.
     *
     * @param entry the entry
     * @return this builder
     */
    public Builder add(ChannelCode entry) {
      tables.addChannelCodes(entry);
      return this;
    }

    /**
     * Adds a lead source URL.
     *
     * @param entry the entry
     * @return this builder
     */
    public Builder add(SourceUrl entry) {
      tables.addSourceUrls(entry);
      return this;
    }

    /**
     * Adds a country.
     *
     * @param entry the entry
     * @return this builder
     */
    public Builder add(Country entry) {
      tables.addCountries(entry);
      return this;
    }

    /**
     * Adds a region.
     *
     * @param entry the entry
     * @return this builder
     */
    public Builder add(Region entry) {
      tables.addRegions(entry);
      return this;
    }

    /**
     * Adds a city.
     *
     * @param entry the entry
     * @return this builder
     */
    public Builder add(City entry) {
      tables.addCities(entry);
      return this;
    }

    /**
     * Adds a referrer type.
     *
     * @param entry the entry
     * @return this builder
     */
    public Builder add(ReferrerType entry) {
      tables.addReferrerTypes(entry);
      return this;
    }

    /**
     * Adds an action type.
     *
     * @param entry the entry
     * @return this builder
     */
    public Builder add(ActionType entry) {
      tables.addActionTypes(entry);
      return this;
    }

    /**
     * Adds a web page.
     *
     * @param entry the entry
     * @return this builder
     */
    public Builder add(WebPage entry) {
      tables.addWebPages(entry);
      return this;
    }

    /**
     * Indexes the entries collected so far.
     *
     * @return the snapshot
     * @throws IllegalArgumentException as {@link IndexedLookupSnapshot#of} does
     */
    public IndexedLookupSnapshot build() {
      return of(tables.build());
    }
  }
}
