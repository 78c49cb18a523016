package io.github.matomotracking.port;

import io.github.matomotracking.model.CodedValue;
import io.github.matomotracking.model.GeoValue;
import io.github.matomotracking.model.LookupRef;
import io.github.matomotracking.model.WebAction;
import io.github.matomotracking.model.WebPageRef;
import io.github.matomotracking.model.WebSession;
import java.time.Instant;

/**
 * Sessions and actions for the port contract tests: one with every field set (in two variants
 * that differ in every field), one with only the required fields.
 */
public final class SessionSamples {

  /** A start time with milliseconds, which every store must keep. */
  public static final Instant START = Instant.parse("2024-03-10T09:15:02.250Z");

  private SessionSamples() {}

  /**
   * A session with every field set.
   *
   * @param siteId site
   * @param visitId visit
   * @param variant 0 or 1: the two variants differ in every field but the key
   * @param durationSeconds duration (and the last action is that long after {@link #START})
   * @param actionCount action count
   * @return the session
   */
  public static WebSession fullSession(
      long siteId, long visitId, int variant, long durationSeconds, long actionCount) {
    String v = variant == 0 ? "" : "-" + variant;
    return WebSession.builder()
        .siteId(siteId)
        .visitId(visitId)
        .visitorId(variant == 0 ? "0123456789abcdef" : "fedcba9876543210")
        .userId("contact-" + variant)
        .startDate(START.plusSeconds(variant))
        .lastActionDate(START.plusSeconds(variant + durationSeconds))
        .durationSeconds(durationSeconds)
        .actionCount(actionCount)
        .country(GeoValue.builder().name("France" + v).code("fr" + v)
            .lookup(LookupRef.of("country-fr" + v, "France" + v)).build())
        .region(GeoValue.builder().name("Île-de-France" + v).code("IDF" + v)
            .lookup(LookupRef.of("region-idf" + v, "Île-de-France" + v)).build())
        .city(GeoValue.builder().name("Paris" + v).code("75" + v)
            .lookup(LookupRef.of("city-paris" + v, "Paris" + v)).build())
        .location("48.856600, 2.352200" + v)
        .source(LookupRef.of("source-facebook" + v, "Facebook" + v))
        .channel(LookupRef.of("channel-social" + v, "Web: social" + v))
        .referrerType(CodedValue.of("social" + v, LookupRef.of("rt-social" + v, "Social Networks" + v)))
        .referrerName("Facebook" + v)
        .referrerKeyword("crm tracking" + v)
        .referrerUrl("https://m.facebook.com/page" + v)
        .utmId("42" + v)
        .utmSource("facebook" + v)
        .utmMedium("social" + v)
        .utmCampaign("spring" + v)
        .utmTerm("crm" + v)
        .utmContent("banner" + v)
        .platform("Android 14" + v)
        .device("Smartphone Google Pixel 8" + v)
        .ipAddress("192.0.2.0" + v)
        .language("fr-fr" + v)
        .build();
  }

  /**
   * A session with only the required fields.
   *
   * @param siteId site
   * @param visitId visit
   * @return the session
   */
  public static WebSession minimalSession(long siteId, long visitId) {
    return WebSession.builder()
        .siteId(siteId)
        .visitId(visitId)
        .startDate(START)
        .durationSeconds(0)
        .actionCount(0)
        .country(GeoValue.empty())
        .region(GeoValue.empty())
        .city(GeoValue.empty())
        .build();
  }

  /**
   * A page view with every field set.
   *
   * @param siteId site
   * @param visitId visit
   * @param position position in the visit
   * @param title the page title (vary it to change the action)
   * @return the action, keyed by its idpageview
   */
  public static WebAction pageView(long siteId, long visitId, int position, String title) {
    String pageViewId = String.format("pv%04d", position);
    String url = "https://www.example.com/page/" + position;
    return WebAction.builder()
        .siteId(siteId)
        .visitId(visitId)
        .position(position)
        .actionId(pageViewId)
        .naturalKey(siteId + "/" + visitId + "/pv/" + pageViewId)
        .date(START.plusSeconds(10L * position))
        .type(CodedValue.of("action", LookupRef.of("at-action", "Following a link")))
        .webPage(WebPageRef.of("page-" + position + "-" + title, title, url))
        .url(url + "?utm_source=x")
        .title(title)
        .build();
  }

  /**
   * A goal conversion: only the required fields, no page.
   *
   * @param siteId site
   * @param visitId visit
   * @param position position in the visit
   * @return the action
   */
  public static WebAction goal(long siteId, long visitId, int position) {
    return WebAction.builder()
        .siteId(siteId)
        .visitId(visitId)
        .position(position)
        .naturalKey(siteId + "/" + visitId + "/goal/" + position)
        .type(CodedValue.of("goal", null))
        .build();
  }
}
