package io.github.matomotracking.mapping;

import static io.github.matomotracking.mapping.SourceChannelLookups.channelForMedium;
import static io.github.matomotracking.mapping.SourceChannelLookups.defaultChannel;
import static io.github.matomotracking.mapping.SourceChannelLookups.result;
import static io.github.matomotracking.mapping.SourceChannelLookups.sourceForCode;
import static io.github.matomotracking.mapping.SourceChannelLookups.sourceForHost;
import static io.github.matomotracking.mapping.SourceChannelLookups.text;

import io.github.matomotracking.model.LeadChannel;
import io.github.matomotracking.model.LeadSource;
import java.util.Objects;
import java.util.Optional;

/**
 * The default source and channel policy, compatible with the CRM's documented behaviour (domain
 * rules, section 5). Step by step:
 *
 * <ol>
 *   <li>Channel := the Channel-code entry for utm_medium, if any.
 *   <li>Key := utm_source if not blank, else utm_campaign (so utm_campaign is consulted only when
 *       utm_source is blank: a present but unknown utm_source gives no source, whatever
 *       utm_campaign says). Source := the Source-code entry for the key, if any. If a source was
 *       found and the channel is still empty, channel := the source's default channel.
 *   <li>If both are set, stop.
 *   <li>If the referrer URL is blank, stop with what was found (a direct visit without tags has
 *       neither source nor channel).
 *   <li>Take the referrer's host (or its raw text when it is not an absolute URL) and look it up
 *       in Lead source URL: an exact host match first, else the nearest parent domain
 *       ({@code m.facebook.com} matches {@code facebook.com}); a host longer than 253
 *       characters, which no DNS name is, matches nothing.
 *       <ul>
 *         <li>Match: source := the entry's source, <em>replacing</em> a source found in step 2;
 *             if the channel is still empty, channel := that source's default channel.
 *         <li>No match: source := "Other source" (by name; when the lookups have no such entry
 *             the source found so far is kept); if the channel is still empty, channel := "Web:
 *             referrers" (by name).
 *       </ul>
 * </ol>
 *
 * <p>All codes and domains match case-insensitively (the {@link LookupSnapshot} contract):
 * Matomo lower-cases campaign values by default, and the CRM does not document case. Values are
 * stripped of surrounding white space before they are looked up. Lookups are never added to.
 */
public final class CreatioSourceChannelPolicy implements SourceChannelPolicy {

  /** Name of the lead source used for an unknown referrer. */
  public static final String OTHER_SOURCE = "Other source";

  /** Name of the lead channel used for an unknown referrer. */
  public static final String REFERRERS_CHANNEL = "Web: referrers";

  private final String otherSourceName;
  private final String referrersChannelName;

  /** The policy with the CRM's default names ("Other source", "Web: referrers"). */
  public CreatioSourceChannelPolicy() {
    this(OTHER_SOURCE, REFERRERS_CHANNEL);
  }

  /**
   * The policy with the host's own names for the unknown-referrer source and channel.
   *
   * @param otherSourceName lead source name used when the referrer matches no Lead source URL
   * @param referrersChannelName lead channel name used then, when no channel was found before
   */
  public CreatioSourceChannelPolicy(String otherSourceName, String referrersChannelName) {
    this.otherSourceName = Objects.requireNonNull(otherSourceName, "otherSourceName");
    this.referrersChannelName = Objects.requireNonNull(referrersChannelName, "referrersChannelName");
  }

  @Override
  public SourceChannel resolve(SourceChannelInput input, LookupSnapshot lookups) {
    // 1. utm_medium names the channel.
    LeadChannel channel = channelForMedium(lookups, text(input.utmMedium()));
    // 2. utm_source, or utm_campaign only when utm_source is blank, names the source.
    String utmSource = text(input.utmSource());
    LeadSource source = sourceForCode(lookups, utmSource != null ? utmSource : text(input.utmCampaign()));
    if (source != null && channel == null) {
      channel = defaultChannel(lookups, source);
    }
    // 3. Both known: done.
    if (source != null && channel != null) {
      return result(source, channel);
    }
    // 4. No referrer: done with what was found.
    Optional<String> host = ReferrerUrls.lookupHost(input.referrerUrl().orElse(null));
    if (host.isEmpty()) {
      return result(source, channel);
    }
    // 5. The referrer's domain names the source.
    LeadSource matched = sourceForHost(lookups, host.get());
    if (matched != null) {
      source = matched;
      if (channel == null) {
        channel = defaultChannel(lookups, matched);
      }
    } else {
      source = lookups.leadSourceByName(otherSourceName).orElse(source);
      if (channel == null) {
        channel = lookups.leadChannelByName(referrersChannelName).orElse(null);
      }
    }
    return result(source, channel);
  }

  @Override
  public String toString() {
    return "CreatioSourceChannelPolicy[otherSource=" + otherSourceName
        + ", referrersChannel=" + referrersChannelName + "]";
  }
}
