package io.github.matomotracking.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.matomotracking.model.Visit;
import io.github.matomotracking.testing.TestTokens;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Wrong input fails clearly: the right exception, saying what and where. */
class LiveResponseReaderErrorTest {

  private static final String GOOD_VISIT =
      "{\"idSite\": 1, \"idVisit\": 1, \"firstActionTimestamp\": 1700000000}";

  // ------------------------------------------------------------ Matomo error objects

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {200, 401})
  void aWrongTokenIsAnAuthenticationErrorWhateverTheStatus(int status) {
    byte[] body = ReadResult.resourceBytes("error-wrong-token.json");

    MatomoAuthenticationException error = catchThrowableOfType(
        MatomoAuthenticationException.class, () -> ReadResult.read(body, status));

    assertThat(error.matomoMessage()).contains("Unable to authenticate with the provided token."
        + " It is either invalid, expired or is required to be sent as a POST parameter.");
    assertThat(error.httpStatus()).hasValue(status);
    assertThat(error.isRetryable()).isFalse();
    assertThat(error.getMessage()).contains("did not accept the token").contains("HTTP " + status);
  }

  @Test
  void matomoMessagesAreUnescapedFromHtml() {
    String body = "{\"result\":\"error\",\"message\":\"You can&#039;t access this resource as it"
        + " requires &#039;view&#039; access for the website id = 3.\"}";

    MatomoAccessDeniedException error = catchThrowableOfType(
        MatomoAccessDeniedException.class, () -> ReadResult.read(body));

    assertThat(error.matomoMessage()).contains(
        "You can't access this resource as it requires 'view' access for the website id = 3.");
    assertThat(error.getMessage()).contains("requires 'view' access");
  }

  @Test
  void aQueryTimeoutIsARetryableServerError() {
    String body = "{\"result\":\"error\",\"message\":\"Could not run the query in time. Maybe the"
        + " selected date range is too wide?\"}";

    MatomoServerException error =
        catchThrowableOfType(MatomoServerException.class, () -> ReadResult.read(body));

    assertThat(error.isRetryable()).isTrue();
    assertThat(error.matomoMessage()).hasValueSatisfying(m -> assertThat(m).startsWith("Could not"));
  }

  @Test
  void anyOtherMatomoErrorIsABadRequest() {
    String body = "{\"result\":\"error\",\"message\":\"The segment &quot;visitorId==zz&quot; is"
        + " not valid.\"}";

    MatomoBadRequestException error =
        catchThrowableOfType(MatomoBadRequestException.class, () -> ReadResult.read(body));

    assertThat(error.matomoMessage()).contains("The segment \"visitorId==zz\" is not valid.");
    assertThat(error.isRetryable()).isFalse();
  }

  @Test
  void anErrorObjectWithoutMessageIsStillTyped() {
    assertThatThrownBy(() -> ReadResult.read("{\"result\": \"error\"}"))
        .isInstanceOf(MatomoBadRequestException.class)
        .hasMessageContaining("Matomo sent no message");
  }

  static Stream<Arguments> otherObjects() {
    return Stream.of(
        arguments("{\"result\":\"success\",\"message\":\"ok\"}", "a JSON object with result, message"),
        arguments("{\"idSite\": 1, \"idVisit\": 2}", "a JSON object with idSite, idVisit"),
        arguments("{}", "an empty JSON object"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("otherObjects")
  void anyOtherObjectIsUnreadable(String body, String described) {
    assertThatThrownBy(() -> ReadResult.read(body))
        .isExactlyInstanceOf(MatomoUnreadableResponseException.class)
        .hasMessageContaining("Matomo's response is " + described)
        .hasMessageContaining("not the expected array of visits");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"null", "\"visits\"", "42", "true"})
  void aJsonScalarIsUnreadable(String body) {
    assertThatThrownBy(() -> ReadResult.read(body))
        .isExactlyInstanceOf(MatomoUnreadableResponseException.class)
        .hasMessageContaining("is JSON but")
        .hasMessageContaining("not the expected array of visits");
  }

  // ------------------------------------------------------------ not JSON at all

  @Test
  void anHtmlLoginPageIsUnreadableAndShownOnOneLine() {
    byte[] body = ReadResult.resourceBytes("html-login-page.html");

    MatomoUnreadableResponseException error = catchThrowableOfType(
        MatomoUnreadableResponseException.class, () -> ReadResult.read(body, 200));

    assertThat(error).isExactlyInstanceOf(MatomoUnreadableResponseException.class);
    assertThat(error.getMessage())
        .contains("HTML, not JSON")
        .contains("it starts with: <!DOCTYPE html> <html id=\"ng-app\"")
        .contains("Sign in - Matomo")
        .contains("(HTTP 200)")
        .doesNotContain("\n")
        .doesNotContain("\t");
    String preview = error.getMessage().substring(error.getMessage().indexOf("starts with: "));
    assertThat(preview.length()).isLessThan(240);
    assertThat(error.isRetryable()).isFalse();
  }

  @Test
  void htmlAfterAByteOrderMarkIsStillHtml() {
    assertThatThrownBy(() -> ReadResult.read("\uFEFF  <html><body>Maintenance</body></html>"))
        .hasMessageContaining("HTML, not JSON")
        .hasMessageContaining("<html><body>Maintenance");
  }

  @Test
  void anXmlAnswerSaysFormatJsonWasMissing() {
    assertThatThrownBy(() -> ReadResult.read("\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n"
        + "<result><row><idSite>1</idSite></row></result>"))
        .isExactlyInstanceOf(MatomoUnreadableResponseException.class)
        .hasMessageContaining("XML, not JSON")
        .hasMessageContaining("format=JSON")
        .hasMessageNotContaining("HTML");
  }

  @Test
  void plainTextIsNotJson() {
    assertThatThrownBy(() -> ReadResult.read("Internal error:\r\n\tdatabase\u0007 down"))
        .isExactlyInstanceOf(MatomoUnreadableResponseException.class)
        .hasMessageContaining("is not JSON; it starts with: Internal error: database down")
        .hasMessageNotContaining("HTML");
  }

  @Test
  void anEmptyBodySaysSo() {
    assertThatThrownBy(() -> ReadResult.read(""))
        .isExactlyInstanceOf(MatomoUnreadableResponseException.class)
        .hasMessage("Matomo's response is empty (HTTP 200)");
    assertThatThrownBy(() -> ReadResult.read(" \n "))
        .hasMessageContaining("only white space");
  }

  @Test
  void aGzippedBodySaysItWasNotDecompressed() {
    byte[] gzip = {0x1f, (byte) 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03};

    assertThatThrownBy(() -> ReadResult.read(gzip, 200))
        .isExactlyInstanceOf(MatomoUnreadableResponseException.class)
        .hasMessageContaining("gzip-compressed");
  }

  @Test
  void anHtmlErrorPageWithAServerStatusIsARetryableServerError() {
    assertThatThrownBy(() -> ReadResult.read(
        "<html><body>502 Bad Gateway</body></html>".getBytes(StandardCharsets.UTF_8), 502))
        .isInstanceOf(MatomoServerException.class)
        .hasMessageContaining("HTTP 502")
        .hasMessageContaining("502 Bad Gateway")
        .satisfies(e -> assertThat(((MatomoException) e).isRetryable()).isTrue());
  }

  @Test
  void anHtmlPageWithStatus401IsAnAuthenticationError() {
    assertThatThrownBy(() -> ReadResult.read(
        "<html>Authorization Required</html>".getBytes(StandardCharsets.UTF_8), 401))
        .isInstanceOf(MatomoAuthenticationException.class);
  }

  @Test
  void textThatLooksLikeATokenIsMaskedInMessages() {
    String token = TestTokens.hex();
    String body = "<html><script>piwik.token_auth = \"" + token + "\";</script></html>";

    assertThatThrownBy(() -> ReadResult.read(body))
        .hasMessageNotContaining(token)
        .hasMessageContaining(SafeText.MASK);
  }

  // ------------------------------------------------------------ truncated

  @Test
  void aResponseCutInTheThirdVisitIsTruncatedAfterTwoVisits() {
    List<Visit> handedOver = new ArrayList<>();

    MatomoTruncatedResponseException error = catchThrowableOfType(
        MatomoTruncatedResponseException.class,
        () -> ReadResult.READER.read(ReadResult.resource("truncated-after-two-visits.json"), 200,
            handedOver::add, warning -> { }));

    assertThat(handedOver).extracting(Visit::visitId).containsExactly(4711L, 4712L);
    assertThat(error.visitsRead()).isEqualTo(2);
    assertThat(error.isRetryable()).isTrue();
    assertThat(error.getMessage())
        .contains("truncated after 2 complete visits")
        .contains("inside visit #2")
        .contains("line ");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"two-visits-typed.json", "two-visits-strings.json"})
  void aCutAtAnyByteIsTruncationAfterTheVisitsCompleteBeforeIt(String fixture) throws IOException {
    byte[] whole = ReadResult.resourceBytes(fixture);
    List<Long> visitEnds = topLevelObjectEnds(whole);
    int lastBracket = lastNonWhitespace(whole);

    for (int cut = 1; cut < lastBracket; cut++) {
      byte[] prefix = java.util.Arrays.copyOf(whole, cut);
      List<Visit> handedOver = new ArrayList<>();
      int at = cut;
      MatomoTruncatedResponseException error = catchThrowableOfType(
          MatomoTruncatedResponseException.class,
          () -> ReadResult.READER.read(new ByteArrayInputStream(prefix), 200, handedOver::add,
              warning -> { }));
      long complete = visitEnds.stream().filter(end -> end <= at).count();
      assertThat(error).as("cut at byte %d", cut).isNotNull();
      assertThat(error.visitsRead()).as("cut at byte %d", cut).isEqualTo(complete);
      assertThat(handedOver).as("cut at byte %d", cut).hasSize((int) complete);
    }
  }

  @Test
  void aCutInsideAnErrorObjectIsTruncation() {
    assertThatThrownBy(() -> ReadResult.read("{\"result\":\"error\",\"message\":\"Unable to"))
        .isInstanceOf(MatomoTruncatedResponseException.class)
        .hasMessageContaining("truncated after 0 complete visits")
        .hasMessageContaining("inside the top-level JSON object");
  }

  // ------------------------------------------------------------ malformed

  @Test
  void garbageInTheMiddleIsUnreadableWithLineColumnAndVisitsSoFar() {
    String body = "[\n" + GOOD_VISIT + ",\n  {\"idSite\": 1, \"idVisit\": nope},\n" + GOOD_VISIT
        + "\n]";
    List<Visit> handedOver = new ArrayList<>();

    MatomoUnreadableResponseException error = catchThrowableOfType(
        MatomoUnreadableResponseException.class,
        () -> ReadResult.READER.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
            200, handedOver::add, warning -> { }));

    assertThat(error).isExactlyInstanceOf(MatomoUnreadableResponseException.class);
    assertThat(handedOver).hasSize(1);
    assertThat(error.getMessage())
        .contains("not valid JSON at line 3, column 28")
        .contains("after 1 complete visit")
        .contains("'nope'");
  }

  @Test
  void invalidUtf8IsUnreadableWithItsPosition() {
    byte[] body = ("[" + GOOD_VISIT + ", {\"city\": \"K\u00f6ln\"}]").getBytes(StandardCharsets.UTF_8);
    int umlaut = indexOf(body, (byte) 0xC3);
    body[umlaut] = (byte) 0xFF;

    assertThatThrownBy(() -> ReadResult.read(body, 200))
        .isExactlyInstanceOf(MatomoUnreadableResponseException.class)
        .hasMessageContaining("not valid UTF-8 at line 1, column")
        .hasMessageContaining("after 1 complete visit");
  }

  @Test
  void contentAfterTheArrayIsUnreadable() {
    List<Visit> handedOver = new ArrayList<>();

    assertThatThrownBy(() -> ReadResult.READER.read(
        new ByteArrayInputStream(("[" + GOOD_VISIT + "]\n<br /><b>Notice</b>")
            .getBytes(StandardCharsets.UTF_8)), 200, handedOver::add, warning -> { }))
        .isExactlyInstanceOf(MatomoUnreadableResponseException.class)
        .hasMessageContaining("more content after the end of the visit array");
    assertThat(handedOver).hasSize(1);
  }

  // ------------------------------------------------------------ hostile input

  @Test
  void nestingBeyondTheLimitFailsClearly() {
    String deep = "[".repeat(70) + "]".repeat(70);

    assertThatThrownBy(() -> ReadResult.read(deep))
        .isExactlyInstanceOf(MatomoUnreadableResponseException.class)
        .hasMessageContaining("passes a limit of the reader")
        .hasMessageContaining("nesting depth");
  }

  @Test
  void aStringBeyondTheLimitFailsClearly() {
    LiveResponseReader reader =
        new LiveResponseReader(ReaderOptions.defaults().withMaxStringLength(1000));
    String body = ReadResult.oneVisit("\"city\": \"" + "x".repeat(5000) + "\"");

    assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
        200, visit -> { }, warning -> { }))
        .isExactlyInstanceOf(MatomoUnreadableResponseException.class)
        .hasMessageContaining("passes a limit of the reader")
        .hasMessageContaining("String value length");
  }

  @Test
  void aVisitWithTooManyValuesFailsClearly() {
    LiveResponseReader reader =
        new LiveResponseReader(ReaderOptions.defaults().withMaxValuesPerVisit(100));
    StringBuilder actions = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      actions.append(i == 0 ? "" : ",").append("{\"type\": \"action\"}");
    }
    String body = "[" + GOOD_VISIT + ", " + ReadResult.oneVisit("\"actionDetails\": [" + actions
        + "]").substring(1);

    assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
        200, visit -> { }, warning -> { }))
        .isExactlyInstanceOf(MatomoUnreadableResponseException.class)
        .hasMessageContaining("more than 100 JSON values")
        .hasMessageContaining("after 1 complete visit");
  }

  // ------------------------------------------------------------ transport

  @Test
  void aFailingStreamIsATransportErrorAfterTheVisitsRead() {
    InputStream failing = new SequenceInputStream(
        new ByteArrayInputStream(("[" + GOOD_VISIT + ",").getBytes(StandardCharsets.UTF_8)),
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("Connection reset");
          }
        });

    assertThatThrownBy(() -> ReadResult.read(failing, 200))
        .isExactlyInstanceOf(MatomoTransportException.class)
        .hasMessageContaining("failed after 1 complete visit")
        .hasMessageContaining("Connection reset")
        .hasCauseInstanceOf(IOException.class);
  }

  @Test
  void aStreamTimingOutIsARequestTimeout() {
    InputStream slow = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new SocketTimeoutException("Read timed out");
      }
    };

    assertThatThrownBy(() -> ReadResult.read(slow, 200))
        .isInstanceOf(MatomoRequestTimeoutException.class)
        .hasMessageContaining("before the first visit");
  }

  // ------------------------------------------------------------ helpers

  /** Byte offsets just after each top-level visit object's closing brace. */
  private static List<Long> topLevelObjectEnds(byte[] json) throws IOException {
    List<Long> ends = new ArrayList<>();
    try (JsonParser parser = new JsonFactory().createParser(json)) {
      int depth = 0;
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token.isStructStart()) {
          depth++;
        } else if (token.isStructEnd()) {
          depth--;
          if (depth == 1 && token == JsonToken.END_OBJECT) {
            ends.add(parser.currentLocation().getByteOffset());
          }
        }
      }
    }
    return ends;
  }

  private static int lastNonWhitespace(byte[] bytes) {
    int i = bytes.length - 1;
    while (Character.isWhitespace(bytes[i])) {
      i--;
    }
    return i;
  }

  private static int indexOf(byte[] bytes, byte wanted) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    throw new AssertionError("byte not found");
  }
}
