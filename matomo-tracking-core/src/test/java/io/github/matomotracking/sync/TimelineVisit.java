package io.github.matomotracking.sync;

import io.github.matomotracking.model.Campaign;
import io.github.matomotracking.model.ImmutableVisit;
import io.github.matomotracking.model.Visit;
import io.github.matomotracking.model.VisitAction;
import io.github.matomotracking.model.VisitKey;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Matomo visit described by its whole life: the actions with the instants they happen. At a
 * given time the visit is what Matomo would return then: only the actions done by then (an
 * ongoing visit grows), and nothing before its first action.
 */
public final class TimelineVisit {

  /** One action of the visit. */
  private record Step(Instant at, String type, String url, String title, boolean pageView) {}

  private final long siteId;
  private final long visitId;
  private final String visitorId;
  private String userId;
  private String referrerType = "direct";
  private String referrerTypeName = "Direct Entry";
  private String referrerName;
  private String referrerUrl;
  private String utmSource;
  private String utmMedium;
  private final List<Step> steps = new ArrayList<>();

  private TimelineVisit(long siteId, long visitId, String visitorId) {
    this.siteId = siteId;
    this.visitId = visitId;
    this.visitorId = visitorId;
  }

  /**
   * A visit without actions yet.
   *
   * @param siteId the site
   * @param visitId the visit id
   * @param visitorId the visitorId
   * @return the visit, to add actions to
   */
  public static TimelineVisit of(long siteId, long visitId, String visitorId) {
    return new TimelineVisit(siteId, visitId, visitorId);
  }

  /**
   * Sets the userId (a marketing-email contact id).
   *
   * @param id the userId
   * @return this visit
   */
  public TimelineVisit userId(String id) {
    this.userId = id;
    return this;
  }

  /**
   * Sets the referrer.
   *
   * @param type Matomo's referrer type code
   * @param typeName its name
   * @param name the referrer name
   * @param url the referrer URL
   * @return this visit
   */
  public TimelineVisit referrer(String type, String typeName, String name, String url) {
    this.referrerType = type;
    this.referrerTypeName = typeName;
    this.referrerName = name;
    this.referrerUrl = url;
    return this;
  }

  /**
   * Sets campaign tags.
   *
   * @param source utm_source
   * @param medium utm_medium
   * @return this visit
   */
  public TimelineVisit campaign(String source, String medium) {
    this.utmSource = source;
    this.utmMedium = medium;
    return this;
  }

  /**
   * Adds a page view.
   *
   * @param at when, ISO instant
   * @param url the page URL
   * @param title the page title
   * @return this visit
   */
  public TimelineVisit page(String at, String url, String title) {
    steps.add(new Step(Instant.parse(at), "action", url, title, true));
    return this;
  }

  /**
   * Adds a goal conversion (no idpageview, no URL).
   *
   * @param at when, ISO instant
   * @return this visit
   */
  public TimelineVisit goal(String at) {
    steps.add(new Step(Instant.parse(at), "goal", null, "Signed up", false));
    return this;
  }

  /**
   * The visit's key.
   *
   * @return site and visit id
   */
  public VisitKey key() {
    return VisitKey.of(siteId, visitId);
  }

  /**
   * The site.
   *
   * @return its id
   */
  public long siteId() {
    return siteId;
  }

  /**
   * The visitorId.
   *
   * @return the visitorId
   */
  public String visitorId() {
    return visitorId;
  }

  /**
   * The userId.
   *
   * @return the userId, if set
   */
  public Optional<String> userId() {
    return Optional.ofNullable(userId);
  }

  /**
   * What Matomo returns for this visit at a time.
   *
   * @param now the time
   * @param zone the site's time zone (Matomo shifts action timestamps by it)
   * @return the visit as of then, or empty before its first action
   */
  public Optional<Visit> at(Instant now, ZoneId zone) {
    List<Step> done = steps.stream().filter(step -> !step.at().isAfter(now)).toList();
    if (done.isEmpty()) {
      return Optional.empty();
    }
    Instant first = done.get(0).at();
    Instant last = done.get(done.size() - 1).at();
    List<VisitAction> actions = new ArrayList<>();
    for (int i = 0; i < done.size(); i++) {
      Step step = done.get(i);
      long shifted = step.at().atZone(zone).toLocalDateTime().toEpochSecond(ZoneOffset.UTC);
      actions.add(VisitAction.builder()
          .position(i)
          .type(step.type())
          .url(Optional.ofNullable(step.url()))
          .pageTitle(step.pageView() ? Optional.of(step.title()) : Optional.empty())
          .title(step.title())
          .pageViewId(step.pageView() ? Optional.of(String.format("v%05d", (visitId * 10 + i) % 100_000))
              : Optional.empty())
          .shiftedTimestamp(shifted)
          .timeSpentSeconds(i + 1 < done.size()
              ? done.get(i + 1).at().getEpochSecond() - step.at().getEpochSecond() : 0)
          .build());
    }
    ImmutableVisit.Builder visit = Visit.builder()
        .siteId(siteId)
        .visitId(visitId)
        .visitorId(visitorId)
        .userId(Optional.ofNullable(userId))
        .firstActionTime(first)
        .lastActionTime(last)
        .durationSeconds(last.getEpochSecond() - first.getEpochSecond())
        .actionCount(done.size())
        .countryCode("fr")
        .countryName("France")
        .regionCode("IDF")
        .regionName("Île-de-France")
        .city("Paris")
        .latitude("48.856600")
        .longitude("2.352200")
        .referrerType(referrerType)
        .referrerTypeName(referrerTypeName)
        .referrerName(Optional.ofNullable(referrerName))
        .referrerUrl(Optional.ofNullable(referrerUrl))
        .campaign(utmSource == null ? Campaign.none()
            : Campaign.builder().source(utmSource).medium(Optional.ofNullable(utmMedium)).build())
        .operatingSystemName("Android")
        .operatingSystemVersion("14")
        .deviceType("smartphone")
        .deviceBrand("Google")
        .deviceModel("Pixel 8")
        .browserName("Chrome Mobile")
        .ipAddress("192.0.2.0")
        .languageCode("fr-fr")
        .actions(actions);
    return Optional.of(visit.build());
  }
}
