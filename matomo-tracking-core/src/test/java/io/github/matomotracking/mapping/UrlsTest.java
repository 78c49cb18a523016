package io.github.matomotracking.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The URL text helpers. */
class UrlsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
      # rule                                                 | url                                     | page name
      host without www. followed by the path, no query       | https://www.example.com/pricing?x=1     | example.com/pricing
      the root page keeps its slash                          | https://example.com/                    | example.com/
      no path: the host alone                                | https://example.com                     | example.com
      www. is removed whatever its case; the fragment too    | https://WWW.Example.com/a#b             | Example.com/a
      only a leading www. label is removed                   | https://www2.example.com/a              | www2.example.com/a
      the port is not part of the host                       | https://www.example.com:8443/a          | example.com/a
      text that is not absolute: without query and www.      | www.example.com/page?x=1                | example.com/page
      """)
  void namesPages(String rule, String url, String expected) {
    assertThat(Urls.pageName(url)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
      # rule                                       | url                                  | without query
      the query string goes                        | https://example.com/a?b=c            | https://example.com/a
      the fragment stays                           | https://example.com/a#top            | https://example.com/a#top
      the query goes, the fragment after it stays  | https://example.com/a?b=c#top        | https://example.com/a#top
      a ? inside the fragment is no query string   | https://example.com/a#x?y            | https://example.com/a#x?y
      a route in the fragment stays                | https://example.com/?utm=x#/pricing  | https://example.com/#/pricing
      an empty query string goes                   | https://example.com/a?               | https://example.com/a
      relative text is cut too                     | /pricing?plan=pro                    | /pricing
      text without either is unchanged             | https://example.com/a                | https://example.com/a
      """)
  void cutsTheQueryStringOnly(String rule, String url, String expected) {
    assertThat(Urls.withoutQuery(url)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
      # rule                                   | url                                     | host
      the host of an https URL                 | https://shop.example.com/a?b            | shop.example.com
      a scheme must start with a letter        | 1http://example.com/                    | -
      a scheme must be followed by //          | urn:isbn:0451450523                     | -
      plain text has no host                   | example.com                             | -
      an empty host counts as none             | file:///tmp/a                           | -
      """)
  void findsHosts(String rule, String url, String expected) {
    assertThat(Urls.host(url)).isEqualTo(Optional.ofNullable(expected));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
      # rule                                     | url                                          | parameter | present
      first parameter                            | https://example.com/?gclid=abc               | gclid     | true
      later parameter                            | https://example.com/?a=1&gclid=abc           | gclid     | true
      a longer name that starts the same         | https://example.com/?gclidx=abc              | gclid     | false
      a name that ends the same                  | https://example.com/?xgclid=abc              | gclid     | false
      the name as a value                        | https://example.com/?ref=gclid               | gclid     | false
      an empty value                             | https://example.com/?gclid=&a=1              | gclid     | false
      in the fragment                            | https://example.com/#gclid=abc               | gclid     | false
      after the fragment starts                  | https://example.com/?a=1#gclid=abc           | gclid     | false
      no query string                            | https://example.com/gclid=abc                | gclid     | false
      """)
  void findsQueryParameters(String rule, String url, String parameter, boolean expected) {
    assertThat(Urls.hasQueryParameter(url, parameter)).isEqualTo(expected);
  }
}
