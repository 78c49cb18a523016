package io.github.matomotracking.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.matomotracking.client.MatomoClient;
import io.github.matomotracking.client.MatomoClientConfig;
import io.github.matomotracking.client.MatomoRedirectException;
import io.github.matomotracking.client.MatomoToken;
import io.github.matomotracking.client.RetryPolicy;
import io.github.matomotracking.client.Sites;
import io.github.matomotracking.client.VisitQuery;
import io.github.matomotracking.client.fake.FakeMatomo;
import io.github.matomotracking.client.fake.FakeVisit;
import io.github.matomotracking.client.fake.Php;
import io.github.matomotracking.testing.TestTokens;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Redirects that would carry the POSTed token to another host, port or scheme, for every
 * redirect status; and plain HTTP, refused unless asked for. "Elsewhere" is a
 * {@link RecordingServer}, which would see any byte sent to it, TLS hellos included. The HTTPS
 * cases run against WireMock's HTTPS port with a certificate made for 127.0.0.1 by keytool, which
 * the client's injected HttpClient trusts (no verification is switched off).
 */
class RedirectAndPlainHttpTest {

  private static final String TOKEN = TestTokens.hex();
  private static final FakeMatomo FAKE = FakeMatomo.withToken(TOKEN);
  private static final int[] STATUSES = {301, 302, 303, 307, 308};

  private static WireMockServer matomo;
  private static RecordingServer sameHost;
  private static RecordingServer otherLoopbackHost;
  private static HttpClient trustingTheTestCertificate;
  private static int redirectsRefused;

  @BeforeAll
  static void servers() throws Exception {
    Path keystore = testCertificate();
    var options = wireMockConfig().bindAddress("127.0.0.1").dynamicPort().extensions(FAKE);
    if (keystore != null) {
      options.dynamicHttpsPort().keystorePath(keystore.toString()).keystorePassword("changeit")
          .keyManagerPassword("changeit").keystoreType("PKCS12");
      KeyStore trusted = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(keystore)) {
        trusted.load(in, "changeit".toCharArray());
      }
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, trust.getTrustManagers(), null);
      trustingTheTestCertificate = HttpClient.newBuilder().sslContext(tls).followRedirects(HttpClient.Redirect.NEVER)
          .build();
    }
    matomo = new WireMockServer(options);
    matomo.start();
    sameHost = new RecordingServer(InetAddress.getByName("127.0.0.1"));
    otherLoopbackHost = new RecordingServer(InetAddress.getByName("127.0.0.2"));
  }

  @AfterAll
  static void stop() throws Exception {
    matomo.stop();
    sameHost.close();
    otherLoopbackHost.close();
    System.out.println("Redirects refused without the token leaving: " + redirectsRefused);
  }

  @BeforeEach
  void fakeMatomoAtMatomoPath() {
    matomo.resetAll();
    FAKE.reset().site(1, "UTC").put(FakeVisit.at(1, 1, "0123456789abcdef", 1_700_000_000L));
    matomo.stubFor(post(urlPathEqualTo("/matomo/index.php")).willReturn(aResponse().withTransformers(FakeMatomo.NAME)));
    sameHost.forget();
    otherLoopbackHost.forget();
  }

  private static MatomoClient client(String baseUrl, boolean allowHttp) {
    var builder = MatomoClientConfig.builder().baseUrl(URI.create(baseUrl)).token(MatomoToken.of(TOKEN))
        .allowInsecureHttp(allowHttp).retryPolicy(RetryPolicy.none());
    if (baseUrl.startsWith("https") && trustingTheTestCertificate != null) {
      builder.httpClient(trustingTheTestCertificate);
    }
    return MatomoClient.create(builder.build());
  }

  private static String http() {
    return "http://127.0.0.1:" + matomo.port();
  }

  private static String https() {
    return "https://127.0.0.1:" + matomo.httpsPort();
  }

  private static void redirect(int status, String location) {
    matomo.stubFor(post(urlPathEqualTo("/index.php")).willReturn(aResponse().withStatus(status).withHeader("Location", location)));
  }

  private static VisitQuery site1() {
    return VisitQuery.builder().sites(Sites.of(1)).build();
  }

  // ------------------------------------------------------------------------------ refused

  static Stream<Arguments> elsewhere() {
    List<Arguments> rows = new ArrayList<>();
    for (int status : STATUSES) {
      rows.add(Arguments.of(status, "another loopback host", "http://127.0.0.2:%OTHER%/index.php"));
      rows.add(Arguments.of(status, "another host, protocol-relative", "//127.0.0.2:%OTHER%/index.php"));
      rows.add(Arguments.of(status, "another host behind user info", "http://127.0.0.1@127.0.0.2:%OTHER%/index.php"));
      rows.add(Arguments.of(status, "the same host by another name", "http://localhost:%MATOMO%/matomo/index.php"));
      rows.add(Arguments.of(status, "another port of the same host", "http://127.0.0.1:%SAME%/index.php"));
      rows.add(Arguments.of(status, "HTTPS on another port", "https://127.0.0.1:%SAME%/index.php"));
      rows.add(Arguments.of(status, "another scheme", "ftp://127.0.0.1:%SAME%/index.php"));
      rows.add(Arguments.of(status, "a file URL", "file:///etc/passwd"));
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "HTTP {0} to {1} is refused and nothing reaches it")
  @MethodSource("elsewhere")
  void a_redirect_away_from_the_configured_origin_is_refused_and_nothing_is_sent_there(
      int status, String what, String location) {
    redirect(status, location.replace("%OTHER%", String.valueOf(otherLoopbackHost.port()))
        .replace("%SAME%", String.valueOf(sameHost.port())).replace("%MATOMO%", String.valueOf(matomo.port())));

    MatomoRedirectException refused;
    try (MatomoClient client = client(http() + "/", true)) {
      refused = catchThrowableOfType(MatomoRedirectException.class, () -> client.fetch(site1(), v -> {}));
    }

    assertThat(refused).as(what).isNotNull();
    assertThat(refused.isRetryable()).isFalse();
    assertNothingReachedElsewhere();
    assertThat(matomo.getAllServeEvents()).as("only the first request, at the configured URL").hasSize(1);
    redirectsRefused++;
  }

  @ParameterizedTest(name = "HTTP {0} after a followed same-host redirect, to another host, is refused")
  @MethodSource("statuses")
  void a_second_redirect_to_another_host_is_refused_after_a_first_that_was_followed(int status) {
    matomo.stubFor(post(urlPathEqualTo("/index.php")).willReturn(aResponse().withStatus(status)
        .withHeader("Location", "/moved/index.php")));
    matomo.stubFor(post(urlPathEqualTo("/moved/index.php")).willReturn(aResponse().withStatus(status)
        .withHeader("Location", "http://127.0.0.2:" + otherLoopbackHost.port() + "/index.php")));

    try (MatomoClient client = client(http() + "/", true)) {
      assertThatThrownBy(() -> client.fetch(site1(), v -> {})).isInstanceOf(MatomoRedirectException.class);
    }

    assertNothingReachedElsewhere();
    assertThat(matomo.getAllServeEvents()).hasSize(2);
    redirectsRefused++;
  }

  static int[] statuses() {
    return STATUSES;
  }

  @ParameterizedTest(name = "HTTP {0} from HTTPS down to plain HTTP is refused, even with plain HTTP allowed")
  @MethodSource("statuses")
  void a_redirect_from_https_to_plain_http_is_refused_even_when_plain_http_is_allowed(int status) {
    assumeHttps();
    for (String location : List.of(
        "http://127.0.0.1:" + sameHost.port() + "/index.php",
        "http://127.0.0.1:" + matomo.port() + "/matomo/index.php",
        "http://127.0.0.1:" + matomo.httpsPort() + "/matomo/index.php")) {
      matomo.resetRequests();
      redirect(status, location);
      for (boolean allowHttp : new boolean[] {false, true}) {
        try (MatomoClient client = client(https() + "/", allowHttp)) {
          assertThatThrownBy(() -> client.fetch(site1(), v -> {})).as(location).isInstanceOf(MatomoRedirectException.class);
        }
        redirectsRefused++;
      }
      assertThat(matomo.getAllServeEvents()).as("both tries were HTTPS requests to the configured URL")
          .hasSize(2).allSatisfy(e -> assertThat(e.getRequest().getAbsoluteUrl()).startsWith(https()));
    }
    assertNothingReachedElsewhere();
  }

  // ------------------------------------------------------------------------------ followed

  @ParameterizedTest(name = "HTTP {0} within the same origin is followed, over {1}")
  @CsvSource({"301, http", "302, http", "303, http", "307, http", "308, http",
      "301, https", "302, https", "303, https", "307, https", "308, https"})
  void a_redirect_within_the_configured_origin_is_followed_and_the_token_goes_there_only(int status, String scheme) {
    if (scheme.equals("https")) {
      assumeHttps();
    }
    String base = scheme.equals("https") ? https() : http();
    redirect(status, base + "/matomo/index.php");

    long visits;
    try (MatomoClient client = client(base + "/", scheme.equals("http"))) {
      visits = client.fetch(site1(), v -> {}).visits();
    }

    assertThat(visits).isEqualTo(1);
    List<ServeEvent> events = matomo.getAllServeEvents();
    assertThat(events).hasSize(2).allSatisfy(e -> {
      assertThat(e.getRequest().getMethod().getName()).isEqualTo("POST");
      assertThat(e.getRequest().getAbsoluteUrl()).startsWith(base).doesNotContain(TOKEN);
      assertThat(Php.parseForm(e.getRequest().getBodyAsString())).containsEntry("token_auth", TOKEN);
    });
    assertNothingReachedElsewhere();
  }

  @Test
  void the_recording_server_does_see_what_is_sent_to_it() throws Exception {
    try (MatomoClient client = client("http://127.0.0.2:" + otherLoopbackHost.port() + "/", true)) {
      client.fetch(site1(), v -> {});
    }

    assertThat(otherLoopbackHost.connections()).isEqualTo(1);
    assertThat(otherLoopbackHost.received()).startsWith("POST /index.php").contains(TOKEN);
  }

  // ---------------------------------------------------------------------------- plain HTTP

  @ParameterizedTest(name = "base URL {0}, plain HTTP allowed: {1} -> {2}")
  @CsvSource({
      "https://matomo.example.com/, false, accepted",
      "HTTPS://matomo.example.com/, false, accepted",
      "http://matomo.example.com/,  false, refused",
      "HTTP://matomo.example.com/,  false, refused",
      "hTtP://matomo.example.com/,  false, refused",
      "http://127.0.0.1:8080/,      false, refused",
      "http://matomo.example.com/,  true,  accepted",
      "ws://matomo.example.com/,    true,  refused",
      "ftp://matomo.example.com/,   true,  refused",
      "file:///var/matomo/,         true,  refused"})
  void plain_http_is_refused_unless_asked_for(String url, boolean allowHttp, String outcome) {
    var builder = MatomoClientConfig.builder().baseUrl(URI.create(url)).token(MatomoToken.of(TOKEN))
        .allowInsecureHttp(allowHttp);

    if (outcome.equals("accepted")) {
      assertThat(builder.build().endpoint().getHost()).isNotNull();
    } else {
      assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseUrl")
          .hasMessageNotContaining(TOKEN);
    }
  }

  @Test
  void a_plain_http_server_is_never_contacted_when_plain_http_was_not_allowed() {
    assertThatThrownBy(() -> client("http://127.0.0.1:" + sameHost.port() + "/", false))
        .isInstanceOf(IllegalArgumentException.class);

    assertNothingReachedElsewhere();
  }

  // ------------------------------------------------------------------------------ support

  private static void assertNothingReachedElsewhere() {
    assertThat(otherLoopbackHost.connections()).as("connections to the other host").isZero();
    assertThat(sameHost.connections()).as("connections to the other port").isZero();
    assertThat(otherLoopbackHost.received() + sameHost.received()).isEmpty();
  }

  private static void assumeHttps() {
    Assumptions.assumeTrue(trustingTheTestCertificate != null,
        "keytool could not make a test certificate, so the HTTPS cases cannot run");
  }

  /** A PKCS12 keystore with a self-signed certificate for 127.0.0.1 and localhost, or null. */
  private static Path testCertificate() {
    try {
      Path dir = Files.createTempDirectory("matomo-tls");
      dir.toFile().deleteOnExit();
      Path keystore = dir.resolve("test.p12");
      keystore.toFile().deleteOnExit();
      Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
      Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "matomo", "-keyalg", "EC",
          "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
          "-validity", "2", "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", "changeit",
          "-keypass", "changeit").redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        return null;
      }
      return keystore;
    } catch (Exception e) {
      return null;
    }
  }
}
