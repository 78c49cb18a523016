package io.github.matomotracking.mapping;

import io.github.matomotracking.model.Campaign;
import io.github.matomotracking.model.CodedValue;
import io.github.matomotracking.model.LookupAddition;
import io.github.matomotracking.model.MappedVisit;
import io.github.matomotracking.model.Visit;
import io.github.matomotracking.model.VisitAction;
import io.github.matomotracking.model.VisitWarning;
import io.github.matomotracking.model.WebAction;
import io.github.matomotracking.model.WebPageRef;
import io.github.matomotracking.model.WebSession;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Maps the visits of one batch against one {@link LookupSnapshot}. Lookup additions are
 * requested once per batch: an entry already asked for by an earlier visit is not asked for
 * again, and later visits refer to it by the same id. So the host must apply the additions of
 * every visit of the batch (or {@link #additions()}) before it stores any session that refers to
 * them.
 *
 * <p>Not thread-safe: one batch per thread. Created by {@link VisitMapper#newBatch}.
 *
 * <h2>Session fields</h2>
 *
 * Start = {@code firstActionTimestamp}; last action = {@code lastActionTimestamp}; duration =
 * {@code visitDuration}, else last minus first action time (never negative), else 0; action count
 * = {@code actions}, else the number of entries received; utm fields from the campaign fields as
 * received; visitorId, userId, IP address and language as received; geo by {@link GeoResolver};
 * location by {@link LocationText}; source and channel by the mapper's
 * {@link SourceChannelPolicy}; referrer type by {@link ReferrerTypeResolver}; referrer name as
 * received; keyword by {@link KeywordResolver}; referrer URL by
 * {@link ReferrerUrls#pageReferrerUrl(String)}; platform and device by {@link DeviceText}.
 *
 * <h2>Action fields</h2>
 *
 * Position as received; action id = {@code idpageview}; date by {@link ActionTimeCorrector};
 * type by {@link ActionTypeResolver}; web page by {@link WebPageResolver}; URL as received;
 * title = {@code pageTitle}, else {@code title}; natural key by {@link ActionKeys}.
 */
public final class MappingBatch {

  private final VisitMapper mapper;
  private final LookupSnapshot lookups;
  private final SiteTimeZones zones;
  private final LookupAdditions additions = new LookupAdditions();
  private final Map<String, CodedValue> actionTypes = new HashMap<>();
  private final ZoneSpans zoneSpans = new ZoneSpans();

  MappingBatch(VisitMapper mapper, LookupSnapshot lookups, SiteTimeZones zones) {
    this.mapper = mapper;
    this.lookups = Objects.requireNonNull(lookups, "lookups");
    this.zones = Objects.requireNonNull(zones, "zones");
  }

  /**
   * Maps one visit.
   *
   * @param visit the visit
   * @return its session, actions, the lookup additions first needed by this visit, and warnings
   */
  public MappedVisit map(Visit visit) {
    Objects.requireNonNull(visit, "visit");
    try {
      return mapVisit(visit);
    } catch (RuntimeException e) {
      additions.discardNew();
      actionTypes.clear();
      throw e;
    }
  }

  /**
   * Every lookup addition requested by the visits mapped so far, in order.
   *
   * @return an unmodifiable view
   */
  public List<LookupAddition> additions() {
    return additions.all();
  }

  private MappedVisit mapVisit(Visit visit) {
    List<String> problems = new ArrayList<>(0);
    if (visit.truncatedActionsCount().orElse(0) > 0) {
      problems.add("Matomo left out " + visit.truncatedActionsCount().getAsLong()
          + " of the visit's actions (it returns at most 500 per visit); they are not mapped");
    }
    Optional<ZoneId> zone = zones.zoneOf(visit.siteId());
    if (zone.isEmpty()) {
      Optional<String> unreadable = zones.unreadableZoneOf(visit.siteId());
      if (unreadable.isPresent()) {
        problems.add("the time zone \"" + unreadable.get() + "\" of site " + visit.siteId()
            + " is not understood; action times use the offset implied by the visit instead");
      }
    }
    ActionTimes times = ActionTimeCorrector.correct(visit, zone.orElse(null), zoneSpans);
    problems.addAll(times.problems());

    WebSession session = session(visit);
    visit.referrerType().filter(MappingBatch::tooLong).ifPresent(code -> problems.add(
        "the referrerType is " + code.length() + " characters long, more than "
            + LookupAdditions.MAX_TEXT_LENGTH + "; it gets no referrer type entry"));
    List<WebAction> actions = actions(visit, times, problems);

    List<VisitWarning> warnings = new ArrayList<>(problems.size());
    for (String problem : problems) {
      warnings.add(VisitWarning.builder()
          .siteId(visit.siteId())
          .visitId(visit.visitId())
          .message(problem)
          .build());
    }
    return MappedVisit.builder()
        .session(session)
        .actions(actions)
        .additions(additions.takeNew())
        .warnings(warnings)
        .build();
  }

  private WebSession session(Visit visit) {
    GeoResolver.Geo geo = GeoResolver.resolve(visit, lookups);
    SourceChannel sourceChannel = mapper.sourceChannelPolicy().resolve(SourceChannelInput.of(visit), lookups);
    Campaign campaign = visit.campaign();
    Instant start = visit.firstActionTime();
    return WebSession.builder()
        .siteId(visit.siteId())
        .visitId(visit.visitId())
        .visitorId(visit.visitorId())
        .userId(visit.userId())
        .startDate(start)
        .lastActionDate(visit.lastActionTime())
        .durationSeconds(duration(visit))
        .actionCount(visit.actionCount().orElse(visit.actions().size()))
        .country(geo.country())
        .region(geo.region())
        .city(geo.city())
        .location(LocationText.of(visit.latitude().orElse(null), visit.longitude().orElse(null)))
        .source(sourceChannel.source())
        .channel(sourceChannel.channel())
        .referrerType(ReferrerTypeResolver.resolve(
            visit.referrerType().orElse(null), visit.referrerTypeName().orElse(null), lookups, additions))
        .referrerName(visit.referrerName())
        .referrerKeyword(mapper.keywordResolver().keyword(visit.referrerKeyword().orElse(null)))
        .referrerUrl(ReferrerUrls.pageReferrerUrl(visit.referrerUrl().orElse(null)))
        .utmId(campaign.id())
        .utmSource(campaign.source())
        .utmMedium(campaign.medium())
        .utmCampaign(campaign.name())
        .utmTerm(campaign.keyword())
        .utmContent(campaign.content())
        .platform(DeviceText.platform(
            visit.operatingSystemName().orElse(null), visit.operatingSystemVersion().orElse(null)))
        .device(DeviceText.device(
            visit.deviceType().orElse(null), visit.deviceBrand().orElse(null), visit.deviceModel().orElse(null)))
        .ipAddress(visit.ipAddress())
        .language(visit.languageCode())
        .build();
  }

  private static long duration(Visit visit) {
    if (visit.durationSeconds().isPresent()) {
      return visit.durationSeconds().getAsLong();
    }
    if (visit.lastActionTime().isPresent()) {
      long seconds = visit.lastActionTime().get().getEpochSecond() - visit.firstActionTime().getEpochSecond();
      return Math.max(0, seconds);
    }
    return 0;
  }

  private List<WebAction> actions(Visit visit, ActionTimes times, List<String> problems) {
    List<VisitAction> received = visit.actions();
    if (received.isEmpty()) {
      return List.of();
    }
    List<WebAction> mapped = new ArrayList<>(received.size());
    Set<String> keys = new HashSet<>(received.size() * 2);
    for (int i = 0; i < received.size(); i++) {
      VisitAction action = received.get(i);
      String key = ActionKeys.naturalKey(action);
      if (!keys.add(key)) {
        // The suffixed key may itself be taken (idpageviews "x#2", "x", "x"): suffix again.
        String unique = key + '#' + action.position();
        while (!keys.add(unique)) {
          unique = unique + '#' + action.position();
        }
        problems.add("action #" + i + " has the same natural key \"" + key
            + "\" as an earlier action of the visit; it is keyed \"" + unique + "\"");
        key = unique;
      }
      Optional<WebPageRef> webPage = WebPageResolver.resolve(
          action.url().orElse(null), action.pageTitle().orElse(null), lookups, additions);
      if (webPage.isEmpty() && action.url().filter(url -> !url.isBlank()).isPresent()) {
        problems.add("action #" + i + ": its URL or page title is longer than "
            + LookupAdditions.MAX_TEXT_LENGTH + " characters; it gets no web page");
      }
      if (tooLong(action.type())) {
        problems.add("action #" + i + ": its type is " + action.type().length()
            + " characters long, more than " + LookupAdditions.MAX_TEXT_LENGTH
            + "; it gets no action type");
      }
      mapped.add(WebAction.builder()
          .siteId(visit.siteId())
          .visitId(visit.visitId())
          .position(action.position())
          .actionId(action.pageViewId())
          .naturalKey(key)
          .date(times.at(i))
          .type(actionType(action.type()))
          .webPage(webPage)
          .url(action.url())
          .title(action.pageTitle().isPresent() ? action.pageTitle() : action.title())
          .build());
    }
    return mapped;
  }

  private static boolean tooLong(String text) {
    return text.length() > LookupAdditions.MAX_TEXT_LENGTH;
  }

  /** Action types repeat in every visit: resolved once per batch (the snapshot does not change). */
  private CodedValue actionType(String code) {
    CodedValue resolved = actionTypes.get(code);
    if (resolved == null) {
      resolved = ActionTypeResolver.resolve(code, lookups, additions);
      actionTypes.put(code, resolved);
    }
    return resolved;
  }
}
