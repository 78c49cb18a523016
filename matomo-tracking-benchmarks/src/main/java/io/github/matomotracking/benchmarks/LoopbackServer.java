package io.github.matomotracking.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A fake Matomo on 127.0.0.1 (a free port) that answers every request below
 * {@code /DATASET/} with one prepared response, streamed from disk: the gzip-compressed file when
 * the request accepts gzip, the plain file otherwise. Matomo's parameters are ignored but one:
 * the first page (no {@code minTimestamp}) holds every visit, so a request for a next page
 * ({@code minTimestamp} set, as {@code MatomoClient} sends after a full page) gets {@code []}.
 */
public final class LoopbackServer implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
    Thread t = new Thread(r, "loopback-matomo");
    t.setDaemon(true);
    return t;
  });

  /**
   * Starts the server.
   *
   * @param dataDir the folder holding {@code NAME.json} and {@code NAME.json.gz}
   * @throws IOException when the port cannot be opened
   */
  public LoopbackServer(Path dataDir) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/", exchange -> serve(exchange, dataDir));
    server.setExecutor(executor);
    server.start();
  }

  /**
   * The base URL of a data set, such as {@code http://127.0.0.1:4711/live-100m/}.
   *
   * @param dataset the file name without {@code .json}
   * @return the URL, ending with a slash
   */
  public String baseUrl(String dataset) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + dataset + "/";
  }

  private static void serve(HttpExchange exchange, Path dataDir) throws IOException {
    try (exchange; InputStream request = exchange.getRequestBody()) {
      String form = new String(request.readAllBytes(), StandardCharsets.UTF_8);
      String query = exchange.getRequestURI().getRawQuery();
      if (form.contains("minTimestamp=") || (query != null && query.contains("minTimestamp="))) {
        byte[] empty = "[]".getBytes(StandardCharsets.US_ASCII);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, empty.length);
        exchange.getResponseBody().write(empty);
        return;
      }
      String path = exchange.getRequestURI().getPath();
      String[] parts = path.split("/");
      String dataset = parts.length > 1 ? parts[1] : "";
      Path plain = dataDir.resolve(dataset + ".json");
      Path gzip = dataDir.resolve(dataset + ".json.gz");
      if (dataset.isEmpty() || dataset.contains("..") || !Files.isRegularFile(plain)) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      String accept = exchange.getRequestHeaders().getFirst("Accept-Encoding");
      boolean gzipped = accept != null && accept.toLowerCase(Locale.ROOT).contains("gzip")
          && Files.isRegularFile(gzip);
      Path file = gzipped ? gzip : plain;
      exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      if (gzipped) {
        exchange.getResponseHeaders().set("Content-Encoding", "gzip");
      }
      exchange.sendResponseHeaders(200, Files.size(file));
      try (OutputStream body = exchange.getResponseBody()) {
        Files.copy(file, body);
      }
    }
  }

  /** Stops the server at once. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
