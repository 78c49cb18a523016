package io.github.matomotracking.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.matomotracking.client.fake.FakeMatomo;
import io.github.matomotracking.client.fake.FakeVisit;
import io.github.matomotracking.sync.TestClock;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MatomoClientRedirectTest {

  private static final FakeMatomo FAKE = FakeMatomo.withToken(TestSupport.TOKEN);

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(FAKE))
      .build();

  @RegisterExtension
  static WireMockExtension elsewhere = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  private final TestClock clock = new TestClock(Instant.parse("2024-01-01T00:00:00Z"));
  private final TestSupport.RecordingSleeper sleeper = new TestSupport.RecordingSleeper(clock);

  @BeforeEach
  void fakeMatomoBehindARedirect() {
    FAKE.reset().site(1, "UTC").put(FakeVisit.at(1, 1, "0123456789abcdef", 1_700_000_000L));
    wm.stubFor(post(urlPathEqualTo("/matomo/index.php")).willReturn(aResponse().withTransformers(FakeMatomo.NAME)));
    elsewhere.stubFor(post(urlPathEqualTo("/index.php")).willReturn(aResponse().withBody("[]")));
  }

  private static void redirectTo(String location) {
    wm.stubFor(post(urlPathEqualTo("/index.php")).willReturn(aResponse().withStatus(301).withHeader("Location", location)));
  }

  private MatomoClient client() {
    return MatomoClient.create(TestSupport.config(wm, clock, sleeper).build());
  }

  private static VisitQuery site1() {
    return VisitQuery.builder().sites(Sites.of(1)).build();
  }

  @Test
  void a_redirect_on_the_same_host_is_followed_by_posting_the_same_form_again() {
    redirectTo("/matomo/index.php");

    FetchSummary summary;
    try (MatomoClient client = client()) {
      summary = client.fetch(site1(), v -> {});
    }

    assertThat(summary.visits()).isEqualTo(1);
    assertThat(summary.requests()).isEqualTo(2);
    assertThat(FAKE.requests()).singleElement().satisfies(r -> {
      assertThat(r.url()).isEqualTo("/matomo/index.php");
      assertThat(r.form()).containsEntry("token_auth", TestSupport.TOKEN).containsEntry("idSite", "1")
          .containsEntry("method", "Live.getLastVisitsDetails");
    });
  }

  @Test
  void an_absolute_redirect_to_the_same_origin_is_followed() {
    redirectTo("http://127.0.0.1:" + wm.getPort() + "/matomo/index.php");

    try (MatomoClient client = client()) {
      assertThat(client.fetch(site1(), v -> {}).visits()).isEqualTo(1);
    }
  }

  @Test
  void a_redirect_to_another_host_is_refused_and_that_host_receives_nothing() {
    String target = "http://localhost:" + elsewhere.getPort() + "/index.php";
    redirectTo(target);

    MatomoRedirectException thrown;
    try (MatomoClient client = client()) {
      thrown = catchThrowableOfType(MatomoRedirectException.class, () -> client.fetch(site1(), v -> {}));
    }

    assertThat(thrown).hasMessageContaining("localhost:" + elsewhere.getPort()).hasMessageNotContaining(TestSupport.TOKEN);
    assertThat(thrown.isRetryable()).isFalse();
    assertThat(elsewhere.getAllServeEvents()).isEmpty();
    assertThat(wm.getAllServeEvents()).hasSize(1);
  }

  @Test
  void a_redirect_to_another_port_of_the_same_host_is_refused() {
    redirectTo("http://127.0.0.1:" + elsewhere.getPort() + "/index.php");

    try (MatomoClient client = client()) {
      assertThatThrownBy(() -> client.fetch(site1(), v -> {})).isInstanceOf(MatomoRedirectException.class);
    }

    assertThat(elsewhere.getAllServeEvents()).isEmpty();
  }

  @Test
  void a_redirect_loop_stops_after_three_redirects() {
    redirectTo("/index.php");

    try (MatomoClient client = client()) {
      assertThatThrownBy(() -> client.fetch(site1(), v -> {}))
          .isInstanceOf(MatomoRedirectException.class).hasMessageContaining("more than 3 redirects");
    }

    assertThat(wm.getAllServeEvents()).hasSize(1 + Transport.MAX_REDIRECTS);
  }

  @Test
  void a_redirect_without_location_is_refused() {
    wm.stubFor(post(urlPathEqualTo("/index.php")).willReturn(aResponse().withStatus(302)));

    try (MatomoClient client = client()) {
      assertThatThrownBy(() -> client.fetch(site1(), v -> {}))
          .isInstanceOf(MatomoRedirectException.class).hasMessageContaining("without a Location");
    }
  }

  @ParameterizedTest(name = "from {0} (plain http allowed: {1}), Location {2} leads to {3}")
  @CsvSource({
      "https://m.example.com/, false, /matomo/index.php,                     https://m.example.com/matomo/index.php",
      "https://m.example.com/, false, https://M.EXAMPLE.COM/x/index.php,     https://M.EXAMPLE.COM/x/index.php",
      "https://m.example.com/, false, https://m.example.com:443/index.php,   https://m.example.com:443/index.php",
      "https://m.example.com/, false, index2.php#frag,                       https://m.example.com/index2.php",
      "https://m.example.com/, true,  http://m.example.com/index.php,        refused",
      "https://m.example.com/, false, https://evil.example.com/index.php,    refused",
      "https://m.example.com/, false, https://m.example.com.evil.com/,       refused",
      "https://m.example.com/, false, https://m.example.com:8443/index.php,  refused",
      "https://m.example.com/, false, //evil.example.com/index.php,          refused",
      "http://m.example.com/,  true,  https://m.example.com/index.php,       https://m.example.com/index.php",
      "http://m.example.com/,  true,  http://m.example.com:8080/index.php,   refused"})
  void only_the_same_host_and_port_or_an_upgrade_to_https_is_followed(
      String base, boolean allowHttp, String location, String expected) {
    MatomoClientConfig config = MatomoClientConfig.builder().baseUrl(URI.create(base))
        .token(MatomoToken.of(TestSupport.TOKEN)).allowInsecureHttp(allowHttp).build();
    Transport transport = new Transport(config, java.net.http.HttpClient.newHttpClient(),
        new ErrorResponses(clock));
    RequestContext context = new RequestContext("Live.getLastVisitsDetails", 1, 1, 1);

    if (expected.equals("refused")) {
      assertThatThrownBy(() -> transport.redirectTarget(context, config.endpoint(), Optional.of(location), 301))
          .isInstanceOf(MatomoRedirectException.class);
    } else {
      assertThat(transport.redirectTarget(context, config.endpoint(), Optional.of(location), 301))
          .isEqualTo(URI.create(expected));
    }
  }
}
