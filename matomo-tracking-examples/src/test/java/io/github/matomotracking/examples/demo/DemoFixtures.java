package io.github.matomotracking.examples.demo;

import io.github.matomotracking.client.MatomoClient;
import io.github.matomotracking.client.MatomoClientConfig;
import io.github.matomotracking.client.MatomoToken;
import io.github.matomotracking.model.VisitKey;
import io.github.matomotracking.testing.TestTokens;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/** Shared pieces of the demo tests: one sample, a token, clients and raw requests on loopback. */
final class DemoFixtures {

  /** A "now" whose 60 days before span the change to summer time in Paris (30 March 2025). */
  static final Instant NOW = Instant.parse("2025-04-10T14:00:00Z");
  static final long SEED = 20250410L;
  static final String TOKEN = TestTokens.hex();
  static final SampleSite SAMPLE = SampleSite.generate(NOW, SEED);

  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private DemoFixtures() {}

  /** A server holding the sample, whose "today" is the sample's "now". */
  static DemoMatomoServer.Builder server() {
    return DemoMatomoServer.builder(SAMPLE).token(TOKEN).clock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  /** A client of the server with small pages. */
  static MatomoClient client(DemoMatomoServer server, int pageSize) {
    return client(server, pageSize, TOKEN);
  }

  static MatomoClient client(DemoMatomoServer server, int pageSize, String token) {
    return MatomoClient.create(MatomoClientConfig.builder()
        .baseUrl(server.baseUrl())
        .token(MatomoToken.of(token))
        .allowInsecureHttp(true)
        .pageSize(pageSize)
        .requestTimeout(Duration.ofSeconds(20))
        .readTimeout(Duration.ofSeconds(20))
        .sleeper(duration -> {})
        .build());
  }

  static Set<VisitKey> keys(Collection<DemoVisit> visits) {
    return visits.stream().map(DemoVisit::key).collect(Collectors.toCollection(TreeSet::new));
  }

  /** A raw response: status, headers and the body (un-gzipped when it came gzipped). */
  record Raw(int status, java.net.http.HttpHeaders headers, String body, long wireBytes) {}

  /** POSTs a form body (and optionally a query string) the way a browser form would. */
  static Raw post(DemoMatomoServer server, String query, String form, boolean gzip) {
    return post(server, query, form, gzip ? "gzip" : null);
  }

  /** POSTs a form body with the given {@code Accept-Encoding} header (none when null). */
  static Raw post(DemoMatomoServer server, String query, String form, String acceptEncoding) {
    URI uri = server.baseUrl().resolve("index.php" + (query.isEmpty() ? "" : "?" + query));
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form));
    if (acceptEncoding != null) {
      request.header("Accept-Encoding", acceptEncoding);
    }
    try {
      HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      byte[] body = response.body();
      if (response.headers().firstValue("Content-Encoding").orElse("").equals("gzip")) {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
          body = in.readAllBytes();
        }
      }
      return new Raw(response.statusCode(), response.headers(), new String(body, StandardCharsets.UTF_8),
          response.body().length);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The form of an authenticated API call: module, format, token and the given parameters. */
  static String api(String method, String more) {
    return "module=API&format=JSON&method=" + method + "&token_auth=" + TOKEN + (more.isEmpty() ? "" : "&" + more);
  }
}
