package io.github.matomotracking.examples.faults;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * A loopback HTTP/1.1 proxy in front of the demo Matomo server that spoils answers on purpose.
 * For every request it asks its {@link Hook} (with the request's number, from 1, in arrival
 * order) which {@link HttpFault} to apply, if any, then forwards the request to the real server
 * (unless the fault is an answer of its own, such as a 503) and writes the answer back, spoiled
 * as the fault says: cut at a byte and reset or closed, stalled past the client's read timeout,
 * cut inside a visit, replaced by an error status, an error object or an HTML page, or followed
 * by a closed port.
 *
 * <p>The proxy speaks just enough HTTP/1.1 for {@code java.net.http}: requests with a
 * {@code Content-Length} body, keep-alive or not, answers with a {@code Content-Length} or
 * chunked, gzip-compressed when the client accepts it and the proxy is told to. It always asks
 * the real server for an uncompressed answer, so that a cut "inside a visit" is placed in the
 * JSON text, whatever is sent on the wire.
 *
 * <p>A closed port ("connection refused") is real: the listening socket is closed, and opened
 * again on the same port once the client has seen as many failed requests as the fault says
 * ({@link #clientRequestFailed()}, called from the client's listener) or when
 * {@link #reopen()} is called.
 */
final class FaultProxy implements AutoCloseable {

  /** Decides the fault of each request. */
  @FunctionalInterface
  interface Hook {
    /**
     * Called when a request arrived, before it is forwarded.
     *
     * @param number the request's number, from 1
     * @param apiMethod the API method the request names (never the token)
     * @return the fault to apply, or null for a faithful answer
     */
    HttpFault onRequest(int number, String apiMethod);
  }

  /** How the proxy frames its answers. */
  record Framing(boolean keepAlive, boolean chunked, boolean gzip) {}

  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
  private static final int MAX_HEAD = 64 * 1024;
  private static final int CHUNK = 2048;

  private final URI backend;
  private final Hook hook;
  private final Framing framing;
  private final Duration stall;
  private final Clock clock;
  /** Forwards to the real servers; one for all proxies, as it holds a thread and a selector. */
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private final AtomicInteger requests = new AtomicInteger();
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private final int port;
  private final Object portLock = new Object();
  private ServerSocket listener;
  private boolean refusing;
  private int refusalsLeft;
  private volatile boolean closed;

  /**
   * Starts the proxy on a free loopback port.
   *
   * @param backend the real server's base URL
   * @param hook decides the faults
   * @param framing how answers are framed
   * @param stall how long a stalled answer stays silent before the proxy closes it
   * @param clock the clock {@code Retry-After} dates are written with
   */
  FaultProxy(URI backend, Hook hook, Framing framing, Duration stall, Clock clock) {
    this.backend = backend;
    this.hook = hook;
    this.framing = framing;
    this.stall = stall;
    this.clock = clock;
    try {
      this.listener = listen(0);
    } catch (IOException e) {
      throw new IllegalStateException("the fault proxy could not listen on 127.0.0.1", e);
    }
    this.port = listener.getLocalPort();
    startAccepting(listener);
  }

  /** The proxy's base URL, for the client. */
  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + port + "/");
  }

  /** Requests received so far. */
  int requests() {
    return requests.get();
  }

  /** Whether the port is closed right now. */
  boolean refusing() {
    synchronized (portLock) {
      return refusing;
    }
  }

  /**
   * The client saw a request fail: while the port is closed, that counts as one refused request,
   * and the port opens again after the last one the fault asked for.
   */
  void clientRequestFailed() {
    synchronized (portLock) {
      if (refusing && refusalsLeft > 0 && --refusalsLeft == 0) {
        reopenLocked();
      }
    }
  }

  /** Opens the port again if it is closed. */
  void reopen() {
    synchronized (portLock) {
      refusalsLeft = 0;
      if (refusing) {
        reopenLocked();
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    synchronized (portLock) {
      closeQuietly(listener);
      listener = null;
    }
    connections.forEach(FaultProxy::closeQuietly);
    connections.clear();
  }

  // ---- the port --------------------------------------------------------------------------

  private static ServerSocket listen(int port) throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port), 64);
    return socket;
  }

  private void reopenLocked() {
    if (closed) {
      return;
    }
    IOException last = null;
    for (int attempt = 0; attempt < 50; attempt++) {
      try {
        listener = listen(port);
        refusing = false;
        startAccepting(listener);
        return;
      } catch (IOException e) {
        last = e;
        try {
          Thread.sleep(10);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    throw new IllegalStateException("the fault proxy could not listen on port " + port + " again", last);
  }

  /**
   * Closes the port and every open connection; the client's next requests are refused. A
   * connection accepted just before, or kept alive, is closed when its next request arrives, so
   * no request gets through until the port opens again.
   */
  private void refuse(int times) {
    synchronized (portLock) {
      closeQuietly(listener);
      listener = null;
      refusing = true;
      refusalsLeft = Math.max(1, times);
    }
    connections.forEach(FaultProxy::closeQuietly);
  }

  private void startAccepting(ServerSocket socket) {
    Thread acceptor = new Thread(() -> accept(socket), "fault-proxy-accept-" + port);
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private void accept(ServerSocket socket) {
    while (!socket.isClosed()) {
      Socket connection;
      try {
        connection = socket.accept();
      } catch (IOException e) {
        return;
      }
      connections.add(connection);
      if (refusing()) {
        closeQuietly(connection);
        connections.remove(connection);
        continue;
      }
      Thread worker = new Thread(() -> serve(connection), "fault-proxy-" + port);
      worker.setDaemon(true);
      worker.start();
    }
  }

  // ---- one connection --------------------------------------------------------------------

  private void serve(Socket connection) {
    try (connection) {
      connection.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(connection.getInputStream());
      OutputStream out = connection.getOutputStream();
      while (!closed) {
        Request request = Request.read(in);
        if (request == null || refusing()) {
          return;
        }
        int number = requests.incrementAndGet();
        HttpFault fault = hook.onRequest(number, request.apiMethod());
        if (!answer(connection, out, request, fault)) {
          return;
        }
      }
    } catch (IOException | RuntimeException e) {
      // The client went away, or the connection was closed on purpose: nothing to do.
    } finally {
      connections.remove(connection);
    }
  }

  /** Answers one request; returns whether the connection stays open for the next. */
  private boolean answer(Socket connection, OutputStream out, Request request, HttpFault fault)
      throws IOException {
    HttpFault.Kind kind = fault == null ? null : fault.kind();
    Answer answer = kind == null ? forward(request) : switch (kind) {
      case HTTP_500 -> Answer.html(500, "Internal Server Error",
          "<html><head><title>Matomo &rsaquo; Error</title></head><body><p>A fatal error occurred"
              + " (PHP Fatal error: Allowed memory size exhausted)</p></body></html>");
      case HTTP_502 -> Answer.html(502, "Bad Gateway",
          "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway"
              + "</h1></center><hr><center>nginx</center></body></html>");
      case HTTP_503 -> withRetryAfter(Answer.html(503, "Service Unavailable",
          "<html><body><h1>Service Unavailable</h1><p>Maintenance in progress.</p></body></html>"),
          fault);
      case HTTP_429 -> withRetryAfter(Answer.html(429, "Too Many Requests",
          "<html><body><h1>429 Too Many Requests</h1></body></html>"), fault);
      case QUERY_TIMEOUT -> new Answer(200, "OK", "application/json; charset=utf-8",
          "{\"result\":\"error\",\"message\":\"Could not run the query in time.\"}"
              .getBytes(StandardCharsets.UTF_8), "");
      case HTML_PAGE -> Answer.html(200, "OK", "<!DOCTYPE html><html><head><title>Sign in"
          + " - Matomo</title></head><body><form method=\"post\" action=\"index.php?module=Login\">"
          + "<input name=\"form_login\"><input type=\"password\" name=\"form_password\"></form>"
          + "</body></html>");
      case TRUNCATED_MID_VISIT -> forward(request).cutInsideVisit(fault.position());
      case REFUSE, RESET, CLOSE, STALL -> forward(request);
    };
    boolean keepAlive = framing.keepAlive() && request.keepAlive() && kind != HttpFault.Kind.REFUSE;
    boolean gzip = framing.gzip() && request.acceptsGzip() && answer.status() == 200;
    byte[] wire = answer.wire(keepAlive, framing.chunked(), gzip);
    if (kind == HttpFault.Kind.RESET || kind == HttpFault.Kind.CLOSE
        || kind == HttpFault.Kind.STALL) {
      int cut = (int) Math.floor(fault.position() * wire.length);
      out.write(wire, 0, cut);
      out.flush();
      if (kind == HttpFault.Kind.STALL) {
        sleep(stall);
      } else if (kind == HttpFault.Kind.RESET) {
        connection.setSoLinger(true, 0);
      }
      connection.close();
      return false;
    }
    out.write(wire);
    out.flush();
    if (kind == HttpFault.Kind.REFUSE) {
      refuse(fault.refusals());
      return false;
    }
    return keepAlive;
  }

  private Answer withRetryAfter(Answer answer, HttpFault fault) {
    if (fault.retryAfterSeconds() < 0) {
      return answer;
    }
    String value = fault.retryAfterAsDate()
        ? HTTP_DATE.format(clock.instant().plusSeconds(fault.retryAfterSeconds()))
        : Integer.toString(fault.retryAfterSeconds());
    return answer.withHeader("Retry-After: " + value + "\r\n");
  }

  private Answer forward(Request request) throws IOException {
    HttpRequest.Builder builder = HttpRequest.newBuilder(backend.resolve(request.path()))
        .timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
    if (request.contentType() != null) {
      builder.header("Content-Type", request.contentType());
    }
    HttpResponse<byte[]> response;
    try {
      response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while forwarding", e);
    }
    return new Answer(response.statusCode(), response.statusCode() == 200 ? "OK" : "Status",
        response.headers().firstValue("Content-Type").orElse("application/json; charset=utf-8"),
        response.body(), "");
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception ignored) {
      // Closing on purpose; a failure changes nothing.
    }
  }

  // ---- requests and answers --------------------------------------------------------------

  /** One request as read from the wire. */
  private record Request(String path, String contentType, boolean keepAlive, boolean acceptsGzip,
      byte[] body) {

    /** Reads the next request, or returns null at the end of the connection. */
    static Request read(InputStream in) throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int last4 = 0;
      while (last4 != 0x0D0A0D0A) {
        int b = in.read();
        if (b < 0) {
          if (head.size() == 0) {
            return null;
          }
          throw new IOException("the request ended inside its head");
        }
        head.write(b);
        last4 = (last4 << 8) | b;
        if (head.size() > MAX_HEAD) {
          throw new IOException("request head too large");
        }
      }
      String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
      String[] requestLine = lines[0].split(" ");
      if (requestLine.length < 3) {
        throw new IOException("bad request line");
      }
      String rawPath = requestLine[1];
      int query = rawPath.indexOf('?');
      String path = query < 0 ? rawPath : rawPath.substring(0, query);
      int length = 0;
      String contentType = null;
      boolean keepAlive = true;
      boolean gzip = false;
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        if (colon < 0) {
          continue;
        }
        String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = lines[i].substring(colon + 1).trim();
        switch (name) {
          case "content-length" -> length = Integer.parseInt(value);
          case "content-type" -> contentType = value;
          case "connection" -> keepAlive = !value.toLowerCase(Locale.ROOT).contains("close");
          case "accept-encoding" -> gzip = value.toLowerCase(Locale.ROOT).contains("gzip");
          default -> { }
        }
      }
      byte[] body = in.readNBytes(length);
      if (body.length < length) {
        throw new IOException("the request body ended early");
      }
      return new Request(path.startsWith("/") ? path.substring(1) : path, contentType, keepAlive,
          gzip, body);
    }

    /** The {@code method} parameter of the form body; nothing else of the body is kept. */
    String apiMethod() {
      for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
        if (pair.startsWith("method=")) {
          return URLDecoder.decode(pair.substring(7), StandardCharsets.UTF_8);
        }
      }
      return "";
    }
  }

  /** An answer before framing. */
  private record Answer(int status, String reason, String contentType, byte[] body,
      String extraHeaders) {

    static Answer html(int status, String reason, String html) {
      return new Answer(status, reason, "text/html; charset=utf-8",
          html.getBytes(StandardCharsets.UTF_8), "");
    }

    Answer withHeader(String header) {
      return new Answer(status, reason, contentType, body, extraHeaders + header);
    }

    /**
     * The body cut inside one of the visit objects of the top-level array (chosen by
     * {@code position}), or, when it holds none, somewhere before its end.
     */
    Answer cutInsideVisit(double position) {
      int[] visits = JsonText.topLevelObjects(body);
      int cut;
      if (visits.length == 0) {
        // Somewhere strictly inside: at least one byte is sent, at least one is missing.
        cut = body.length < 2 ? 0 : 1 + (int) Math.floor(position * (body.length - 1));
        cut = Math.min(cut, body.length - 1);
      } else {
        int count = visits.length / 2;
        double scaled = position * count;
        int visit = Math.min(count - 1, (int) Math.floor(scaled));
        int start = visits[2 * visit];
        int end = visits[2 * visit + 1];
        // Strictly after the opening brace and before the closing one.
        cut = start + 1 + (int) Math.floor((scaled - visit) * Math.max(1, end - start - 1));
        cut = Math.min(cut, end - 1);
      }
      byte[] shorter = new byte[Math.max(0, cut)];
      System.arraycopy(body, 0, shorter, 0, shorter.length);
      return new Answer(status, reason, contentType, shorter, extraHeaders);
    }

    byte[] wire(boolean keepAlive, boolean chunked, boolean gzip) throws IOException {
      byte[] payload = gzip ? gzip(body) : body;
      StringBuilder head = new StringBuilder()
          .append("HTTP/1.1 ").append(status).append(' ').append(reason).append("\r\n")
          .append("Content-Type: ").append(contentType).append("\r\n")
          .append(extraHeaders);
      if (gzip) {
        head.append("Content-Encoding: gzip\r\n");
      }
      head.append(chunked ? "Transfer-Encoding: chunked\r\n"
          : "Content-Length: " + payload.length + "\r\n");
      head.append("Connection: ").append(keepAlive ? "keep-alive" : "close").append("\r\n\r\n");
      ByteArrayOutputStream wire = new ByteArrayOutputStream(head.length() + payload.length + 64);
      wire.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      if (!chunked) {
        wire.write(payload);
      } else {
        for (int offset = 0; offset < payload.length; offset += CHUNK) {
          int n = Math.min(CHUNK, payload.length - offset);
          wire.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
          wire.write(payload, offset, n);
          wire.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        wire.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      }
      return wire.toByteArray();
    }

    private static byte[] gzip(byte[] plain) throws IOException {
      ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 3 + 32);
      try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
        zip.write(plain);
      }
      return out.toByteArray();
    }
  }
}
