package io.github.matomotracking.client;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Sends one API call: a POST to {@code index.php} whose form body carries every parameter, the
 * token included, and nothing in the URL. Enforces the rate limit and the concurrency limit,
 * follows redirects only to the same host and port (re-POSTing), asks for gzip, and turns every
 * failure into a {@link MatomoException}. Bodies of failed responses are read (at most 64 KiB)
 * and closed here; a 2xx body is handed over as an {@link Exchange} for streaming.
 */
final class Transport {

  static final System.Logger LOG = System.getLogger(MatomoClient.class.getName());
  static final int MAX_REDIRECTS = 3;
  private static final int MAX_ERROR_BODY = 64 * 1024;

  private final MatomoClientConfig config;
  private final HttpClient http;
  private final Semaphore permits;
  private final Optional<TokenBucket> rateLimit;
  private final ErrorResponses errors;
  private final MatomoClientListener listener;
  private final TokenScrubber scrubber;

  Transport(MatomoClientConfig config, HttpClient http, ErrorResponses errors) {
    this.config = config;
    this.http = http;
    this.permits = new Semaphore(config.maxConcurrentRequests(), true);
    this.rateLimit = config.rateLimit().map(limit -> new TokenBucket(limit, config.clock(), config.sleeper()));
    this.errors = errors;
    this.listener = config.listener();
    this.scrubber = new TokenScrubber(config.token());
  }

  /** Masks this client's token in server-made text (see {@link TokenScrubber}). */
  TokenScrubber scrubber() {
    return scrubber;
  }

  /**
   * Sends the call and returns its 2xx response, open for reading.
   *
   * @param context what the call is about
   * @param params the API parameters (module, method, token and format are added here)
   * @throws MatomoException for any failure (its texts scrubbed of the token); nothing is left
   *     open then
   */
  Exchange send(RequestContext context, Map<String, String> params) {
    return send(context, params, event -> {});
  }

  /**
   * Sends the call and returns its 2xx response, open for reading; {@code observer} sees every
   * HTTP exchange of the call (redirects and failures included), as the listener does.
   */
  Exchange send(RequestContext context, Map<String, String> params, Consumer<MatomoRequestEvent> observer) {
    acquirePermit(context);
    boolean handedOver = false;
    try {
      byte[] form = formBody(context.apiMethod(), params);
      URI target = config.endpoint();
      for (int redirects = 0; ; redirects++) {
        awaitRateLimit(context);
        long start = System.nanoTime();
        HttpResponse<InputStream> response = exchange(context, target, form, start, observer);
        BodyStream body = (BodyStream) response.body();
        int status = response.statusCode();
        if (isRedirect(status)) {
          body.close();
          report(context, status, start, body.bytesReceived(), null, observer);
          if (redirects >= MAX_REDIRECTS) {
            throw new MatomoRedirectException(
                "more than " + MAX_REDIRECTS + " redirects for " + context.describe(), status, null);
          }
          target = redirectTarget(context, target, response.headers().firstValue("Location"), status);
          LOG.log(Level.DEBUG, () -> "following a same-host redirect for " + context.describe());
          continue;
        }
        if (status >= 200 && status < 300) {
          Exchange exchange = new Exchange(context, status, response.headers(), body, start,
              scrubber, config.inflateOnSecondThread(), done -> finish(done, observer));
          handedOver = true;
          return exchange;
        }
        byte[] errorBody = readErrorBody(body);
        MatomoException failure = scrubber.scrub(errors.forStatus(
            context, status, response.headers().firstValue("Retry-After"), errorBody));
        report(context, status, start, body.bytesReceived(), failure, observer);
        throw failure;
      }
    } catch (MatomoException e) {
      throw scrubber.scrub(e);
    } finally {
      if (!handedOver) {
        permits.release();
      }
    }
  }

  private HttpResponse<InputStream> exchange(
      RequestContext context, URI target, byte[] form, long start, Consumer<MatomoRequestEvent> observer) {
    HttpRequest request = HttpRequest.newBuilder(target)
        .timeout(config.requestTimeout())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .header("Accept-Encoding", "gzip")
        .header("User-Agent", config.userAgent())
        .POST(HttpRequest.BodyPublishers.ofByteArray(form))
        .build();
    try {
      return http.send(request, bodyHandler(config.readTimeout()));
    } catch (HttpConnectTimeoutException e) {
      throw reported(context, start, observer, new MatomoConnectTimeoutException(
          "no connection to " + origin(target) + " within " + config.connectTimeout().toMillis()
              + " ms for " + context.describe(), -1, null, e));
    } catch (HttpTimeoutException e) {
      throw reported(context, start, observer, new MatomoRequestTimeoutException(
          "no response from " + origin(target) + " within " + config.requestTimeout().toMillis()
              + " ms for " + context.describe(), -1, null, e));
    } catch (IOException e) {
      throw reported(context, start, observer, new MatomoTransportException(
          "could not talk to " + origin(target) + " for " + context.describe() + ": " + e, -1, null, e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw reported(context, start, observer, new MatomoTransportException(
          "interrupted while calling " + context.describe(), -1, null, e));
    }
  }

  /**
   * The body handler, made in a static method so that it holds only the timeout: java.net.http
   * may keep the last handler of a pooled connection, and a handler that captured this transport
   * would keep the HttpClient reachable, so that on Java 17 its threads and connections never
   * ended after {@link MatomoClient#close()}.
   */
  private static HttpResponse.BodyHandler<InputStream> bodyHandler(Duration readTimeout) {
    return info -> new BodyStream(readTimeout);
  }

  private MatomoException reported(
      RequestContext context, long start, Consumer<MatomoRequestEvent> observer, MatomoException failure) {
    report(context, -1, start, 0, failure, observer);
    return failure;
  }

  private void finish(Exchange exchange, Consumer<MatomoRequestEvent> observer) {
    try {
      report(exchange.context(), exchange.status(), exchange.startNanos(), exchange.bytesReceived(),
          exchange.failure(), observer);
    } finally {
      permits.release();
    }
  }

  private void report(RequestContext context, int status, long start, long bytes, MatomoException failure,
      Consumer<MatomoRequestEvent> observer) {
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    LOG.log(Level.DEBUG, () -> "POST " + context.apiMethod()
        + (context.siteId() >= 0 ? " site=" + context.siteId() : "")
        + (context.page() > 0 ? " page=" + context.page() : "")
        + " attempt=" + context.attempt()
        + " status=" + (status < 0 ? "none" : String.valueOf(status))
        + " in " + took.toMillis() + " ms, " + bytes + " bytes"
        + (failure == null ? "" : ", failed: " + failure.getClass().getSimpleName()));
    MatomoRequestEvent event = new MatomoRequestEvent(
        context.apiMethod(), context.siteId(), context.page(), context.attempt(), status, took, bytes, failure);
    observer.accept(event);
    listener.onRequest(event);
  }

  private void acquirePermit(RequestContext context) {
    try {
      permits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MatomoTransportException("interrupted while waiting for a free slot for " + context.describe(), -1, null, e);
    }
  }

  private void awaitRateLimit(RequestContext context) {
    if (rateLimit.isEmpty()) {
      return;
    }
    try {
      rateLimit.get().acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MatomoTransportException("interrupted while waiting for the rate limit for " + context.describe(), -1, null, e);
    }
  }

  private byte[] formBody(String apiMethod, Map<String, String> params) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("module", "API");
    all.put("method", apiMethod);
    all.put("format", "JSON");
    all.put("language", "en");
    all.put("token_auth", config.token().reveal());
    all.putAll(params);
    StringBuilder body = new StringBuilder();
    all.forEach((name, value) -> {
      if (body.length() > 0) {
        body.append('&');
      }
      body.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    });
    return body.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] readErrorBody(BodyStream body) {
    try (body) {
      return body.readNBytes(MAX_ERROR_BODY);
    } catch (IOException e) {
      return new byte[0];
    }
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  /** Where a redirect may lead: the same host and port, or the same host upgraded to HTTPS. */
  URI redirectTarget(RequestContext context, URI from, Optional<String> location, int status) {
    if (location.isEmpty() || location.get().isBlank()) {
      throw new MatomoRedirectException(
          "HTTP " + status + " without a Location for " + context.describe(), status, null);
    }
    URI to;
    try {
      to = from.resolve(location.get().trim());
    } catch (IllegalArgumentException e) {
      throw new MatomoRedirectException(
          "HTTP " + status + " with an unusable Location for " + context.describe(), status, e);
    }
    String fromScheme = from.getScheme().toLowerCase(Locale.ROOT);
    String toScheme = to.getScheme() == null ? "" : to.getScheme().toLowerCase(Locale.ROOT);
    boolean sameHost = to.getHost() != null && to.getHost().equalsIgnoreCase(from.getHost());
    boolean samePort = port(to) == port(from);
    boolean upgrade = fromScheme.equals("http") && toScheme.equals("https")
        && from.getPort() == -1 && to.getPort() == -1;
    boolean schemeOk = toScheme.equals("https") || (toScheme.equals("http") && config.allowInsecureHttp());
    if (!sameHost || !(samePort || upgrade) || !schemeOk || (toScheme.equals("http") && fromScheme.equals("https"))) {
      throw new MatomoRedirectException(
          "Matomo redirected " + context.describe() + " from " + origin(from) + " to " + origin(to)
              + "; not followed, so the token was not sent there (check the base URL)", status, null);
    }
    if (to.getRawFragment() == null) {
      return to;
    }
    String text = to.toString();
    return URI.create(text.substring(0, text.indexOf('#')));
  }

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  /** scheme://host:port, nothing more (no path, no query). */
  static String origin(URI uri) {
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
  }
}
