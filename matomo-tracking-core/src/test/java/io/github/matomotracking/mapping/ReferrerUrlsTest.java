package io.github.matomotracking.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Domain rules, sections 4 and 5: the referrer URL stored, and the host looked up. */
class ReferrerUrlsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
      # rule                                              | referrerUrl                                        | stored
      absolute URL: the query string is stripped          | https://www.google.com/search?q=crm&hl=en          | https://www.google.com/search
      absolute URL: a fragment is no query string         | https://example.org/page#section                   | https://example.org/page#section
      absolute URL: the query goes, the fragment stays    | https://example.org/page?a=1#section               | https://example.org/page#section
      absolute URL without query: unchanged               | https://example.org/page                           | https://example.org/page
      any scheme counts as absolute                       | android-app://com.google.android.gm/?referrer=x    | android-app://com.google.android.gm/
      text that is not an absolute URL is kept as received | www.example.org/page?a=1                          | www.example.org/page?a=1
      a scheme without // is not an absolute URL          | mailto:someone@example.org?subject=hi              | mailto:someone@example.org?subject=hi
      blank: none                                         | " "                                                | -
      missing: none                                       | -                                                  | -
      """)
  void storesThePageReferrerUrl(String rule, String referrerUrl, String expected) {
    assertThat(ReferrerUrls.pageReferrerUrl(referrerUrl)).isEqualTo(Optional.ofNullable(expected));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
      # rule                                                  | referrerUrl                                | looked up
      the host of an absolute URL                             | https://m.facebook.com/story.php?id=1      | m.facebook.com
      user information and port are not part of the host      | http://user:secret@Example.COM:8080/x      | Example.COM
      a trailing dot is not part of the host                  | https://example.com./a                     | example.com
      an IPv6 literal keeps its brackets                      | http://[2001:db8::1]:8080/                 | [2001:db8::1]
      an absolute URL without a host gives an empty host      | file:///home/me/page.html                  | ""
      text that is not an absolute URL is used raw            | facebook.com                               | facebook.com
      raw text is stripped of surrounding white space         | "  facebook.com  "                         | facebook.com
      blank: nothing to look up                               | " "                                        | -
      """)
  void looksUpTheHostOrTheRawText(String rule, String referrerUrl, String expected) {
    assertThat(ReferrerUrls.lookupHost(referrerUrl)).isEqualTo(Optional.ofNullable(expected));
  }
}
