package io.github.matomotracking.examples.demo;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.github.matomotracking.model.Nullable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes what the demo server answers, the way PHP's {@code json_encode} writes Matomo's arrays:
 * compact, {@code /} escaped as {@code \/}, every non-ASCII character as a lower-case
 * {@code \u00e9} escape. Database integers are JSON numbers as on PHP 8.1 and later, or JSON
 * strings as on older PHP ({@code numbersAsStrings}); computed values (timestamps, time spent,
 * goal conversions) are numbers either way.
 *
 * <p>Visits are written one by one to the generator, which flushes to the stream as its buffer
 * fills: a response never sits in memory whole.
 */
final class MatomoJson {

  /** Matomo keeps at most this many actions per visit in a Live answer. */
  static final int MAX_ACTIONS = 500;

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
      .enable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
      .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
      .build();
  private static final String ICONS = "plugins/Morpheus/icons/dist/";
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ENGLISH);
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ENGLISH);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH);
  private static final DateTimeFormatter PRETTY_DATE = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter PRETTY_ACTION = DateTimeFormatter.ofPattern("MMM d, yyyy HH:mm:ss", Locale.ENGLISH);

  private final boolean numbersAsStrings;
  private final boolean campaignFields;

  MatomoJson(boolean numbersAsStrings, boolean campaignFields) {
    this.numbersAsStrings = numbersAsStrings;
    this.campaignFields = campaignFields;
  }

  /** A generator writing UTF-8 to {@code out}; closing it closes {@code out}. */
  static JsonGenerator generator(OutputStream out) throws IOException {
    return FACTORY.createGenerator(out, JsonEncoding.UTF8);
  }

  /** Matomo's error object for a message, HTML-escaped as Matomo escapes it. */
  static byte[] error(String message) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = generator(out)) {
      g.writeStartObject();
      g.writeStringField("result", "error");
      g.writeStringField("message", PhpText.htmlEscape(message.replace("\r\n", " ").replace("\n", " ")));
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** {@code SitesManager.getSiteFromId}: the site's settings. */
  void writeSite(JsonGenerator g, DemoSite site) throws IOException {
    g.writeStartObject();
    db(g, "idsite", site.id());
    g.writeStringField("name", site.name());
    g.writeStringField("main_url", site.mainUrl());
    g.writeStringField("ts_created", DATE_TIME.format(site.createdAt().atOffset(ZoneOffset.UTC)));
    db(g, "ecommerce", 0);
    db(g, "sitesearch", 1);
    g.writeStringField("sitesearch_keyword_parameters", "");
    g.writeStringField("sitesearch_category_parameters", "");
    g.writeStringField("timezone", site.timezone());
    g.writeStringField("currency", site.currency());
    db(g, "exclude_unknown_urls", 0);
    g.writeStringField("excluded_ips", "");
    g.writeStringField("excluded_parameters", "");
    g.writeStringField("excluded_user_agents", "");
    g.writeStringField("excluded_referrers", "");
    g.writeStringField("group", "");
    g.writeStringField("type", "website");
    db(g, "keep_url_fragment", 0);
    g.writeStringField("creator_login", "admin");
    g.writeEndObject();
  }

  /** A list of site ids ({@code SitesManager.getSitesIdWithAtLeastViewAccess}). */
  void writeIds(JsonGenerator g, List<Long> ids) throws IOException {
    g.writeStartArray();
    for (long id : ids) {
      if (numbersAsStrings) {
        g.writeString(Long.toString(id));
      } else {
        g.writeNumber(id);
      }
    }
    g.writeEndArray();
  }

  /** One visit of a {@code Live.getLastVisitsDetails} answer. */
  void writeVisit(JsonGenerator g, DemoVisit visit, DemoSite site, boolean withActions) throws IOException {
    ZoneId zone = site.zone();
    Instant first = visit.firstActionTime();
    Instant last = visit.lastActionTime();
    Counts counts = Counts.of(visit.actions());
    g.writeStartObject();
    db(g, "idSite", visit.siteId());
    db(g, "idVisit", visit.visitId());
    g.writeStringField("visitIp", visit.ipAddress());
    g.writeStringField("visitorId", visit.visitorId());
    g.writeStringField("fingerprint", fingerprint(visit));
    g.writeArrayFieldStart("actionDetails");
    if (withActions) {
      writeActions(g, visit, zone);
    }
    g.writeEndArray();
    if (withActions && visit.actions().size() > MAX_ACTIONS) {
      g.writeNumberField("truncatedActionsCount", visit.actions().size() - MAX_ACTIONS);
    }
    g.writeNumberField("goalConversions", counts.goals);
    g.writeStringField("siteCurrency", site.currency());
    g.writeStringField("siteCurrencySymbol", site.currencySymbol());
    g.writeStringField("serverDate", DATE.format(last.atOffset(ZoneOffset.UTC)));
    g.writeStringField("visitServerHour", Integer.toString(last.atOffset(ZoneOffset.UTC).getHour()));
    g.writeNumberField("lastActionTimestamp", last.getEpochSecond());
    g.writeStringField("lastActionDateTime", DATE_TIME.format(last.atOffset(ZoneOffset.UTC)));
    g.writeStringField("siteName", site.name());
    g.writeNumberField("serverTimestamp", last.getEpochSecond());
    g.writeNumberField("firstActionTimestamp", first.getEpochSecond());
    g.writeStringField("serverTimePretty", TIME.format(last.atZone(zone)));
    g.writeStringField("serverDatePretty", PRETTY_DATE.format(last.atZone(zone)));
    g.writeStringField("serverDatePrettyFirstAction", PRETTY_DATE.format(first.atZone(zone)));
    g.writeStringField("serverTimePrettyFirstAction", TIME.format(first.atZone(zone)));
    text(g, "userId", visit.userId());
    boolean returning = visit.visitCount() > 1;
    g.writeStringField("visitorType", returning ? "returning" : "new");
    text(g, "visitorTypeIcon", returning ? "plugins/Live/images/returningVisitor.png" : null);
    db(g, "visitConverted", counts.goals > 0 ? 1 : 0);
    text(g, "visitConvertedIcon", counts.goals > 0 ? "plugins/Morpheus/images/goal.svg" : null);
    db(g, "visitCount", visit.visitCount());
    g.writeStringField("visitEcommerceStatus", "none");
    g.writeNullField("visitEcommerceStatusIcon");
    db(g, "visitDuration", visit.durationSeconds());
    g.writeStringField("visitDurationPretty", pretty(visit.durationSeconds()));
    db(g, "searches", counts.searches);
    db(g, "actions", counts.actions);
    db(g, "interactions", counts.actions);
    writeReferrer(g, visit.referrer());
    writeDevice(g, visit.device());
    db(g, "events", counts.events);
    writeGeo(g, visit.geo(), first);
    g.writeStringField("resolution", visit.device().resolution());
    g.writeStringField("plugins", "cookie, pdf");
    g.writeArrayFieldStart("pluginsIcons");
    for (String plugin : new String[] {"cookie", "pdf"}) {
      g.writeStartObject();
      g.writeStringField("pluginIcon", ICONS + "plugins/" + plugin + ".png");
      g.writeStringField("pluginName", plugin);
      g.writeEndObject();
    }
    g.writeEndArray();
    if (campaignFields) {
      DemoVisit.Campaign c = visit.campaign();
      g.writeStringField("campaignId", c.id());
      g.writeStringField("campaignContent", c.content());
      g.writeStringField("campaignKeyword", c.keyword());
      g.writeStringField("campaignMedium", c.medium());
      g.writeStringField("campaignName", c.name());
      g.writeStringField("campaignSource", c.source());
      g.writeStringField("campaignGroup", c.group());
      g.writeStringField("campaignPlacement", c.placement());
    }
    g.writeEndObject();
  }

  private void writeActions(JsonGenerator g, DemoVisit visit, ZoneId zone) throws IOException {
    List<DemoAction> actions = visit.actions();
    int written = Math.min(actions.size(), MAX_ACTIONS);
    int pageViews = 0;
    for (int i = 0; i < written; i++) {
      DemoAction action = actions.get(i);
      Instant at = action.time();
      if (action.isPageView()) {
        pageViews++;
      }
      g.writeStartObject();
      g.writeStringField("type", action.type());
      for (Map.Entry<String, Object> field : action.fields().entrySet()) {
        value(g, field.getKey(), field.getValue());
      }
      g.writeStringField("serverTimePretty", PRETTY_ACTION.format(at.atZone(zone)));
      if (action.isPageView()) {
        long spent = timeSpent(actions, i, visit.lastActionTime());
        g.writeNumberField("timeSpent", spent);
        g.writeStringField("timeSpentPretty", pretty(spent));
      }
      if (!action.type().equals("goal")) {
        db(g, "pageviewPosition", Math.max(1, pageViews));
      }
      g.writeNumberField("timestamp", at.getEpochSecond() + zone.getRules().getOffset(at).getTotalSeconds());
      g.writeEndObject();
    }
  }

  /** Seconds from a page view to the next page view or site search, or to the visit's end. */
  private static long timeSpent(List<DemoAction> actions, int index, Instant visitEnd) {
    Instant start = actions.get(index).time();
    for (int j = index + 1; j < actions.size(); j++) {
      DemoAction next = actions.get(j);
      if (next.isPageView() || next.type().equals("search")) {
        return next.time().getEpochSecond() - start.getEpochSecond();
      }
    }
    return visitEnd.getEpochSecond() - start.getEpochSecond();
  }

  private void writeReferrer(JsonGenerator g, DemoVisit.Referrer referrer) throws IOException {
    g.writeStringField("referrerType", referrer.type());
    g.writeStringField("referrerTypeName", referrer.typeName());
    text(g, "referrerName", referrer.name());
    text(g, "referrerKeyword", referrer.keyword());
    g.writeNullField("referrerKeywordPosition");
    text(g, "referrerUrl", referrer.url());
    String host = host(referrer.url());
    boolean search = referrer.type().equals("search") && host != null;
    boolean social = referrer.type().equals("social") && host != null;
    text(g, "referrerSearchEngineUrl", search ? "https://" + host : null);
    text(g, "referrerSearchEngineIcon", search ? ICONS + "searchEngines/" + bare(host) + ".png" : null);
    text(g, "referrerSocialNetworkUrl", social ? "https://" + bare(host) : null);
    text(g, "referrerSocialNetworkIcon", social ? ICONS + "socials/" + bare(host) + ".png" : null);
  }

  private void writeDevice(JsonGenerator g, DemoVisit.Device d) throws IOException {
    g.writeStringField("languageCode", d.languageCode());
    g.writeStringField("language", languageName(d.languageCode()));
    g.writeStringField("deviceType", d.type());
    g.writeStringField("deviceTypeIcon", ICONS + "devices/" + d.type().toLowerCase(Locale.ROOT) + ".png");
    g.writeStringField("deviceBrand", d.brand());
    text(g, "deviceModel", d.model());
    g.writeStringField("operatingSystem", d.osVersion() == null ? d.osName() : d.osName() + " " + d.osVersion());
    g.writeStringField("operatingSystemName", d.osName());
    g.writeStringField("operatingSystemIcon", ICONS + "os/" + d.osCode() + ".png");
    g.writeStringField("operatingSystemCode", d.osCode());
    text(g, "operatingSystemVersion", d.osVersion());
    g.writeStringField("browserFamily", d.browserEngine());
    g.writeStringField("browserFamilyDescription", d.browserEngine() + " (" + d.browserName() + ")");
    g.writeStringField("browser", d.browserName() + " " + d.browserVersion());
    g.writeStringField("browserName", d.browserName());
    g.writeStringField("browserIcon", ICONS + "browsers/" + d.browserCode() + ".png");
    g.writeStringField("browserCode", d.browserCode());
    g.writeStringField("browserVersion", d.browserVersion());
  }

  private void writeGeo(JsonGenerator g, DemoVisit.Geo geo, Instant first) throws IOException {
    g.writeStringField("continent", geo.continent());
    g.writeStringField("continentCode", geo.continentCode());
    g.writeStringField("country", geo.country());
    g.writeStringField("countryCode", geo.countryCode());
    g.writeStringField("countryFlag", ICONS + "flags/" + geo.countryCode() + ".png");
    text(g, "region", geo.region());
    text(g, "regionCode", geo.regionCode());
    text(g, "city", geo.city());
    g.writeStringField("location", geo.location());
    text(g, "latitude", geo.latitude());
    text(g, "longitude", geo.longitude());
    g.writeStringField("visitLocalTime", TIME.format(first.atZone(geo.localZone())));
    g.writeStringField("visitLocalHour", Integer.toString(first.atZone(geo.localZone()).getHour()));
  }

  private void value(JsonGenerator g, String name, @Nullable Object value) throws IOException {
    if (value == null) {
      g.writeNullField(name);
    } else if (value instanceof Long) {
      db(g, name, (Long) value);
    } else if (value instanceof Double) {
      g.writeNumberField(name, (Double) value);
    } else {
      g.writeStringField(name, value.toString());
    }
  }

  private void db(JsonGenerator g, String name, long value) throws IOException {
    if (numbersAsStrings) {
      g.writeStringField(name, Long.toString(value));
    } else {
      g.writeNumberField(name, value);
    }
  }

  private static void text(JsonGenerator g, String name, @Nullable String value) throws IOException {
    if (value == null) {
      g.writeNullField(name);
    } else {
      g.writeStringField(name, value);
    }
  }

  /** Matomo's English duration text: {@code 45s}, {@code 3 min 5s}, {@code 1 hours 4 min}. */
  static String pretty(long seconds) {
    if (seconds < 60) {
      return seconds + "s";
    }
    if (seconds < 3600) {
      return seconds / 60 + " min " + seconds % 60 + "s";
    }
    return seconds / 3600 + " hours " + (seconds % 3600) / 60 + " min";
  }

  private static String languageName(String code) {
    Locale locale = Locale.forLanguageTag(code);
    String language = locale.getDisplayLanguage(Locale.ENGLISH);
    String country = locale.getDisplayCountry(Locale.ENGLISH);
    return country.isEmpty() ? language : language + " - " + country;
  }

  private static String host(@Nullable String url) {
    if (url == null) {
      return null;
    }
    int start = url.indexOf("://");
    if (start < 0) {
      return null;
    }
    int end = url.indexOf('/', start + 3);
    return url.substring(start + 3, end < 0 ? url.length() : end).toLowerCase(Locale.ROOT);
  }

  private static String bare(String host) {
    return host.startsWith("www.") || host.startsWith("m.") ? host.substring(host.indexOf('.') + 1) : host;
  }

  /** A stable stand-in for Matomo's config id: the visitor and the device, hashed. */
  private static String fingerprint(DemoVisit visit) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      sha1.update((visit.visitorId() + "|" + visit.device()).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha1.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-1", e);
    }
  }

  /** What Matomo counts per visit. */
  private static final class Counts {
    int actions;
    int searches;
    int events;
    int goals;

    static Counts of(List<DemoAction> actions) {
      Counts c = new Counts();
      for (DemoAction action : actions) {
        switch (action.type()) {
          case "goal":
            c.goals++;
            continue;
          case "search":
            c.searches++;
            break;
          case "event":
            c.events++;
            break;
          default:
            break;
        }
        c.actions++;
      }
      return c;
    }
  }
}
