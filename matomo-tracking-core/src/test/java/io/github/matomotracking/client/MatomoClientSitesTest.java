package io.github.matomotracking.client;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.matomotracking.client.fake.FakeMatomo;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MatomoClientSitesTest {

  private static final FakeMatomo FAKE = FakeMatomo.withToken(TestSupport.TOKEN);

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(FAKE))
      .build();

  private final TestSupport.TestClock clock = new TestSupport.TestClock(Instant.parse("2024-01-01T00:00:00Z"));
  private final TestSupport.RecordingSleeper sleeper = new TestSupport.RecordingSleeper(clock);

  @BeforeEach
  void fakeMatomo() {
    FAKE.reset().site(1, "Europe/Paris").site(2, "UTC+5.5").site(3, "UTC-3").site(4, "Not/AZone");
    wm.stubFor(FakeMatomo.stub());
  }

  private MatomoClient client() {
    return MatomoClient.create(TestSupport.config(wm, clock, sleeper).build());
  }

  @Test
  void a_site_time_zone_is_read_from_sites_manager_once_and_then_cached() {
    try (MatomoClient client = client()) {
      assertThat(client.siteTimeZone(1)).contains(ZoneId.of("Europe/Paris"));
      assertThat(client.siteTimeZone(2)).contains(ZoneOffset.ofHoursMinutes(5, 30));
      assertThat(client.siteTimeZone(3)).contains(ZoneOffset.ofHours(-3));
      assertThat(client.siteTimeZone(4)).isEmpty();
      for (int i = 0; i < 3; i++) {
        client.siteTimeZone(1);
        client.siteTimeZone(4);
      }
    }

    assertThat(FAKE.requests()).extracting(FakeMatomo.Received::method).containsOnly("SitesManager.getSiteFromId");
    assertThat(FAKE.requests()).extracting(r -> r.form().get("idSite")).containsExactly("1", "2", "3", "4");
  }

  @Test
  void the_client_serves_as_the_mappers_source_of_site_zones_from_many_threads() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (MatomoClient client = client()) {
      LongFunction<Optional<ZoneId>> zones = client::siteTimeZone;
      List<Callable<Optional<ZoneId>>> calls = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        calls.add(() -> zones.apply(1));
      }
      for (Future<Optional<ZoneId>> result : pool.invokeAll(calls)) {
        assertThat(result.get()).contains(ZoneId.of("Europe/Paris"));
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(FAKE.requests()).as("read once, however many threads ask").hasSize(1);
  }

  @Test
  void an_unknown_site_is_an_error_and_not_cached() {
    try (MatomoClient client = client()) {
      assertThatThrownBy(() -> client.siteTimeZone(99)).isInstanceOf(MatomoException.class)
          .satisfies(e -> assertThat(((MatomoException) e).matomoMessage()).hasValueSatisfying(
              m -> assertThat(m).contains("unexpected website")));
      assertThatThrownBy(() -> client.siteTimeZone(99)).isInstanceOf(MatomoException.class);
      assertThatThrownBy(() -> client.siteTimeZone(0)).isInstanceOf(IllegalArgumentException.class);
    }

    assertThat(FAKE.requests()).hasSize(2);
  }

  @Test
  void the_viewable_sites_are_listed() {
    try (MatomoClient client = client()) {
      assertThat(client.viewableSiteIds()).containsExactly(1L, 2L, 3L, 4L);
    }
  }
}
