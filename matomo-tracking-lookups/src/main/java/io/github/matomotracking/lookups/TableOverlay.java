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
 * One merge of host rows over base rows, kind by kind. It remembers which ids were replaced so
 * that the kinds merged later can re-point their references; call the methods in dependency
 * order (channels, sources, codes; countries, regions, cities).
 */
final class TableOverlay {

  private final Map<String, String> channelIds = new HashMap<>();
  private final Map<String, String> sourceIds = new HashMap<>();
  private final Map<String, String> countryIds = new HashMap<>();
  private final Map<String, String> regionIds = new HashMap<>();

  /** The id a reference should now hold: the replacement's id, or the id itself. */
  String channelId(String id) {
    return channelIds.getOrDefault(id, id);
  }

  String sourceId(String id) {
    return sourceIds.getOrDefault(id, id);
  }

  String countryId(String id) {
    return countryIds.getOrDefault(id, id);
  }

  String regionId(String id) {
    return regionIds.getOrDefault(id, id);
  }

  List<LeadChannel> channels(List<LeadChannel> base, List<LeadChannel> host) {
    return merge(base, host, LeadChannel::id, c -> lower(c.name()), channelIds);
  }

  List<LeadSource> sources(List<LeadSource> base, List<LeadSource> host) {
    UnaryOperator<LeadSource> repoint =
        s -> LeadSource.of(s.id(), s.name(), s.defaultChannelId().map(this::channelId).orElse(null));
    return merge(map(base, repoint), map(host, repoint), LeadSource::id, s -> lower(s.name()),
        sourceIds);
  }

  List<SourceCode> sourceCodes(List<SourceCode> base, List<SourceCode> host) {
    UnaryOperator<SourceCode> repoint = c -> SourceCode.of(c.code(), sourceId(c.sourceId()));
    return merge(map(base, repoint), map(host, repoint), null, c -> lower(c.code()), null);
  }

  List<ChannelCode> channelCodes(List<ChannelCode> base, List<ChannelCode> host) {
    UnaryOperator<ChannelCode> repoint = c -> ChannelCode.of(c.code(), channelId(c.channelId()));
    return merge(map(base, repoint), map(host, repoint), null, c -> lower(c.code()), null);
  }

  List<SourceUrl> sourceUrls(List<SourceUrl> base, List<SourceUrl> host) {
    UnaryOperator<SourceUrl> repoint = u -> SourceUrl.of(u.domain(), sourceId(u.sourceId()));
    return merge(map(base, repoint), map(host, repoint), null, u -> lower(u.domain()), null);
  }

  List<Country> countries(List<Country> base, List<Country> host) {
    return merge(base, host, Country::id, c -> lower(c.code()), countryIds);
  }

  List<Region> regions(List<Region> base, List<Region> host) {
    UnaryOperator<Region> repoint =
        r -> Region.of(r.id(), countryId(r.countryId()), r.code(), r.name());
    return merge(map(base, repoint), map(host, repoint), Region::id,
        r -> new Keys.RegionKey(r.countryId(), lower(r.code())), regionIds);
  }

  List<City> cities(List<City> base, List<City> host) {
    UnaryOperator<City> repoint = c -> City.of(c.id(), c.name(), countryId(c.countryId()),
        c.regionId().map(this::regionId).orElse(null));
    return merge(map(base, repoint), map(host, repoint), City::id, null, null);
  }

  List<ReferrerType> referrerTypes(List<ReferrerType> base, List<ReferrerType> host) {
    return merge(base, host, ReferrerType::id, t -> lower(t.code()), null);
  }

  List<ActionType> actionTypes(List<ActionType> base, List<ActionType> host) {
    return merge(base, host, ActionType::id, t -> lower(t.code()), null);
  }

  List<WebPage> webPages(List<WebPage> base, List<WebPage> host) {
    return merge(base, host, WebPage::id, p -> new Keys.PageKey(p.name(), p.url()), null);
  }

  private static <T> List<T> map(List<T> rows, UnaryOperator<T> f) {
    List<T> out = new ArrayList<>(rows.size());
    for (T row : rows) {
      out.add(f.apply(row));
    }
    return out;
  }

  /**
   * Base rows that share an id or a key with a host row are dropped (their ids recorded in
   * {@code replaced} when the kind has ids), then the host rows follow.
   */
  private static <T> List<T> merge(List<T> base, List<T> host, Function<T, String> idOf,
      Function<T, Object> keyOf, Map<String, String> replaced) {
    if (host.isEmpty()) {
      return base;
    }
    Map<String, T> hostById = new HashMap<>();
    Map<Object, T> hostByKey = new HashMap<>();
    for (T row : host) {
      if (idOf != null) {
        hostById.putIfAbsent(idOf.apply(row), row);
      }
      if (keyOf != null) {
        hostByKey.putIfAbsent(keyOf.apply(row), row);
      }
    }
    List<T> out = new ArrayList<>(base.size() + host.size());
    for (T row : base) {
      T match = idOf == null ? null : hostById.get(idOf.apply(row));
      if (match == null && keyOf != null) {
        match = hostByKey.get(keyOf.apply(row));
      }
      if (match == null) {
        out.add(row);
      } else if (replaced != null && idOf != null) {
        String oldId = idOf.apply(row);
        String newId = idOf.apply(match);
        if (!oldId.equals(newId)) {
          replaced.put(oldId, newId);
        }
      }
    }
    out.addAll(host);
    return out;
  }
}
