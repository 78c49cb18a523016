package io.github.matomotracking.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.matomotracking.client.LiveResponseReader;
import io.github.matomotracking.identify.DefaultContactIdentifier;
import io.github.matomotracking.identify.Identification;
import io.github.matomotracking.identify.VisitSpan;
import io.github.matomotracking.mapping.MappingBatch;
import io.github.matomotracking.mapping.SiteTimeZone;
import io.github.matomotracking.mapping.SiteTimeZones;
import io.github.matomotracking.mapping.VisitMapper;
import io.github.matomotracking.model.MappedVisit;
import io.github.matomotracking.model.Visit;
import io.github.matomotracking.port.LookupRepository;
import io.github.matomotracking.port.SessionSink;
import io.github.matomotracking.port.SessionWrite;
import io.github.matomotracking.port.SyncStateStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The scheme a simple integration uses to refresh tracked visitors, written by hand as the
 * baseline of the request-economy benchmark: one site at a time, 30 visitorIds per segment,
 * pages of 200 visits walked with {@code filter_offset} until a page comes back short, no
 * compression asked for, one request at a time. Like the library it sends the token in a POST
 * form body (never in the URL), reads the time window with {@code minTimestamp} (the time of its
 * previous run, one second earlier), decides owners with the same identification rules, maps
 * with the same mapper and writes to the same kind of sink, so the comparison is about the
 * request scheme only.
 */
public final class NaiveSync {

  /** VisitorIds per segment. */
  public static final int IDS_PER_SEGMENT = 30;
  /** Visits per page ({@code filter_limit}). */
  public static final int PAGE_SIZE = 200;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final URI baseUrl;
  private final String token;
  private final long[] sites;
  private final SyncStateStore state;
  private final LookupRepository lookups;
  private final SessionSink sink;
  private final DefaultContactIdentifier identifier = new DefaultContactIdentifier();
  private final VisitMapper mapper = VisitMapper.standard();
  private final LiveResponseReader reader = new LiveResponseReader();

  private long requests;
  private long visits;

  /**
   * An integration of a Matomo server and the host's stores.
   *
   * @param baseUrl Matomo's address
   * @param token the token, sent in the form body
   * @param sites the sites, read one after the other
   * @param state where the identifications are (its cursors are not used)
   * @param lookups the lookups the mapper resolves against and adds to
   * @param sink where sessions go
   */
  public NaiveSync(URI baseUrl, String token, long[] sites, SyncStateStore state, LookupRepository lookups,
      SessionSink sink) {
    this.baseUrl = baseUrl;
    this.token = token;
    this.sites = sites.clone();
    this.state = state;
    this.lookups = lookups;
    this.sink = sink;
  }

  /**
   * Reads every tracked visitor's visits whose last action is after {@code minTimestamp} and
   * stores them.
   *
   * @param minTimestamp the epoch second visits must end after
   */
  public void sync(long minTimestamp) {
    List<String> visitors = state.trackedVisitorIds();
    Map<Long, ZoneId> zones = new HashMap<>();
    for (long site : sites) {
      zoneOf(site).ifPresent(zone -> zones.put(site, zone));
    }
    SiteTimeZones siteZones = SiteTimeZones.of(zones);
    for (long site : sites) {
      for (int i = 0; i < visitors.size(); i += IDS_PER_SEGMENT) {
        String segment = visitors.subList(i, Math.min(visitors.size(), i + IDS_PER_SEGMENT)).stream()
            .map(id -> "visitorId==" + id).collect(Collectors.joining(","));
        for (int offset = 0; ; offset += PAGE_SIZE) {
          Map<String, String> params = new LinkedHashMap<>();
          params.put("method", "Live.getLastVisitsDetails");
          params.put("idSite", Long.toString(site));
          params.put("segment", segment);
          params.put("minTimestamp", Long.toString(minTimestamp));
          params.put("filter_limit", Integer.toString(PAGE_SIZE));
          params.put("filter_offset", Integer.toString(offset));
          List<Visit> page = new ArrayList<>();
          reader.read(new ByteArrayInputStream(post(params)), 200, page::add, warning -> { });
          store(page, siteZones);
          if (page.size() < PAGE_SIZE) {
            break;
          }
        }
      }
    }
  }

  private Optional<ZoneId> zoneOf(long site) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("method", "SitesManager.getSiteFromId");
    params.put("idSite", Long.toString(site));
    try {
      JsonNode zone = JSON.readTree(post(params)).findValue("timezone");
      return zone == null ? Optional.empty() : SiteTimeZone.parse(zone.asText());
    } catch (IOException e) {
      throw new UncheckedIOException("SitesManager.getSiteFromId answered no JSON", e);
    }
  }

  private void store(List<Visit> page, SiteTimeZones zones) {
    if (page.isEmpty()) {
      return;
    }
    MappingBatch batch = mapper.newBatch(lookups.snapshot(), zones);
    List<SessionWrite> writes = new ArrayList<>();
    for (Visit visit : page) {
      visits++;
      List<Identification> known = visit.visitorId().map(state::identificationsOfVisitor).orElse(List.of());
      Optional<String> owner = identifier.owner(VisitSpan.of(visit), known);
      if (owner.isPresent()) {
        MappedVisit mapped = batch.map(visit);
        writes.add(SessionWrite.of(owner.get(), mapped));
      }
    }
    if (!batch.additions().isEmpty()) {
      lookups.apply(List.copyOf(batch.additions()));
    }
    if (!writes.isEmpty()) {
      sink.upsert(writes);
    }
  }

  private byte[] post(Map<String, String> params) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("module", "API");
    form.put("format", "JSON");
    form.putAll(params);
    form.put("token_auth", token);
    String body = form.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve("index.php"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    try {
      requests++;
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("Matomo answered HTTP " + response.statusCode() + " to " + params.get("method"));
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /**
   * HTTP requests sent so far.
   *
   * @return the count
   */
  public long requests() {
    return requests;
  }

  /**
   * Visits received so far.
   *
   * @return the count
   */
  public long visits() {
    return visits;
  }
}
