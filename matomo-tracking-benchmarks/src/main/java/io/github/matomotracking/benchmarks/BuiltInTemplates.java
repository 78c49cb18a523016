package io.github.matomotracking.benchmarks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The generator's own field sets, used when no folder of real responses is given: the fields a
 * Matomo 5 server returns for a visit and for each kind of action, with plausible values. Values
 * the generator varies are placeholders here (it overrides them).
 */
final class BuiltInTemplates {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private BuiltInTemplates() {}

  /** A visit template with the usual Live fields; {@code actionDetails} empty. */
  static ObjectNode visit() {
    ObjectNode v = NODES.objectNode();
    v.put("idSite", 1);
    v.put("idVisit", 1);
    v.put("visitIp", "192.0.2.0");
    v.put("visitorId", "0000000000000000");
    v.put("fingerprint", "a1b2c3d4e5f60718");
    v.set("actionDetails", NODES.arrayNode());
    v.put("goalConversions", 0);
    v.put("siteCurrency", "EUR");
    v.put("siteCurrencySymbol", "€");
    v.put("serverDate", "2024-01-01");
    v.put("visitServerHour", "10");
    v.put("lastActionTimestamp", 0);
    v.put("lastActionDateTime", "2024-01-01 10:00:00");
    v.put("siteName", "Example Shop");
    v.put("serverTimestamp", 0);
    v.put("firstActionTimestamp", 0);
    v.put("serverTimePretty", "10:00:00");
    v.put("serverDatePretty", "Monday, January 1, 2024");
    v.put("serverDatePrettyFirstAction", "Monday, January 1, 2024");
    v.put("serverTimePrettyFirstAction", "10:00:00");
    v.putNull("userId");
    v.put("visitorType", "new");
    v.put("visitorTypeIcon", (String) null);
    v.put("visitConverted", 0);
    v.putNull("visitConvertedIcon");
    v.put("visitCount", 1);
    v.put("visitEcommerceStatus", "none");
    v.putNull("visitEcommerceStatusIcon");
    v.put("daysSinceFirstVisit", 0);
    v.put("secondsSinceFirstVisit", 0);
    v.put("daysSinceLastEcommerceOrder", 0);
    v.putNull("secondsSinceLastEcommerceOrder");
    v.put("visitDuration", 0);
    v.put("visitDurationPretty", "0s");
    v.put("searches", 0);
    v.put("actions", 1);
    v.put("interactions", 1);
    v.put("referrerType", "direct");
    v.put("referrerTypeName", "Direct Entry");
    v.putNull("referrerName");
    v.putNull("referrerKeyword");
    v.putNull("referrerKeywordPosition");
    v.putNull("referrerUrl");
    v.putNull("referrerSearchEngineUrl");
    v.putNull("referrerSearchEngineIcon");
    v.putNull("referrerSocialNetworkUrl");
    v.putNull("referrerSocialNetworkIcon");
    v.put("languageCode", "en-us");
    v.put("language", "English (United States)");
    v.put("deviceType", "Smartphone");
    v.put("deviceTypeIcon", "plugins/Morpheus/icons/dist/devices/smartphone.png");
    v.put("deviceBrand", "Apple");
    v.put("deviceModel", "iPhone");
    v.put("operatingSystem", "iOS 17.2");
    v.put("operatingSystemName", "iOS");
    v.put("operatingSystemIcon", "plugins/Morpheus/icons/dist/os/IOS.png");
    v.put("operatingSystemCode", "IOS");
    v.put("operatingSystemVersion", "17.2");
    v.put("browserFamily", "WebKit");
    v.put("browserFamilyDescription", "WebKit (Safari, Chrome)");
    v.put("browser", "Mobile Safari 17.2");
    v.put("browserName", "Mobile Safari");
    v.put("browserIcon", "plugins/Morpheus/icons/dist/browsers/MF.png");
    v.put("browserCode", "MF");
    v.put("browserVersion", "17.2");
    v.put("events", 0);
    v.put("continent", "Europe");
    v.put("continentCode", "eur");
    v.put("country", "France");
    v.put("countryCode", "fr");
    v.put("countryFlag", "plugins/Morpheus/icons/dist/flags/fr.png");
    v.putNull("region");
    v.putNull("regionCode");
    v.putNull("city");
    v.put("location", "France");
    v.putNull("latitude");
    v.putNull("longitude");
    v.put("visitLocalTime", "11:00:00");
    v.put("visitLocalHour", "11");
    v.put("daysSinceLastVisit", 0);
    v.put("secondsSinceLastVisit", 0);
    v.put("resolution", "390x844");
    v.put("plugins", "cookie, pdf");
    ArrayNode icons = v.putArray("pluginsIcons");
    icons.addObject().put("pluginIcon", "plugins/Morpheus/icons/dist/plugins/cookie.png")
        .put("pluginName", "cookie");
    icons.addObject().put("pluginIcon", "plugins/Morpheus/icons/dist/plugins/pdf.png")
        .put("pluginName", "pdf");
    v.set("customVariables", NODES.arrayNode());
    v.put("campaignId", "");
    v.put("campaignContent", "");
    v.put("campaignKeyword", "");
    v.put("campaignMedium", "");
    v.put("campaignName", "");
    v.put("campaignSource", "");
    v.put("campaignGroup", "");
    v.put("campaignPlacement", "");
    return v;
  }

  /** An action template of one type. */
  static ObjectNode action(String type) {
    ObjectNode a = NODES.objectNode();
    a.put("type", type);
    switch (type) {
      case "action" -> {
        a.put("url", "https://www.shop.example/");
        a.put("pageTitle", "Home");
        a.put("pageIdAction", 1);
        a.put("idpageview", "a1b2c3");
        a.put("serverTimePretty", "Jan 1, 2024 10:00:00");
        a.put("pageId", 1);
        a.putNull("bandwidth");
        a.put("timeSpent", 10);
        a.put("timeSpentPretty", "10s");
        a.put("pageLoadTime", "0.31s");
        a.put("pageLoadTimeMilliseconds", 310);
        a.put("pageviewPosition", 1);
        a.put("title", "Home");
        a.put("subtitle", "https://www.shop.example/");
        a.putNull("icon");
        a.put("iconSVG", "plugins/Morpheus/images/action.svg");
        a.put("bandwidth_pretty", "0 M");
      }
      case "download", "outlink" -> {
        a.put("url", "https://www.shop.example/files/brochure.pdf");
        a.putNull("pageTitle");
        a.put("pageIdAction", 2);
        a.put("serverTimePretty", "Jan 1, 2024 10:00:10");
        a.put("pageId", 2);
        a.putNull("bandwidth");
        a.put("pageviewPosition", 1);
        a.put("title", type.equals("download") ? "Download" : "Outlink");
        a.put("subtitle", "https://www.shop.example/files/brochure.pdf");
        a.put("icon", "plugins/Morpheus/images/" + type + ".png");
        a.put("iconSVG", "plugins/Morpheus/images/" + type + ".svg");
        a.put("bandwidth_pretty", "0 M");
      }
      case "event" -> {
        a.put("url", "https://www.shop.example/");
        a.put("pageIdAction", 3);
        a.put("serverTimePretty", "Jan 1, 2024 10:00:20");
        a.put("pageId", 3);
        a.put("eventCategory", "Video");
        a.put("eventAction", "play");
        a.put("eventName", "intro");
        a.put("eventValue", 1.5);
        a.putNull("bandwidth");
        a.put("pageviewPosition", 1);
        a.put("title", "Event");
        a.put("subtitle", "Category: \"Video\", Action: \"play\"");
        a.put("icon", "plugins/Morpheus/images/event.png");
        a.put("iconSVG", "plugins/Morpheus/images/event.svg");
        a.put("bandwidth_pretty", "0 M");
      }
      case "search" -> {
        a.put("url", "https://www.shop.example/search?q=widgets");
        a.put("pageIdAction", 4);
        a.put("serverTimePretty", "Jan 1, 2024 10:00:30");
        a.put("pageId", 4);
        a.put("siteSearchKeyword", "widgets");
        a.putNull("siteSearchCategory");
        a.put("siteSearchCount", 12);
        a.putNull("bandwidth");
        a.put("pageviewPosition", 1);
        a.put("title", "Site Search");
        a.put("subtitle", "Searched for: widgets");
        a.put("icon", "plugins/Morpheus/images/search_ico.png");
        a.put("iconSVG", "plugins/Morpheus/images/search.svg");
        a.put("bandwidth_pretty", "0 M");
      }
      case "goal" -> {
        a.put("goalName", "Newsletter sign-up");
        a.put("goalId", 1);
        a.put("revenue", "0");
        a.put("goalPageId", 5);
        a.put("serverTimePretty", "Jan 1, 2024 10:00:40");
        a.put("url", "https://www.shop.example/newsletter");
        a.put("icon", "plugins/Morpheus/images/goal.png");
        a.put("iconSVG", "plugins/Morpheus/images/goal.svg");
        a.put("title", "Goal Newsletter sign-up");
        a.putNull("subtitle");
      }
      case "13" -> {
        a.put("url", "https://www.shop.example/");
        a.put("pageIdAction", 6);
        a.put("serverTimePretty", "Jan 1, 2024 10:00:50");
        a.put("pageId", 6);
        a.put("contentName", "Hero banner");
        a.put("contentPiece", "/img/banner.png");
        a.put("contentTarget", "https://www.shop.example/offer");
        a.put("contentInteraction", "click");
        a.putNull("bandwidth");
        a.put("pageviewPosition", 1);
        a.put("title", "Content Interaction");
        a.put("subtitle", "Interaction \"click\" with Content \"Hero banner\"");
        a.put("icon", "plugins/Morpheus/images/contentinteraction.png");
        a.put("iconSVG", "plugins/Morpheus/images/contentinteraction.svg");
        a.put("bandwidth_pretty", "0 M");
      }
      default -> throw new IllegalArgumentException("no built-in template for " + type);
    }
    a.put("timestamp", 0);
    return a;
  }
}
