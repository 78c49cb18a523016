package io.github.matomotracking.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The selectable policy that also uses click ids and Matomo's referrer classification. */
class ExtendedSourceChannelPolicyTest {

  private static final TestLookups LOOKUPS = TestLookups.withDefaults()
      .leadSource("Partner X", null)
      .sourceCode("partnerx", "Partner X")
      .build();

  private final SourceChannelPolicy policy = new ExtendedSourceChannelPolicy();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
      # rule                                                                  | utm_source | utm_medium | landing URL                                  | referrerType | referrerName | referrer URL                      | source         | channel
      gclid on the landing page: Google AdWords and Web: paid search          | -          | -          | https://shop.example.com/?gclid=abc          | search       | Google       | https://www.google.com/           | Google AdWords | Web: paid search
      gbraid counts as a Google click id                                      | -          | -          | https://shop.example.com/p?a=1&gbraid=x      | direct       | -            | -                                 | Google AdWords | Web: paid search
      fbclid on the landing page: Facebook and Web: social                    | -          | -          | https://shop.example.com/?fbclid=IwAR0       | website      | l.example.io | https://l.example.io/             | Facebook       | Web: social
      msclkid gives Web: paid search; the source still comes from later stages | -          | -          | https://shop.example.com/?msclkid=7          | search       | Bing         | https://www.bing.com/search       | Other source   | Web: paid search
      utm tags win over click ids                                             | twitter    | -          | https://shop.example.com/?gclid=abc          | -            | -            | -                                 | Twitter        | Web: social
      utm_medium sets the channel, the click id the source                    | -          | email      | https://shop.example.com/?gclid=abc          | -            | -            | -                                 | Google AdWords | Email
      a click id name inside a value does not count                           | -          | -          | https://shop.example.com/?ref=gclid          | direct       | -            | -                                 | -              | -
      a click id without a value does not count                               | -          | -          | https://shop.example.com/?gclid=             | direct       | -            | -                                 | -              | -
      a click id in the fragment does not count                               | -          | -          | https://shop.example.com/#gclid=abc          | direct       | -            | -                                 | -              | -
      Matomo search engine: the lead source of that name, Web: organic search | -          | -          | https://shop.example.com/                    | search       | Google       | https://www.google.com/search     | Google         | Web: organic search
      Matomo search engine unknown to the lookups: the referrer rules fill it | -          | -          | https://shop.example.com/                    | search       | DuckDuckGo   | https://duckduckgo.com/           | Other source   | Web: organic search
      Matomo social network: the lead source of that name, Web: social        | -          | -          | https://shop.example.com/                    | social       | LinkedIn     | https://www.linkedin.com/feed/    | LinkedIn       | Web: social
      Matomo campaign without campaign fields: its name stands for utm_campaign | -        | -          | https://shop.example.com/                    | campaign     | facebook     | -                                 | Facebook       | Web: social
      website referrer on a Lead source URL domain: that source               | -          | -          | https://shop.example.com/                    | website      | twitter.com  | https://mobile.twitter.com/x      | Twitter        | Web: social
      a utm source without default channel is kept, the referrer gives the channel | partnerx | -        | https://shop.example.com/                    | website      | twitter.com  | https://twitter.com/x             | Partner X      | Web: social
      unknown website referrer: Other source and Web: referrers               | -          | -          | https://shop.example.com/                    | website      | example.org  | https://example.org/a             | Other source   | Web: referrers
      direct visit: neither source nor channel                                | -          | -          | https://shop.example.com/                    | direct       | -            | -                                 | -              | -
      """)
  void resolvesSourceAndChannel(
      String rule, String utmSource, String utmMedium, String landingUrl, String referrerType,
      String referrerName, String referrerUrl, String expectedSource, String expectedChannel) {
    SourceChannelInput input = SourceChannelInput.builder()
        .utmSource(utmSource)
        .utmMedium(utmMedium)
        .landingUrl(landingUrl)
        .referrerType(referrerType)
        .referrerName(referrerName)
        .referrerUrl(referrerUrl)
        .build();

    SourceChannel result = policy.resolve(input, LOOKUPS);

    assertThat(result.source()).as("source")
        .isEqualTo(Optional.ofNullable(expectedSource).map(TestLookups::sourceRef));
    assertThat(result.channel()).as("channel")
        .isEqualTo(Optional.ofNullable(expectedChannel).map(TestLookups::channelRef));
  }

  @ParameterizedTest(name = "the default policy ignores what only the extended one uses: {0}")
  @CsvSource(delimiter = '|', textBlock = """
      https://shop.example.com/?gclid=abc | direct
      https://shop.example.com/           | search
      """)
  void theDefaultPolicyStaysTheDocumentedOne(String landingUrl, String referrerType) {
    SourceChannelInput input = SourceChannelInput.builder()
        .landingUrl(landingUrl)
        .referrerType(referrerType)
        .referrerName("Google")
        .build();

    assertThat(new CreatioSourceChannelPolicy().resolve(input, LOOKUPS)).isEqualTo(SourceChannel.none());
    assertThat(policy.resolve(input, LOOKUPS).source()).isPresent();
  }
}
