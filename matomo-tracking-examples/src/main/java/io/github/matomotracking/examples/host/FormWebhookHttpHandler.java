package io.github.matomotracking.examples.host;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The {@link FormWebhookHandler} on the JDK's own HTTP server ({@code com.sun.net.httpserver}):
 * accepts {@code POST} with an {@code application/x-www-form-urlencoded} body of at most
 * {@value #MAX_BODY_BYTES} bytes, decodes it strictly (bad percent escapes, bytes that are not
 * UTF-8 and repeated fields are refused with 400) and answers in plain text.
 *
 * <pre>{@code
 * HttpServer server = HttpServer.create(new InetSocketAddress(8080), 0);
 * server.createContext("/forms", new FormWebhookHttpHandler(handler));
 * server.start();
 * }</pre>
 */
public final class FormWebhookHttpHandler implements HttpHandler {

  /** The largest body accepted. */
  public static final int MAX_BODY_BYTES = 16 * 1024;

  private final FormWebhookHandler handler;

  /**
   * An adapter.
   *
   * @param handler the form handler
   */
  public FormWebhookHttpHandler(FormWebhookHandler handler) {
    this.handler = Objects.requireNonNull(handler, "handler");
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      FormWebhookHandler.Response response = answer(exchange);
      byte[] body = (response.message() + "\n").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
      exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      exchange.sendResponseHeaders(response.status(), body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private FormWebhookHandler.Response answer(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestMethod().equals("POST")) {
      exchange.getResponseHeaders().set("Allow", "POST");
      return new FormWebhookHandler.Response(405, "only POST is accepted");
    }
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    if (type == null || !type.toLowerCase(Locale.ROOT).split(";")[0].strip()
        .equals("application/x-www-form-urlencoded")) {
      return new FormWebhookHandler.Response(415,
          "the body must be application/x-www-form-urlencoded");
    }
    byte[] body = readAtMost(exchange.getRequestBody(), MAX_BODY_BYTES);
    if (body == null) {
      return new FormWebhookHandler.Response(413,
          "the body is larger than " + MAX_BODY_BYTES + " bytes");
    }
    Map<String, String> fields;
    try {
      fields = decode(body);
    } catch (IllegalArgumentException e) {
      return new FormWebhookHandler.Response(400, e.getMessage());
    }
    return handler.handle(fields);
  }

  /** The body, or null when it is longer than the limit. */
  private static byte[] readAtMost(InputStream in, int limit) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    int read;
    while ((read = in.read(buffer)) != -1) {
      if (bytes.size() + read > limit) {
        return null;
      }
      bytes.write(buffer, 0, read);
    }
    return bytes.toByteArray();
  }

  /**
   * Decodes a form body.
   *
   * @param body the body
   * @return the fields
   * @throws IllegalArgumentException naming what is malformed (never quoting it)
   */
  static Map<String, String> decode(byte[] body) {
    Map<String, String> fields = new HashMap<>();
    String text = new String(body, StandardCharsets.ISO_8859_1);
    if (text.isEmpty()) {
      return fields;
    }
    int position = 0;
    for (String pair : text.split("&", -1)) {
      position++;
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = unescape(eq < 0 ? pair : pair.substring(0, eq), position);
      String value = eq < 0 ? "" : unescape(pair.substring(eq + 1), position);
      if (fields.put(name, value) != null) {
        throw new IllegalArgumentException("field " + position
            + " repeats a field name given before");
      }
    }
    return fields;
  }

  private static String unescape(String encoded, int position) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '+') {
        bytes.write(' ');
      } else if (c == '%') {
        if (i + 2 >= encoded.length() || Character.digit(encoded.charAt(i + 1), 16) < 0
            || Character.digit(encoded.charAt(i + 2), 16) < 0) {
          throw new IllegalArgumentException("field " + position + " has a bad % escape");
        }
        bytes.write(Character.digit(encoded.charAt(i + 1), 16) * 16
            + Character.digit(encoded.charAt(i + 2), 16));
        i += 2;
      } else {
        bytes.write(c);
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("field " + position + " is not UTF-8 text");
    }
  }
}
