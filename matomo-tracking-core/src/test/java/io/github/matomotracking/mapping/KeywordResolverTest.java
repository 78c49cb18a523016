package io.github.matomotracking.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Domain rules, section 4: referrer keyword. */
class KeywordResolverTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
      # rule                                                       | referrerKeyword           | keyword
      a search keyword is kept as received                         | crm Software              | crm Software
      the placeholder Keyword not defined means none               | Keyword not defined       | -
      the placeholder matches whatever its case and white space    | " keyword NOT defined "   | -
      a keyword that only contains the placeholder is kept         | Keyword not defined yet   | Keyword not defined yet
      blank means none                                             | "  "                      | -
      missing means none                                           | -                         | -
      """)
  void dropsThePlaceholder(String rule, String referrerKeyword, String expected) {
    assertThat(KeywordResolver.standard().keyword(referrerKeyword)).isEqualTo(Optional.ofNullable(expected));
  }

  @Test
  void placeholdersAreConfigurable() {
    KeywordResolver french = KeywordResolver.of(List.of("Mot clé non défini"));

    assertThat(french.keyword("Mot clé non défini")).isEmpty();
    assertThat(french.keyword(KeywordResolver.KEYWORD_NOT_DEFINED)).contains(KeywordResolver.KEYWORD_NOT_DEFINED);
    assertThat(french.placeholders()).containsExactly("Mot clé non défini");
  }
}
