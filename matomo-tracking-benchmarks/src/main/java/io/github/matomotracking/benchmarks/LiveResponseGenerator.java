package io.github.matomotracking.benchmarks;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.matomotracking.benchmarks.SyntheticWorld.Page;
import io.github.matomotracking.benchmarks.SyntheticWorld.Place;
import io.github.matomotracking.benchmarks.SyntheticWorld.Referrer;
import io.github.matomotracking.benchmarks.SyntheticWorld.Site;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a large synthetic {@code Live.getLastVisitsDetails} JSON response, streamed to an
 * {@link OutputStream} one visit at a time (never built in memory), deterministic for a seed.
 *
 * <p>The mix: visits with 1 to {@code maxActions} actions, most of them small (a discrete Pareto
 * law: about 56 % have one action, 1 in 60 has 30 or more); action types {@code action},
 * {@code download}, {@code outlink}, {@code event}, {@code search}, {@code goal} and the raw
 * {@code "13"}; direct, search engine, social network (m.facebook.com among them), web site and
 * campaign referrers, campaigns with their utm fields ({@code campaign*}) when the marketing
 * campaigns plugin is on (80 % of the visits); places in several countries, regions and cities;
 * userIds and visitorIds (a few anonymous, {@code false}); database numbers as JSON strings (old
 * PHP) for about half the visits and as JSON numbers (PHP 8.1+) for the others; action
 * timestamps shifted by the site's UTC offset as Matomo does.
 *
 * <p>Field sets come from {@link VisitTemplates}: the real responses of a folder, or the
 * built-in ones.
 *
 * <pre>
 * java -cp benchmarks.jar io.github.matomotracking.benchmarks.LiveResponseGenerator \
 *     --size 100m --out target/live-100m.json --gzip target/live-100m.json.gz
 * </pre>
 */
public final class LiveResponseGenerator {

  /** First action time of the first visit (2024-03-01T00:00:00Z). */
  static final long START_EPOCH_SECOND = 1_709_251_200L;

  /** Visitor ids drawn from a pool this large, so visitors return. */
  private static final int VISITORS = 200_000;

  /** Database columns: JSON strings on PHP before 8.1, numbers after. */
  private static final Set<String> DB_NUMBERS = Set.of("idSite", "idVisit", "visitCount",
      "visitDuration", "visitConverted", "actions", "searches", "events", "interactions",
      "pageIdAction", "pageId", "pageviewPosition", "goalId", "goalPageId", "idgoal",
      "secondsSinceFirstVisit", "secondsSinceLastVisit", "secondsSinceLastEcommerceOrder",
      "referrerKeywordPosition", "items", "quantity", "siteSearchCount");

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  private static final List<String> TYPES = VisitTemplates.ACTION_TYPES;
  /** Weights of {@link #TYPES} for actions after the first (a landing page view). */
  private static final int[] TYPE_WEIGHTS = {62, 5, 6, 12, 5, 6, 4};

  /** How the database numbers of a response are written. */
  public enum NumberStyle {
    /** Half the visits each way (default): exercises both readers' paths. */
    MIXED,
    /** JSON strings, as PHP before 8.1 with mysqli. */
    STRINGS,
    /** JSON numbers, as PHP 8.1+ with PDO. */
    NUMBERS
  }

  private final VisitTemplates templates;
  private final long seed;
  private final int maxActions;
  private final NumberStyle numberStyle;
  private final ObjectMapper mapper = new ObjectMapper();

  /**
   * A generator.
   *
   * @param templates the field sets
   * @param seed the seed: the same seed gives the same bytes
   * @param maxActions the most actions one visit may have (Matomo sends at most 500)
   * @param numberStyle how database numbers are written
   */
  public LiveResponseGenerator(VisitTemplates templates, long seed, int maxActions,
      NumberStyle numberStyle) {
    this.templates = Objects.requireNonNull(templates, "templates");
    this.seed = seed;
    if (maxActions < 1 || maxActions > 500) {
      throw new IllegalArgumentException("maxActions must be 1..500, was " + maxActions);
    }
    this.maxActions = maxActions;
    this.numberStyle = Objects.requireNonNull(numberStyle, "numberStyle");
  }

  /**
   * A generator with up to 200 actions per visit and mixed number styles.
   *
   * @param templates the field sets
   * @param seed the seed
   */
  public LiveResponseGenerator(VisitTemplates templates, long seed) {
    this(templates, seed, 200, NumberStyle.MIXED);
  }

  /**
   * Writes a response of exactly {@code visits} visits.
   *
   * @param out where to write; not closed, flushed at the end
   * @param visits the number of visits
   * @return what was written
   * @throws UncheckedIOException when writing fails
   */
  public GenerationSummary writeVisits(OutputStream out, long visits) {
    return write(out, visits, Long.MAX_VALUE);
  }

  /**
   * Writes visits until the response reaches {@code bytes} bytes (it ends with the first visit
   * that passes the target, so it is a few kilobytes larger).
   *
   * @param out where to write; not closed, flushed at the end
   * @param bytes the target size, uncompressed
   * @return what was written
   * @throws UncheckedIOException when writing fails
   */
  public GenerationSummary writeBytes(OutputStream out, long bytes) {
    return write(out, Long.MAX_VALUE, bytes);
  }

  private GenerationSummary write(OutputStream out, long maxVisits, long maxBytes) {
    CountingOutputStream counting = new CountingOutputStream(out);
    Writer writer = new Writer(new SplittableRandom(seed));
    try (JsonGenerator g = mapper.createGenerator(counting)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartArray();
      long visits = 0;
      while (visits < maxVisits && counting.count + g.getOutputBuffered() < maxBytes) {
        writer.visit(g, visits++);
      }
      g.writeEndArray();
      g.flush();
      return new GenerationSummary(visits, writer.actions, counting.count,
          writer.histogram, writer.byType, templates.origin());
    } catch (IOException e) {
      throw new UncheckedIOException("writing the generated response failed", e);
    }
  }

  /** The state of one run: the random source and the counts. */
  private final class Writer {
    private final SplittableRandom random;
    private final long[] histogram = new long[maxActions + 1];
    private final Map<String, Long> byType = new HashMap<>();
    private final int placeWeight = SyntheticWorld.PLACES.stream().mapToInt(Place::weight).sum();
    private final int typeWeight = java.util.Arrays.stream(TYPE_WEIGHTS).sum();
    private long actions;
    private long clock = START_EPOCH_SECOND;

    Writer(SplittableRandom random) {
      this.random = random;
    }

    void visit(JsonGenerator g, long index) throws IOException {
      VisitPlan v = plan(index);
      ObjectNode template = pick(templates.visits());
      boolean[] done = new boolean[VisitField.VALUES.length];
      g.writeStartObject();
      for (Map.Entry<String, JsonNode> field : template.properties()) {
        VisitField override = VisitField.BY_NAME.get(field.getKey());
        if (override != null) {
          done[override.ordinal()] = true;
          writeVisitField(g, override, v);
        } else {
          writeTemplateValue(g, field.getKey(), field.getValue(), v.strings);
        }
      }
      for (VisitField field : VisitField.VALUES) {
        if (!done[field.ordinal()]) {
          writeVisitField(g, field, v);
        }
      }
      g.writeEndObject();
      histogram[v.actionCount]++;
      actions += v.actionCount;
    }

    private VisitPlan plan(long index) {
      VisitPlan v = new VisitPlan();
      v.strings = switch (numberStyle) {
        case STRINGS -> true;
        case NUMBERS -> false;
        case MIXED -> random.nextBoolean();
      };
      int s = random.nextInt(100);
      v.site = SyntheticWorld.site(s < 60 ? 1 : s < 85 ? 2 : 3);
      v.visitId = 1_000_000L + index;
      clock += 1 + random.nextInt(40);
      v.first = clock;
      v.actionCount = actionCount();
      int visitor = (int) Math.floor(VISITORS * Math.pow(random.nextDouble(), 2));
      v.visitorId = random.nextInt(100) < 3 ? null : visitorId(visitor);
      int u = random.nextInt(100);
      v.userId = u < 8 ? "contact-" + visitor + "@example.com"
          : u < 15 ? visitorId(visitor * 31 + 7) + "-crm" : null;
      v.visitCount = 1 + (int) Math.floor(-Math.log(1 - random.nextDouble()) * 2);
      v.ip = "203.0." + (visitor >> 8 & 0xff) + "." + (visitor & 0xff);
      v.place = place();
      v.campaignPlugin = random.nextInt(100) < 80;
      referrer(v);
      v.offset = v.site.zone().getRules().getOffset(Instant.ofEpochSecond(v.first))
          .getTotalSeconds();
      v.actionsPlan = actions(v);
      return v;
    }

    /** Discrete Pareto with exponent 1.2, capped: P(n >= k) = k^-1.2. */
    private int actionCount() {
      double u = 1 - random.nextDouble(); // (0, 1]
      double n = Math.floor(Math.pow(u, -1 / 1.2));
      return (int) Math.max(1, Math.min(maxActions, n));
    }

    private Place place() {
      int r = random.nextInt(placeWeight);
      for (Place p : SyntheticWorld.PLACES) {
        r -= p.weight();
        if (r < 0) {
          return p;
        }
      }
      throw new AssertionError();
    }

    private void referrer(VisitPlan v) {
      int r = random.nextInt(100);
      if (r < 35) {
        v.referrerType = "direct";
        v.referrerTypeName = "Direct Entry";
      } else if (r < 60) {
        Referrer engine = pick(SyntheticWorld.SEARCH_ENGINES);
        v.referrerType = "search";
        v.referrerTypeName = "Search Engines";
        v.referrerName = engine.name();
        v.referrerUrl = pick(engine.urls());
        v.referrerKeyword = pick(SyntheticWorld.KEYWORDS);
      } else if (r < 70) {
        Referrer network = pick(SyntheticWorld.SOCIAL_NETWORKS);
        v.referrerType = "social";
        v.referrerTypeName = "Social Networks";
        v.referrerName = network.name();
        v.referrerUrl = pick(network.urls());
      } else if (r < 85) {
        String host = pick(SyntheticWorld.WEBSITES);
        v.referrerType = "website";
        v.referrerTypeName = "Websites";
        v.referrerName = host;
        v.referrerUrl = "https://" + host + "/article/" + random.nextInt(5000)
            + (random.nextBoolean() ? "?ref=feed&id=" + random.nextInt(100) : "");
      } else {
        String name = pick(SyntheticWorld.CAMPAIGN_NAMES);
        String source = pick(SyntheticWorld.CAMPAIGN_SOURCES);
        String medium = pick(SyntheticWorld.CAMPAIGN_MEDIUMS);
        String keyword = random.nextBoolean() ? pick(SyntheticWorld.KEYWORDS) : "";
        v.referrerType = "campaign";
        v.referrerTypeName = "Campaigns";
        v.referrerName = name;
        v.referrerKeyword = keyword.isEmpty() ? null : keyword.toLowerCase(Locale.ROOT);
        if (random.nextInt(3) == 0) {
          v.referrerUrl = "https://" + source + ".example/ad?c=" + name;
        }
        v.campaign = new String[] {
            "cmp-" + random.nextInt(1000), keyword.toLowerCase(Locale.ROOT),
            keyword.toLowerCase(Locale.ROOT), medium, name, source,
            random.nextBoolean() ? "group-" + random.nextInt(10) : "",
            random.nextBoolean() ? "placement-" + random.nextInt(10) : ""};
        v.campaign[1] = random.nextBoolean() ? "banner-" + random.nextInt(5) : "";
      }
    }

    private ActionPlan[] actions(VisitPlan v) {
      ActionPlan[] plan = new ActionPlan[v.actionCount];
      long time = v.first;
      int pageViews = 0;
      Page current = null;
      for (int i = 0; i < plan.length; i++) {
        ActionPlan a = new ActionPlan();
        a.type = i == 0 && random.nextInt(100) < 95 ? "action" : type();
        a.time = time;
        a.pageId = v.visitId * 1000 + i;
        if (a.type.equals("action") || current == null) {
          int pageIndex = (int) Math.floor(SyntheticWorld.PAGES_PER_SITE
              * Math.pow(random.nextDouble(), 3));
          current = SyntheticWorld.page(v.site, pageIndex);
          a.pageIdAction = v.site.id() * 100_000L + pageIndex;
        } else {
          a.pageIdAction = v.site.id() * 100_000L + 50_000 + random.nextInt(5000);
        }
        switch (a.type) {
          case "action" -> {
            pageViews++;
            a.url = current.url() + query();
            int t = random.nextInt(100);
            a.pageTitle = t < 2 ? "" : t < 3 ? null : current.title();
            a.pageViewId = Long.toHexString(0x100000L | random.nextInt(0xF00000)).substring(0, 6);
            a.timeSpent = (long) Math.min(1800, -Math.log(1 - random.nextDouble()) * 45);
          }
          case "download" -> a.url = v.site.baseUrl() + "/files/whitepaper-"
              + random.nextInt(40) + ".pdf";
          case "outlink" -> a.url = "https://partner" + random.nextInt(50)
              + ".example.com/landing?from=" + v.site.id();
          case "search" -> {
            a.keyword = pick(SyntheticWorld.CATEGORIES) + " " + random.nextInt(100);
            a.url = v.site.baseUrl() + "/search?q=" + a.keyword.replace(' ', '+');
          }
          case "goal" -> {
            a.goalId = 1 + random.nextInt(SyntheticWorld.GOALS.size());
            a.url = current.url();
          }
          default -> a.url = current.url(); // event, content interaction
        }
        a.position = Math.max(1, pageViews);
        time += a.timeSpent;
        plan[i] = a;
      }
      if (plan.length > 0) {
        plan[plan.length - 1].timeSpent = 0;
      }
      v.last = plan.length == 0 ? v.first : plan[plan.length - 1].time;
      return plan;
    }

    private String query() {
      int q = random.nextInt(100);
      if (q < 5) {
        return "?utm_source=" + pick(SyntheticWorld.CAMPAIGN_SOURCES) + "&utm_medium="
            + pick(SyntheticWorld.CAMPAIGN_MEDIUMS) + "&utm_campaign="
            + pick(SyntheticWorld.CAMPAIGN_NAMES);
      }
      if (q < 9) {
        return "?gclid=Cj0KCQ" + Long.toHexString(random.nextLong());
      }
      if (q < 13) {
        return "?ref=nav&page=" + random.nextInt(10);
      }
      return q < 15 ? "#reviews" : "";
    }

    private String type() {
      int r = random.nextInt(typeWeight);
      for (int i = 0; i < TYPE_WEIGHTS.length; i++) {
        r -= TYPE_WEIGHTS[i];
        if (r < 0) {
          return TYPES.get(i);
        }
      }
      throw new AssertionError();
    }

    private <T> T pick(List<T> list) {
      return list.get(random.nextInt(list.size()));
    }

    private String visitorId(int visitor) {
      long mixed = (visitor + 1) * 0x9E3779B97F4A7C15L ^ seed;
      mixed ^= mixed >>> 29;
      String hex = Long.toHexString(mixed * 0xBF58476D1CE4E5B9L);
      return "0".repeat(16 - hex.length()) + hex;
    }

    // ---------------------------------------------------------------- writing

    private void writeVisitField(JsonGenerator g, VisitField field, VisitPlan v)
        throws IOException {
      switch (field) {
        case ID_SITE -> number(g, "idSite", v.site.id(), v.strings);
        case ID_VISIT -> number(g, "idVisit", v.visitId, v.strings);
        case VISIT_IP -> g.writeStringField("visitIp", v.ip);
        case VISITOR_ID -> {
          if (v.visitorId == null) {
            g.writeBooleanField("visitorId", false);
          } else {
            g.writeStringField("visitorId", v.visitorId);
          }
        }
        case USER_ID -> nullableText(g, "userId", v.userId);
        case ACTION_DETAILS -> {
          g.writeArrayFieldStart("actionDetails");
          for (ActionPlan a : v.actionsPlan) {
            writeAction(g, a, v);
          }
          g.writeEndArray();
        }
        case VISIT_COUNT -> number(g, "visitCount", v.visitCount, v.strings);
        case VISIT_DURATION -> number(g, "visitDuration", v.last - v.first, v.strings);
        case ACTIONS -> number(g, "actions", v.actionCount, v.strings);
        case REFERRER_TYPE -> g.writeStringField("referrerType", v.referrerType);
        case REFERRER_TYPE_NAME -> g.writeStringField("referrerTypeName", v.referrerTypeName);
        case REFERRER_NAME -> nullableText(g, "referrerName", v.referrerName);
        case REFERRER_KEYWORD -> nullableText(g, "referrerKeyword", v.referrerKeyword);
        case REFERRER_URL -> nullableText(g, "referrerUrl", v.referrerUrl);
        case COUNTRY -> g.writeStringField("country", v.place.country());
        case COUNTRY_CODE -> g.writeStringField("countryCode", v.place.countryCode());
        case REGION -> nullableText(g, "region", v.place.region());
        case REGION_CODE -> nullableText(g, "regionCode", v.place.regionCode());
        case CITY -> nullableText(g, "city", v.place.city());
        case LOCATION -> g.writeStringField("location", v.place.city() == null
            ? v.place.country() : v.place.city() + ", " + v.place.country());
        case LATITUDE -> nullableText(g, "latitude", v.place.latitude());
        case LONGITUDE -> nullableText(g, "longitude", v.place.longitude());
        case FIRST_ACTION_TIMESTAMP -> g.writeNumberField("firstActionTimestamp", v.first);
        case LAST_ACTION_TIMESTAMP -> g.writeNumberField("lastActionTimestamp", v.last);
        case SERVER_TIMESTAMP -> g.writeNumberField("serverTimestamp", v.last);
        case SERVER_DATE -> g.writeStringField("serverDate",
            LocalDateTime.ofEpochSecond(v.last, 0, ZoneOffset.UTC).toLocalDate().toString());
        case LAST_ACTION_DATE_TIME -> g.writeStringField("lastActionDateTime",
            DATE_TIME.format(LocalDateTime.ofEpochSecond(v.last, 0, ZoneOffset.UTC)));
        default -> {
          if (v.campaignPlugin) { // a campaign* field
            int i = field.ordinal() - VisitField.CAMPAIGN_ID.ordinal();
            g.writeStringField(field.jsonName, v.campaign == null ? "" : v.campaign[i]);
          }
        }
      }
    }

    private void writeAction(JsonGenerator g, ActionPlan a, VisitPlan v) throws IOException {
      List<ObjectNode> candidates = templates.actions(a.type);
      ObjectNode template = candidates.get(random.nextInt(candidates.size()));
      boolean[] done = new boolean[ActionField.VALUES.length];
      g.writeStartObject();
      for (Map.Entry<String, JsonNode> field : template.properties()) {
        ActionField override = ActionField.BY_NAME.get(field.getKey());
        if (override != null) {
          done[override.ordinal()] = true;
          writeActionField(g, override, a, v, field.getValue());
        } else {
          writeTemplateValue(g, field.getKey(), field.getValue(), v.strings);
        }
      }
      for (ActionField field : ActionField.ALWAYS) {
        if (!done[field.ordinal()]) {
          writeActionField(g, field, a, v, null);
        }
      }
      g.writeEndObject();
      byType.merge(a.type, 1L, Long::sum);
    }

    private void writeActionField(JsonGenerator g, ActionField field, ActionPlan a, VisitPlan v,
        JsonNode templateValue) throws IOException {
      switch (field) {
        case TYPE -> g.writeStringField("type", a.type);
        case URL -> nullableText(g, "url", a.url);
        case PAGE_TITLE -> {
          if (a.type.equals("action")) {
            nullableText(g, "pageTitle", a.pageTitle);
          } else {
            writeTemplateValue(g, "pageTitle", templateValue, v.strings);
          }
        }
        case TITLE -> {
          if (a.type.equals("action")) {
            nullableText(g, "title", a.pageTitle == null || a.pageTitle.isEmpty()
                ? a.url : a.pageTitle);
          } else {
            writeTemplateValue(g, "title", templateValue, v.strings);
          }
        }
        case SUBTITLE -> {
          if (a.type.equals("goal")) {
            writeTemplateValue(g, "subtitle", templateValue, v.strings);
          } else {
            nullableText(g, "subtitle", a.url);
          }
        }
        case ID_PAGE_VIEW -> {
          if (a.pageViewId != null) {
            g.writeStringField("idpageview", a.pageViewId);
          } else if (templateValue != null && !a.type.equals("action")) {
            writeTemplateValue(g, "idpageview", templateValue, v.strings);
          }
        }
        case PAGE_ID -> number(g, "pageId", a.pageId, v.strings);
        case PAGE_ID_ACTION -> number(g, "pageIdAction", a.pageIdAction, v.strings);
        case PAGEVIEW_POSITION -> number(g, "pageviewPosition", a.position, v.strings);
        case TIME_SPENT -> g.writeNumberField("timeSpent", a.timeSpent);
        case TIME_SPENT_PRETTY -> g.writeStringField("timeSpentPretty", pretty(a.timeSpent));
        case TIMESTAMP -> g.writeNumberField("timestamp", a.time + v.offset);
        case SITE_SEARCH_KEYWORD -> nullableText(g, "siteSearchKeyword", a.keyword);
        case GOAL_ID -> number(g, "goalId", a.goalId, v.strings);
        case GOAL_NAME -> g.writeStringField("goalName",
            SyntheticWorld.GOALS.get(Math.max(0, a.goalId - 1)));
        case EVENT_CATEGORY -> g.writeStringField("eventCategory",
            pick(SyntheticWorld.EVENT_CATEGORIES));
        case EVENT_ACTION -> g.writeStringField("eventAction", pick(SyntheticWorld.EVENT_ACTIONS));
        default -> throw new AssertionError(field);
      }
    }

    private void writeTemplateValue(JsonGenerator g, String name, JsonNode value,
        boolean strings) throws IOException {
      if (value == null) {
        return;
      }
      if (value.isIntegralNumber() && strings && DB_NUMBERS.contains(name)) {
        g.writeStringField(name, value.asText());
      } else {
        g.writeFieldName(name);
        mapper.writeTree(g, value);
      }
    }
  }

  private static void number(JsonGenerator g, String name, long value, boolean strings)
      throws IOException {
    if (strings) {
      g.writeStringField(name, Long.toString(value));
    } else {
      g.writeNumberField(name, value);
    }
  }

  private static void nullableText(JsonGenerator g, String name, String value)
      throws IOException {
    if (value == null) {
      g.writeNullField(name);
    } else {
      g.writeStringField(name, value);
    }
  }

  private static String pretty(long seconds) {
    return seconds < 60 ? seconds + "s" : seconds / 60 + " min " + seconds % 60 + "s";
  }

  /** The visit fields the generator sets itself, in the order they are added when missing. */
  private enum VisitField {
    ID_SITE("idSite"), ID_VISIT("idVisit"), VISIT_IP("visitIp"), VISITOR_ID("visitorId"),
    USER_ID("userId"), ACTION_DETAILS("actionDetails"), VISIT_COUNT("visitCount"),
    VISIT_DURATION("visitDuration"), ACTIONS("actions"), REFERRER_TYPE("referrerType"),
    REFERRER_TYPE_NAME("referrerTypeName"), REFERRER_NAME("referrerName"),
    REFERRER_KEYWORD("referrerKeyword"), REFERRER_URL("referrerUrl"), COUNTRY("country"),
    COUNTRY_CODE("countryCode"), REGION("region"), REGION_CODE("regionCode"), CITY("city"),
    LOCATION("location"), LATITUDE("latitude"), LONGITUDE("longitude"),
    // campaign fields: in the order of VisitPlan.campaign
    CAMPAIGN_ID("campaignId"), CAMPAIGN_CONTENT("campaignContent"),
    CAMPAIGN_KEYWORD("campaignKeyword"), CAMPAIGN_MEDIUM("campaignMedium"),
    CAMPAIGN_NAME("campaignName"), CAMPAIGN_SOURCE("campaignSource"),
    CAMPAIGN_GROUP("campaignGroup"), CAMPAIGN_PLACEMENT("campaignPlacement"),
    FIRST_ACTION_TIMESTAMP("firstActionTimestamp"), LAST_ACTION_TIMESTAMP("lastActionTimestamp"),
    SERVER_TIMESTAMP("serverTimestamp"), SERVER_DATE("serverDate"),
    LAST_ACTION_DATE_TIME("lastActionDateTime");

    static final VisitField[] VALUES = values();
    static final Map<String, VisitField> BY_NAME = new HashMap<>();

    static {
      for (VisitField f : VALUES) {
        BY_NAME.put(f.jsonName, f);
      }
    }

    final String jsonName;

    VisitField(String jsonName) {
      this.jsonName = jsonName;
    }
  }

  /** The action fields the generator sets itself when the template has them. */
  private enum ActionField {
    TYPE("type"), URL("url"), PAGE_TITLE("pageTitle"), TITLE("title"), SUBTITLE("subtitle"),
    ID_PAGE_VIEW("idpageview"), PAGE_ID("pageId"), PAGE_ID_ACTION("pageIdAction"),
    PAGEVIEW_POSITION("pageviewPosition"), TIME_SPENT("timeSpent"),
    TIME_SPENT_PRETTY("timeSpentPretty"), TIMESTAMP("timestamp"),
    SITE_SEARCH_KEYWORD("siteSearchKeyword"), GOAL_ID("goalId"), GOAL_NAME("goalName"),
    EVENT_CATEGORY("eventCategory"), EVENT_ACTION("eventAction");

    static final ActionField[] VALUES = values();
    /** Added when the template lacks them. */
    static final List<ActionField> ALWAYS = List.of(TYPE, URL, ID_PAGE_VIEW, TIMESTAMP);
    static final Map<String, ActionField> BY_NAME = new HashMap<>();

    static {
      for (ActionField f : VALUES) {
        BY_NAME.put(f.jsonName, f);
      }
    }

    final String jsonName;

    ActionField(String jsonName) {
      this.jsonName = jsonName;
    }
  }

  /** Everything that varies in one visit, drawn before it is written. */
  private static final class VisitPlan {
    boolean strings;
    Site site;
    long visitId;
    long first;
    long last;
    int offset;
    int actionCount;
    String visitorId;
    String userId;
    int visitCount;
    String ip;
    Place place;
    boolean campaignPlugin;
    String referrerType;
    String referrerTypeName;
    String referrerName;
    String referrerKeyword;
    String referrerUrl;
    /** id, content, keyword, medium, name, source, group, placement; null: no campaign. */
    String[] campaign;
    ActionPlan[] actionsPlan;
  }

  /** Everything that varies in one action. */
  private static final class ActionPlan {
    String type;
    long time;
    long pageId;
    long pageIdAction;
    String url;
    String pageTitle;
    String pageViewId;
    long timeSpent = 10;
    int position;
    String keyword;
    int goalId;
  }

  /** Counts the bytes that reach the stream below. */
  private static final class CountingOutputStream extends FilterOutputStream {
    long count;

    CountingOutputStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }

  // ---------------------------------------------------------------- command line

  /**
   * Writes a response file (and a gzip copy) from the command line.
   *
   * <pre>
   * --size 10m|100m|1g   target size, uncompressed (or --visits N)
   * --visits N           exactly N visits
   * --seed S             seed (default 42)
   * --templates DIR      folder of real Live responses whose field sets to copy (default: the
   *                      fixtures under -Dmatomo.shared.dir, else the built-in field sets)
   * --out FILE           the JSON file (default: standard output)
   * --gzip FILE          also write a gzip-compressed copy, in the same pass
   * --meta FILE          write the summary as a properties file
   * --max-actions N      most actions per visit (default 200)
   * --numbers STYLE      mixed (default), strings or numbers
   * </pre>
   *
   * @param args the options
   * @throws IOException when a file cannot be written
   */
  public static void main(String[] args) throws IOException {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 == args.length) {
        System.err.println("usage: LiveResponseGenerator (--size 100m | --visits N) [--seed S]"
            + " [--templates DIR] [--out FILE] [--gzip FILE] [--meta FILE] [--max-actions N]"
            + " [--numbers mixed|strings|numbers]");
        System.exit(2);
      }
      options.put(args[i].substring(2), args[++i]);
    }
    String templatesDir = options.get("templates");
    VisitTemplates templates =
        VisitTemplates.choose(templatesDir == null ? null : Path.of(templatesDir));
    LiveResponseGenerator generator = new LiveResponseGenerator(templates,
        Long.parseLong(options.getOrDefault("seed", "42")),
        Integer.parseInt(options.getOrDefault("max-actions", "200")),
        NumberStyle.valueOf(options.getOrDefault("numbers", "mixed").toUpperCase(Locale.ROOT)));
    OutputStream out = options.containsKey("out")
        ? Files.newOutputStream(Path.of(options.get("out"))) : System.out;
    if (options.containsKey("gzip")) {
      out = new TeeOutputStream(out, new GZIPOutputStream(
          Files.newOutputStream(Path.of(options.get("gzip"))), 1 << 16));
    }
    GenerationSummary summary;
    try (OutputStream buffered = new BufferedOutputStream(out, 1 << 16)) {
      summary = options.containsKey("visits")
          ? generator.writeVisits(buffered, Long.parseLong(options.get("visits")))
          : generator.writeBytes(buffered, parseSize(options.getOrDefault("size", "10m")));
    }
    if (options.containsKey("meta")) {
      Files.writeString(Path.of(options.get("meta")), summary.toProperties(),
          StandardCharsets.UTF_8);
    }
    System.err.println(summary);
  }

  /**
   * Parses {@code 10m}, {@code 1g}, {@code 500k} or a plain byte count; the units are powers
   * of 1024.
   *
   * @param text the size
   * @return bytes
   */
  static long parseSize(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    long unit = 1;
    char last = t.charAt(t.length() - 1);
    if (last == 'k' || last == 'm' || last == 'g') {
      unit = last == 'k' ? 1L << 10 : last == 'm' ? 1L << 20 : 1L << 30;
      t = t.substring(0, t.length() - 1);
    }
    return Math.round(Double.parseDouble(t) * unit);
  }

  /** Writes to two streams; closes both. */
  private static final class TeeOutputStream extends OutputStream {
    private final OutputStream first;
    private final OutputStream second;

    TeeOutputStream(OutputStream first, OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void write(int b) throws IOException {
      first.write(b);
      second.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      first.write(b, off, len);
      second.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      first.flush();
      second.flush();
    }

    @Override
    public void close() throws IOException {
      try (OutputStream a = first; OutputStream b = second) {
        flush();
      }
    }
  }
}
