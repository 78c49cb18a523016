package io.github.matomotracking.mapping;

import static io.github.matomotracking.mapping.SourceChannelLookups.channelForMedium;
import static io.github.matomotracking.mapping.SourceChannelLookups.defaultChannel;
import static io.github.matomotracking.mapping.SourceChannelLookups.result;
import static io.github.matomotracking.mapping.SourceChannelLookups.sourceForCode;
import static io.github.matomotracking.mapping.SourceChannelLookups.sourceForHost;
import static io.github.matomotracking.mapping.SourceChannelLookups.text;

import io.github.matomotracking.model.LeadChannel;
import io.github.matomotracking.model.LeadSource;
import io.github.matomotracking.model.Nullable;
import java.util.Optional;

/**
 * A selectable policy that goes beyond the documented one: besides utm tags and the referrer's
 * domain it uses ad click ids in the landing page URL and Matomo's own referrer classification.
 * Each stage only fills what is still empty, so an earlier, more explicit signal is never
 * replaced (unlike the default policy, where a referrer domain replaces a utm source):
 *
 * <ol>
 *   <li>utm tags, as steps 1 and 2 of {@link CreatioSourceChannelPolicy}. When the visit has no
 *       utm_source and no utm_campaign but Matomo classified it as {@code campaign}, Matomo's
 *       {@code referrerName} (the campaign name, which is all Matomo keeps without its
 *       MarketingCampaignsReporting plugin) stands for utm_campaign.
 *   <li>Click ids in the landing page's query string: {@code gclid}, {@code gbraid} or
 *       {@code wbraid} give "Google AdWords" and "Web: paid search"; {@code msclkid} gives "Web:
 *       paid search"; {@code fbclid} gives "Facebook" and "Web: social". (Matomo removes
 *       {@code gclid} from the page URLs it stores by default, so that one is seen only where
 *       the server keeps it.)
 *   <li>Matomo's referrer type: {@code search} gives the lead source named like Matomo's
 *       {@code referrerName} (such as "Google") and "Web: organic search"; {@code social} gives
 *       the lead source named like {@code referrerName} (such as "Facebook") and "Web: social".
 *   <li>The referrer URL as in step 5 of the default policy: the Lead source URL entry for its
 *       host or parent domain, else "Other source"; the channel, when still empty, is that
 *       source's default channel, else "Web: referrers".
 * </ol>
 *
 * Sources and channels are found by name, case-insensitively; names missing from the lookups
 * are skipped (nothing is added).
 */
public final class ExtendedSourceChannelPolicy implements SourceChannelPolicy {

  /** Lead source for Google Ads click ids. */
  public static final String GOOGLE_ADS_SOURCE = "Google AdWords";
  /** Lead source for Facebook click ids. */
  public static final String FACEBOOK_SOURCE = "Facebook";
  /** Lead channel for paid search click ids. */
  public static final String PAID_SEARCH_CHANNEL = "Web: paid search";
  /** Lead channel for social click ids and Matomo's social referrers. */
  public static final String SOCIAL_CHANNEL = "Web: social";
  /** Lead channel for Matomo's search engine referrers. */
  public static final String ORGANIC_SEARCH_CHANNEL = "Web: organic search";

  private static final String[] GOOGLE_CLICK_IDS = {"gclid", "gbraid", "wbraid"};

  /** The policy. */
  public ExtendedSourceChannelPolicy() {}

  @Override
  public SourceChannel resolve(SourceChannelInput input, LookupSnapshot lookups) {
    Found found = new Found();
    fromUtmTags(input, lookups, found);
    if (!found.complete()) {
      fromClickIds(input, lookups, found);
    }
    if (!found.complete()) {
      fromReferrerType(input, lookups, found);
    }
    if (!found.complete()) {
      fromReferrerUrl(input, lookups, found);
    }
    return result(found.source, found.channel);
  }

  private static void fromUtmTags(SourceChannelInput input, LookupSnapshot lookups, Found found) {
    found.channel = channelForMedium(lookups, text(input.utmMedium()));
    String key = text(input.utmSource());
    if (key == null) {
      key = text(input.utmCampaign());
    }
    if (key == null && "campaign".equalsIgnoreCase(text(input.referrerType()))) {
      key = text(input.referrerName());
    }
    found.source = sourceForCode(lookups, key);
    found.fillChannel(defaultChannel(lookups, found.source));
  }

  private static void fromClickIds(SourceChannelInput input, LookupSnapshot lookups, Found found) {
    String landing = text(input.landingUrl());
    if (landing == null) {
      return;
    }
    for (String clickId : GOOGLE_CLICK_IDS) {
      if (Urls.hasQueryParameter(landing, clickId)) {
        found.fill(lookups, GOOGLE_ADS_SOURCE, PAID_SEARCH_CHANNEL);
        return;
      }
    }
    if (Urls.hasQueryParameter(landing, "msclkid")) {
      found.fill(lookups, null, PAID_SEARCH_CHANNEL);
    } else if (Urls.hasQueryParameter(landing, "fbclid")) {
      found.fill(lookups, FACEBOOK_SOURCE, SOCIAL_CHANNEL);
    }
  }

  private static void fromReferrerType(SourceChannelInput input, LookupSnapshot lookups, Found found) {
    String type = text(input.referrerType());
    String channelName;
    if ("search".equalsIgnoreCase(type)) {
      channelName = ORGANIC_SEARCH_CHANNEL;
    } else if ("social".equalsIgnoreCase(type)) {
      channelName = SOCIAL_CHANNEL;
    } else {
      return;
    }
    found.fill(lookups, text(input.referrerName()), channelName);
  }

  private static void fromReferrerUrl(SourceChannelInput input, LookupSnapshot lookups, Found found) {
    Optional<String> host = ReferrerUrls.lookupHost(input.referrerUrl().orElse(null));
    if (host.isEmpty()) {
      return;
    }
    LeadSource matched = sourceForHost(lookups, host.get());
    if (matched != null) {
      found.fillSource(matched);
      found.fillChannel(defaultChannel(lookups, matched));
    } else {
      found.fill(lookups, CreatioSourceChannelPolicy.OTHER_SOURCE,
          CreatioSourceChannelPolicy.REFERRERS_CHANNEL);
    }
  }

  @Override
  public String toString() {
    return "ExtendedSourceChannelPolicy";
  }

  /** What the stages found so far. */
  private static final class Found {
    LeadSource source;
    LeadChannel channel;

    boolean complete() {
      return source != null && channel != null;
    }

    void fillSource(LeadSource candidate) {
      if (source == null) {
        source = candidate;
      }
    }

    void fillChannel(LeadChannel candidate) {
      if (channel == null) {
        channel = candidate;
      }
    }

    /** Fills the empty ones by name; a source found here also offers its default channel. */
    void fill(LookupSnapshot lookups, @Nullable String sourceName, String channelName) {
      if (source == null && sourceName != null) {
        source = lookups.leadSourceByName(sourceName).orElse(null);
      }
      if (channel == null) {
        channel = lookups.leadChannelByName(channelName).orElse(null);
      }
      if (channel == null) {
        channel = defaultChannel(lookups, source);
      }
    }
  }
}
