package io.github.matomotracking.client;

import io.github.matomotracking.model.Nullable;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One HTTP exchange with Matomo, reported to {@link MatomoClientListener#onRequest} when it is
 * over (its body read or abandoned). Carries no token and no body.
 *
 * @param apiMethod the Matomo API method, such as {@code Live.getLastVisitsDetails}
 * @param siteId the site asked about, or -1 when the call is not about one site
 * @param page the page number within its query (1 for the first), 0 outside paging
 * @param attempt 1 for the first try of a request, 2 for its first retry ...
 * @param httpStatus the final HTTP status, or -1 when no response arrived
 * @param duration from sending to the end of the body
 * @param bytesReceived body bytes as received (compressed when gzip was used)
 * @param failure what went wrong, or null
 */
public record MatomoRequestEvent(
    String apiMethod,
    long siteId,
    int page,
    int attempt,
    int httpStatus,
    Duration duration,
    long bytesReceived,
    @Nullable MatomoException failure) {

  /**
   * The site, when the call was about one.
   *
   * @return the site id
   */
  public OptionalLong site() {
    return siteId < 0 ? OptionalLong.empty() : OptionalLong.of(siteId);
  }

  /**
   * The HTTP status, when a response arrived.
   *
   * @return the status
   */
  public OptionalInt status() {
    return httpStatus < 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
  }

  /**
   * The failure, if the exchange failed.
   *
   * @return the exception
   */
  public Optional<MatomoException> failed() {
    return Optional.ofNullable(failure);
  }
}
