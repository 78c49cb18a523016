package io.github.matomotracking.examples.demo;

import java.util.List;

/**
 * Where a visit of the sample comes from, and what Matomo records for it: the referrer fields,
 * the MarketingCampaignsReporting fields (lower-cased by Matomo, while the landing URL keeps the
 * case the marketer typed), and the landing page.
 */
enum Origin {
  DIRECT(24),
  GOOGLE(14),
  GOOGLE_WITH_KEYWORD(3),
  BING(5),
  FACEBOOK(5),
  TWITTER(3),
  LINKEDIN(5),
  BLOG(9),
  FACEBOOK_CPC(7),
  LINKEDIN_SOCIAL(5),
  MAILCHIMP_EMAIL(5),
  ADWORDS_PPC(7),
  UNMAPPED_SOURCE_MAPPED_CAMPAIGN(2),
  MEDIUM_ONLY(2),
  UNKNOWN_SOURCE(2),
  CAMPAIGN_WITHOUT_PLUGIN_FIELDS(2),
  BPMONLINE_EMAIL(0);

  /** Matomo's placeholder for a search without a known keyword. */
  static final String NO_KEYWORD = "Keyword not defined";

  /** Origins of the support site's visits. */
  static final List<Origin> SUPPORT = List.of(DIRECT, DIRECT, DIRECT, DIRECT, DIRECT, GOOGLE, GOOGLE, GOOGLE, BING,
      BLOG);

  private final int weight;

  Origin(int weight) {
    this.weight = weight;
  }

  int weight() {
    return weight;
  }

  /** What a visit from this origin records, and where it lands (for the main website). */
  record Arrival(DemoVisit.Referrer referrer, DemoVisit.Campaign campaign, SampleCatalog.Page landing,
      String query) {}

  static DemoVisit.Referrer search(String engine, String keyword, String url) {
    return new DemoVisit.Referrer("search", engine, keyword, url);
  }

  static DemoVisit.Referrer social(String network, String url) {
    return new DemoVisit.Referrer("social", network, null, url);
  }

  static DemoVisit.Referrer campaign(String name, String keyword, String url) {
    return new DemoVisit.Referrer("campaign", name, keyword, url);
  }

  static DemoVisit.Referrer website(String url) {
    String host = url.substring(url.indexOf("://") + 3);
    return new DemoVisit.Referrer("website", host.substring(0, host.indexOf('/')), null, url);
  }
}
