package io.github.matomotracking.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The warnings about fields given twice in a visit or in one of its actions, worked out from the
 * visit's kept bytes once reading noticed a repeated name (rare: PHP never writes one), since
 * the warning quotes both values and reading keeps only the values the model uses.
 */
final class RepeatedFields {

  private RepeatedFields() {}

  /**
   * The warnings, in the order reading meets the repeated fields.
   *
   * @param factory the reader's factory
   * @param visit the visit object's bytes
   * @return one message per repetition
   */
  static List<String> in(JsonFactory factory, byte[] visit) {
    List<String> messages = new ArrayList<>();
    try (JsonParser parser = factory.createParser(visit)) {
      parser.nextToken();
      Map<String, JsonNode> seen = new HashMap<>();
      for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
        JsonToken token = parser.nextToken();
        JsonNode value = token == JsonToken.START_ARRAY && "actionDetails".equals(name)
            ? actionDetails(parser, messages)
            : RawNodes.value(parser, token);
        note(seen, name, name, value, messages);
      }
    } catch (IOException e) {
      throw new IllegalStateException("the kept JSON of a visit cannot be read again", e);
    }
    return messages;
  }

  private static JsonNode actionDetails(JsonParser parser, List<String> messages)
      throws IOException {
    int index = 0;
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY;
        token = parser.nextToken(), index++) {
      if (token != JsonToken.START_OBJECT) {
        RawNodes.value(parser, token);
        continue;
      }
      Map<String, JsonNode> seen = new HashMap<>();
      for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
        JsonNode value = RawNodes.value(parser, parser.nextToken());
        note(seen, name, "actionDetails[" + index + "]." + name, value, messages);
      }
    }
    return JsonNodeFactory.instance.arrayNode();
  }

  private static void note(Map<String, JsonNode> seen, String name, String field,
      JsonNode value, List<String> messages) {
    JsonNode previous = seen.put(name, value);
    if (previous != null) {
      messages.add(VisitDecoder.repeated(field, previous, value));
    }
  }
}
