package io.github.matomotracking.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Turns a failed response into the matching exception. The body decides when it is a Matomo
 * error object (whatever the status, Matomo 4 sends those with HTTP 200 and Matomo 5 with 200,
 * 400 or 401); otherwise the status does. The message names the request, never the token nor
 * the request body.
 */
final class ErrorResponses {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Clock clock;

  ErrorResponses(Clock clock) {
    this.clock = clock;
  }

  /** The exception for a non-2xx response whose (first bytes of the) body were read. */
  MatomoException forStatus(RequestContext context, int status, Optional<String> retryAfterHeader, byte[] body) {
    Optional<Duration> retryAfter = RetryAfter.parse(retryAfterHeader, clock);
    Optional<MatomoException> fromBody = matomoError(status, body);
    if (fromBody.isPresent()) {
      return withRetryAfter(fromBody.get(), retryAfter);
    }
    String what = "HTTP " + status + " from Matomo for " + context.describe();
    if (status == 401) {
      return new MatomoAuthenticationException(what + ": the token was not accepted", status, null, null);
    }
    if (status == 403) {
      return new MatomoAccessDeniedException(what + ": access denied", status, null, null);
    }
    if (status == 408) {
      return new MatomoRequestTimeoutException(what + ": the server timed out", status, null, null);
    }
    if (status == 429) {
      return new MatomoServerException(what + ": too many requests", status, null, retryAfter.orElse(null), null);
    }
    if (status >= 500) {
      return new MatomoServerException(what + ": server error", status, null, retryAfter.orElse(null), null);
    }
    if (status >= 400) {
      return new MatomoBadRequestException(what + ": request rejected (is the base URL right?)", status, null, null);
    }
    return new MatomoUnreadableResponseException(what + ": unexpected status", status, null, null);
  }

  /**
   * The typed exception for a Matomo error object, as the reader classifies it; empty when the
   * body is not one.
   */
  Optional<MatomoException> matomoError(int status, byte[] body) {
    JsonNode node;
    try {
      node = MAPPER.readTree(body);
    } catch (IOException e) {
      return Optional.empty();
    }
    if (node == null || !node.isObject() || !"error".equals(node.path("result").asText())) {
      return Optional.empty();
    }
    try {
      new LiveResponseReader().read(new ByteArrayInputStream(body), status, visit -> {}, warning -> {});
    } catch (MatomoException e) {
      return Optional.of(e);
    }
    String message = node.path("message").asText("");
    return Optional.of(new MatomoBadRequestException(
        "Matomo answered with an error: " + message, status, message, null));
  }

  private static MatomoException withRetryAfter(MatomoException e, Optional<Duration> retryAfter) {
    if (retryAfter.isEmpty() || !(e instanceof MatomoServerException)
        || ((MatomoServerException) e).retryAfter().isPresent()) {
      return e;
    }
    return new MatomoServerException(
        e.getMessage(), e.httpStatus().orElse(-1), e.matomoMessage().orElse(null), retryAfter.get(), e.getCause());
  }
}
