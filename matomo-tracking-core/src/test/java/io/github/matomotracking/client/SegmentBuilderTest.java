package io.github.matomotracking.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.matomotracking.client.fake.MatomoSegmentParser;
import io.github.matomotracking.client.fake.MatomoSegmentParser.Condition;
import io.github.matomotracking.client.fake.Php;
import io.github.matomotracking.testing.TestTokens;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SegmentBuilderTest {

  private static final MatomoSegmentParser MATOMO =
      new MatomoSegmentParser(Set.of("visitorId", "userId", "visitId"));

  /** The segment as Matomo reads it after our form encoding and PHP's form decoding. */
  private static MatomoSegmentParser.Parsed asMatomoReadsIt(Segment segment) {
    String body = "segment=" + URLEncoder.encode(segment.definition(), StandardCharsets.UTF_8);
    return MATOMO.parse(Php.parseForm(body).get("segment"));
  }

  static List<String> hostileUserIds() {
    return List.of(
        "a,b",
        "a;b",
        "x,userId==victim",
        "x;visitorId==0123456789abcdef",
        "victim,visitorId!=",
        "==",
        "userId==other",
        "a%2Cb",
        "a%3Bb",
        "a%252CuserId%253D%253Dvictim",
        "a%25252Cb",
        "a\\,b",
        "a\\;userId==victim",
        "ends with backslash\\",
        "plus+sign and spaces",
        "victim\nuserId==other",
        "carriage\rreturn",
        "null\u0000byte",
        "fullwidth\uFF0Ccomma\uFF1Bsemicolon\uFF1D\uFF1D",
        "line\u2028separator",
        "emoji \uD83D\uDE00 and \u00e9\u00e8",
        "quotes ' \" < > &amp;",
        "%",
        "%%%",
        "%zz",
        "0",
        " leading and trailing ",
        "x".repeat(200));
  }

  @ParameterizedTest
  @MethodSource("hostileUserIds")
  void a_userId_value_is_read_by_matomo_as_exactly_one_condition_with_that_literal_value(String userId) {
    List<Segment> segments = SegmentBuilder.anyOf().userId(userId).build();

    assertThat(segments).hasSize(1);
    List<Condition> read = asMatomoReadsIt(segments.get(0)).conditions();
    assertThat(read).containsExactly(new Condition("userId", "==", userId));
  }

  @ParameterizedTest
  @MethodSource("hostileUserIds")
  void a_hostile_value_between_other_conditions_neither_widens_nor_narrows_the_query(String userId) {
    Segment segment = SegmentBuilder.anyOf()
        .visitorId("0123456789abcdef")
        .userId(userId)
        .visitorId("fedcba9876543210")
        .build().get(0);

    MatomoSegmentParser.Parsed read = asMatomoReadsIt(segment);

    assertThat(read.clauses()).as("one OR clause, no AND").hasSize(1);
    assertThat(read.conditions()).containsExactly(
        new Condition("visitorId", "==", "0123456789abcdef"),
        new Condition("userId", "==", userId),
        new Condition("visitorId", "==", "fedcba9876543210"));
  }

  @Test
  void the_parser_sees_the_attack_a_once_encoded_value_would_let_through() {
    // What a naive client sends: the value URL-encoded once inside the definition.
    String naive = "userId==" + URLEncoder.encode("x,userId==victim", StandardCharsets.UTF_8);

    List<Condition> read = MATOMO.parse(naive).conditions();

    assertThat(read).as("Matomo 5 prefers the decoded reading because it has more conditions")
        .containsExactly(new Condition("userId", "==", "x"), new Condition("userId", "==", "victim"));
  }

  @ParameterizedTest
  @CsvSource({
      "0123456789abcdef, 0123456789abcdef",
      "0123456789ABCDEF, 0123456789abcdef",
      "ffffffffffffffff, ffffffffffffffff"})
  void a_visitorId_of_16_hex_characters_is_accepted_in_lower_case(String given, String sent) {
    Segment segment = SegmentBuilder.anyOf().visitorId(given).build().get(0);

    assertThat(asMatomoReadsIt(segment).conditions()).containsExactly(new Condition("visitorId", "==", sent));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "0123456789abcde", "0123456789abcdef0", "0123456789abcdeg", "0123456789abcde,",
      "012345678,abcdef", "0123456789abcd;e", " 123456789abcdef", "\uFF10123456789abcdef",
      "0123456789abcdef,visitorId==ffffffffffffffff"})
  void a_visitorId_that_is_not_exactly_16_hex_characters_is_rejected(String bad) {
    assertThatThrownBy(() -> SegmentBuilder.anyOf().visitorId(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("16 hexadecimal")
        .hasMessageContaining(bad.substring(0, Math.min(bad.length(), 10)));
  }

  @Test
  void a_rejected_value_is_echoed_only_in_part() {
    String secretish = TestTokens.hex() + "-and-much-more-that-should-not-be-echoed";

    assertThatThrownBy(() -> SegmentBuilder.normalizeVisitorId(secretish))
        .hasMessageNotContaining("should-not-be-echoed")
        .hasMessageContaining("(" + secretish.length() + " characters)");
  }

  @Test
  void an_empty_userId_is_rejected_because_it_would_match_every_visit_without_one() {
    assertThatThrownBy(() -> SegmentBuilder.anyOf().userId(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
  }

  @ParameterizedTest
  @ValueSource(strings = {" ", "   ", "\t", "\r\n", "\u00A0", " \u2028 "})
  void a_blank_userId_is_rejected_because_visits_with_one_are_read_as_having_none(String blank) {
    assertThatThrownBy(() -> SegmentBuilder.anyOf().userId(blank))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("blank");
  }

  @Test
  void a_userId_of_200_characters_is_accepted_and_one_of_201_is_rejected() {
    String emoji = "\uD83D\uDE00";
    SegmentBuilder.anyOf().userId(emoji.repeat(200));

    assertThatThrownBy(() -> SegmentBuilder.anyOf().userId(emoji.repeat(201)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("200");
  }

  @Test
  void the_hashed_userId_is_the_first_16_hex_characters_of_its_sha1() {
    // SHA-1("abc") = a9993e364706816aba3e25717850c26c9cd0d89d (FIPS 180 test vector)
    assertThat(SegmentBuilder.hashUserId("abc")).isEqualTo("a9993e364706816a");
    Segment segment = SegmentBuilder.anyOf().userIdViaVisitorId("abc").build().get(0);
    assertThat(asMatomoReadsIt(segment).conditions()).containsExactly(new Condition("visitorId", "==", "a9993e364706816a"));
  }

  @Test
  void a_long_or_list_is_split_so_no_definition_reaches_matomos_cut_even_with_the_paging_condition() {
    List<String> ids = IntStream.range(0, 1000).mapToObj(i -> String.format("%016x", i * 7919L)).collect(Collectors.toList());
    SegmentBuilder builder = SegmentBuilder.anyOf();
    ids.forEach(builder::visitorId);

    List<Segment> segments = builder.build();

    assertThat(segments).hasSizeGreaterThan(1);
    Set<String> seen = new HashSet<>();
    for (Segment segment : segments) {
      Segment paged = segment.andVisitIdAbove(Long.MAX_VALUE);
      assertThat(paged.length()).isLessThanOrEqualTo(SegmentBuilder.DEFAULT_MAX_LENGTH);
      MatomoSegmentParser.Parsed read = asMatomoReadsIt(segment);
      assertThat(read.clauses()).hasSize(1);
      read.conditions().forEach(c -> assertThat(seen.add(c.value())).as("once: " + c.value()).isTrue());
    }
    assertThat(seen).containsExactlyInAnyOrderElementsOf(ids);
  }

  @Test
  void each_split_segment_but_the_last_is_full_enough_that_the_next_condition_would_not_fit() {
    SegmentBuilder builder = SegmentBuilder.anyOf();
    IntStream.range(0, 700).forEach(i -> builder.visitorId(String.format("%016x", i)));
    int condition = "visitorId==0000000000000000".length();

    List<Segment> segments = builder.build();

    for (Segment segment : segments.subList(0, segments.size() - 1)) {
      assertThat(segment.length() + 1 + condition + SegmentBuilder.PAGING_RESERVE)
          .isGreaterThan(SegmentBuilder.DEFAULT_MAX_LENGTH);
    }
  }

  @Test
  void long_multibyte_userIds_are_split_by_their_encoded_length_and_survive_matomos_cut() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      ids.add(i + "-" + "\u00e9\u4e2d,;".repeat(49));
    }
    SegmentBuilder builder = SegmentBuilder.anyOf();
    ids.forEach(builder::userId);

    List<Segment> segments = builder.build();

    List<String> read = new ArrayList<>();
    for (Segment segment : segments) {
      assertThat(segment.andVisitIdAbove(Long.MAX_VALUE).length()).isLessThanOrEqualTo(SegmentBuilder.DEFAULT_MAX_LENGTH);
      asMatomoReadsIt(segment).conditions().forEach(c -> read.add(c.value()));
    }
    assertThat(read).containsExactlyElementsOf(ids);
  }

  @Test
  void matomos_cut_would_lose_conditions_of_an_unsplit_list_which_is_why_it_is_split() {
    SegmentBuilder builder = SegmentBuilder.anyOf();
    IntStream.range(0, 400).forEach(i -> builder.visitorId(String.format("%016x", i)));

    Segment unsplit = builder.build(100_000).get(0);

    assertThat(unsplit.length()).isGreaterThan(MatomoSegmentParser.TRUNCATE_LIMIT);
    assertThat(asMatomoReadsIt(unsplit).conditions().size()).isLessThan(400);
  }

  @Test
  void one_condition_longer_than_the_allowed_length_is_an_error() {
    assertThatThrownBy(() -> SegmentBuilder.anyOf().userId("x".repeat(100)).build(60))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bytes");
  }

  @Test
  void the_paging_condition_is_anded_to_the_or_list() {
    Segment segment = SegmentBuilder.anyOf().visitorId("0123456789abcdef").visitorId("fedcba9876543210")
        .build().get(0).andVisitIdAbove(42);

    MatomoSegmentParser.Parsed read = asMatomoReadsIt(segment);

    assertThat(read.clauses()).containsExactly(
        List.of(new Condition("visitorId", "==", "0123456789abcdef"), new Condition("visitorId", "==", "fedcba9876543210")),
        List.of(new Condition("visitId", ">", "42")));
  }

  @Test
  void the_encoded_value_holds_nothing_matomo_treats_specially() {
    String encoded = SegmentBuilder.encodeValue("a,b;c==d\\e+f g%h\u00e9");

    assertThat(encoded).matches("[A-Za-z0-9._%-]+");
    assertThat(encoded.toLowerCase(Locale.ROOT)).doesNotContain(",").doesNotContain(";").doesNotContain("+");
  }
}
