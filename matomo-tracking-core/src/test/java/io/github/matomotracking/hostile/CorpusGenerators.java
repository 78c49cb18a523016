package io.github.matomotracking.hostile;

import io.github.matomotracking.testing.TestTokens;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The corpus entries too big to commit, or that must not be committed because they carry a
 * token-like value ({@code generated/<name>} in the manifest): each body is produced as it is
 * read, so none is ever held in memory by the test, and a token is drawn for each run.
 */
final class CorpusGenerators {

  /** Ten million: the "10 MB" of the big-string cases. */
  static final long TEN_MILLION = 10_000_000L;

  private static final Map<String, Supplier<InputStream>> BODIES = new LinkedHashMap<>();

  static {
    // strings
    add("field-name-100k-chars", () -> visitWithTail(102, "\"", "n", 100_000, "\":1}"));
    // nesting
    add("deep-nesting-top-level-10m", () -> StreamedBody.builder()
        .repeat("[", TEN_MILLION).repeat("]", TEN_MILLION).build());
    add("deep-nesting-in-visit-field-1m", () -> StreamedBody.builder()
        .text("[" + GoodVisits.json(101) + ",{\"idSite\":1,\"idVisit\":102,"
            + "\"firstActionTimestamp\":1700000000,\"customVariables\":")
        .repeat("{\"a\":", 1_000_000).text("1").repeat("}", 1_000_000)
        .text("}," + GoodVisits.json(103) + "]").build());
    // counts
    add("actions-501-in-one-visit", () -> {
      StreamedBody.Builder body = StreamedBody.builder().text("[" + GoodVisits.json(101) + ","
          + "{\"idSite\":1,\"idVisit\":102,\"firstActionTimestamp\":1700000000,\"actions\":501,"
          + "\"actionDetails\":[");
      for (int i = 0; i < 501; i++) {
        body.text((i == 0 ? "" : ",") + "{\"type\":\"action\",\"url\":\"https://shop.example.com/p"
            + i + "\",\"pageTitle\":\"Page " + i + "\",\"idpageview\":\"p" + i + "\","
            + "\"timestamp\":" + (1700003600 + i) + ",\"timeSpent\":1}");
      }
      return body.text("]}," + GoodVisits.json(103) + "]").build();
    });
    // Matomo errors and padding
    add("whitespace-padding-20mb", () -> StreamedBody.builder()
        .text("[").repeat(" \n\t\r", 5_000_000).text(GoodVisits.json(101))
        .repeat(" ", 100).text(",").text(GoodVisits.json(102)).repeat("\n", 100).text("]")
        .build());
    add("matomo-error-markup-and-token-in-message", () -> StreamedBody.builder()
        .text("{\"result\":\"error\",\"message\":\"&lt;b&gt;Oops&lt;/b&gt; token_auth="
            + TestTokens.hex() + " is wrong\"}").build());
    add("matomo-error-1m-ampersands", () -> StreamedBody.builder()
        .text("{\"result\":\"error\",\"message\":\"").repeat("&", 1_000_000).text("\"}").build());
    add("referrer-host-500k-labels", () -> around(visitWithTailText(102,
        "\"referrerType\":\"website\",\"referrerUrl\":\"https://", "a.", 500_000,
        "example.com/page\"}")));
    add("string-near-limit-in-url", () -> around(visitWithTailText(102,
        "\"actionDetails\":[{\"type\":\"action\",\"url\":\"https://shop.example.com/", "p",
        1_000_000, "\",\"timestamp\":1700003600}]}")));
    add("string-near-limit-in-title", () -> around(visitWithTailText(102,
        "\"actionDetails\":[{\"type\":\"action\",\"url\":\"https://shop.example.com/t\","
            + "\"pageTitle\":\"", "\u05D0", 1_000_000, "\",\"timestamp\":1700003600}]}")));
    add("string-near-limit-in-action-type", () -> around(visitWithTailText(102,
        "\"actionDetails\":[{\"type\":\"", "t", 1_000_000, "\",\"timestamp\":1700003600}]}")));
    add("string-10mb-ascii-in-url", () -> visitWithTail(102,
        "\"actionDetails\":[{\"type\":\"action\",\"url\":\"https://shop.example.com/", "x",
        TEN_MILLION, "\",\"timestamp\":1700003600}]}"));
    add("string-10mb-two-byte-in-title", () -> visitWithTail(102,
        "\"actionDetails\":[{\"type\":\"action\",\"pageTitle\":\"", "\u0100", TEN_MILLION,
        "\",\"timestamp\":1700003600}]}"));
    add("string-10mb-emoji-in-city", () -> visitWithTail(102, "\"city\":\"", "\uD83D\uDE00",
        TEN_MILLION / 4, "\"}"));
    add("many-big-strings-in-one-visit", () -> {
      StreamedBody.Builder body = StreamedBody.builder().text("[" + GoodVisits.json(101) + ","
          + "{\"idSite\":1,\"idVisit\":102,\"firstActionTimestamp\":1700000000");
      for (int i = 0; i < 40; i++) {
        body.text(",\"dimension" + i + "\":\"").repeat("\u0416", 900_000).text("\"");
      }
      return body.text("}," + GoodVisits.json(103) + "]").build();
    });
    add("values-bomb-1m-empty-actions", () -> StreamedBody.builder()
        .text("[" + GoodVisits.json(101) + ",{\"idSite\":1,\"idVisit\":102,"
            + "\"firstActionTimestamp\":1700000000,\"actionDetails\":[")
        .repeat("{},", 1_000_000).text("{}]}," + GoodVisits.json(103) + "]").build());
    add("values-bomb-1m-numbers-in-unknown-field", () -> StreamedBody.builder()
        .text("[" + GoodVisits.json(101) + ",{\"idSite\":1,\"idVisit\":102,"
            + "\"firstActionTimestamp\":1700000000,\"x\":[")
        .repeat("7,", 1_000_000).text("7]}," + GoodVisits.json(103) + "]").build());
  }

  private CorpusGenerators() {}

  private static void add(String name, Supplier<InputStream> body) {
    BODIES.put(HostileCase.GENERATED + name, body);
  }

  /** The generated bodies, by manifest name. */
  static Map<String, Supplier<InputStream>> bodies() {
    return BODIES;
  }

  /** Good visit 101, then visit {@code id} whose tail repeats {@code unit}, then good visit 103. */
  private static InputStream visitWithTail(
      long id, String before, String unit, long times, String after) {
    return around(visitWithTailText(id, before, unit, times, after));
  }

  private static StreamedBody.Builder visitWithTailText(
      long id, String before, String unit, long times, String after) {
    return StreamedBody.builder()
        .text("{\"idSite\":1,\"idVisit\":" + id + ",\"firstActionTimestamp\":1700000000,"
            + before)
        .repeat(unit, times)
        .text(after);
  }

  /** {@code [good 101, <middle>, good 103]}. */
  private static InputStream around(StreamedBody.Builder middle) {
    StreamedBody middleBody = middle.build();
    return new java.io.SequenceInputStream(java.util.Collections.enumeration(java.util.List.of(
        new java.io.ByteArrayInputStream(("[" + GoodVisits.json(101) + ",")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        middleBody,
        new java.io.ByteArrayInputStream(("," + GoodVisits.json(103) + "]")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
  }
}
