package io.github.matomotracking.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.matomotracking.model.Campaign;
import io.github.matomotracking.model.ImmutableVisit;
import io.github.matomotracking.model.Visit;
import io.github.matomotracking.model.VisitAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a hand-written integration does with a visit it got from {@code ObjectMapper.readTree}:
 * copy the fields the mapper needs from the tree into a {@link Visit}, with Jackson's own
 * conversions ({@code asLong()}, {@code asText()}). Less careful than the library's reader (no
 * warnings, no limits), and so no slower than a real integration would be.
 */
final class NaiveVisitConverter {

  private NaiveVisitConverter() {}

  static Visit convert(JsonNode v) {
    ImmutableVisit.Builder visit = Visit.builder()
        .raw((ObjectNode) v)
        .siteId(v.path("idSite").asLong())
        .visitId(v.path("idVisit").asLong())
        .visitorId(text(v, "visitorId"))
        .userId(text(v, "userId"))
        .firstActionTime(Instant.ofEpochSecond(v.path("firstActionTimestamp").asLong()))
        .lastActionTime(Optional.of(Instant.ofEpochSecond(v.path("lastActionTimestamp").asLong())))
        .countryCode(text(v, "countryCode"))
        .countryName(text(v, "country"))
        .regionCode(text(v, "regionCode"))
        .regionName(text(v, "region"))
        .city(text(v, "city"))
        .latitude(text(v, "latitude"))
        .longitude(text(v, "longitude"))
        .referrerType(text(v, "referrerType"))
        .referrerTypeName(text(v, "referrerTypeName"))
        .referrerName(text(v, "referrerName"))
        .referrerKeyword(text(v, "referrerKeyword"))
        .referrerUrl(text(v, "referrerUrl"))
        .operatingSystemName(text(v, "operatingSystemName"))
        .operatingSystemVersion(text(v, "operatingSystemVersion"))
        .deviceType(text(v, "deviceType"))
        .deviceBrand(text(v, "deviceBrand"))
        .deviceModel(text(v, "deviceModel"))
        .browserName(text(v, "browserName"))
        .ipAddress(text(v, "visitIp"))
        .languageCode(text(v, "languageCode"))
        .campaign(Campaign.builder()
            .id(text(v, "campaignId"))
            .source(text(v, "campaignSource"))
            .medium(text(v, "campaignMedium"))
            .name(text(v, "campaignName"))
            .keyword(text(v, "campaignKeyword"))
            .content(text(v, "campaignContent"))
            .group(text(v, "campaignGroup"))
            .placement(text(v, "campaignPlacement"))
            .build());
    if (v.hasNonNull("visitDuration")) {
      visit.durationSeconds(v.get("visitDuration").asLong());
    }
    if (v.hasNonNull("actions")) {
      visit.actionCount(v.get("actions").asLong());
    }
    List<VisitAction> actions = new ArrayList<>();
    int position = 0;
    for (JsonNode a : v.path("actionDetails")) {
      var action = VisitAction.builder()
          .raw((ObjectNode) a)
          .position(position++)
          .type(a.path("type").asText(""))
          .url(text(a, "url"))
          .pageTitle(text(a, "pageTitle"))
          .title(text(a, "title"))
          .subtitle(text(a, "subtitle"))
          .pageViewId(text(a, "idpageview"));
      if (a.hasNonNull("pageId")) {
        action.pageId(a.get("pageId").asLong());
      }
      if (a.hasNonNull("pageIdAction")) {
        action.pageIdAction(a.get("pageIdAction").asLong());
      }
      if (a.hasNonNull("timestamp")) {
        action.shiftedTimestamp(a.get("timestamp").asLong());
      }
      if (a.hasNonNull("timeSpent")) {
        action.timeSpentSeconds(a.get("timeSpent").asLong());
      }
      actions.add(action.build());
    }
    return visit.actions(actions).build();
  }

  private static Optional<String> text(JsonNode object, String field) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull() || value.isBoolean()) {
      return Optional.empty();
    }
    String text = value.asText();
    return text.isBlank() ? Optional.empty() : Optional.of(text);
  }
}
