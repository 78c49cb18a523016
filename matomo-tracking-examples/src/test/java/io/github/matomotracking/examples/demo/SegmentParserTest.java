package io.github.matomotracking.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.matomotracking.client.Segment;
import io.github.matomotracking.client.SegmentBuilder;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The demo server reads segments the way Matomo 5 does. */
class SegmentParserTest {

  private final SegmentParser parser = new SegmentParser(LiveQuery.SEGMENTS);

  /** The groups as text: conditions {@code name op [value]} joined by {@code  OR }, groups by {@code  AND }. */
  private String read(String segment) {
    return parser.parse(PhpText.bytes(segment)).stream()
        .map(group -> group.stream().map(c -> c.name() + " " + c.operator() + " [" + c.value() + "]")
            .collect(Collectors.joining(" OR ")))
        .collect(Collectors.joining(" AND "));
  }

  @ParameterizedTest(name = "{0} reads as {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
    "visitorId==0123456789abcdef | visitorId == [0123456789abcdef]",
    "userId==a,userId==b | userId == [a] OR userId == [b]",
    "userId==a;visitId>5 | userId == [a] AND visitId > [5]",
    "userId==a,userId==b;visitId>5 | userId == [a] OR userId == [b] AND visitId > [5]",
    "'  userId==a  ' | userId == [a]",
    "userId==a+b | userId == [a b]",
    "userId==a, | userId == [a,]",
    "userId==a\\,b | userId == [a,b]",
    "userId==a\\;visitId>0 | userId == [a;visitId>0]",
    "userId== | userId ::NULL []",
    "userId!= | userId ::NOT_NULL []",
    "userId=@cd,userId!@ef | userId =@ [cd] OR userId !@ [ef]",
    "visitId>=10;visitId<=20 | visitId >= [10] AND visitId <= [20]",
    "userId==a%2CuserId%3D%3Db | userId == [a] OR userId == [b]",
    "userId==a%252CuserId%253D%253Db | userId == [a,userId==b]",
    "userId==caf%C3%A9 | userId == [caf\u00e9]",
    "'' | ''",
  })
  void readsLikeMatomo(String segment, String expected) {
    assertThat(read(segment)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} is refused")
  @ValueSource(strings = {"browserName==Chrome", "userId>=", "userId", "userId==a;browserCode==FF"})
  void refusesWhatMatomoRefuses(String segment) {
    assertThatThrownBy(() -> parser.parse(PhpText.bytes(segment)))
        .isInstanceOf(SegmentParser.InvalidSegmentException.class);
  }

  @Test
  void cutsTheSegmentAt8192BytesLikeMatomo() {
    String value = "x".repeat(9000);

    assertThat(read("userId==" + value)).isEqualTo("userId == [" + value.substring(0, 8192 - 8) + "]");
  }

  @ParameterizedTest(name = "the client''s encoding of {0} comes back exactly")
  @ValueSource(strings = {"plain-42", "a,userId==b", "a;visitId>0", "100%", "a+b c", "back\\slash\\,",
      "=@!@==", "\u00e9t\u00e9 \ud83d\ude00", "%2C%3B", "  spaced  "})
  void readsTheClientsTripleEncodedValuesBack(String userId) {
    List<Segment> segments = SegmentBuilder.anyOf().userId(userId).userId("other").build();

    List<List<SegmentParser.Condition>> groups = parser.parse(PhpText.bytes(segments.get(0).definition()));
    assertThat(groups).hasSize(1);
    assertThat(groups.get(0)).extracting(SegmentParser.Condition::value).containsExactly(userId, "other");
    assertThat(groups.get(0)).extracting(SegmentParser.Condition::operator).containsOnly("==");
  }
}
