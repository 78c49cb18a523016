package io.github.matomotracking.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MatomoClientConfigTest {

  private static ImmutableMatomoClientConfig.Builder valid() {
    return MatomoClientConfig.builder()
        .baseUrl(URI.create("https://analytics.example.com/"))
        .token(MatomoToken.of(TestSupport.TOKEN));
  }

  @Test
  void defaults_are_the_documented_ones() {
    MatomoClientConfig config = valid().build();

    assertThat(config.allowInsecureHttp()).isFalse();
    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.pageSize()).isEqualTo(500);
    assertThat(config.retryPolicy()).isEqualTo(RetryPolicy.defaults());
    assertThat(config.rateLimit()).isEmpty();
    assertThat(config.maxConcurrentRequests()).isEqualTo(4);
    assertThat(config.hashUserIds()).isFalse();
    assertThat(config.inflateOnSecondThread()).isTrue();
    assertThat(config.httpClient()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
      "https://a.example.com,               https://a.example.com/index.php",
      "https://a.example.com/,              https://a.example.com/index.php",
      "https://a.example.com/matomo,        https://a.example.com/matomo/index.php",
      "https://a.example.com/matomo/,       https://a.example.com/matomo/index.php",
      "https://a.example.com/m/index.php,   https://a.example.com/m/index.php",
      "https://a.example.com:8443/,         https://a.example.com:8443/index.php"})
  void requests_go_to_index_php_below_the_base_url(String base, String endpoint) {
    assertThat(valid().baseUrl(URI.create(base)).build().endpoint()).isEqualTo(URI.create(endpoint));
  }

  @Test
  void plain_http_is_refused_unless_allowed_explicitly() {
    assertThatThrownBy(() -> valid().baseUrl(URI.create("http://analytics.example.com/")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("allowInsecureHttp");

    assertThat(valid().baseUrl(URI.create("http://analytics.example.com/")).allowInsecureHttp(true).build().endpoint())
        .hasScheme("http");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/relative/", "analytics.example.com", "ftp://analytics.example.com/",
      "https://analytics.example.com/?token_auth=x", "https://analytics.example.com/#frag",
      "https://user:pw@analytics.example.com/"})
  void a_base_url_that_is_not_a_clean_absolute_https_url_is_refused(String url) {
    assertThatThrownBy(() -> valid().baseUrl(URI.create(url)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("baseUrl");
  }

  @ParameterizedTest(name = "{0} is refused with {1}")
  @CsvSource({
      "http://analytics.example.com/?token_auth=SECRET0TOKEN,   http://analytics.example.com/ (user info",
      "ftp://analytics.example.com/m/?token_auth=SECRET0TOKEN,  ftp://analytics.example.com/m/ (user info",
      "index.php?token_auth=SECRET0TOKEN,                       got index.php (user info",
      "http:///?token_auth=SECRET0TOKEN,                        got http:///",
      "http://matomo:SECRET0TOKEN@analytics.example.com/,       http://analytics.example.com/ (user info"})
  void a_refused_base_url_is_named_without_its_query_or_user_info_where_a_pasted_token_would_be(
      String url, String shown) {
    assertThatThrownBy(() -> valid().baseUrl(URI.create(url)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(shown)
        .hasMessageNotContaining("SECRET0TOKEN");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "abc def", "abc\ndef", "abc\tdef"})
  void a_blank_token_or_one_with_whitespace_is_refused_without_repeating_it(String token) {
    assertThatThrownBy(() -> MatomoToken.of(token))
        .isInstanceOf(IllegalArgumentException.class)
        .satisfies(e -> {
          if (!token.isBlank()) {
            assertThat(e.getMessage()).doesNotContain(token);
          }
        });
  }

  @Test
  void the_token_never_shows_in_to_string() {
    MatomoClientConfig config = valid().build();

    assertThat(config.token().toString()).doesNotContain(TestSupport.TOKEN);
    assertThat(config.toString()).doesNotContain(TestSupport.TOKEN).contains("redacted");
    try (MatomoClient client = MatomoClient.create(config)) {
      assertThat(client.toString()).doesNotContain(TestSupport.TOKEN).contains("analytics.example.com");
    }
  }

  @Test
  void tokens_compare_by_value() {
    assertThat(MatomoToken.of("abc")).isEqualTo(MatomoToken.of("abc")).isNotEqualTo(MatomoToken.of("abd"));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 10_001})
  void a_page_size_out_of_range_is_refused(int size) {
    assertThatThrownBy(() -> valid().pageSize(size).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pageSize");
  }

  @Test
  void zero_timeouts_and_no_concurrency_are_refused() {
    assertThatThrownBy(() -> valid().readTimeout(Duration.ZERO).build()).hasMessageContaining("readTimeout");
    assertThatThrownBy(() -> valid().connectTimeout(Duration.ofSeconds(-1)).build()).hasMessageContaining("connectTimeout");
    assertThatThrownBy(() -> valid().requestTimeout(Duration.ZERO).build()).hasMessageContaining("requestTimeout");
    assertThatThrownBy(() -> valid().maxConcurrentRequests(0).build()).hasMessageContaining("maxConcurrentRequests");
  }

  @Test
  void an_injected_http_client_that_follows_redirects_is_refused() {
    HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    assertThatThrownBy(() -> valid().httpClient(following).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Redirect.NEVER");
  }

  @Test
  void retry_policy_and_rate_limit_check_their_values() {
    assertThatThrownBy(() -> RetryPolicy.defaults().withMaxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(5), Duration.ofSeconds(1), true, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RateLimit.perMinute(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RateLimit(10, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
