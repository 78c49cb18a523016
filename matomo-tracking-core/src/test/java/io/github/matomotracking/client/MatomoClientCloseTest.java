package io.github.matomotracking.client;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.matomotracking.client.fake.FakeMatomo;
import io.github.matomotracking.client.fake.FakeVisit;
import io.github.matomotracking.sync.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MatomoClientCloseTest {

  private static final FakeMatomo FAKE = FakeMatomo.withToken(TestSupport.TOKEN);

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(FAKE))
      .build();

  private final TestClock clock = new TestClock(Instant.ofEpochSecond(1_700_000_000L));
  private final TestSupport.RecordingSleeper sleeper = new TestSupport.RecordingSleeper(clock);

  @BeforeEach
  void fakeMatomo() {
    FAKE.reset().site(1, "UTC");
    for (int i = 1; i <= 20; i++) {
      FAKE.put(FakeVisit.at(1, i, "0000000000000001", 1_700_000_000L + i));
    }
    wm.stubFor(FakeMatomo.stub());
  }

  @Test
  void a_closed_client_lets_its_own_http_client_end_with_its_threads() throws InterruptedException {
    Set<String> before = selectorThreads();

    fetchStreamAndClose();

    // On Java 21+ close() ends the HttpClient; on Java 17 it ends once unreachable, which its
    // selector thread notices within seconds, unless something of the client's still holds it.
    Set<String> left;
    long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    do {
      System.gc();
      Thread.sleep(100);
      left = selectorThreads();
      left.removeAll(before);
    } while (!left.isEmpty() && System.nanoTime() < until);
    assertThat(left).as("selector threads of HttpClients the closed client made").isEmpty();
  }

  /** A whole fetch, a stream closed early (its body cancelled), and close(); nothing kept. */
  private void fetchStreamAndClose() {
    VisitQuery query = VisitQuery.builder().sites(Sites.of(1)).addVisitorIds("0000000000000001").build();
    try (MatomoClient client = MatomoClient.create(TestSupport.config(wm, clock, sleeper).pageSize(7).build())) {
      assertThat(client.fetch(query, v -> {}).visits()).isEqualTo(20);
      try (Stream<?> visits = client.visits(query)) {
        assertThat(visits.limit(3).count()).isEqualTo(3);
      }
      assertThat(selectorThreads()).as("the client's own HttpClient is running").isNotEmpty();
    }
  }

  private static Set<String> selectorThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
        .filter(name -> name.startsWith("HttpClient-") && name.endsWith("-SelectorManager"))
        .collect(Collectors.toSet());
  }
}
