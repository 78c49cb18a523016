package io.github.matomotracking.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.matomotracking.client.LiveResponseReader;
import io.github.matomotracking.client.MatomoClient;
import io.github.matomotracking.client.MatomoClientConfig;
import io.github.matomotracking.client.MatomoToken;
import io.github.matomotracking.client.Sites;
import io.github.matomotracking.client.VisitQuery;
import io.github.matomotracking.lookups.InMemoryLookupRepository;
import io.github.matomotracking.mapping.MappingBatch;
import io.github.matomotracking.mapping.SiteTimeZones;
import io.github.matomotracking.mapping.VisitMapper;
import io.github.matomotracking.model.MappedVisit;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The three ways of getting visits that the end-to-end runner compares, each run once per call:
 * the physical baseline, the library's path and a hand-written integration.
 */
final class Pipelines implements AutoCloseable {

  /** A dummy token: the fake server ignores it; it is sent in the POST body as Matomo wants. */
  private static final String FORM = "module=API&method=Live.getLastVisitsDetails&format=JSON"
      + "&idSite=all&period=range&date=2024-01-01,today&filter_limit=-1&filter_sort_order=asc"
      + "&language=en&token_auth=not-a-real-token";

  private static final JsonFactory JSON = new JsonFactory();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build();
  private final LiveResponseReader reader = new LiveResponseReader();
  private final VisitMapper mapper = VisitMapper.standard();
  private final InMemoryLookupRepository lookups = InMemoryLookupRepository.withDefaults();
  private final SiteTimeZones zones = BenchData.siteZones();
  private final Map<String, MatomoClient> clients = new HashMap<>();

  /** What one run did. */
  record Outcome(long visits, long actions, long tokens, double seconds) {}

  /**
   * Physical baseline: Jackson's bare token pass over the decompressed bytes in memory.
   *
   * @param json the response
   * @return tokens counted (visits are not told apart)
   * @throws IOException never (memory)
   */
  Outcome baselineFromMemory(byte[] json) throws IOException {
    long start = System.nanoTime();
    long tokens = tokenPass(new ByteArrayInputStream(json));
    return new Outcome(0, 0, tokens, seconds(start));
  }

  /**
   * Physical baseline for a response too large for the heap: the same token pass over the file,
   * through a 64 KiB buffered stream (the file is in the page cache after the first run).
   *
   * @param file the decompressed response
   * @return tokens counted
   * @throws IOException when the file cannot be read
   */
  Outcome baselineFromFile(Path file) throws IOException {
    long start = System.nanoTime();
    long tokens;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      tokens = tokenPass(in);
    }
    return new Outcome(0, 0, tokens, seconds(start));
  }

  private static long tokenPass(InputStream in) throws IOException {
    long tokens = 0;
    try (JsonParser parser = JSON.createParser(in)) {
      while (parser.nextToken() != null) {
        tokens++;
      }
    }
    return tokens;
  }

  /**
   * Ours: the library's {@link MatomoClient} fetching site 1 with the largest page size (the fake
   * server puts every visit in the first page and answers the next-page request with
   * {@code []}): POST with gzip asked for, the body gunzipped and read as a stream while it
   * arrives, each visit mapped by a {@link MappingBatch} and discarded.
   *
   * @param baseUrl the data set's base URL
   * @return visits and actions mapped
   */
  Outcome ours(String baseUrl) {
    long start = System.nanoTime();
    MatomoClient client = clients.computeIfAbsent(baseUrl, url -> MatomoClient.create(
        MatomoClientConfig.builder()
            .baseUrl(URI.create(url))
            .token(MatomoToken.of("not-a-real-token"))
            .allowInsecureHttp(true) // loopback only
            .pageSize(MatomoClientConfig.MAX_PAGE_SIZE)
            .build()));
    Sink sink = new Sink();
    MappingBatch batch = mapper.newBatch(lookups.snapshot(), zones);
    client.fetch(VisitQuery.builder().sites(Sites.of(1)).build(),
        visit -> sink.accept(batch.map(visit)), warning -> sink.warnings++);
    return new Outcome(sink.visits, sink.actions, 0, seconds(start));
  }

  /**
   * Ours before {@code MatomoClient} existed, kept for comparison: one POST with the JDK client,
   * {@code GZIPInputStream} and {@link LiveResponseReader} by hand.
   *
   * @param baseUrl the data set's base URL
   * @return visits and actions mapped
   * @throws IOException when the request fails
   * @throws InterruptedException when interrupted
   */
  Outcome oursByHand(String baseUrl) throws IOException, InterruptedException {
    long start = System.nanoTime();
    HttpResponse<InputStream> response = postAskingForGzip(baseUrl);
    boolean gzip = response.headers().firstValue("Content-Encoding")
        .map(e -> e.equalsIgnoreCase("gzip")).orElse(false);
    Sink sink = new Sink();
    MappingBatch batch = mapper.newBatch(lookups.snapshot(), zones);
    try (InputStream body = response.body();
        InputStream in = gzip ? new GZIPInputStream(body, 1 << 16) : body) {
      reader.read(in, response.statusCode(), visit -> sink.accept(batch.map(visit)),
          warning -> sink.warnings++);
    }
    return new Outcome(sink.visits, sink.actions, 0, seconds(start));
  }

  /**
   * Experiment: {@link #oursByHand} with the transfer and gunzip on a second thread
   * ({@link ChunkPipe}), to see how much overlapping them with parsing would gain.
   *
   * @param baseUrl the data set's base URL
   * @return visits and actions mapped
   * @throws IOException when the request fails
   * @throws InterruptedException when interrupted
   */
  Outcome oursPipelined(String baseUrl) throws IOException, InterruptedException {
    long start = System.nanoTime();
    HttpResponse<InputStream> response = postAskingForGzip(baseUrl);
    Sink sink = new Sink();
    MappingBatch batch = mapper.newBatch(lookups.snapshot(), zones);
    try (InputStream in = new ChunkPipe(new GZIPInputStream(response.body(), 1 << 16))) {
      reader.read(in, response.statusCode(), visit -> sink.accept(batch.map(visit)),
          warning -> sink.warnings++);
    }
    return new Outcome(sink.visits, sink.actions, 0, seconds(start));
  }

  /**
   * Breakdown: the transfer alone, as {@link #oursByHand} does it (POST, gzip, gunzip), the
   * decompressed bytes discarded.
   *
   * @param baseUrl the data set's base URL
   * @return bytes after gunzip (in {@code tokens})
   * @throws IOException when the request fails
   * @throws InterruptedException when interrupted
   */
  Outcome transferOnly(String baseUrl) throws IOException, InterruptedException {
    long start = System.nanoTime();
    HttpResponse<InputStream> response = postAskingForGzip(baseUrl);
    long bytes;
    try (InputStream body = response.body(); InputStream in = new GZIPInputStream(body, 8192)) {
      bytes = in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return new Outcome(0, 0, bytes, seconds(start));
  }

  /** The one POST of the by-hand variants, gzip asked for, the body left unread. */
  private HttpResponse<InputStream> postAskingForGzip(String baseUrl)
      throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "index.php"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept-Encoding", "gzip")
        .POST(HttpRequest.BodyPublishers.ofString(FORM))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
  }

  /**
   * Breakdown: reading and mapping the decompressed bytes from memory (no HTTP, no gunzip).
   *
   * @param json the response
   * @return visits and actions mapped
   */
  Outcome readAndMapFromMemory(byte[] json) {
    long start = System.nanoTime();
    Sink sink = new Sink();
    MappingBatch batch = mapper.newBatch(lookups.snapshot(), zones);
    reader.read(new ByteArrayInputStream(json), 200, visit -> sink.accept(batch.map(visit)),
        warning -> sink.warnings++);
    return new Outcome(sink.visits, sink.actions, 0, seconds(start));
  }

  /** Closes the clients. */
  @Override
  public void close() {
    clients.values().forEach(MatomoClient::close);
    clients.clear();
  }

  /**
   * Naive: what a hand-written integration does: the body as one {@code String}
   * ({@code BodyHandlers.ofString()}, no gzip asked for, as the JDK client does by default),
   * {@code ObjectMapper.readTree}, then each element copied into a visit
   * ({@link NaiveVisitConverter}) and mapped by the same mapper.
   *
   * @param baseUrl the data set's base URL
   * @return visits and actions mapped
   * @throws IOException when the request fails
   * @throws InterruptedException when interrupted
   */
  Outcome naive(String baseUrl) throws IOException, InterruptedException {
    long start = System.nanoTime();
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "index.php"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(FORM))
        .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    JsonNode root = MAPPER.readTree(response.body());
    Sink sink = new Sink();
    MappingBatch batch = mapper.newBatch(lookups.snapshot(), zones);
    for (JsonNode element : root) {
      sink.accept(batch.map(NaiveVisitConverter.convert(element)));
    }
    return new Outcome(sink.visits, sink.actions, 0, seconds(start));
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /** Discards mapped visits, counting them so that the work cannot be skipped. */
  private static final class Sink {
    long visits;
    long actions;
    long warnings;

    void accept(MappedVisit mapped) {
      visits++;
      actions += mapped.actions().size();
    }
  }
}
