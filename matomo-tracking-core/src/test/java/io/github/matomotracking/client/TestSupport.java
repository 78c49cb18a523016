package io.github.matomotracking.client;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.matomotracking.sync.TestClock;
import io.github.matomotracking.testing.TestTokens;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Shared pieces of the client tests: the token, a config against WireMock, a test clock and sleeper. */
final class TestSupport {

  /** This run's token: searched for in logs, messages and URLs. */
  static final String TOKEN = TestTokens.hex();

  private TestSupport() {}

  /** The loopback base URL of a WireMock extension (never "localhost", which may resolve to ::1). */
  static URI baseUrl(WireMockExtension wm) {
    return URI.create("http://127.0.0.1:" + wm.getPort() + "/");
  }

  /** A config for WireMock: plain HTTP allowed, waits recorded instead of taken, jitter at half. */
  static ImmutableMatomoClientConfig.Builder config(WireMockExtension wm, TestClock clock, RecordingSleeper sleeper) {
    return MatomoClientConfig.builder()
        .baseUrl(baseUrl(wm))
        .token(MatomoToken.of(TOKEN))
        .allowInsecureHttp(true)
        .clock(clock)
        .sleeper(sleeper)
        .jitter(() -> 0.5)
        .requestTimeout(Duration.ofSeconds(10))
        .readTimeout(Duration.ofSeconds(10));
  }

  /** Records each wait and advances the test clock by it, without waiting. */
  static final class RecordingSleeper implements Sleeper {
    private final TestClock clock;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    RecordingSleeper(TestClock clock) {
      this.clock = clock;
    }

    @Override
    public void sleep(Duration duration) {
      sleeps.add(duration);
      clock.advance(duration);
    }

    List<Duration> sleeps() {
      return List.copyOf(sleeps);
    }
  }
}
