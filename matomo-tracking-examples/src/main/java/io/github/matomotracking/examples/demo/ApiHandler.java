package io.github.matomotracking.examples.demo;

import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

/** Answers one HTTP request of the {@link DemoMatomoServer}. */
final class ApiHandler implements HttpHandler {

  static final String LIVE = "Live.getLastVisitsDetails";
  static final String GET_SITE = "SitesManager.getSiteFromId";
  static final String VIEWABLE_SITES = "SitesManager.getSitesIdWithAtLeastViewAccess";

  private static final int MAX_BODY = 1024 * 1024;
  private static final String JSON_TYPE = "application/json; charset=utf-8";

  private final byte[] token;
  private final Map<Long, DemoSite> sites;
  private final VisitTable visits;
  private final Clock clock;
  private final ZoneId defaultZone;
  private final MatomoJson json;
  private final Duration latency;
  private final Consumer<Duration> pause;

  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong liveRequests = new AtomicLong();
  private final AtomicLong visitsSent = new AtomicLong();
  private final AtomicLong bytesReceived = new AtomicLong();
  private final AtomicLong bytesSent = new AtomicLong();

  ApiHandler(String token, Map<Long, DemoSite> sites, VisitTable visits, Clock clock,
      ZoneId defaultZone, MatomoJson json, Duration latency, Consumer<Duration> pause) {
    this.token = token.getBytes(StandardCharsets.UTF_8);
    this.sites = sites;
    this.visits = visits;
    this.clock = clock;
    this.defaultZone = defaultZone;
    this.json = json;
    this.latency = latency;
    this.pause = pause;
  }

  ServerStats stats() {
    return new ServerStats(requests.get(), liveRequests.get(), visitsSent.get(), bytesReceived.get(), bytesSent.get());
  }

  void resetStats() {
    requests.set(0);
    liveRequests.set(0);
    visitsSent.set(0);
    bytesReceived.set(0);
    bytesSent.set(0);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      requests.incrementAndGet();
      if (!latency.isZero()) {
        pause.accept(latency);
      }
      answer(exchange);
    } finally {
      exchange.close();
    }
  }

  private void answer(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    if (!path.equals("/") && !path.equals("/index.php")) {
      sendHtml(exchange, 404, "<!DOCTYPE html><html><head><title>404 Not Found</title></head>"
          + "<body><h1>Not Found</h1></body></html>");
      return;
    }
    String form = readBody(exchange);
    if (form == null) {
      sendHtml(exchange, 413, "<!DOCTYPE html><html><body><h1>Request Entity Too Large</h1></body></html>");
      return;
    }
    Map<String, String> post = PhpText.parseForm(form);
    Map<String, String> get = PhpText.parseForm(exchange.getRequestURI().getRawQuery());
    Map<String, String> params = new HashMap<>(post);
    params.putAll(get);
    boolean gzip = acceptsGzip(exchange);
    if (!"API".equals(params.get("module"))) {
      sendHtml(exchange, 200, "<!DOCTYPE html><html><head><title>Sign in - Matomo</title></head><body>"
          + "<form method=\"post\" action=\"index.php?module=Login\"><input name=\"form_login\">"
          + "<input type=\"password\" name=\"form_password\"></form></body></html>");
      return;
    }
    try {
      if (!"json".equalsIgnoreCase(params.getOrDefault("format", ""))) {
        throw new ApiError(400, "This demo server answers format=JSON only (Matomo's default is XML).");
      }
      String method = params.getOrDefault("method", "");
      if (!authenticated(post, get)) {
        if (method.equals(VIEWABLE_SITES)) {
          send(exchange, 200, "[]".getBytes(StandardCharsets.UTF_8), gzip);
          return;
        }
        throw new ApiError(401, "You can't access this resource as it requires 'view' access for the website id = "
            + PhpText.utf8(params.getOrDefault("idSite", "")) + ".");
      }
      switch (method) {
        case LIVE:
          live(exchange, params, gzip);
          break;
        case GET_SITE:
          site(exchange, params, gzip);
          break;
        case VIEWABLE_SITES:
          viewableSites(exchange, gzip);
          break;
        default:
          throw new ApiError(400, "The method '" + PhpText.utf8(method)
              + "' does not exist or is not available in the module 'API'.");
      }
    } catch (ApiError e) {
      send(exchange, e.status(), MatomoJson.error(e.getMessage()), gzip);
    }
  }

  /**
   * Whether the request carries the token as Matomo 5 accepts a "secure only" token: in the POST
   * body, with none in the query string. A token sent any other way, or a wrong one, is refused
   * with Matomo's 401; no token at all is an anonymous request.
   */
  private boolean authenticated(Map<String, String> post, Map<String, String> get) {
    String inBody = post.get("token_auth");
    String inUrl = get.get("token_auth");
    if (inBody == null && inUrl == null) {
      return false;
    }
    boolean secure = inUrl == null && inBody != null
        && MessageDigest.isEqual(inBody.getBytes(StandardCharsets.ISO_8859_1), token);
    if (!secure) {
      throw new ApiError(401, ApiError.BAD_TOKEN);
    }
    return true;
  }

  private void live(HttpExchange exchange, Map<String, String> params, boolean gzip) throws IOException {
    LiveQuery query = LiveQuery.of(params, sites, defaultZone, clock);
    List<DemoVisit> selected = query.select(visits);
    liveRequests.incrementAndGet();
    Headers.json(exchange, gzip);
    exchange.sendResponseHeaders(200, 0);
    try (JsonGenerator g = MatomoJson.generator(body(exchange, gzip))) {
      g.writeStartArray();
      for (DemoVisit visit : selected) {
        json.writeVisit(g, visit, sites.get(visit.siteId()), query.withActions());
        visitsSent.incrementAndGet();
      }
      g.writeEndArray();
    }
  }

  private void site(HttpExchange exchange, Map<String, String> params, boolean gzip) throws IOException {
    String idSite = params.get("idSite");
    if (idSite == null || idSite.isEmpty()) {
      throw new ApiError(400, "Please specify a value for 'idSite'.");
    }
    long id = LiveQuery.integer(idSite, -1);
    DemoSite site = sites.get(id);
    if (site == null) {
      throw ApiError.ok("An unexpected website was found in the request: website id was set to '"
          + PhpText.utf8(idSite) + "' .");
    }
    Headers.json(exchange, gzip);
    exchange.sendResponseHeaders(200, 0);
    try (JsonGenerator g = MatomoJson.generator(body(exchange, gzip))) {
      json.writeSite(g, site);
    }
  }

  private void viewableSites(HttpExchange exchange, boolean gzip) throws IOException {
    Headers.json(exchange, gzip);
    exchange.sendResponseHeaders(200, 0);
    try (JsonGenerator g = MatomoJson.generator(body(exchange, gzip))) {
      json.writeIds(g, new ArrayList<>(sites.keySet()));
    }
  }

  private OutputStream body(HttpExchange exchange, boolean gzip) throws IOException {
    OutputStream wire = new CountingOutputStream(exchange.getResponseBody(), bytesSent::addAndGet);
    return gzip ? new GZIPOutputStream(wire, 8192) : wire;
  }

  private void send(HttpExchange exchange, int status, byte[] body, boolean gzip) throws IOException {
    Headers.json(exchange, gzip);
    exchange.sendResponseHeaders(status, 0);
    try (OutputStream out = body(exchange, gzip)) {
      out.write(body);
    }
  }

  private void sendHtml(HttpExchange exchange, int status, String html) throws IOException {
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = new CountingOutputStream(exchange.getResponseBody(), bytesSent::addAndGet)) {
      out.write(body);
    }
  }

  /** The request body as byte text, or null when it is larger than 1 MiB. */
  private String readBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(MAX_BODY + 1);
      bytesReceived.addAndGet(body.length);
      if (body.length > MAX_BODY) {
        return null;
      }
      return new String(body, StandardCharsets.ISO_8859_1);
    }
  }

  private static boolean acceptsGzip(HttpExchange exchange) {
    for (String header : exchange.getRequestHeaders().getOrDefault("Accept-Encoding", List.of())) {
      for (String part : header.split(",")) {
        String[] pieces = part.trim().split(";");
        if (!pieces[0].trim().toLowerCase(Locale.ROOT).equals("gzip")) {
          continue;
        }
        boolean refused = false;
        for (int i = 1; i < pieces.length; i++) {
          String param = pieces[i].trim().toLowerCase(Locale.ROOT);
          if (param.startsWith("q=") && param.substring(2).matches("0(\\.0*)?")) {
            refused = true;
          }
        }
        if (!refused) {
          return true;
        }
      }
    }
    return false;
  }

  /** Response headers. */
  private static final class Headers {
    private Headers() {}

    static void json(HttpExchange exchange, boolean gzip) {
      exchange.getResponseHeaders().set("Content-Type", JSON_TYPE);
      exchange.getResponseHeaders().set("Vary", "Accept-Encoding");
      if (gzip) {
        exchange.getResponseHeaders().set("Content-Encoding", "gzip");
      }
    }
  }
}
