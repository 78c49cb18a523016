// TEMPORARY: replaced by the reader branch at merge
package io.github.matomotracking.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.matomotracking.model.Campaign;
import io.github.matomotracking.model.ImmutableVisit;
import io.github.matomotracking.model.Visit;
import io.github.matomotracking.model.VisitAction;
import io.github.matomotracking.model.VisitWarning;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Pull-style reading of a Live.getLastVisitsDetails response (temporary, minimal). */
public final class VisitCursor implements Closeable {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final InputStream body;
  private final int httpStatus;
  private final JsonParser parser;
  private final List<VisitWarning> warnings = new ArrayList<>();
  private int read;
  private int skipped;
  private int position;
  private boolean finished;

  VisitCursor(InputStream body, int httpStatus) {
    this.body = body;
    this.httpStatus = httpStatus;
    try {
      this.parser = MAPPER.getFactory().createParser(body);
      JsonToken first = parser.nextToken();
      if (first == JsonToken.START_ARRAY) {
        return;
      }
      if (first == JsonToken.START_OBJECT) {
        JsonNode node = MAPPER.readTree(parser);
        if ("error".equals(node.path("result").asText())) {
          throw MatomoErrors.fromErrorBody(httpStatus, node.path("message").asText(""));
        }
      }
      throw new MatomoUnreadableResponseException(
          "the response is not a list of visits", httpStatus, null, null);
    } catch (JsonProcessingException e) {
      throw new MatomoUnreadableResponseException(
          "the response is not JSON (an HTML page?)", httpStatus, null, e);
    } catch (IOException e) {
      throw new MatomoTruncatedResponseException("the response ended early", httpStatus, 0, e);
    }
  }

  /**
   * The next visit, or null at the end.
   *
   * @return the visit or null
   */
  public Visit next() {
    while (!finished) {
      JsonToken token;
      try {
        token = parser.nextToken();
        if (token == JsonToken.END_ARRAY) {
          finished = true;
          return null;
        }
        if (token != JsonToken.START_OBJECT) {
          throw new MatomoTruncatedResponseException(
              "the response ended in the middle of the list", httpStatus, read, null);
        }
        ObjectNode node = MAPPER.readTree(parser);
        int at = position++;
        Visit visit = toVisit(node, at);
        if (visit != null) {
          read++;
          return visit;
        }
        skipped++;
      } catch (IOException e) {
        throw new MatomoTruncatedResponseException(
            "the response ended in the middle of the list", httpStatus, read, e);
      }
    }
    return null;
  }

  private Visit toVisit(ObjectNode node, int at) {
    JsonNode site = node.get("idSite");
    JsonNode visit = node.get("idVisit");
    JsonNode first = node.get("firstActionTimestamp");
    if (site == null || visit == null || first == null) {
      warnings.add(VisitWarning.builder().position(at).message("idSite, idVisit or firstActionTimestamp missing").build());
      return null;
    }
    ImmutableVisit.Builder builder = Visit.builder()
        .siteId(site.asLong())
        .visitId(visit.asLong())
        .firstActionTime(Instant.ofEpochSecond(first.asLong()))
        .campaign(Campaign.none())
        .raw(node);
    JsonNode last = node.get("lastActionTimestamp");
    if (last != null && !last.isNull()) {
      builder.lastActionTime(Instant.ofEpochSecond(last.asLong()));
    }
    JsonNode visitorId = node.get("visitorId");
    if (visitorId != null && visitorId.isTextual() && !visitorId.asText().isBlank()) {
      builder.visitorId(visitorId.asText());
    }
    JsonNode userId = node.get("userId");
    if (userId != null && userId.isTextual() && !userId.asText().isBlank()) {
      builder.userId(userId.asText());
    }
    JsonNode actions = node.get("actionDetails");
    if (actions != null && actions.isArray()) {
      int i = 0;
      for (JsonNode action : actions) {
        builder.addActions(VisitAction.builder()
            .position(i++)
            .type(action.path("type").asText(""))
            .build());
      }
    }
    return builder.build();
  }

  /**
   * Warnings raised since the last call.
   *
   * @return the warnings, oldest first
   */
  public List<VisitWarning> drainWarnings() {
    List<VisitWarning> out = List.copyOf(warnings);
    warnings.clear();
    return out;
  }

  /**
   * Visits read so far.
   *
   * @return the count
   */
  public int visitsRead() {
    return read;
  }

  /**
   * Visit objects skipped so far.
   *
   * @return the count
   */
  public int visitsSkipped() {
    return skipped;
  }

  @Override
  public void close() throws IOException {
    try {
      parser.close();
    } finally {
      body.close();
    }
  }
}
