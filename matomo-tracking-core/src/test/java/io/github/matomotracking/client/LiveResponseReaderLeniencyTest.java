package io.github.matomotracking.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.github.matomotracking.model.Visit;
import io.github.matomotracking.model.VisitAction;
import io.github.matomotracking.model.VisitWarning;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The leniency rules of domain.md 3.1, one table row per rule. */
class LiveResponseReaderLeniencyTest {

  static Stream<Arguments> wholeNumbers() {
    return Stream.of(
        arguments("a JSON number is read", "35", 35L, false),
        arguments("a numeric text is read (older PHP)", "\"35\"", 35L, false),
        arguments("white space around a numeric text is ignored", "\" 35 \"", 35L, false),
        arguments("a decimal text with a zero fraction is the whole number", "\"10.0\"", 10L, false),
        arguments("a JSON decimal with a zero fraction is the whole number", "10.0", 10L, false),
        arguments("a plus sign is allowed", "\"+7\"", 7L, false),
        arguments("null is absent", "null", null, false),
        arguments("an empty text is absent", "\"\"", null, false),
        arguments("a blank text is absent", "\"  \"", null, false),
        arguments("false is absent", "false", null, false),
        arguments("a non-numeric text is absent with a warning", "\"abc\"", null, true),
        arguments("a decimal text with a fraction is absent with a warning", "\"10.5\"", null, true),
        arguments("a JSON decimal with a fraction is absent with a warning", "10.5", null, true),
        arguments("an exponent text is absent with a warning", "\"1e3\"", null, true),
        arguments("a number too large for a long is absent with a warning",
            "\"99999999999999999999\"", null, true),
        arguments("a JSON integer too large for a long is absent with a warning",
            "99999999999999999999", null, true),
        arguments("a negative duration is absent with a warning", "-5", null, true),
        arguments("true is absent with a warning", "true", null, true),
        arguments("an object is absent with a warning", "{}", null, true),
        arguments("an array is absent with a warning", "[1]", null, true));
  }

  @ParameterizedTest(name = "visitDuration: {0}")
  @MethodSource("wholeNumbers")
  void wholeNumberFields(String rule, String json, Long expected, boolean warned) {
    ReadResult result = ReadResult.read(ReadResult.oneVisit("\"visitDuration\": " + json));

    Visit visit = result.onlyVisit();
    assertThat(visit.durationSeconds())
        .isEqualTo(expected == null ? OptionalLong.empty() : OptionalLong.of(expected));
    if (warned) {
      assertThat(result.warnings()).singleElement().satisfies(warning -> {
        assertThat(warning.message()).startsWith("visitDuration").contains("left out");
        assertThat(warning.siteId()).hasValue(1);
        assertThat(warning.visitId()).hasValue(2);
        assertThat(warning.position()).hasValue(0);
      });
    } else {
      assertThat(result.warnings()).isEmpty();
    }
    assertThat(visit.raw().get("visitDuration").isTextual())
        .as("raw keeps the value as sent")
        .isEqualTo(json.startsWith("\""));
  }

  static Stream<Arguments> texts() {
    return Stream.of(
        arguments("a text is read as sent", "\"Berlin\"", "Berlin", false),
        arguments("a text keeps its own white space", "\" Bonn \"", " Bonn ", false),
        arguments("an empty text is absent", "\"\"", null, false),
        arguments("a blank text is absent", "\" \\t \"", null, false),
        arguments("null is absent", "null", null, false),
        arguments("false is absent", "false", null, false),
        arguments("a number is read as its text", "5", "5", false),
        arguments("true is absent with a warning", "true", null, true),
        arguments("an object is absent with a warning", "{\"a\": 1}", null, true),
        arguments("an array is absent with a warning", "[]", null, true));
  }

  @ParameterizedTest(name = "city: {0}")
  @MethodSource("texts")
  void textFields(String rule, String json, String expected, boolean warned) {
    ReadResult result = ReadResult.read(ReadResult.oneVisit("\"city\": " + json));

    assertThat(result.onlyVisit().city().orElse(null)).isEqualTo(expected);
    assertThat(result.warnings()).hasSize(warned ? 1 : 0);
    if (warned) {
      assertThat(result.warnings().get(0).message()).startsWith("city is").contains("not a text");
    }
  }

  static Stream<Arguments> visitorIds() {
    return Stream.of(
        arguments("a visitorId is read", "\"5ae8a8b5c0f7e2d1\"", "5ae8a8b5c0f7e2d1"),
        arguments("visitorId false (anonymous access) is absent", "false", null),
        arguments("visitorId null is absent", "null", null),
        arguments("visitorId \"\" is absent", "\"\"", null),
        arguments("a visitorId in upper-case hex is read", "\"5AE8A8B5C0F7E2D1\"", "5AE8A8B5C0F7E2D1"));
  }

  static Stream<Arguments> malformedVisitorIds() {
    return Stream.of(
        arguments("a visitorId one character short", "\"5ae8a8b5c0f7e2d\""),
        arguments("a visitorId one character long", "\"5ae8a8b5c0f7e2d10\""),
        arguments("a visitorId sent as a number", "12345"),
        arguments("a visitorId with a segment operator", "\"5ae8a8b5c0f7e2d1,userId!=x\""),
        arguments("a visitorId of 16 characters that are not hex", "\"5ae8a8b5c0f7e2dz\""),
        arguments("a visitorId of full-width digits", "\"\uFF10\uFF11\uFF12\uFF13\uFF14\uFF15"
            + "\uFF16\uFF17\uFF18\uFF19\uFF10\uFF11\uFF12\uFF13\uFF14\uFF15\""));
  }

  @ParameterizedTest(name = "{0} is left out with a warning")
  @MethodSource("malformedVisitorIds")
  void aVisitorIdThatIsNotSixteenHexIsLeftOut(String rule, String json) {
    ReadResult result = ReadResult.read(ReadResult.oneVisit("\"visitorId\": " + json));

    assertThat(result.onlyVisit().visitorId()).isEmpty();
    assertThat(result.warnings()).singleElement().satisfies(warning -> {
      assertThat(warning.message()).startsWith("visitorId ")
          .endsWith(" is not 16 hexadecimal characters; left out");
      assertThat(warning.visitId()).hasValue(2);
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("visitorIds")
  void visitorIdFalseMeansAbsent(String rule, String json, String expected) {
    ReadResult result = ReadResult.read(
        ReadResult.oneVisit("\"visitorId\": " + json + ", \"fingerprint\": false"));

    assertThat(result.onlyVisit().visitorId().orElse(null)).isEqualTo(expected);
    assertThat(result.warnings()).isEmpty();
  }

  static Stream<Arguments> requiredFields() {
    return Stream.of(
        arguments("ids and first action time as numbers",
            "\"idSite\": 7, \"idVisit\": 8, \"firstActionTimestamp\": 1700000000"),
        arguments("ids and first action time as texts",
            "\"idSite\": \"7\", \"idVisit\": \"8\", \"firstActionTimestamp\": \"1700000000\""),
        arguments("ids and first action time as zero-fraction decimals",
            "\"idSite\": \"7.0\", \"idVisit\": 8.0, \"firstActionTimestamp\": 1700000000.0"));
  }

  @ParameterizedTest(name = "a visit is read with {0}")
  @MethodSource("requiredFields")
  void requiredFieldsInEveryForm(String rule, String fields) {
    Visit visit = ReadResult.read("[{" + fields + "}]").onlyVisit();

    assertThat(visit.siteId()).isEqualTo(7);
    assertThat(visit.visitId()).isEqualTo(8);
    assertThat(visit.firstActionTime()).isEqualTo(Instant.ofEpochSecond(1700000000));
  }

  static Stream<Arguments> skippedVisits() {
    return Stream.of(
        arguments("no idSite", "\"idVisit\": 8, \"firstActionTimestamp\": 1700000000",
            "idSite is missing"),
        arguments("no idVisit", "\"idSite\": 7, \"firstActionTimestamp\": 1700000000",
            "idVisit is missing"),
        arguments("no firstActionTimestamp", "\"idSite\": 7, \"idVisit\": 8",
            "firstActionTimestamp is missing"),
        arguments("an empty idVisit", "\"idSite\": 7, \"idVisit\": \"\", \"firstActionTimestamp\": 1",
            "idVisit is empty"),
        arguments("a null firstActionTimestamp",
            "\"idSite\": 7, \"idVisit\": 8, \"firstActionTimestamp\": null",
            "firstActionTimestamp is empty"),
        arguments("an idVisit that is no number",
            "\"idSite\": 7, \"idVisit\": \"abc\", \"firstActionTimestamp\": 1",
            "idVisit \"abc\" is not a positive whole number"),
        arguments("an idSite of 0", "\"idSite\": 0, \"idVisit\": 8, \"firstActionTimestamp\": 1",
            "idSite 0 is not a positive whole number"),
        arguments("a firstActionTimestamp that is no time",
            "\"idSite\": 7, \"idVisit\": 8, \"firstActionTimestamp\": \"yesterday\"",
            "firstActionTimestamp \"yesterday\" is not a time in epoch seconds between 1970 and 9999"),
        arguments("a firstActionTimestamp beyond any date",
            "\"idSite\": 7, \"idVisit\": 8, \"firstActionTimestamp\": 9000000000000000000",
            "firstActionTimestamp 9000000000000000000 is not a time in epoch seconds between 1970"
                + " and 9999"),
        arguments("a firstActionTimestamp in the year 300000",
            "\"idSite\": 7, \"idVisit\": 8, \"firstActionTimestamp\": \"9404592000000\"",
            "firstActionTimestamp \"9404592000000\" is not a time in epoch seconds between 1970"
                + " and 9999"),
        arguments("a firstActionTimestamp before 1970",
            "\"idSite\": 7, \"idVisit\": 8, \"firstActionTimestamp\": -86400",
            "firstActionTimestamp -86400 is not a time in epoch seconds between 1970 and 9999"),
        arguments("a firstActionTimestamp of 0, PHP's \"no date\"",
            "\"idSite\": 7, \"idVisit\": 8, \"firstActionTimestamp\": 0",
            "firstActionTimestamp 0 is not a time in epoch seconds between 1970 and 9999"),
        arguments("no ids and no time at all", "\"city\": \"Bonn\"",
            "idSite is missing; idVisit is missing; firstActionTimestamp is missing"));
  }

  @ParameterizedTest(name = "a visit with {0} is skipped with a warning naming the field")
  @MethodSource("skippedVisits")
  void visitsWithoutUsableKeyAreSkipped(String rule, String fields, String reason) {
    String good = "{\"idSite\": 1, \"idVisit\": 1, \"firstActionTimestamp\": 1700000000}";
    ReadResult result = ReadResult.read("[" + good + ", {" + fields + "}, " + good + "]");

    assertThat(result.visits()).hasSize(2);
    assertThat(result.summary()).isEqualTo(new ReadSummary(2, 1));
    VisitWarning warning = result.warnings().get(0);
    assertThat(result.warnings()).hasSize(1);
    assertThat(warning.message()).isEqualTo("skipped: " + reason);
    assertThat(warning.position()).hasValue(1);
    assertThat(warning.describe()).contains("#1 in the response");
  }

  static Stream<Arguments> nonObjectElements() {
    return Stream.of(
        arguments("a text", "\"visit\"", "the element is \"visit\", not a visit object"),
        arguments("a number", "42", "the element is 42, not a visit object"),
        arguments("null", "null", "the element is null, not a visit object"),
        arguments("an array", "[{\"idSite\": 1}]", "the element is a JSON array, not a visit object"));
  }

  @ParameterizedTest(name = "an array element that is {0} is skipped with a warning")
  @MethodSource("nonObjectElements")
  void elementsThatAreNoObjectsAreSkipped(String rule, String element, String message) {
    String good = "{\"idSite\": 1, \"idVisit\": 1, \"firstActionTimestamp\": 1700000000}";
    ReadResult result = ReadResult.read("[" + element + ", " + good + "]");

    assertThat(result.visits()).hasSize(1);
    assertThat(result.summary()).isEqualTo(new ReadSummary(1, 1));
    assertThat(result.warnings()).singleElement().satisfies(warning -> {
      assertThat(warning.message()).isEqualTo("skipped: " + message);
      assertThat(warning.position()).hasValue(0);
      assertThat(warning.visitId()).isEmpty();
    });
  }

  static Stream<Arguments> actionDetails() {
    return Stream.of(
        arguments("missing actionDetails gives no actions", "", 0, false),
        arguments("an empty array gives no actions", "\"actionDetails\": []", 0, false),
        arguments("null gives no actions", "\"actionDetails\": null", 0, false),
        arguments("an array of two objects gives two actions",
            "\"actionDetails\": [{\"type\": \"action\"}, {\"type\": \"download\"}]", 2, false),
        arguments("an object gives no actions and a warning",
            "\"actionDetails\": {\"0\": {\"type\": \"action\"}}", 0, true),
        arguments("a text gives no actions and a warning", "\"actionDetails\": \"none\"", 0, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("actionDetails")
  void actionDetailsShapes(String rule, String fields, int actions, boolean warned) {
    ReadResult result = ReadResult.read(ReadResult.oneVisit(fields));

    assertThat(result.onlyVisit().actions()).hasSize(actions);
    assertThat(result.warnings()).hasSize(warned ? 1 : 0);
    if (warned) {
      assertThat(result.warnings().get(0).message())
          .startsWith("actionDetails is").contains("not an array; the visit is kept");
    }
  }

  static Stream<Arguments> actionFields() {
    return Stream.of(
        arguments("timeSpent as a text", "\"timeSpent\": \"12\"", "timeSpent=12"),
        arguments("timeSpent as a number", "\"timeSpent\": 12", "timeSpent=12"),
        arguments("pageIdAction as a text", "\"pageIdAction\": \"5\"", "pageIdAction=5"),
        arguments("pageId as a zero-fraction text", "\"pageId\": \"6.0\"", "pageId=6"),
        arguments("timestamp as a text", "\"timestamp\": \"1700000000\"", "timestamp=1700000000"),
        arguments("an empty idpageview is absent", "\"idpageview\": \"\"", "idpageview=-"),
        arguments("a bad timeSpent is absent", "\"timeSpent\": \"soon\"", "timeSpent=-"),
        arguments("the content type 13 is kept verbatim", "\"type\": \"13\"", "type=13"),
        arguments("an unknown action type is kept verbatim", "\"type\": \"media\"", "type=media"));
  }

  @ParameterizedTest(name = "action {0}")
  @MethodSource("actionFields")
  void actionFieldLeniency(String rule, String field, String expected) {
    ReadResult result = ReadResult.read(ReadResult.oneVisit(
        "\"actionDetails\": [{" + field + "}]"));

    VisitAction action = result.onlyVisit().actions().get(0);
    String name = expected.substring(0, expected.indexOf('='));
    String value = expected.substring(expected.indexOf('=') + 1);
    String actual = switch (name) {
      case "timeSpent" -> show(action.timeSpentSeconds());
      case "pageIdAction" -> show(action.pageIdAction());
      case "pageId" -> show(action.pageId());
      case "timestamp" -> show(action.shiftedTimestamp());
      case "idpageview" -> action.pageViewId().orElse("-");
      case "type" -> action.type();
      default -> throw new IllegalArgumentException(name);
    };
    assertThat(actual).isEqualTo(value);
    boolean bad = rule.startsWith("a bad");
    assertThat(result.warnings()).hasSize(bad ? 1 : 0);
    if (bad) {
      assertThat(result.warnings().get(0).message()).startsWith("actionDetails[0].timeSpent");
    }
  }

  static Stream<Arguments> lastActionTimes() {
    return Stream.of(
        arguments("epoch seconds as a number", "1700000360", 1700000360L, false),
        arguments("epoch seconds as a text", "\"1700000360\"", 1700000360L, false),
        arguments("null", "null", null, false),
        arguments("a date text, absent with a warning", "\"2023-11-14 22:19:20\"", null, true),
        arguments("the year 300000, absent with a warning", "9404592000000", null, true),
        arguments("the last second of 9999", "253402300799", 253402300799L, false));
  }

  @ParameterizedTest(name = "lastActionTimestamp: {0}")
  @MethodSource("lastActionTimes")
  void lastActionTimestamp(String rule, String json, Long expected, boolean warned) {
    ReadResult result = ReadResult.read(ReadResult.oneVisit("\"lastActionTimestamp\": " + json));

    assertThat(result.onlyVisit().lastActionTime().orElse(null))
        .isEqualTo(expected == null ? null : Instant.ofEpochSecond(expected));
    assertThat(result.warnings()).hasSize(warned ? 1 : 0);
  }

  private static String show(OptionalLong value) {
    return value.isPresent() ? Long.toString(value.getAsLong()) : "-";
  }
}
