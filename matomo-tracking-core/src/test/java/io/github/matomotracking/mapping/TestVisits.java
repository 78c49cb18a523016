package io.github.matomotracking.mapping;

import io.github.matomotracking.model.Campaign;
import io.github.matomotracking.model.ImmutableVisit;
import io.github.matomotracking.model.ImmutableVisitAction;
import io.github.matomotracking.model.VisitAction;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Small builders of visits and actions for mapping tests. */
public final class TestVisits {

  private TestVisits() {}

  /**
   * A visit builder with site 1, visit 100, first action time 2024-01-15T09:00:00Z and no campaign.
   *
   * @return the builder, to add fields to
   */
  public static ImmutableVisit.Builder visit() {
    return ImmutableVisit.builder()
        .siteId(1)
        .visitId(100)
        .firstActionTime(Instant.parse("2024-01-15T09:00:00Z"))
        .campaign(Campaign.none());
  }

  /**
   * An action builder of the given type and position.
   *
   * @param position position in the visit
   * @param type Matomo's type
   * @return the builder
   */
  public static ImmutableVisitAction.Builder action(int position, String type) {
    return ImmutableVisitAction.builder().position(position).type(type);
  }

  /**
   * A page view with an idpageview, URL, title and a shifted timestamp given as local time.
   *
   * @param position position in the visit
   * @param pageViewId the idpageview
   * @param url the URL
   * @param title the page title
   * @param local the site's local wall-clock time of the view
   * @return the action
   */
  public static VisitAction pageView(int position, String pageViewId, String url, String title, String local) {
    return action(position, "action")
        .pageViewId(pageViewId)
        .url(url)
        .pageTitle(title)
        .shiftedTimestamp(shifted(local))
        .build();
  }

  /**
   * Matomo's shifted timestamp for a local wall-clock time: the local time written as UTC.
   *
   * @param local ISO local date-time, such as {@code 2024-01-15T10:00:00}
   * @return epoch seconds
   */
  public static long shifted(String local) {
    return LocalDateTime.parse(local).toEpochSecond(ZoneOffset.UTC);
  }
}
