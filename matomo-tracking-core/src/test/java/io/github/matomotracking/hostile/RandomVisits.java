package io.github.matomotracking.hostile;

import io.github.matomotracking.model.Campaign;
import io.github.matomotracking.model.ImmutableCampaign;
import io.github.matomotracking.model.ImmutableVisit;
import io.github.matomotracking.model.ImmutableVisitAction;
import io.github.matomotracking.model.Visit;
import io.github.matomotracking.model.VisitAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * Generates Matomo visits that are type-valid but otherwise arbitrary, each as the JSON object a
 * server could send and as the {@link Visit} the reader must make of it. The generator:
 *
 * <ul>
 *   <li>sends every whole number as a JSON number or as a text, with spaces, a plus sign or a
 *       zero fraction ({@code "42"}, {@code " 42 "}, {@code 42.0}), database columns as texts when
 *       {@code numbersAsTexts} (older PHP), and ids and times from their whole range (times
 *       1970 to 9999);
 *   <li>sends texts from a mix of scripts, emoji, right-to-left and zero-width marks, escaped
 *       control characters, quotes, slashes and lone surrogates; sometimes as a whole number;
 *   <li>sends "nothing" as a missing field, {@code null}, {@code ""}, white space or
 *       {@code false}, all meaning absent;
 *   <li>adds 0 to 8 actions of known, plugin and invented types, unknown fields of any shape,
 *       {@code customVariables} as {@code []} or an object, and shuffles the field order.
 * </ul>
 *
 * <p>With {@code collisionProne}, actions draw their idpageview, pageId and timestamp from a few
 * values ({@code x}, {@code x#1}, {@code x#2} ...) so that natural keys collide often.
 */
final class RandomVisits {

  /** A generated visit: the JSON object and the visit the reader must make of it. */
  record Generated(Json.Obj json, Visit expected) {}

  private static final long LATEST_SECOND = 253_402_300_799L;
  private static final long EXACT_DOUBLE = 1L << 53;
  private static final String[] VISIBLE = {
    "a", "Z", "7", "\u00e9", "\u00df", "\u03a9", "\u0416", "\u05e9", "\u0645", "\u6771",
    "\ud83d\ude00", "\ud83c\udf89", "\ud83d\udca5", "\u0e01", "\u00c7"
  };
  private static final String[] ANY = {
    "a", "b", "Z", "0", "9", " ", "-", "_", ".", ",", ";", "=", "?", "#", "&", "%", "+", "/",
    "\\", "\"", "'", "<", ">", ":", "@", "\u00e9", "\u00f1", "\u00df", "\u03bb", "\u044f",
    "\u05d0", "\u0627", "\u4e2d", "\u6587", "\ud83d\ude00", "\ud83d\udd0d", "\u0301", "\u200d",
    "\u200b", "\u202e", "\u202c", "\ufeff", "\u00a0", "\u2028", "\t", "\n", "\r", "\u0000",
    "\u0001", "\u001b", "\ud800", "\udfff"
  };
  private static final String[] BLANKS = {"", " ", " \t\n ", "\u00a0", "\u2003"};
  private static final String[] ACTION_TYPES = {
    "action", "download", "outlink", "search", "event", "goal", "ecommerceOrder",
    "ecommerceAbandonedCart", "13", "form", "media"
  };
  private static final String[] REFERRER_TYPES = {
    "direct", "search", "website", "campaign", "social", "ai-assistant"
  };

  private final SplittableRandom random;
  private final boolean numbersAsTexts;
  private final boolean collisionProne;

  RandomVisits(SplittableRandom random, boolean numbersAsTexts, boolean collisionProne) {
    this.random = random;
    this.numbersAsTexts = numbersAsTexts;
    this.collisionProne = collisionProne;
  }

  /** A new visit. */
  Generated visit() {
    Fields fields = new Fields();
    ImmutableVisit.Builder visit = Visit.builder();
    long siteId = chance(3) ? random.nextLong(1, Long.MAX_VALUE) : random.nextLong(1, 5);
    long visitId = chance(3) ? random.nextLong(1, Long.MAX_VALUE) : random.nextLong(1, 100_000);
    long first = random.nextLong(1, LATEST_SECOND + 1);
    fields.add("idSite", whole(siteId, true));
    fields.add("idVisit", whole(visitId, true));
    fields.add("firstActionTimestamp", whole(first, false));
    visit.siteId(siteId).visitId(visitId).firstActionTime(Instant.ofEpochSecond(first));
    wholeField(fields, "lastActionTimestamp", 1, LATEST_SECOND, false)
        .ifPresent(seconds -> visit.lastActionTime(Instant.ofEpochSecond(seconds)));
    visit.durationSeconds(wholeField(fields, "visitDuration", 0, 100_000, true));
    visit.actionCount(wholeField(fields, "actions", 0, 1000, true));
    visit.truncatedActionsCount(wholeField(fields, "truncatedActionsCount", 0, 1000, true));
    visit.visitorId(visitorId(fields));
    visit.userId(textField(fields, "userId"));
    visit.countryCode(textField(fields, "countryCode"));
    visit.countryName(textField(fields, "country"));
    visit.regionCode(textField(fields, "regionCode"));
    visit.regionName(textField(fields, "region"));
    visit.city(textField(fields, "city"));
    visit.latitude(decimalField(fields, "latitude", 90));
    visit.longitude(decimalField(fields, "longitude", 180));
    visit.referrerType(chance(2) ? choiceField(fields, "referrerType", REFERRER_TYPES)
        : textField(fields, "referrerType"));
    visit.referrerTypeName(textField(fields, "referrerTypeName"));
    visit.referrerName(textField(fields, "referrerName"));
    visit.referrerKeyword(chance(4) ? choiceField(fields, "referrerKeyword",
        new String[] {"Keyword not defined"}) : textField(fields, "referrerKeyword"));
    visit.referrerUrl(urlField(fields, "referrerUrl"));
    visit.campaign(campaign(fields));
    visit.operatingSystemName(textField(fields, "operatingSystemName"));
    visit.operatingSystemVersion(textField(fields, "operatingSystemVersion"));
    visit.deviceType(textField(fields, "deviceType"));
    visit.deviceBrand(textField(fields, "deviceBrand"));
    visit.deviceModel(textField(fields, "deviceModel"));
    visit.browserName(textField(fields, "browserName"));
    visit.ipAddress(textField(fields, "visitIp"));
    visit.languageCode(textField(fields, "languageCode"));
    visit.actions(actions(fields));
    noise(fields);
    return new Generated(fields.shuffled(random), visit.build());
  }

  // ---------------------------------------------------------------- visit parts

  private Optional<String> visitorId(Fields fields) {
    if (chance(4)) {
      absent(fields, "visitorId");
      return Optional.empty();
    }
    String id = String.format("%016x", random.nextLong());
    if (chance(5)) {
      id = id.toUpperCase(Locale.ROOT);
    }
    fields.add("visitorId", new Json.Text(id));
    return Optional.of(id);
  }

  private Campaign campaign(Fields fields) {
    ImmutableCampaign.Builder campaign = Campaign.builder();
    campaign.id(textField(fields, "campaignId"));
    campaign.source(textField(fields, "campaignSource"));
    campaign.medium(textField(fields, "campaignMedium"));
    campaign.name(textField(fields, "campaignName"));
    campaign.keyword(textField(fields, "campaignKeyword"));
    campaign.content(textField(fields, "campaignContent"));
    campaign.group(textField(fields, "campaignGroup"));
    campaign.placement(textField(fields, "campaignPlacement"));
    return campaign.build();
  }

  private List<VisitAction> actions(Fields fields) {
    if (chance(5)) {
      absent(fields, "actionDetails");
      return List.of();
    }
    int count = collisionProne ? random.nextInt(2, 6) : random.nextInt(9);
    List<Json> json = new ArrayList<>();
    List<VisitAction> actions = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Fields action = new Fields();
      ImmutableVisitAction.Builder expected = VisitAction.builder().position(i);
      expected.type(actionType(action));
      expected.url(urlField(action, "url"));
      expected.pageTitle(textField(action, "pageTitle"));
      expected.title(textField(action, "title"));
      expected.subtitle(textField(action, "subtitle"));
      if (collisionProne) {
        expected.pageViewId(choiceField(action, "idpageview",
            new String[] {"x", "x", "x#1", "x#2", "x#3", "x#2#3", "y"}));
        expected.pageId(chance(4) ? smallWholeField(action, "pageId", 1, 3) : OptionalLong.empty());
        expected.shiftedTimestamp(smallWholeField(action, "timestamp", 1_700_000_000, 1_700_000_002));
      } else {
        expected.pageViewId(textField(action, "idpageview"));
        expected.pageId(wholeField(action, "pageId", Long.MIN_VALUE + 2, Long.MAX_VALUE, true));
        expected.shiftedTimestamp(timestampField(action));
      }
      expected.pageIdAction(wholeField(action, "pageIdAction", 0, Long.MAX_VALUE, true));
      expected.timeSpentSeconds(wholeField(action, "timeSpent", 0, 100_000, true));
      if (chance(3)) {
        action.add("x_" + i, anyJson(2));
      }
      json.add(action.shuffled(random));
      actions.add(expected.build());
    }
    fields.add("actionDetails", new Json.Arr(json));
    return actions;
  }

  private String actionType(Fields action) {
    if (collisionProne) {
      return choiceField(action, "type", new String[] {"action", "action", "action", "event"})
          .orElse("");
    }
    int pick = random.nextInt(10);
    if (pick < 6) {
      return choiceField(action, "type", ACTION_TYPES).orElse("");
    }
    if (pick == 6) {
      action.add("type", new Json.Num("13"));
      return "13";
    }
    return textField(action, "type").orElse("");
  }

  private OptionalLong timestampField(Fields action) {
    if (chance(6)) {
      long extreme = switch (random.nextInt(4)) {
        case 0 -> Long.MAX_VALUE;
        case 1 -> Long.MIN_VALUE + 2;
        case 2 -> -random.nextLong(1, 1_000_000_000L);
        default -> random.nextLong(LATEST_SECOND, LATEST_SECOND * 1000);
      };
      action.add("timestamp", whole(extreme, false));
      return OptionalLong.of(extreme);
    }
    return wholeField(action, "timestamp", 1, LATEST_SECOND, false);
  }

  private void noise(Fields fields) {
    if (chance(2)) {
      fields.add("customVariables", chance(2) ? new Json.Arr(List.of())
          : new Json.Obj(List.of(Map.entry("1", new Json.Obj(List.of(
              Map.entry("customVariableName1", new Json.Text(text())),
              Map.entry("customVariableValue1", new Json.Text(text()))))))));
    }
    if (chance(2)) {
      fields.add("fingerprint", new Json.Bool(false));
    }
    if (chance(3)) {
      fields.add("pluginsIcons", chance(2) ? Json.Null.NULL : anyJson(2));
    }
    for (int i = random.nextInt(4); i > 0; i--) {
      fields.add("x_" + i, anyJson(3));
    }
  }

  // ---------------------------------------------------------------- values

  /** A field meaning "nothing": missing, null, a blank text or false. */
  private void absent(Fields fields, String name) {
    switch (random.nextInt(4)) {
      case 0 -> { }
      case 1 -> fields.add(name, Json.Null.NULL);
      case 2 -> fields.add(name, new Json.Text(BLANKS[random.nextInt(BLANKS.length)]));
      default -> fields.add(name, new Json.Bool(false));
    }
  }

  private Optional<String> textField(Fields fields, String name) {
    if (chance(4)) {
      absent(fields, name);
      return Optional.empty();
    }
    if (chance(12)) {
      long number = random.nextLong(-1_000_000, 1_000_000);
      fields.add(name, new Json.Num(Long.toString(number)));
      return Optional.of(Long.toString(number));
    }
    String text = text();
    fields.add(name, new Json.Text(text));
    return Optional.of(text);
  }

  private Optional<String> choiceField(Fields fields, String name, String[] choices) {
    if (chance(6)) {
      absent(fields, name);
      return Optional.empty();
    }
    String choice = choices[random.nextInt(choices.length)];
    fields.add(name, new Json.Text(choice));
    return Optional.of(choice);
  }

  private Optional<String> urlField(Fields fields, String name) {
    if (chance(4)) {
      absent(fields, name);
      return Optional.empty();
    }
    String url = switch (random.nextInt(5)) {
      case 0 -> "https://" + host() + "/" + text();
      case 1 -> "https://www." + host() + "/p?" + text() + "#" + text();
      case 2 -> host() + "/" + text();
      case 3 -> "/" + text();
      default -> text();
    };
    fields.add(name, new Json.Text(url));
    return Optional.of(url);
  }

  private String host() {
    String[] labels = {"example", "m", "www", "shop", "\u00e9t\u00e9", "\u05d3\u05d5\u05d2",
        "facebook", "google", "a", "b"};
    StringBuilder host = new StringBuilder();
    for (int i = random.nextInt(1, 4); i > 0; i--) {
      host.append(labels[random.nextInt(labels.length)]).append('.');
    }
    return host.append(random.nextBoolean() ? "com" : "de").toString();
  }

  private Optional<String> decimalField(Fields fields, String name, int range) {
    if (chance(4)) {
      absent(fields, name);
      return Optional.empty();
    }
    String literal = String.format(Locale.ROOT, "%.6f", random.nextDouble(-range, range));
    fields.add(name, numbersAsTexts || chance(3) ? new Json.Text(literal) : new Json.Num(literal));
    return Optional.of(literal);
  }

  private OptionalLong wholeField(Fields fields, String name, long min, long max, boolean column) {
    if (chance(4)) {
      absent(fields, name);
      return OptionalLong.empty();
    }
    long value = chance(3) ? random.nextLong(min, max == Long.MAX_VALUE ? max : max + 1)
        : Math.max(min, Math.min(max, random.nextLong(0, 100_000)));
    fields.add(name, whole(value, column));
    return OptionalLong.of(value);
  }

  private OptionalLong smallWholeField(Fields fields, String name, long min, long max) {
    if (chance(4)) {
      absent(fields, name);
      return OptionalLong.empty();
    }
    long value = random.nextLong(min, max + 1);
    fields.add(name, whole(value, true));
    return OptionalLong.of(value);
  }

  /** A whole number in one of the forms Matomo (and PHP) may use. */
  private Json whole(long value, boolean column) {
    String literal = Long.toString(value);
    boolean asText = column && numbersAsTexts ? !chance(10) : chance(5);
    if (!asText) {
      return Math.abs(value) < EXACT_DOUBLE && chance(8) ? new Json.Num(literal + ".0")
          : new Json.Num(literal);
    }
    return switch (random.nextInt(8)) {
      case 0 -> new Json.Text(" " + literal + " ");
      case 1 -> new Json.Text(literal + ".00");
      case 2 -> new Json.Text(value >= 0 ? "+" + literal : literal);
      default -> new Json.Text(literal);
    };
  }

  /** A non-blank text from many scripts: its first character is always visible. */
  String text() {
    int length = chance(10) ? random.nextInt(1, 200) : random.nextInt(1, 20);
    StringBuilder text = new StringBuilder(VISIBLE[random.nextInt(VISIBLE.length)]);
    while (text.length() < length) {
      text.append(ANY[random.nextInt(ANY.length)]);
    }
    return text.toString();
  }

  /** Any JSON value, nested at most {@code depth} deep. */
  private Json anyJson(int depth) {
    int pick = random.nextInt(depth > 0 ? 8 : 6);
    return switch (pick) {
      case 0 -> Json.Null.NULL;
      case 1 -> new Json.Bool(random.nextBoolean());
      case 2 -> new Json.Num(Long.toString(random.nextLong()));
      case 3 -> new Json.Num(String.format(Locale.ROOT, "%.3e", random.nextDouble(-1e300, 1e300)));
      case 4, 5 -> new Json.Text(text());
      case 6 -> {
        List<Json> elements = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          elements.add(anyJson(depth - 1));
        }
        yield new Json.Arr(elements);
      }
      default -> {
        Fields object = new Fields();
        for (int i = random.nextInt(4); i > 0; i--) {
          object.add("k" + i, anyJson(depth - 1));
        }
        yield object.shuffled(random);
      }
    };
  }

  private boolean chance(int oneIn) {
    return random.nextInt(oneIn) == 0;
  }

  /** The fields of an object being generated. */
  private static final class Fields {
    private final List<Map.Entry<String, Json>> entries = new ArrayList<>();

    void add(String name, Json value) {
      entries.add(Map.entry(name, value));
    }

    Json.Obj shuffled(SplittableRandom random) {
      List<Map.Entry<String, Json>> copy = new ArrayList<>(entries);
      Collections.shuffle(copy, new java.util.Random(random.nextLong()));
      return new Json.Obj(copy);
    }
  }
}
