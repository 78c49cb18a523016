package io.github.matomotracking.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.github.matomotracking.testing.TestTokens;
import java.util.Locale;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Matomo's error texts (as in matomo-org/matomo) to the library's exception types. */
class MatomoErrorsTest {

  static Stream<Arguments> classification() {
    return Stream.of(
        arguments("a wrong token (Matomo 5) is authentication, even with 200", 200,
            "Unable to authenticate with the provided token. It is either invalid, expired or is"
                + " required to be sent as a POST parameter.",
            MatomoAuthenticationException.class),
        arguments("a wrong token sent securely is authentication", 401,
            "Unable to authenticate with the provided token. It is either invalid or expired.",
            MatomoAuthenticationException.class),
        arguments("an invalid token_auth wording is authentication", 200,
            "The token_auth is invalid.", MatomoAuthenticationException.class),
        arguments("'You must be logged in' is authentication", 200,
            "You must be logged in to access this functionality.",
            MatomoAuthenticationException.class),
        arguments("an unknown text with 401 is authentication", 401, "Nope.",
            MatomoAuthenticationException.class),
        arguments("'requires view access' for a site is access denied", 200,
            "You can't access this resource as it requires 'view' access for the website id = 3.",
            MatomoAccessDeniedException.class),
        arguments("'requires admin access' is access denied", 401,
            "You can't access this resource as it requires 'admin' access.",
            MatomoAccessDeniedException.class),
        arguments("'at least one website' is access denied", 200,
            "You can't access this resource as it requires 'view' access for at least one website.",
            MatomoAccessDeniedException.class),
        arguments("a disallowed IP is access denied", 200,
            "Your IP address 192.0.2.1 is not allowed to access this Matomo.",
            MatomoAccessDeniedException.class),
        arguments("an unknown text with 403 is access denied", 403, "Forbidden",
            MatomoAccessDeniedException.class),
        arguments("'Could not run the query in time' is a server error", 200,
            "Could not run the query in time. Maybe the selected segment didn't match any visits?",
            MatomoServerException.class),
        arguments("older 'The query took too long to execute' is a server error", 200,
            "The query took too long to execute. Please try again.", MatomoServerException.class),
        arguments("MySQL's interrupted query is a server error", 200,
            "SQLSTATE[HY000]: General error: 3024 Query execution was interrupted, maximum"
                + " statement execution time exceeded", MatomoServerException.class),
        arguments("MariaDB's max_statement_time is a server error", 200,
            "SQLSTATE[70100]: max_statement_time exceeded", MatomoServerException.class),
        arguments("a lost database connection is a server error", 200,
            "SQLSTATE[HY000]: General error: 2006 MySQL server has gone away",
            MatomoServerException.class),
        arguments("a lock wait timeout is a server error", 200,
            "SQLSTATE[HY000]: General error: 1205 Lock wait timeout exceeded",
            MatomoServerException.class),
        arguments("an unknown text with 503 is a server error", 503, "Down for maintenance",
            MatomoServerException.class),
        arguments("an unknown text with 429 is a server error", 429, "Slow down",
            MatomoServerException.class),
        arguments("a bad segment is a bad request", 200,
            "The segment condition 'visitorId==zz' is not valid.",
            MatomoBadRequestException.class),
        arguments("an unknown method is a bad request", 400,
            "The method 'getNothing' does not exist or is not available in the module"
                + " '\\Piwik\\Plugins\\Live\\API'.", MatomoBadRequestException.class),
        arguments("a disabled visits log is a bad request", 200,
            "Visits log is deactivated globally. A user with super user access can enable this"
                + " feature in the general settings.", MatomoBadRequestException.class),
        arguments("a value not allowed is a bad request, not access", 200,
            "The value \"xyz\" is not allowed, use one of: day, week.",
            MatomoBadRequestException.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("classification")
  void classifiesByTextFirstThenByStatus(
      String rule, int status, String message, Class<? extends MatomoException> expected) {
    MatomoException error = MatomoErrors.fromErrorBody(status, message);

    assertThat(error).isExactlyInstanceOf(expected);
    assertThat(error.matomoMessage()).contains(message);
    assertThat(error.httpStatus()).hasValue(status);
    assertThat(error.getMessage()).contains(message).contains("HTTP " + status);
    assertThat(error.isRetryable()).isEqualTo(expected == MatomoServerException.class);
  }

  @Test
  void keepsTheRetryAfterOnServerErrors() {
    MatomoException error =
        MatomoErrors.fromErrorBody(503, "busy", Duration.ofSeconds(30));

    assertThat(error).isInstanceOfSatisfying(MatomoServerException.class,
        server -> assertThat(server.retryAfter()).contains(Duration.ofSeconds(30)));
  }

  @Test
  void aMissingStatusIsLeftOutOfTheMessage() {
    MatomoException error = MatomoErrors.fromErrorBody(-1, "Bad date");

    assertThat(error.httpStatus()).isEmpty();
    assertThat(error.getMessage()).isEqualTo("Matomo rejected the request: Bad date");
  }

  @Test
  void masksTokenLikeTextInMatomosMessage() {
    String token = TestTokens.hex();
    String mixedCase = token.substring(0, 16) + token.substring(16).toUpperCase(Locale.ROOT);
    MatomoException error = MatomoErrors.fromErrorBody(200,
        "token_auth " + mixedCase + " is invalid");

    assertThat(error).isInstanceOf(MatomoAuthenticationException.class);
    assertThat(error.getMessage()).doesNotContain(token.substring(0, 16)).contains(SafeText.MASK);
    assertThat(error.matomoMessage()).hasValue("token_auth [masked] is invalid");
  }

  @Test
  void statusesAloneClassifyOnlyAuthenticationAccessAndServerFailures() {
    assertThat(MatomoErrors.fromHttpStatus(401, "x", null)).containsInstanceOf(
        MatomoAuthenticationException.class);
    assertThat(MatomoErrors.fromHttpStatus(403, "x", null)).containsInstanceOf(
        MatomoAccessDeniedException.class);
    assertThat(MatomoErrors.fromHttpStatus(500, "x", null)).containsInstanceOf(
        MatomoServerException.class);
    assertThat(MatomoErrors.fromHttpStatus(200, "x", null)).isEmpty();
    assertThat(MatomoErrors.fromHttpStatus(404, "x", null)).isEmpty();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
    "can&#039;t             | can't",
    "can&#39;t              | can't",
    "&#x27;view&#x27;       | 'view'",
    "&quot;a&quot; &amp; b  | \"a\" & b",
    "&lt;b&gt;              | <b>",
    "it&apos;s              | it's",
    "&amp;lt;               | &lt;",
    "&#233;t&#xE9;          | \u00e9t\u00e9",
    "&#128512;              | \uD83D\uDE00",
    "&unknown; &#xZZ; & ;   | &unknown; &#xZZ; & ;",
    "&#0; &#xD800;          | &#0; &#xD800;",
    "no entities            | no entities",
  })
  void unescapesHtmlEntitiesOnce(String escaped, String expected) {
    assertThat(MatomoErrors.unescapeHtml(escaped)).isEqualTo(expected);
  }

  @Test
  void unescapingNullGivesNull() {
    assertThat(MatomoErrors.unescapeHtml(null)).isNull();
  }
}
