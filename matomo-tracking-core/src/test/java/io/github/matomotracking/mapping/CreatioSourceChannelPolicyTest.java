package io.github.matomotracking.mapping;

import static io.github.matomotracking.mapping.TestLookups.channelRef;
import static io.github.matomotracking.mapping.TestLookups.sourceRef;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.matomotracking.model.LookupRef;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Domain rules, section 5: the default, CRM-compatible source and channel policy. */
class CreatioSourceChannelPolicyTest {

  /**
   * The section 7 defaults, plus "Partner X" (utm code partnerx) which has no default channel,
   * and "Facebook Business" (Web: paid search) for the sub-domain business.facebook.com.
   */
  private static final TestLookups LOOKUPS = TestLookups.withDefaults()
      .leadSource("Partner X", null)
      .sourceCode("partnerx", "Partner X")
      .leadSource("Facebook Business", "Web: paid search")
      .sourceUrl("business.facebook.com", "Facebook Business")
      .build();

  private final SourceChannelPolicy policy = new CreatioSourceChannelPolicy();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
      # rule                                                                              | utm_source | utm_campaign | utm_medium     | referrer URL                               | source            | channel
      utm_source mapped: its source and that source's default channel                     | facebook   | -            | -              | -                                          | Facebook          | Web: social
      utm_source present but unmapped while utm_campaign is mapped: no source from utm     | newsletter | twitter      | -              | -                                          | -                 | -
      utm_source present but unmapped, utm_campaign mapped: then the referrer rules apply | newsletter | twitter      | -              | https://www.linkedin.com/feed/             | LinkedIn          | Web: social
      utm_campaign mapped with blank utm_source: its source                               | -          | twitter      | -              | -                                          | Twitter           | Web: social
      utm_campaign mapped with a white-space utm_source: its source                        | "   "      | twitter      | -              | -                                          | Twitter           | Web: social
      utm_medium only: its channel and no source without referrer                         | -          | -            | cpc            | -                                          | -                 | Web: paid search
      utm_medium unmapped: no channel from it                                             | -          | -            | carrier-pigeon | -                                          | -                 | -
      utm_medium and utm_source both mapped: the medium's channel wins                    | facebook   | -            | email          | -                                          | Facebook          | Email
      source and channel both set by utm tags: the referrer is not looked at              | facebook   | -            | -              | https://twitter.com/someone                | Facebook          | Web: social
      utm source without default channel and no referrer: the source alone                | partnerx   | -            | -              | -                                          | Partner X         | -
      referrer match replaces a utm source that left the channel empty                    | partnerx   | -            | -              | https://twitter.com/someone                | Twitter           | Web: social
      unknown referrer replaces a utm source that left the channel empty by Other source   | partnerx   | -            | -              | https://news.example.org/story             | Other source      | Web: referrers
      referrer m.facebook.com matches Lead source URL facebook.com as a sub-domain        | -          | -            | -              | https://m.facebook.com/story.php?id=1      | Facebook          | Web: social
      referrer www.twitter.com matches twitter.com as a sub-domain                        | -          | -            | -              | https://www.twitter.com/                   | Twitter           | Web: social
      exact host match beats the sub-domain match                                         | -          | -            | -              | https://business.facebook.com/ads          | Facebook Business | Web: paid search
      the nearest parent domain is tried first                                            | -          | -            | -              | https://ads.business.facebook.com/         | Facebook Business | Web: paid search
      a domain that only ends like an entry does not match it                             | -          | -            | -              | https://notfacebook.com/                   | Other source      | Web: referrers
      unknown referrer: Other source and Web: referrers                                   | -          | -            | -              | https://news.example.org/story?a=1         | Other source      | Web: referrers
      unknown referrer with a mapped medium: Other source and the medium's channel        | -          | -            | cpc            | https://news.example.org/                  | Other source      | Web: paid search
      medium mapped, referrer matched: referrer's source, the medium's channel stays      | unknown    | -            | email          | https://m.facebook.com/                    | Facebook          | Email
      direct visit with no tags: neither source nor channel                               | -          | -            | -              | -                                          | -                 | -
      blank referrer: stop with what was found                                            | -          | -            | cpc            | "  "                                       | -                 | Web: paid search
      raw referrer text that is not a URL is looked up as the host                        | -          | -            | -              | linkedin.com                               | LinkedIn          | Web: social
      raw referrer text on a sub-domain matches its parent domain                         | -          | -            | -              | m.facebook.com                             | Facebook          | Web: social
      an absolute referrer without a host matches no domain                               | -          | -            | -              | file:///C:/pages/facebook.com.html         | Other source      | Web: referrers
      source codes match case-insensitively                                               | FaceBook   | -            | -              | -                                          | Facebook          | Web: social
      channel codes match case-insensitively                                              | -          | -            | CPC            | -                                          | -                 | Web: paid search
      codes with spaces match as written (social media)                                   | linkedin   | -            | Social Media   | -                                          | LinkedIn          | Web: social
      referrer domains match case-insensitively                                           | -          | -            | -              | https://WWW.LinkedIn.COM/in/someone        | LinkedIn          | Web: social
      """)
  void resolvesSourceAndChannel(
      String rule, String utmSource, String utmCampaign, String utmMedium, String referrerUrl,
      String expectedSource, String expectedChannel) {
    SourceChannelInput input = SourceChannelInput.builder()
        .utmSource(utmSource)
        .utmCampaign(utmCampaign)
        .utmMedium(utmMedium)
        .referrerUrl(referrerUrl)
        .build();

    SourceChannel result = policy.resolve(input, LOOKUPS);

    assertThat(result.source()).as("source").isEqualTo(ref(expectedSource, true));
    assertThat(result.channel()).as("channel").isEqualTo(ref(expectedChannel, false));
  }

  @Test
  void aHostLongerThanAnyDnsNameMatchesNoDomainButOneOfMaximalLengthDoes() {
    String longest = "x" + "a.".repeat(119) + "m.facebook.com"; // 253 characters
    String tooLong = "a." + longest;

    SourceChannel matched = policy.resolve(
        SourceChannelInput.builder().referrerUrl("https://" + longest + "/").build(), LOOKUPS);
    SourceChannel unmatched = policy.resolve(
        SourceChannelInput.builder().referrerUrl("https://" + tooLong + "/").build(), LOOKUPS);

    assertThat(longest).hasSize(253);
    assertThat(matched.source()).contains(sourceRef("Facebook"));
    assertThat(unmatched.source()).contains(sourceRef("Other source"));
    assertThat(unmatched.channel()).contains(channelRef("Web: referrers"));
  }

  @Test
  void keepsTheUtmSourceWhenTheLookupsHaveNoOtherSource() {
    TestLookups lookups = TestLookups.withDefaults()
        .leadSource("Partner X", null)
        .sourceCode("partnerx", "Partner X")
        .withoutLeadSource("Other source")
        .build();
    SourceChannelInput input = SourceChannelInput.builder()
        .utmSource("partnerx")
        .referrerUrl("https://news.example.org/")
        .build();

    SourceChannel result = policy.resolve(input, lookups);

    assertThat(result.source()).contains(sourceRef("Partner X"));
    assertThat(result.channel()).contains(channelRef("Web: referrers"));
  }

  @Test
  void neverInventsEntriesMissingFromTheLookups() {
    TestLookups lookups = TestLookups.builder().build();
    SourceChannelInput input = SourceChannelInput.builder()
        .utmSource("facebook")
        .utmMedium("cpc")
        .referrerUrl("https://news.example.org/")
        .build();

    assertThat(policy.resolve(input, lookups)).isEqualTo(SourceChannel.none());
  }

  @Test
  void usesTheHostsOwnNamesForTheUnknownReferrerCase() {
    TestLookups lookups = TestLookups.withDefaults()
        .leadChannel("Referral sites")
        .leadSource("Elsewhere", null)
        .build();
    SourceChannelPolicy renamed = new CreatioSourceChannelPolicy("Elsewhere", "Referral sites");

    SourceChannel result = renamed.resolve(
        SourceChannelInput.builder().referrerUrl("https://news.example.org/").build(), lookups);

    assertThat(result.source()).contains(sourceRef("Elsewhere"));
    assertThat(result.channel()).contains(channelRef("Referral sites"));
  }

  private static Optional<LookupRef> ref(String name, boolean source) {
    if (name == null) {
      return Optional.empty();
    }
    return Optional.of(source ? sourceRef(name) : channelRef(name));
  }
}
