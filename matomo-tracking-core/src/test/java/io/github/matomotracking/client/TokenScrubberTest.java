package io.github.matomotracking.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.matomotracking.model.VisitWarning;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TokenScrubberTest {

  private static final String TOKEN = "Zq8Xv3Lm9Rt2Wk5N+/=&%;,\"'<>\\\u00E9";
  private final TokenScrubber scrubber = new TokenScrubber(MatomoToken.of(TOKEN));

  static Stream<Arguments> echoes() {
    return Stream.of(
        Arguments.of("as is", TOKEN),
        Arguments.of("form-encoded, as in the request body", URLEncoder.encode(TOKEN, StandardCharsets.UTF_8)),
        Arguments.of("percent-encoded", SegmentBuilder.percentEncode(TOKEN)),
        Arguments.of("HTML-escaped", "Zq8Xv3Lm9Rt2Wk5N+/=&amp;%;,&quot;&#039;&lt;&gt;\\\u00E9"),
        Arguments.of("JSON-escaped", "Zq8Xv3Lm9Rt2Wk5N+\\/=&%;,\\\"'<>\\\\\\u00e9"),
        Arguments.of("cut by a message limit", "Zq8Xv3Lm9R\u2026"));
  }

  @ParameterizedTest(name = "the token echoed {0} is masked")
  @MethodSource("echoes")
  void the_token_echoed_in_any_form_is_masked(String how, String echoed) {
    String scrubbed = scrubber.scrub("Request was: token_auth=" + echoed + " (end)");

    assertThat(scrubbed).startsWith("Request was: token_auth=" + SafeText.MASK).endsWith(" (end)")
        .doesNotContain("Zq8Xv3Lm");
  }

  @Test
  void pieces_shorter_than_eight_characters_and_unrelated_text_stay() {
    String text = "Zq8Xv3L is seven characters of it; the rest is ordinary text";

    assertThat(scrubber.scrub(text)).isSameAs(text);
  }

  @Test
  void an_exception_that_echoes_the_token_is_rebuilt_as_the_same_kind_without_it() {
    MatomoServerException echoing = new MatomoServerException(
        "Matomo could not answer now: " + TOKEN, 503, "busy for " + TOKEN, Duration.ofSeconds(7),
        new IOException("echo " + TOKEN));
    echoing.addSuppressed(new IllegalStateException("kept"));

    MatomoException safe = scrubber.scrub(echoing);

    assertThat(safe).isExactlyInstanceOf(MatomoServerException.class)
        .hasMessage("Matomo could not answer now: " + SafeText.MASK)
        .hasNoCause();
    assertThat(safe.matomoMessage()).hasValue("busy for " + SafeText.MASK);
    assertThat(((MatomoServerException) safe).retryAfter()).hasValue(Duration.ofSeconds(7));
    assertThat(safe.httpStatus()).hasValue(503);
    assertThat(safe.isRetryable()).isTrue();
    assertThat(safe.getSuppressed()).hasSize(1);
    assertThat(safe.getStackTrace()).isEqualTo(echoing.getStackTrace());
  }

  @Test
  void a_truncation_keeps_its_count_and_a_clean_exception_is_returned_unchanged() {
    MatomoTruncatedResponseException cut = new MatomoTruncatedResponseException("cut after " + TOKEN, 200, 4, null);
    MatomoTransportException clean = new MatomoTransportException("reset", -1, null, new IOException("reset"));

    assertThat(((MatomoTruncatedResponseException) scrubber.scrub(cut)).visitsRead()).isEqualTo(4);
    assertThat(scrubber.scrub(clean)).isSameAs(clean);
  }

  @Test
  void a_warning_quoting_the_token_is_masked() {
    VisitWarning warning = VisitWarning.builder().position(0).message("idVisit \"" + TOKEN + "\" is not a number").build();

    assertThat(scrubber.scrub(warning).message()).isEqualTo("idVisit \"" + SafeText.MASK + "\" is not a number");
  }
}
