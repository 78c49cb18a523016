package io.github.matomotracking.client;

import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** API calls with small JSON answers (site settings, site lists), read whole and retried. */
final class SmallJsonCalls {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int MAX_BYTES = 4 * 1024 * 1024;

  private final Transport transport;
  private final Retrier retrier;
  private final ErrorResponses errors;

  SmallJsonCalls(Transport transport, Retrier retrier, ErrorResponses errors) {
    this.transport = transport;
    this.retrier = retrier;
    this.errors = errors;
  }

  JsonNode call(String apiMethod, long siteId, Map<String, String> params) {
    return retrier.call(new RequestContext(apiMethod, siteId, 0, 1), context -> once(context, params));
  }

  private JsonNode once(RequestContext context, Map<String, String> params) {
    try (Exchange exchange = transport.send(context, params)) {
      byte[] body;
      try {
        body = exchange.body().readNBytes(MAX_BYTES + 1);
      } catch (IOException e) {
        throw exchange.translate(new UncheckedIOException(e));
      } catch (MatomoException e) {
        throw exchange.translate(e);
      }
      if (body.length > MAX_BYTES) {
        throw exchange.translate(new MatomoUnreadableResponseException(
            "the answer to " + context.describe() + " is larger than " + MAX_BYTES + " bytes",
            exchange.status(), null, null));
      }
      JsonNode node;
      try {
        node = MAPPER.readTree(body);
      } catch (JsonEOFException e) {
        // a response cut short (a dropped connection, a PHP fatal error half way): worth a retry
        throw exchange.translate(new MatomoTruncatedResponseException(
            "the answer to " + context.describe() + " is truncated: the JSON ends after "
                + body.length + " bytes", exchange.status(), 0, null));
      } catch (IOException e) {
        throw exchange.translate(new MatomoUnreadableResponseException(
            NonJsonBody.describe("the answer to " + context.describe(), body,
                Math.min(body.length, ResponseSource.KEPT_BYTES)),
            exchange.status(), null, null));
      }
      if (node == null || node.isMissingNode()) {
        throw exchange.translate(new MatomoUnreadableResponseException(
            "the answer to " + context.describe() + " is empty", exchange.status(), null, null));
      }
      var matomoError = errors.matomoError(exchange.status(), body);
      if (matomoError.isPresent()) {
        throw exchange.translate(matomoError.get());
      }
      return node;
    }
  }
}
