package io.github.matomotracking.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.matomotracking.sync.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {

  private static final RetryPolicy POLICY =
      new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(5), true, Duration.ofMinutes(2));

  private static MatomoException transport() {
    return new MatomoTransportException("reset", -1, null, null);
  }

  @ParameterizedTest(name = "retry {0}: the wait is at most {1} ms")
  @CsvSource({"1, 1000", "2, 2000", "3, 4000", "4, 5000", "5, 5000"})
  void full_jitter_keeps_every_wait_between_zero_and_the_exponential_cap(int retry, long capMillis) {
    Backoff highest = new Backoff(POLICY, () -> 0.999999);
    Backoff lowest = new Backoff(POLICY, () -> 0.0);
    Backoff half = new Backoff(POLICY, () -> 0.5);

    assertThat(highest.delayAfter(retry, transport()).orElseThrow().toMillis()).isBetween(capMillis - 1, capMillis);
    assertThat(lowest.delayAfter(retry, transport())).contains(Duration.ZERO);
    assertThat(half.delayAfter(retry, transport())).contains(Duration.ofMillis(capMillis / 2));
  }

  @Test
  void without_jitter_the_wait_is_the_cap() {
    RetryPolicy exact = new RetryPolicy(4, Duration.ofMillis(300), Duration.ofSeconds(30), false, Duration.ZERO);
    Backoff backoff = new Backoff(exact, () -> 0.0);

    assertThat(backoff.delayAfter(1, transport())).contains(Duration.ofMillis(300));
    assertThat(backoff.delayAfter(3, transport())).contains(Duration.ofMillis(1200));
  }

  @Test
  void the_last_attempt_and_non_retryable_failures_are_not_retried() {
    Backoff backoff = new Backoff(POLICY, () -> 0.5);

    assertThat(backoff.delayAfter(6, transport())).isEmpty();
    assertThat(backoff.delayAfter(1, new MatomoAuthenticationException("no", 401, null, null))).isEmpty();
    assertThat(backoff.delayAfter(1, new MatomoAccessDeniedException("no", 403, null, null))).isEmpty();
    assertThat(backoff.delayAfter(1, new MatomoBadRequestException("no", 400, null, null))).isEmpty();
    assertThat(backoff.delayAfter(1, new MatomoUnreadableResponseException("html", 200, null, null))).isEmpty();
  }

  @Test
  void retry_after_is_waited_for_when_longer_than_the_backoff_and_refused_when_too_long() {
    Backoff backoff = new Backoff(POLICY, () -> 0.5);

    assertThat(backoff.delayAfter(1, busy(Duration.ofSeconds(30)))).contains(Duration.ofSeconds(30));
    assertThat(backoff.delayAfter(3, busy(Duration.ofMillis(10)))).contains(Duration.ofSeconds(2));
    assertThat(backoff.delayAfter(1, busy(Duration.ofMinutes(3)))).isEmpty();
  }

  private static MatomoServerException busy(Duration retryAfter) {
    return new MatomoServerException("busy", 429, null, retryAfter, null);
  }

  @Test
  void retry_after_is_read_as_seconds_or_as_an_http_date() {
    TestClock clock = new TestClock(Instant.parse("2024-05-01T10:00:00Z"));

    assertThat(RetryAfter.parse(Optional.of("120"), clock)).contains(Duration.ofSeconds(120));
    assertThat(RetryAfter.parse(Optional.of("Wed, 01 May 2024 10:00:45 GMT"), clock)).contains(Duration.ofSeconds(45));
    assertThat(RetryAfter.parse(Optional.of("Wed, 01 May 2024 09:00:00 GMT"), clock)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse(Optional.of("soon"), clock)).isEmpty();
    assertThat(RetryAfter.parse(Optional.empty(), clock)).isEmpty();
  }
}
