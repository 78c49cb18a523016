package io.github.matomotracking.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.matomotracking.model.Visit;
import io.github.matomotracking.model.VisitAction;
import io.github.matomotracking.model.VisitWarning;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Visit#raw()} and {@link VisitAction#raw()}, which the reader builds from each visit's
 * kept bytes only when asked: they must hold exactly the tree Jackson builds from the response,
 * whichever thread asks first.
 */
class RawJsonTest {

  private static final ObjectMapper JACKSON = new ObjectMapper();

  /** Unknown fields of every shape, a field given twice, two actionDetails, non-objects. */
  private static final String ODD_VISIT = "{\"idSite\":1,\"idVisit\":7,"
      + "\"firstActionTimestamp\":1700000000,\"x\":1,\"visitDuration\":\"abc\",\"x\":[1,{\"y\":"
      + "[null,true,false,2.5,12345678901234567890123,-3]}],\"actionDetails\":[{\"type\":\"a\"}],"
      + "\"customVariables\":{\"1\":{\"customVariableName1\":\"tier\"}},\"actionDetails\":"
      + "[{\"type\":\"action\",\"url\":\"https:\\/\\/a.example\\/\\u00e9\",\"extra\":{\"k\":[]}},"
      + " 5 ,{\"type\":\"event\",\"eventCategory\":\"\u00fcml\u00e4ut \ud83d\ude00\"}] , "
      + "\"city\" : \"K\u00f6ln\"}";

  @Test
  void rawHoldsWhatJacksonReadsInOddVisits() throws IOException {
    String body = "[" + GeneratedResponse.visit(0) + ",\n" + ODD_VISIT + ","
        + GeneratedResponse.visit(1) + "]";
    ReadResult result = ReadResult.read(body);

    assertSameTrees(result.visits(), JACKSON.readTree(body));
  }

  @Test
  void aFieldGivenTwiceIsWarnedAboutInReadingOrder() {
    ReadResult result = ReadResult.read("[" + ODD_VISIT + "]");

    assertThat(result.warnings()).extracting(VisitWarning::message).containsExactly(
        "visitDuration \"abc\" is not a whole number; left out",
        "x appears more than once (1, then a JSON array); the last value is used",
        "actionDetails[1] is 5, not an action object; left out",
        "actionDetails appears more than once (a JSON array, then a JSON array); the last value"
            + " is used");
    assertThat(result.onlyVisit().actions()).extracting(VisitAction::type)
        .containsExactly("action", "event");
  }

  @Test
  void rawHoldsWhatJacksonReadsInAUtf16Body() throws IOException {
    String text = "[" + GeneratedResponse.visit(0) + "," + ODD_VISIT + "]";
    byte[] body = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE);

    ReadResult result = ReadResult.read(body, 200);

    assertSameTrees(result.visits(), JACKSON.readTree(text));
  }

  @Test
  void rawHoldsWhatJacksonReadsAfterAUtf8ByteOrderMark() throws IOException {
    String text = "[" + ODD_VISIT + "," + GeneratedResponse.visit(3) + "]";
    byte[] body = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);

    ReadResult result = ReadResult.read(body, 200);

    assertSameTrees(result.visits(), JACKSON.readTree(text));
  }

  @Test
  void rawHoldsWhatJacksonReadsInEverySharedFixture() throws IOException {
    String shared = System.getProperty("matomo.shared.dir");
    Path json = shared == null ? null : Path.of(shared, "fixtures", "matomo-live-json");
    assumeTrue(json != null && Files.isDirectory(json),
        "the shared Matomo fixtures are absent (matomo.shared.dir=" + shared + ")");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(json)) {
      files = walk.filter(path -> path.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      byte[] body = Files.readAllBytes(file);
      JsonNode tree = JACKSON.readTree(body);
      if (!tree.isArray()) {
        continue; // a Matomo error object: no visits
      }
      ReadResult result = ReadResult.read(body, 200);
      Set<Integer> skipped = new HashSet<>();
      result.warnings().stream().filter(w -> w.message().startsWith("skipped"))
          .forEach(w -> skipped.add((int) w.position().getAsLong()));
      List<JsonNode> kept = new ArrayList<>();
      for (int i = 0; i < tree.size(); i++) {
        if (!skipped.contains(i)) {
          kept.add(tree.get(i));
        }
      }
      assertThat(result.visits()).as(file.toString()).hasSize(kept.size());
      for (int i = 0; i < kept.size(); i++) {
        assertSameTree(result.visits().get(i), kept.get(i), file + " visit " + i);
      }
    }
  }

  @Test
  void threadsAskingAtOnceSeeOneAndTheSameRaw() throws Exception {
    String body = "[" + ODD_VISIT + "]";
    JsonNode expected = JACKSON.readTree(body).get(0);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < 50; round++) {
        Visit visit = ReadResult.read(body).onlyVisit();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<JsonNode>> asked = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          asked.add(pool.submit(() -> {
            go.await();
            return visit.raw().get("actionDetails");
          }));
        }
        go.countDown();
        JsonNode first = asked.get(0).get();
        for (Future<JsonNode> answer : asked) {
          assertThat(answer.get()).as("round %d", round).isSameAs(first);
        }
        assertThat(visit.raw()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void rawStaysAnOrdinaryMutableObjectNode() {
    Visit visit = ReadResult.read("[" + ODD_VISIT + "]").onlyVisit();

    visit.raw().put("note", "added");
    visit.actions().get(0).raw().remove("extra");

    assertThat(visit.raw().get("note").textValue()).isEqualTo("added");
    assertThat(visit.raw().get("actionDetails").get(0).has("extra")).isFalse();
    assertThat(visit.raw().deepCopy()).isEqualTo(visit.raw());
    assertThat(visit.raw().toString()).contains("\"note\":\"added\"");
  }

  @Test
  void aVisitPaddedBeyondTheByteLimitFailsClearlyAfterTheVisitsBefore() {
    long limit = VisitBytes.maxBytes(ReaderOptions.defaults());
    InputStream body = new SequenceInputStream(new SequenceInputStream(
        new ByteArrayInputStream(("[" + GeneratedResponse.visit(0) + ",{\"idSite\":1,")
            .getBytes(StandardCharsets.UTF_8)),
        new Spaces(limit + 1)),
        new ByteArrayInputStream("\"idVisit\":5,\"firstActionTimestamp\":1700000000}]"
            .getBytes(StandardCharsets.UTF_8)));
    List<Visit> visits = new ArrayList<>();

    MatomoUnreadableResponseException thrown = catchThrowableOfType(
        MatomoUnreadableResponseException.class,
        () -> ReadResult.READER.read(body, 200, visits::add, warning -> { }));

    assertThat(visits).hasSize(1);
    assertThat(thrown.getMessage()).contains("passes a limit of the reader")
        .contains("takes more than " + limit + " bytes");
  }

  /** Bytes no JSON text may hold, each between {@code "a} and {@code b"}. */
  static Stream<Arguments> invalidUtf8() {
    return Stream.of(
        Arguments.of("byte FF", new byte[] {(byte) 0xFF}),
        Arguments.of("a lone continuation byte", new byte[] {(byte) 0x80}),
        Arguments.of("an overlong slash", new byte[] {(byte) 0xC0, (byte) 0xAF}),
        Arguments.of("a surrogate", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}),
        Arguments.of("a cut three-byte character", new byte[] {(byte) 0xE2, (byte) 0x82}),
        Arguments.of("beyond U+10FFFF",
            new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}),
        Arguments.of("a raw control character", new byte[] {0x01}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidUtf8")
  void aTextTheModelDoesNotUseIsRefusedLikeOneItUses(String what, byte[] bad) {
    String known = unreadableMessage(visitWithText("city", bad));
    String unknown = unreadableMessage(visitWithText("zity", bad));

    // Jackson words a few of these differently when it passes a text than when it decodes one
    assertThat(known).as(what).startsWith("Matomo's response is not valid ");
    assertThat(unknown).as(what).startsWith(known.substring(0, known.indexOf(" at line 1")))
        .contains("after 0 complete visits");
  }

  @Test
  void textsTheModelDoesNotUseCountAgainstTheCharacterLimit() {
    ReaderOptions options = ReaderOptions.defaults().withMaxCharsPerVisit(1000)
        .withMaxStringLength(500);
    String under = "\"u1\":\"" + "a".repeat(450) + "\",\"u2\":\"" + "é".repeat(450) + "\"";
    String over = under + ",\"u3\":\"" + "b".repeat(200) + "\"";

    ReadResult kept = readWith(options, ReadResult.oneVisit(under));
    MatomoUnreadableResponseException tooMuch = catchThrowableOfType(
        MatomoUnreadableResponseException.class, () -> readWith(options, ReadResult.oneVisit(over)));

    assertThat(kept.onlyVisit().raw().get("u2").textValue()).hasSize(450);
    assertThat(tooMuch.getMessage()).contains("more than 1000 characters of text");
  }

  @Test
  void aTextTheModelDoesNotUseIsHeldToTheStringLimit() {
    ReaderOptions options = ReaderOptions.defaults().withMaxStringLength(500);
    String last = "\"u1\":\"" + "a".repeat(501) + "\"";
    String first = last + ",\"u2\":\"b\"";

    for (String fields : List.of(last, first)) {
      MatomoUnreadableResponseException tooLong = catchThrowableOfType(
          MatomoUnreadableResponseException.class,
          () -> readWith(options, ReadResult.oneVisit(fields)));
      assertThat(tooLong.getMessage()).contains("String value length");
    }
  }

  private static ReadResult readWith(ReaderOptions options, String body) {
    List<Visit> visits = new ArrayList<>();
    List<VisitWarning> warnings = new ArrayList<>();
    ReadSummary summary = new LiveResponseReader(options).read(
        new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), 200, visits::add,
        warnings::add);
    return new ReadResult(visits, warnings, summary);
  }

  private static byte[] visitWithText(String field, byte[] bad) {
    byte[] before = ("[{\"idSite\":1,\"idVisit\":2,\"firstActionTimestamp\":1700000000,\""
        + field + "\":\"a").getBytes(StandardCharsets.UTF_8);
    byte[] after = "b\",\"x\":1}]".getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[before.length + bad.length + after.length];
    System.arraycopy(before, 0, body, 0, before.length);
    System.arraycopy(bad, 0, body, before.length, bad.length);
    System.arraycopy(after, 0, body, before.length + bad.length, after.length);
    return body;
  }

  private static String unreadableMessage(byte[] body) {
    return catchThrowableOfType(MatomoUnreadableResponseException.class,
        () -> ReadResult.read(body, 200)).getMessage();
  }

  private static void assertSameTrees(List<Visit> visits, JsonNode array) {
    assertThat(visits).hasSize(array.size());
    for (int i = 0; i < visits.size(); i++) {
      assertSameTree(visits.get(i), array.get(i), "visit " + i);
    }
  }

  private static void assertSameTree(Visit visit, JsonNode expected, String what) {
    ObjectNode raw = visit.raw();
    assertThat(raw).as(what).isEqualTo(expected);
    assertThat(expected).as(what + ", compared the other way").isEqualTo(raw);
    assertThat(raw.hashCode()).as(what + " hash").isEqualTo(expected.hashCode());
    assertThat(JACKSON.valueToTree(raw).toString()).as(what + " as text")
        .isEqualTo(expected.toString());
    JsonNode details = raw.get("actionDetails");
    int objects = 0;
    for (int i = 0; details != null && details.isArray() && i < details.size(); i++) {
      if (details.get(i).isObject()) {
        VisitAction action = visit.actions().get(objects++);
        assertThat(action.raw()).as(what + " action " + i).isSameAs(details.get(i))
            .isEqualTo(expected.get("actionDetails").get(i));
      }
    }
    assertThat(visit.actions()).as(what + " actions").hasSize(objects);
  }

  /** {@code count} spaces, streamed. */
  private static final class Spaces extends InputStream {
    private long left;

    Spaces(long count) {
      this.left = count;
    }

    @Override
    public int read() {
      return left-- > 0 ? ' ' : -1;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (left <= 0) {
        return -1;
      }
      int n = (int) Math.min(length, left);
      java.util.Arrays.fill(buffer, offset, offset + n, (byte) ' ');
      left -= n;
      return n;
    }
  }
}
