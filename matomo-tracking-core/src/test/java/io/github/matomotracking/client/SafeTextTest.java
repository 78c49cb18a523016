package io.github.matomotracking.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.matomotracking.testing.TestTokens;
import org.junit.jupiter.api.Test;

class SafeTextTest {

  @Test
  void a_token_like_run_that_straddles_a_message_cut_is_masked_whole_not_shown_in_part() {
    String hex = TestTokens.hex();
    String text = "x".repeat(50) + hex + " and more";

    String line = SafeText.oneLine(text, 60);

    assertThat(line).isEqualTo("x".repeat(50) + SafeText.MASK + " a\u2026").doesNotContain(hex.substring(0, 4));
  }

  @Test
  void a_short_text_is_kept_and_a_long_one_is_cut_with_an_ellipsis() {
    assertThat(SafeText.oneLine("  a\n\tb  ", 10)).isEqualTo("a b");
    assertThat(SafeText.oneLine("abcdefghijkl", 10)).isEqualTo("abcdefghij\u2026");
    assertThat(SafeText.oneLine("abcdefghij   ", 10)).isEqualTo("abcdefghij");
  }
}
