package io.github.matomotracking.client.fake;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.github.matomotracking.model.VisitKey;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

/**
 * A small Matomo for WireMock: answers {@code Live.getLastVisitsDetails},
 * {@code SitesManager.getSiteFromId} and {@code SitesManager.getSitesIdWithAtLeastViewAccess}
 * from an in-memory visit table, the way Matomo 5's Live plugin selects visits:
 *
 * <ul>
 *   <li>POST form parameters only, the token checked ({@code token_auth}); a wrong token gets
 *       HTTP 401 with Matomo's error object.
 *   <li>{@code idSite} (n, list, {@code all}), {@code period=range&date=from,to} on the last action
 *       in the site's zone ({@code to} inclusive up to the next midnight, {@code today} or later
 *       open), {@code minTimestamp} (strictly after), {@code segment} read by
 *       {@link MatomoSegmentParser} (names {@code visitorId}, {@code userId}, {@code visitId};
 *       operators {@code == != > < >= <=}), ordering by (idSite when one site, last action,
 *       idVisit) with {@code filter_sort_order}, {@code filter_offset} and {@code filter_limit}
 *       (default 100, -1 for all), {@code doNotFetchActions}.
 * </ul>
 *
 * <p>Use: register the fake with WireMock ({@code options().extensions(fake)}),
 * then {@link #install(WireMock)} (or {@link #stub()}) to route {@code /index.php} through it.
 * {@link #beforeLiveRequest(IntConsumer)} changes the table between pages. Every request is
 * recorded ({@link #requests()}).
 */
public final class FakeMatomo implements ResponseDefinitionTransformerV2 {

  /** The transformer's name in WireMock. */
  public static final String NAME = "fake-matomo";

  /** Matomo's answer to a wrong token. */
  public static final String BAD_TOKEN_MESSAGE = "Unable to authenticate with the provided token."
      + " It is either invalid, expired or is required to be sent as a POST parameter.";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> SEGMENTS = Set.of("visitorId", "userId", "visitId");

  /**
   * One request as the fake received it.
   *
   * @param url the request URL (path and query)
   * @param form the form parameters as PHP reads them
   * @param headers request headers (name lower case, first value)
   * @param rawBody the body as sent
   */
  public record Received(String url, Map<String, String> form, Map<String, String> headers, String rawBody) {

    /** The API method asked for. */
    public String method() {
      return form.getOrDefault("method", "");
    }
  }

  private final String token;
  private final Map<VisitKey, FakeVisit> visits = new TreeMap<>();
  private final Map<Long, String> siteZones = new TreeMap<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final MatomoSegmentParser segments = new MatomoSegmentParser(SEGMENTS);
  private volatile IntConsumer beforeLive = n -> {};
  private volatile LocalDate today = LocalDate.now(ZoneOffset.UTC);
  private volatile boolean numbersAsStrings;
  private volatile UserIdCollation collation = UserIdCollation.BINARY;
  private volatile boolean recording = true;
  private int liveRequests;

  private FakeMatomo(String token) {
    this.token = token;
  }

  /**
   * A fake that accepts this token.
   *
   * @param token the valid token_auth
   * @return the fake, with no site and no visit
   */
  public static FakeMatomo withToken(String token) {
    return new FakeMatomo(token);
  }

  /** The stub routing {@code POST /index.php} through the fake. */
  public static com.github.tomakehurst.wiremock.client.MappingBuilder stub() {
    return post(urlPathEqualTo("/index.php")).atPriority(10).willReturn(aResponse().withTransformers(NAME));
  }

  /** Routes {@code POST /index.php} of this WireMock through the fake. */
  public StubMapping install(WireMock wireMock) {
    return wireMock.register(stub());
  }

  /** Forgets visits, sites, recorded requests and hooks. */
  public synchronized FakeMatomo reset() {
    visits.clear();
    siteZones.clear();
    received.clear();
    beforeLive = n -> {};
    today = LocalDate.now(ZoneOffset.UTC);
    numbersAsStrings = false;
    collation = UserIdCollation.BINARY;
    recording = true;
    liveRequests = 0;
    return this;
  }

  /** Adds a site with its Matomo time zone text ({@code Europe/Paris}, {@code UTC+5.5}). */
  public synchronized FakeMatomo site(long siteId, String timezone) {
    siteZones.put(siteId, timezone);
    return this;
  }

  /** Adds or replaces visits (by key). */
  public synchronized FakeMatomo put(FakeVisit... added) {
    for (FakeVisit visit : added) {
      visits.put(visit.key(), visit);
    }
    return this;
  }

  /** Adds or replaces visits (by key). */
  public synchronized FakeMatomo putAll(Collection<FakeVisit> added) {
    added.forEach(visit -> visits.put(visit.key(), visit));
    return this;
  }

  /** The visit with this key, or null. */
  public synchronized FakeVisit visit(long siteId, long visitId) {
    return visits.get(VisitKey.of(siteId, visitId));
  }

  /** Calls {@code hook} with the 1-based number of each Live request before answering it. */
  public FakeMatomo beforeLiveRequest(IntConsumer hook) {
    this.beforeLive = hook;
    return this;
  }

  /** The day the fake considers "today" (UTC by default). */
  public FakeMatomo today(LocalDate day) {
    this.today = day;
    return this;
  }

  /** Renders numeric columns as JSON strings, as PHP before 8.1 does. */
  public FakeMatomo numbersAsStrings(boolean asStrings) {
    this.numbersAsStrings = asStrings;
    return this;
  }

  /**
   * How {@code userId} conditions compare with stored userIds ({@link UserIdCollation#BINARY} by
   * default; Matomo on MySQL usually behaves like {@link UserIdCollation#MYSQL_GENERAL_CI}).
   */
  public FakeMatomo userIdCollation(UserIdCollation userIdCollation) {
    this.collation = userIdCollation;
    return this;
  }

  /** Every request received, in order. */
  public List<Received> requests() {
    return List.copyOf(received);
  }

  /** Whether requests are recorded (on by default; load tests turn it off to keep memory flat). */
  public FakeMatomo recordRequests(boolean record) {
    this.recording = record;
    return this;
  }

  /** Forgets the requests recorded so far (visits, sites and settings stay). */
  public FakeMatomo forgetRequests() {
    received.clear();
    return this;
  }

  /** The Live requests received, in order. */
  public List<Received> liveRequests() {
    return received.stream().filter(r -> r.method().equals("Live.getLastVisitsDetails")).collect(Collectors.toList());
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    Request request = event.getRequest();
    String body = request.getBodyAsString();
    Map<String, String> form = Php.parseForm(body);
    Map<String, String> headers = new LinkedHashMap<>();
    request.getAllHeaderKeys().forEach(name -> headers.put(name.toLowerCase(), request.getHeader(name)));
    if (recording) {
      received.add(new Received(request.getUrl(), form, headers, body));
    }
    ResponseDefinitionBuilder response = ResponseDefinitionBuilder.like(event.getResponseDefinition()).but()
        .withHeader("Content-Type", "application/json; charset=utf-8");
    if (!token.equals(form.get("token_auth"))) {
      return response.withStatus(401).withBody(error(BAD_TOKEN_MESSAGE)).build();
    }
    String method = form.getOrDefault("method", "");
    String answer;
    try {
      switch (method) {
        case "Live.getLastVisitsDetails":
          answer = live(form);
          break;
        case "SitesManager.getSiteFromId":
          answer = site(form);
          break;
        case "SitesManager.getSitesIdWithAtLeastViewAccess":
          synchronized (this) {
            answer = JSON.writeValueAsString(siteZones.keySet());
          }
          break;
        default:
          return response.withStatus(400).withBody(error(
              "The method '" + method + "' does not exist or is not available in the module 'API'.")).build();
      }
    } catch (MatomoSegmentParser.InvalidSegmentException | IllegalArgumentException e) {
      answer = error(e.getMessage());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return response.withStatus(200).withBody(answer).build();
  }

  private String live(Map<String, String> form) throws com.fasterxml.jackson.core.JsonProcessingException {
    int number;
    synchronized (this) {
      number = ++liveRequests;
    }
    beforeLive.accept(number);
    synchronized (this) {
      List<Long> sites = sites(form.getOrDefault("idSite", ""));
      List<List<MatomoSegmentParser.Condition>> clauses = form.containsKey("segment") && !form.get("segment").isEmpty()
          ? segments.parse(form.get("segment")).clauses()
          : List.of();
      long min = parseLong(form.get("minTimestamp"), 0);
      String date = form.get("date");
      boolean asc = "asc".equalsIgnoreCase(form.get("filter_sort_order"));
      int limit = (int) parseLong(form.get("filter_limit"), 100);
      int offset = (int) Math.max(0, parseLong(form.get("filter_offset"), 0));
      boolean withActions = !"1".equals(form.get("doNotFetchActions"));

      Comparator<FakeVisit> order = Comparator.comparingLong(FakeVisit::lastActionSecond)
          .thenComparingLong(FakeVisit::visitId);
      if (sites.size() == 1) {
        order = Comparator.comparingLong(FakeVisit::siteId).thenComparing(order);
      }
      if (!asc) {
        order = order.reversed();
      }
      List<FakeVisit> selected = visits.values().stream()
          .filter(v -> sites.contains(v.siteId()))
          .filter(v -> min <= 0 || v.lastActionSecond() > min)
          .filter(v -> inWindow(v, date))
          .filter(v -> matches(v, clauses))
          .sorted(order)
          .skip(offset)
          .limit(limit < 0 ? Long.MAX_VALUE : limit)
          .collect(Collectors.toList());
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      selected.forEach(v -> out.add(render(v, withActions)));
      return JSON.writeValueAsString(out);
    }
  }

  private List<Long> sites(String idSite) {
    if (idSite.equals("all")) {
      return new ArrayList<>(siteZones.keySet());
    }
    List<Long> ids = new ArrayList<>();
    for (String part : idSite.split(",")) {
      long id = parseLong(part.trim(), -1);
      if (id < 1) {
        throw new IllegalArgumentException("The parameter 'idSite' is not a valid site id.");
      }
      ids.add(id);
    }
    return ids;
  }

  private boolean inWindow(FakeVisit visit, String date) {
    if (date == null) {
      return true;
    }
    String[] range = date.split(",");
    ZoneId zone = zoneOf(visit.siteId());
    long start = LocalDate.parse(range[0]).atStartOfDay(zone).toEpochSecond();
    if (visit.lastActionSecond() < start) {
      return false;
    }
    if (range.length < 2 || range[1].equals("today") || !LocalDate.parse(range[1]).isBefore(today)) {
      return true;
    }
    long end = LocalDate.parse(range[1]).plusDays(1).atStartOfDay(zone).toEpochSecond();
    return visit.lastActionSecond() <= end;
  }

  private ZoneId zoneOf(long siteId) {
    String text = siteZones.getOrDefault(siteId, "UTC");
    if (text.startsWith("UTC") && text.length() > 3) {
      return ZoneOffset.ofTotalSeconds((int) Math.round(Double.parseDouble(text.substring(3)) * 3600));
    }
    return text.equals("UTC") ? ZoneOffset.UTC : ZoneId.of(text);
  }

  private boolean matches(FakeVisit visit, List<List<MatomoSegmentParser.Condition>> clauses) {
    for (List<MatomoSegmentParser.Condition> ors : clauses) {
      if (ors.stream().noneMatch(c -> matches(visit, c))) {
        return false;
      }
    }
    return true;
  }

  private boolean matches(FakeVisit visit, MatomoSegmentParser.Condition condition) {
    switch (condition.name()) {
      case "visitorId":
        return compareText(visit.visitorId(), condition, UserIdCollation.BINARY);
      case "userId":
        return compareText(visit.userId(), condition, collation);
      case "visitId":
        return compareNumber(visit.visitId(), condition);
      default:
        return false;
    }
  }

  private static boolean compareText(String actual, MatomoSegmentParser.Condition condition, UserIdCollation how) {
    switch (condition.operator()) {
      case "==":
        return actual != null && how.same(actual, condition.value());
      case "!=":
        return actual == null || !how.same(actual, condition.value());
      case MatomoSegmentParser.IS_NULL_OR_EMPTY:
        return how.isEmpty(actual);
      case MatomoSegmentParser.IS_NOT_NULL_NOR_EMPTY:
        return !how.isEmpty(actual);
      default:
        throw new IllegalArgumentException("the fake does not support " + condition.operator() + " on text");
    }
  }

  private static boolean compareNumber(long actual, MatomoSegmentParser.Condition condition) {
    long value = parseLong(condition.value(), Long.MIN_VALUE);
    switch (condition.operator()) {
      case "==":
        return actual == value;
      case "!=":
        return actual != value;
      case ">":
        return actual > value;
      case ">=":
        return actual >= value;
      case "<":
        return actual < value;
      case "<=":
        return actual <= value;
      default:
        throw new IllegalArgumentException("the fake does not support " + condition.operator() + " on numbers");
    }
  }

  private ObjectNode render(FakeVisit visit, boolean withActions) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    number(node, "idSite", visit.siteId());
    number(node, "idVisit", visit.visitId());
    if (visit.visitorId() == null) {
      node.put("visitorId", false);
    } else {
      node.put("visitorId", visit.visitorId());
    }
    if (visit.userId() == null) {
      node.putNull("userId");
    } else {
      node.put("userId", visit.userId());
    }
    node.put("firstActionTimestamp", visit.firstActionSecond());
    node.put("lastActionTimestamp", visit.lastActionSecond());
    node.put("serverTimestamp", visit.lastActionSecond());
    number(node, "visitDuration", visit.lastActionSecond() - visit.firstActionSecond());
    number(node, "actions", visit.pageViews());
    ArrayNode actions = node.putArray("actionDetails");
    if (withActions) {
      for (int i = 0; i < visit.pageViews(); i++) {
        ObjectNode action = actions.addObject();
        action.put("type", "action");
        action.put("url", "https://example.com/page/" + i);
        action.put("idpageview", String.format("%06x", (visit.visitId() * 31 + i) & 0xFFFFFF));
        action.put("timestamp", visit.firstActionSecond() + i);
      }
    }
    return node;
  }

  private void number(ObjectNode node, String name, long value) {
    if (numbersAsStrings) {
      node.put(name, Long.toString(value));
    } else {
      node.put(name, value);
    }
  }

  private synchronized String site(Map<String, String> form) throws com.fasterxml.jackson.core.JsonProcessingException {
    long id = parseLong(form.get("idSite"), -1);
    String zone = siteZones.get(id);
    if (zone == null) {
      return error("An unexpected website was found in the request: website id was set to '" + id + "' .");
    }
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("idsite", Long.toString(id));
    node.put("name", "Site " + id);
    node.put("main_url", "https://site" + id + ".example.com");
    node.put("timezone", zone);
    node.put("currency", "EUR");
    return JSON.writeValueAsString(node);
  }

  /** Matomo's error object for a message. */
  public static String error(String message) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("result", "error");
    node.put("message", message);
    try {
      return JSON.writeValueAsString(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long parseLong(String text, long fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
