package io.github.matomotracking.client;

import static io.github.matomotracking.client.LenientValues.ABSENT;
import static io.github.matomotracking.client.LenientValues.INVALID;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.matomotracking.model.Campaign;
import io.github.matomotracking.model.ImmutableCampaign;
import io.github.matomotracking.model.ImmutableVisit;
import io.github.matomotracking.model.ImmutableVisitAction;
import io.github.matomotracking.model.ImmutableVisitWarning;
import io.github.matomotracking.model.Visit;
import io.github.matomotracking.model.VisitAction;
import io.github.matomotracking.model.VisitWarning;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads one visit object from the parser in a single pass: a field the model knows is decoded
 * right away with the {@link LenientValues leniency rules}; any other field is only checked
 * against the limits. The visit's bytes, kept by {@link VisitBytes}, become its {@link Visit#raw()
 * raw} JSON, built when first asked for ({@link LazyRawObject}). One instance per cursor; not
 * thread-safe.
 */
final class VisitDecoder {

  /**
   * 1970-01-01T00:00:01Z: the earliest visit time accepted. Epoch 0 is PHP's "no date", and no
   * Matomo visit happened before 1970.
   */
  private static final long EARLIEST_SECOND = 1L;

  /** 9999-12-31T23:59:59Z: the latest visit time accepted (CRM date columns end there). */
  private static final long LATEST_SECOND = 253_402_300_799L;

  private static final String TIME = "a time in epoch seconds between 1970 and 9999";

  /** The visit fields the model reads; every other one is only checked against the limits. */
  private static final Set<String> VISIT_FIELDS = Set.of("idSite", "idVisit",
      "firstActionTimestamp", "lastActionTimestamp", "visitorId", "userId", "visitDuration",
      "actions", "truncatedActionsCount", "countryCode", "country", "regionCode", "region", "city",
      "latitude", "longitude", "referrerType", "referrerTypeName", "referrerName",
      "referrerKeyword", "referrerUrl", "campaignId", "campaignSource", "campaignMedium",
      "campaignName", "campaignKeyword", "campaignContent", "campaignGroup", "campaignPlacement",
      "operatingSystemName", "operatingSystemVersion", "deviceType", "deviceBrand", "deviceModel",
      "browserName", "visitIp", "languageCode");

  /** The action fields the model reads. */
  private static final Set<String> ACTION_FIELDS = Set.of("type", "url", "pageTitle", "title",
      "subtitle", "idpageview", "pageId", "pageIdAction", "timestamp", "timeSpent");

  private final JsonParser parser;
  private final JsonFactory factory;
  private final VisitBytes bytes;
  private final JsonNodeFactory nodes = JsonNodeFactory.instance;
  private final FieldNames visitNames = new FieldNames();
  private final FieldNames actionNames = new FieldNames();
  private final int maxValues;
  private final int maxChars;

  /**
   * Below this many bytes a visit cannot pass the text limits: a character takes at least one
   * byte, so its texts can neither exceed {@code maxCharsPerVisit} nor hold a text over
   * {@code maxStringLength}. Until a visit grows beyond it, texts the model does not use are
   * passed without being decoded.
   */
  private final long textSafeBytes;

  /** Whether texts of the current visit were passed without decoding or counting. */
  private boolean uncounted;

  /** JSON values read since {@link #startElement()}. */
  private int values;

  /** Characters of text (values and field names) read since {@link #startElement()}. */
  private long chars;

  /** What was wrong with the current visit's fields (it is kept nonetheless). */
  private final List<String> problems = new ArrayList<>();

  /** Whether a field of the current visit or of one of its actions was given twice. */
  private boolean repeatedField;

  /** The current visit's actions, set when its {@code actionDetails} is read. */
  private List<VisitAction> actions;

  /** The raw objects of the current visit's actions. */
  private final List<ObjectNode> actionRaws = new ArrayList<>();

  /** How many {@code actionDetails} arrays the current visit had so far. */
  private int actionArrays;

  /** Which of them the actions came from, or -1. */
  private int actionsField;

  /** The current visit's bytes, once complete. */
  private LazyRawObject.Source source;

  /** Where the current visit starts in the body. */
  private long visitStart;

  VisitDecoder(JsonParser parser, JsonFactory factory, VisitBytes bytes, ReaderOptions options) {
    this.parser = parser;
    this.factory = factory;
    this.bytes = bytes;
    this.maxValues = options.maxValuesPerVisit();
    this.maxChars = options.maxCharsPerVisit();
    this.textSafeBytes = Math.min(options.maxCharsPerVisit(), options.maxStringLength());
  }

  /** Starts counting values and text for a new element of the response (the per-visit limits). */
  void startElement() {
    values = 0;
    chars = 0;
  }

  /**
   * Reads the visit object whose {@code START_OBJECT} is the current token, up to its
   * {@code END_OBJECT}.
   *
   * @param position the visit's index in the response array
   * @param warnings receives the warnings about this visit
   * @return the visit, or null when it had to be skipped (a warning says why)
   * @throws IOException the JSON is broken or a limit was passed
   */
  Visit readVisit(int position, List<VisitWarning> warnings) throws IOException {
    countValue();
    problems.clear();
    repeatedField = false;
    uncounted = false;
    actions = List.of();
    actionRaws.clear();
    actionArrays = 0;
    actionsField = -1;
    source = new LazyRawObject.Source(factory);
    visitStart = parser.currentTokenLocation().getByteOffset();
    bytes.startVisit(visitStart);
    visitNames.clear();
    ImmutableVisit.Builder visit = ImmutableVisit.builder();
    ImmutableCampaign.Builder campaign = null;
    JsonNode siteNode = null;
    JsonNode visitNode = null;
    JsonNode firstActionNode = null;

    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      countChars(name.length());
      JsonToken token = parser.nextToken();
      boolean first = visitNames.add(name);
      if (!VISIT_FIELDS.contains(name)) {
        if ("actionDetails".equals(name)) {
          readActionDetails(token);
        } else {
          skipValue(token);
        }
        noteRepeated(first);
        continue;
      }
      JsonNode value = readValue(token);
      noteRepeated(first);
      long number;
      String text;
      switch (name) {
        case "idSite" -> siteNode = value;
        case "idVisit" -> visitNode = value;
        case "firstActionTimestamp" -> firstActionNode = value;
        case "lastActionTimestamp" -> visit.lastActionTime(instant(name, value));
        case "visitorId" -> visit.visitorId(visitorId(value));
        case "userId" -> visit.userId(text(name, value));
        case "visitDuration" -> {
          if ((number = count(name, value)) > INVALID) {
            visit.durationSeconds(number);
          }
        }
        case "actions" -> {
          if ((number = count(name, value)) > INVALID) {
            visit.actionCount(number);
          }
        }
        case "truncatedActionsCount" -> {
          if ((number = count(name, value)) > INVALID) {
            visit.truncatedActionsCount(number);
          }
        }
        case "countryCode" -> visit.countryCode(text(name, value));
        case "country" -> visit.countryName(text(name, value));
        case "regionCode" -> visit.regionCode(text(name, value));
        case "region" -> visit.regionName(text(name, value));
        case "city" -> visit.city(text(name, value));
        case "latitude" -> visit.latitude(textAsSent(name, value));
        case "longitude" -> visit.longitude(textAsSent(name, value));
        case "referrerType" -> visit.referrerType(text(name, value));
        case "referrerTypeName" -> visit.referrerTypeName(text(name, value));
        case "referrerName" -> visit.referrerName(text(name, value));
        case "referrerKeyword" -> visit.referrerKeyword(text(name, value));
        case "referrerUrl" -> visit.referrerUrl(text(name, value));
        case "campaignId" -> {
          if ((text = text(name, value)) != null) {
            campaign = campaign(campaign).id(text);
          }
        }
        case "campaignSource" -> {
          if ((text = text(name, value)) != null) {
            campaign = campaign(campaign).source(text);
          }
        }
        case "campaignMedium" -> {
          if ((text = text(name, value)) != null) {
            campaign = campaign(campaign).medium(text);
          }
        }
        case "campaignName" -> {
          if ((text = text(name, value)) != null) {
            campaign = campaign(campaign).name(text);
          }
        }
        case "campaignKeyword" -> {
          if ((text = text(name, value)) != null) {
            campaign = campaign(campaign).keyword(text);
          }
        }
        case "campaignContent" -> {
          if ((text = text(name, value)) != null) {
            campaign = campaign(campaign).content(text);
          }
        }
        case "campaignGroup" -> {
          if ((text = text(name, value)) != null) {
            campaign = campaign(campaign).group(text);
          }
        }
        case "campaignPlacement" -> {
          if ((text = text(name, value)) != null) {
            campaign = campaign(campaign).placement(text);
          }
        }
        case "operatingSystemName" -> visit.operatingSystemName(text(name, value));
        case "operatingSystemVersion" -> visit.operatingSystemVersion(text(name, value));
        case "deviceType" -> visit.deviceType(text(name, value));
        case "deviceBrand" -> visit.deviceBrand(text(name, value));
        case "deviceModel" -> visit.deviceModel(text(name, value));
        case "browserName" -> visit.browserName(text(name, value));
        case "visitIp" -> visit.ipAddress(text(name, value));
        case "languageCode" -> visit.languageCode(text(name, value));
        default -> {
          // not in the model: kept in raw only
        }
      }
    }

    long visitEnd = parser.currentLocation().getByteOffset();
    if (uncounted && visitEnd - visitStart > textSafeBytes) {
      recount(visitEnd);
    }
    long siteId = LenientValues.wholeNumber(siteNode);
    long visitId = LenientValues.wholeNumber(visitNode);
    long firstAction = LenientValues.wholeNumber(firstActionNode);
    boolean siteKnown = siteId > 0;
    boolean visitKnown = visitId > 0;
    boolean firstActionUsable = isInstant(firstAction);
    if (!siteKnown || !visitKnown || !firstActionUsable) {
      StringBuilder why = new StringBuilder("skipped: ");
      requiredProblem(why, "idSite", siteNode, siteId, siteKnown, "a positive whole number");
      requiredProblem(why, "idVisit", visitNode, visitId, visitKnown, "a positive whole number");
      requiredProblem(
          why, "firstActionTimestamp", firstActionNode, firstAction, firstActionUsable, TIME);
      warnings.add(warning(position, siteKnown ? siteId : ABSENT, visitKnown ? visitId : ABSENT,
          why.toString()));
      bytes.dropVisit();
      return null;
    }
    byte[] visitBytes = bytes.endVisit(visitEnd);
    source.complete(visitBytes);
    if (repeatedField) {
      fillRepeated(visitBytes);
    }
    for (String problem : problems) {
      warnings.add(warning(position, siteId, visitId, problem));
    }
    return visit
        .siteId(siteId)
        .visitId(visitId)
        .firstActionTime(Instant.ofEpochSecond(firstAction))
        .campaign(campaign == null ? Campaign.none() : campaign.build())
        .actions(actions)
        .raw(LazyRawObject.visit(source, List.copyOf(actionRaws), actionsField))
        .build();
  }

  /**
   * Reads any JSON value whose first token is {@code token} into a node, counting it against the
   * per-visit limit.
   *
   * @param token the value's first token (the parser's current token)
   * @return the node
   * @throws IOException the JSON is broken or a limit was passed
   */
  JsonNode readValue(JsonToken token) throws IOException {
    countValue();
    JsonNode scalar = RawNodes.scalar(parser, token);
    if (scalar != null) {
      if (scalar.isTextual()) {
        countChars(scalar.textValue().length());
      }
      return scalar;
    }
    if (token == JsonToken.START_OBJECT) {
      ObjectNode object = nodes.objectNode();
      for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
        countChars(name.length());
        object.set(name, readValue(parser.nextToken()));
      }
      return object;
    }
    ArrayNode array = nodes.arrayNode();
    for (JsonToken next = nextInArray(); next != JsonToken.END_ARRAY; next = nextInArray()) {
      array.add(readValue(next));
    }
    return array;
  }

  /**
   * Reads past a value the model does not use, checking it against the per-visit limits as
   * {@link #readValue(JsonToken)} does, without building it.
   *
   * @param token the value's first token
   * @throws IOException the JSON is broken or a limit was passed
   */
  private void skipValue(JsonToken token) throws IOException {
    countValue();
    if (token == null) {
      throw new JsonEOFException(parser, null, "Unexpected end of input in a value");
    }
    switch (token) {
      case VALUE_STRING -> {
        if (bytes.keptSinceVisitStart() <= textSafeBytes) {
          uncounted = true;
        } else {
          if (uncounted) {
            recount(parser.currentTokenLocation().getByteOffset());
          }
          countChars(parser.getText().length()); // getText checks maxStringLength
        }
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> {
        // nothing to count
      }
      case START_OBJECT -> {
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
          countChars(name.length());
          skipValue(parser.nextToken());
        }
      }
      case START_ARRAY -> {
        for (JsonToken next = nextInArray(); next != JsonToken.END_ARRAY; next = nextInArray()) {
          skipValue(next);
        }
      }
      default ->
          throw new JsonEOFException(parser, token, "Unexpected token " + token + " in a value");
    }
  }

  private void readActionDetails(JsonToken token) throws IOException {
    if (token != JsonToken.START_ARRAY) {
      JsonNode value = readValue(token);
      if (!isAbsent(value)) {
        problems.add("actionDetails is " + LenientValues.describe(value)
            + ", not an array; the visit is kept without actions");
      }
      return;
    }
    countValue();
    List<VisitAction> list = new ArrayList<>();
    actionRaws.clear();
    actionsField = actionArrays++;
    int index = 0;
    for (JsonToken next = nextInArray(); next != JsonToken.END_ARRAY; next = nextInArray()) {
      if (next == JsonToken.START_OBJECT) {
        list.add(readAction(index));
      } else {
        JsonNode value = readValue(next);
        problems.add("actionDetails[" + index + "] is " + LenientValues.describe(value)
            + ", not an action object; left out");
      }
      index++;
    }
    actions = list;
  }

  private VisitAction readAction(int index) throws IOException {
    countValue();
    int from = (int) (parser.currentTokenLocation().getByteOffset() - visitStart);
    ImmutableVisitAction.Builder action = ImmutableVisitAction.builder().position(index);
    String type = "";
    actionNames.clear();
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      countChars(name.length());
      JsonToken token = parser.nextToken();
      boolean first = actionNames.add(name);
      if (!ACTION_FIELDS.contains(name)) {
        skipValue(token);
        noteRepeated(first);
        continue;
      }
      JsonNode value = readValue(token);
      noteRepeated(first);
      long number;
      switch (name) {
        case "type" -> {
          String text = actionText(index, name, value);
          type = text == null ? "" : text;
        }
        case "url" -> action.url(actionText(index, name, value));
        case "pageTitle" -> action.pageTitle(actionText(index, name, value));
        case "title" -> action.title(actionText(index, name, value));
        case "subtitle" -> action.subtitle(actionText(index, name, value));
        case "idpageview" -> action.pageViewId(actionText(index, name, value));
        case "pageId" -> {
          if ((number = actionWhole(index, name, value, false)) > INVALID) {
            action.pageId(number);
          }
        }
        case "pageIdAction" -> {
          if ((number = actionWhole(index, name, value, false)) > INVALID) {
            action.pageIdAction(number);
          }
        }
        case "timestamp" -> {
          if ((number = actionWhole(index, name, value, false)) > INVALID) {
            action.shiftedTimestamp(number);
          }
        }
        case "timeSpent" -> {
          if ((number = actionWhole(index, name, value, true)) > INVALID) {
            action.timeSpentSeconds(number);
          }
        }
        default -> {
          // not in the model: kept in raw only
        }
      }
    }
    int to = (int) (parser.currentLocation().getByteOffset() - visitStart);
    ObjectNode raw = LazyRawObject.action(source, from, to);
    actionRaws.add(raw);
    return action.type(type).raw(raw).build();
  }

  /** A field given twice: its warning takes this place once the visit's bytes are complete. */
  private void noteRepeated(boolean first) {
    if (!first) {
      problems.add(null);
      repeatedField = true;
    }
  }

  private void fillRepeated(byte[] visitBytes) {
    Iterator<String> messages = RepeatedFields.in(factory, visitBytes).iterator();
    for (int i = 0; i < problems.size(); i++) {
      if (problems.get(i) == null) {
        problems.set(i, messages.next());
      }
    }
  }

  private JsonToken nextInArray() throws IOException {
    JsonToken next = parser.nextToken();
    if (next == null) {
      throw new JsonEOFException(parser, null, "Unexpected end of input in an array");
    }
    return next;
  }

  /**
   * Counts the text of the current visit exactly, from its first byte up to {@code to}, once
   * texts were passed uncounted and the visit grew too big to be sure of the limits; Jackson
   * checks each text's length on the way.
   *
   * @param to the body offset to count up to: the text about to be read, or the visit's end
   * @throws IOException a limit was passed
   */
  private void recount(long to) throws IOException {
    uncounted = false;
    long total = 0;
    try (JsonParser kept = bytes.parser(factory, visitStart, to)) {
      for (JsonToken token = kept.nextToken(); token != null; token = kept.nextToken()) {
        if (token == JsonToken.FIELD_NAME) {
          total += kept.currentName().length();
        } else if (token == JsonToken.VALUE_STRING) {
          total += kept.getText().length();
        }
      }
    } catch (JsonEOFException endOfKeptBytes) {
      // the bytes stop before the text about to be read
    } catch (StreamConstraintsException e) {
      throw new StreamConstraintsException(e.getOriginalMessage(), parser.currentLocation());
    }
    chars = total;
    countChars(0);
  }

  private void countValue() throws StreamConstraintsException {
    if (++values > maxValues) {
      throw new StreamConstraintsException(
          "one element of the response holds more than " + maxValues
              + " JSON values (ReaderOptions.maxValuesPerVisit)",
          parser.currentLocation());
    }
  }

  private void countChars(int length) throws StreamConstraintsException {
    chars += length;
    if (chars > maxChars) {
      throw new StreamConstraintsException(
          "one element of the response holds more than " + maxChars
              + " characters of text (ReaderOptions.maxCharsPerVisit)",
          parser.currentLocation());
    }
  }

  // ---- visit-level decoding, problems recorded for the warnings ----

  private String text(String field, JsonNode value) {
    String text = LenientValues.text(value);
    if (text == LenientValues.invalidText()) {
      problems.add(field + " is " + LenientValues.describe(value) + ", not a text; left out");
      return null;
    }
    return text;
  }

  /**
   * The visitorId: 16 hexadecimal characters or absent. Anything else cannot come from Matomo,
   * and would be unsafe to put into a segment later (a {@code ,} or {@code ;} rewrites it).
   */
  private String visitorId(JsonNode value) {
    String text = text("visitorId", value);
    if (text == null || isSixteenHex(text)) {
      return text;
    }
    problems.add("visitorId " + LenientValues.describe(value)
        + " is not 16 hexadecimal characters; left out");
    return null;
  }

  private static boolean isSixteenHex(String text) {
    if (text.length() != 16) {
      return false;
    }
    for (int i = 0; i < 16; i++) {
      char c = text.charAt(i);
      boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!hex) {
        return false;
      }
    }
    return true;
  }

  /** Latitude and longitude: a JSON number keeps the digits as Matomo wrote them. */
  private String textAsSent(String field, JsonNode value) throws IOException {
    if (value.isNumber()) {
      return parser.getText();
    }
    return text(field, value);
  }

  private long count(String field, JsonNode value) {
    long number = LenientValues.wholeNumber(value);
    if (number == INVALID) {
      problems.add(field + " " + LenientValues.describe(value) + " is not a whole number; left out");
    } else if (number != ABSENT && number < 0) {
      problems.add(field + " " + number + " is negative; left out");
      return INVALID;
    }
    return number;
  }

  private Instant instant(String field, JsonNode value) {
    long seconds = LenientValues.wholeNumber(value);
    if (seconds == ABSENT) {
      return null;
    }
    if (!isInstant(seconds)) {
      problems.add(field + " " + LenientValues.describe(value) + " is not " + TIME + "; left out");
      return null;
    }
    return Instant.ofEpochSecond(seconds);
  }

  // ---- action-level decoding ----

  private String actionText(int index, String field, JsonNode value) {
    String text = LenientValues.text(value);
    if (text == LenientValues.invalidText()) {
      problems.add("actionDetails[" + index + "]." + field + " is "
          + LenientValues.describe(value) + ", not a text; left out");
      return null;
    }
    return text;
  }

  private long actionWhole(int index, String field, JsonNode value, boolean nonNegative) {
    long number = LenientValues.wholeNumber(value);
    if (number == INVALID) {
      problems.add("actionDetails[" + index + "]." + field + " "
          + LenientValues.describe(value) + " is not a whole number; left out");
    } else if (nonNegative && number != ABSENT && number < 0) {
      problems.add("actionDetails[" + index + "]." + field + " " + number
          + " is negative; left out");
      return INVALID;
    }
    return number;
  }

  // ---- helpers ----

  /**
   * A field given twice in one object: JSON leaves its meaning open, PHP never writes it, so the
   * response is suspect; the last value is used, as most parsers do.
   */
  static String repeated(String field, JsonNode previous, JsonNode last) {
    return field + " appears more than once (" + LenientValues.describe(previous) + ", then "
        + LenientValues.describe(last) + "); the last value is used";
  }

  private static ImmutableCampaign.Builder campaign(ImmutableCampaign.Builder builder) {
    return builder != null ? builder : ImmutableCampaign.builder();
  }

  private static boolean isInstant(long seconds) {
    return seconds >= EARLIEST_SECOND && seconds <= LATEST_SECOND;
  }

  private static boolean isAbsent(JsonNode value) {
    return value.isNull()
        || (value.isBoolean() && !value.booleanValue())
        || (value.isTextual() && LenientValues.isBlank(value.textValue()));
  }

  private static void requiredProblem(
      StringBuilder why, String field, JsonNode node, long value, boolean usable, String wanted) {
    if (usable) {
      return;
    }
    if (why.length() > "skipped: ".length()) {
      why.append("; ");
    }
    if (value == ABSENT) {
      why.append(field).append(node == null ? " is missing" : " is empty");
    } else {
      why.append(field).append(' ').append(LenientValues.describe(node))
          .append(" is not ").append(wanted);
    }
  }

  static VisitWarning warning(int position, long siteId, long visitId, String message) {
    ImmutableVisitWarning.Builder warning =
        ImmutableVisitWarning.builder().position(position).message(message);
    if (siteId > 0) {
      warning.siteId(siteId);
    }
    if (visitId > 0) {
      warning.visitId(visitId);
    }
    return warning.build();
  }
}
