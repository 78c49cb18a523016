package io.github.matomotracking.sync;

import io.github.matomotracking.mapping.LookupSnapshot;
import io.github.matomotracking.mapping.TestLookups;
import io.github.matomotracking.model.ActionType;
import io.github.matomotracking.model.City;
import io.github.matomotracking.model.Country;
import io.github.matomotracking.model.LeadChannel;
import io.github.matomotracking.model.LeadSource;
import io.github.matomotracking.model.LookupAddition;
import io.github.matomotracking.model.ReferrerType;
import io.github.matomotracking.model.Region;
import io.github.matomotracking.model.WebPage;
import io.github.matomotracking.port.LookupRepository;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link LookupRepository} for engine tests: the {@link TestLookups#defaults()} plus the
 * additions applied so far (idempotent by key, first one kept). Thread-safe; each snapshot is an
 * immutable copy.
 */
public final class TestLookupRepository implements LookupRepository {

  private final TestLookups base = TestLookups.defaults();
  private final Map<String, ReferrerType> referrerTypes = new HashMap<>();
  private final Map<String, ActionType> actionTypes = new HashMap<>();
  private final Map<String, WebPage> webPages = new HashMap<>();

  @Override
  public synchronized LookupSnapshot snapshot() {
    return new Snapshot(base, Map.copyOf(referrerTypes), Map.copyOf(actionTypes),
        Map.copyOf(webPages));
  }

  @Override
  public synchronized void apply(Collection<LookupAddition> additions) {
    for (LookupAddition addition : additions) {
      switch (addition.kind()) {
        case REFERRER_TYPE -> referrerTypes.putIfAbsent(lower(addition.code().orElseThrow()),
            ReferrerType.of(addition.id(), addition.code().orElseThrow(), addition.name()));
        case ACTION_TYPE -> actionTypes.putIfAbsent(lower(addition.code().orElseThrow()),
            ActionType.of(addition.id(), addition.code().orElseThrow(), addition.name()));
        case WEB_PAGE -> webPages.putIfAbsent(addition.name() + "\n" + addition.url().orElseThrow(),
            WebPage.of(addition.id(), addition.name(), addition.url().orElseThrow()));
        default -> throw new IllegalArgumentException("unknown kind " + addition.kind());
      }
    }
  }

  /** The number of entries added so far. */
  public synchronized int additions() {
    return referrerTypes.size() + actionTypes.size() + webPages.size();
  }

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  private record Snapshot(TestLookups base, Map<String, ReferrerType> referrerTypes,
      Map<String, ActionType> actionTypes, Map<String, WebPage> webPages)
      implements LookupSnapshot {

    @Override
    public Optional<Country> countryByCode(String code) {
      return base.countryByCode(code);
    }

    @Override
    public Optional<Region> regionByCode(String countryId, String regionCode) {
      return base.regionByCode(countryId, regionCode);
    }

    @Override
    public Optional<City> cityByName(String countryId, String regionId, String name) {
      return base.cityByName(countryId, regionId, name);
    }

    @Override
    public Optional<LeadSource> sourceByCode(String code) {
      return base.sourceByCode(code);
    }

    @Override
    public Optional<LeadChannel> channelByCode(String code) {
      return base.channelByCode(code);
    }

    @Override
    public Optional<LeadSource> sourceByDomain(String domain) {
      return base.sourceByDomain(domain);
    }

    @Override
    public Optional<LeadSource> leadSource(String id) {
      return base.leadSource(id);
    }

    @Override
    public Optional<LeadChannel> leadChannel(String id) {
      return base.leadChannel(id);
    }

    @Override
    public Optional<LeadSource> leadSourceByName(String name) {
      return base.leadSourceByName(name);
    }

    @Override
    public Optional<LeadChannel> leadChannelByName(String name) {
      return base.leadChannelByName(name);
    }

    @Override
    public Optional<ReferrerType> referrerTypeByCode(String code) {
      Optional<ReferrerType> added = Optional.ofNullable(referrerTypes.get(lower(code)));
      return added.isPresent() ? added : base.referrerTypeByCode(code);
    }

    @Override
    public Optional<ActionType> actionTypeByCode(String code) {
      Optional<ActionType> added = Optional.ofNullable(actionTypes.get(lower(code)));
      return added.isPresent() ? added : base.actionTypeByCode(code);
    }

    @Override
    public Optional<WebPage> webPage(String name, String url) {
      Optional<WebPage> added = Optional.ofNullable(webPages.get(name + "\n" + url));
      return added.isPresent() ? added : base.webPage(name, url);
    }
  }
}
