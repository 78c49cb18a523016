package io.github.matomotracking.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * How a JSON value of the response becomes a node of the raw JSON: texts stay texts, whole
 * numbers become int, long or big-integer nodes, numbers with a fraction double nodes, and a field
 * given twice keeps its last value (in the place of the first).
 */
final class RawNodes {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private RawNodes() {}

  /**
   * The node of a scalar value.
   *
   * @param parser the parser, on the value's token
   * @param token the value's token
   * @return the node, or null when the token starts an object or an array
   * @throws IOException the JSON is broken
   */
  static JsonNode scalar(JsonParser parser, JsonToken token) throws IOException {
    if (token == null) {
      throw new JsonEOFException(parser, null, "Unexpected end of input in a value");
    }
    switch (token) {
      case VALUE_STRING:
        return NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT:
        switch (parser.getNumberType()) {
          case INT:
            return NODES.numberNode(parser.getIntValue());
          case LONG:
            return NODES.numberNode(parser.getLongValue());
          default:
            return NODES.numberNode(parser.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(parser.getDoubleValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      case START_OBJECT:
      case START_ARRAY:
        return null;
      default:
        throw new JsonEOFException(parser, token, "Unexpected token " + token + " in a value");
    }
  }

  /**
   * The node of any value, read to its end.
   *
   * @param parser the parser, on the value's first token
   * @param token the value's first token
   * @return the node
   * @throws IOException the JSON is broken
   */
  static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
    JsonNode scalar = scalar(parser, token);
    if (scalar != null) {
      return scalar;
    }
    if (token == JsonToken.START_OBJECT) {
      ObjectNode object = NODES.objectNode();
      for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
        object.set(name, value(parser, parser.nextToken()));
      }
      return object;
    }
    ArrayNode array = NODES.arrayNode();
    for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY;
        next = parser.nextToken()) {
      array.add(value(parser, next));
    }
    return array;
  }
}
