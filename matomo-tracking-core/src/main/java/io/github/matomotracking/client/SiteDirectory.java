package io.github.matomotracking.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.System.Logger.Level;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Site facts from SitesManager: time zones (read once per site and cached) and the viewable sites. */
final class SiteDirectory {

  static final String GET_SITE = "SitesManager.getSiteFromId";
  static final String VIEWABLE_SITES = "SitesManager.getSitesIdWithAtLeastViewAccess";

  private final SmallJsonCalls calls;
  private final ConcurrentMap<Long, CompletableFuture<Optional<ZoneId>>> zones = new ConcurrentHashMap<>();

  SiteDirectory(SmallJsonCalls calls) {
    this.calls = calls;
  }

  Optional<ZoneId> timeZone(long siteId) {
    if (siteId < 1) {
      throw new IllegalArgumentException("a Matomo site id is at least 1, got " + siteId);
    }
    CompletableFuture<Optional<ZoneId>> mine = new CompletableFuture<>();
    CompletableFuture<Optional<ZoneId>> known = zones.putIfAbsent(siteId, mine);
    if (known != null) {
      return await(siteId, known);
    }
    try {
      Optional<ZoneId> zone = fetchTimeZone(siteId);
      mine.complete(zone);
      return zone;
    } catch (RuntimeException | Error e) {
      // Whatever ends the read, an Error too (a listener's, an OutOfMemoryError), must release
      // the callers waiting for it: an entry left incomplete would make every later call for
      // the site wait forever.
      zones.remove(siteId, mine);
      mine.completeExceptionally(e);
      throw e;
    }
  }

  /**
   * Waits for another caller's read. Its MatomoException is this caller's too; an Error ended
   * that caller's thread, not this one, so this caller then reads the zone itself.
   */
  private Optional<ZoneId> await(long siteId, CompletableFuture<Optional<ZoneId>> pending) {
    try {
      return pending.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      if (e.getCause() instanceof Error) {
        return timeZone(siteId);
      }
      throw e;
    }
  }

  private Optional<ZoneId> fetchTimeZone(long siteId) {
    JsonNode site = calls.call(GET_SITE, siteId, Map.of("idSite", Long.toString(siteId)));
    if (site.isArray() && site.size() == 1) {
      site = site.get(0);
    }
    String text = site.path("timezone").asText(null);
    Optional<ZoneId> zone = SiteZoneParser.parse(text);
    if (zone.isEmpty()) {
      Transport.LOG.log(Level.WARNING, () -> "site " + siteId + " has no usable time zone: " + text);
    }
    return zone;
  }

  List<Long> viewableSiteIds() {
    JsonNode ids = calls.call(VIEWABLE_SITES, -1, Map.of());
    if (!ids.isArray()) {
      throw new MatomoUnreadableResponseException(
          "the answer to " + VIEWABLE_SITES + " is not a list of site ids", -1, null, null);
    }
    List<Long> out = new ArrayList<>();
    for (JsonNode id : ids) {
      long value = id.asLong(-1);
      if (value < 1) {
        throw new MatomoUnreadableResponseException(
            "the answer to " + VIEWABLE_SITES + " holds something that is not a site id", -1, null, null);
      }
      out.add(value);
    }
    return List.copyOf(out);
  }
}
