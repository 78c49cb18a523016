package io.github.matomotracking.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.AbstractMap;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields of a raw JSON object read from the visit's kept bytes on first use: behind an
 * ordinary {@link ObjectNode}, so {@code Visit.raw()} and {@code VisitAction.raw()} look and
 * behave as before (equal to the tree Jackson would build, mutable like it), while a visit whose
 * raw JSON nobody reads never builds it.
 *
 * <p>Safe to read from several threads: the fields are built once, under a lock, and published
 * through a volatile field. A visit's {@code actionDetails} holds the very nodes its actions
 * give as their raw JSON.
 */
final class LazyRawObject extends AbstractMap<String, JsonNode> {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The bytes of one visit, shared by its raw object and those of its actions. */
  static final class Source {
    private final JsonFactory factory;
    private volatile byte[] bytes;

    /**
     * A source whose bytes come when the visit has been read to its end.
     *
     * @param factory the reader's factory, with its limits
     */
    Source(JsonFactory factory) {
      this.factory = factory;
    }

    /**
     * Sets the visit's bytes, before any raw object built on them is handed out.
     *
     * @param visitBytes the visit object's bytes, brace to brace
     */
    void complete(byte[] visitBytes) {
      this.bytes = visitBytes;
    }
  }

  private final Source source;
  private final int from;
  private final int to;
  /** For a visit: its actions' raw nodes, in order; empty for an action. */
  private final List<ObjectNode> actions;
  /** For a visit: which {@code actionDetails} field (0 for the first) the actions came from. */
  private final int actionsField;
  private volatile Map<String, JsonNode> fields;

  private LazyRawObject(
      Source source, int from, int to, List<ObjectNode> actions, int actionsField) {
    this.source = source;
    this.from = from;
    this.to = to;
    this.actions = actions;
    this.actionsField = actionsField;
  }

  /**
   * The raw object of a whole visit.
   *
   * @param source the visit's bytes
   * @param actions the raw objects of its actions, to stand in {@code actionDetails}
   * @param actionsField which {@code actionDetails} field the actions came from (0 for the
   *     first), or -1 when none was an array
   * @return the object node
   */
  static ObjectNode visit(Source source, List<ObjectNode> actions, int actionsField) {
    return new ObjectNode(NODES, new LazyRawObject(source, 0, -1, actions, actionsField));
  }

  /**
   * The raw object of one action of a visit.
   *
   * @param source the visit's bytes
   * @param from where the action's object starts in the visit's bytes
   * @param to where it ends (exclusive)
   * @return the object node
   */
  static ObjectNode action(Source source, int from, int to) {
    return new ObjectNode(NODES, new LazyRawObject(source, from, to, List.of(), -1));
  }

  private Map<String, JsonNode> fields() {
    Map<String, JsonNode> built = fields;
    if (built == null) {
      synchronized (this) {
        built = fields;
        if (built == null) {
          built = build();
          fields = built;
        }
      }
    }
    return built;
  }

  private Map<String, JsonNode> build() {
    byte[] bytes = source.bytes;
    int end = to < 0 ? bytes.length : to;
    Map<String, JsonNode> built = new LinkedHashMap<>();
    try (JsonParser parser = source.factory.createParser(bytes, from, end - from)) {
      parser.nextToken();
      int actionDetails = 0;
      for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
        JsonToken token = parser.nextToken();
        boolean theActions = token == JsonToken.START_ARRAY && "actionDetails".equals(name)
            && actionDetails++ == actionsField;
        built.put(name, theActions ? actionDetails(parser) : RawNodes.value(parser, token));
      }
    } catch (IOException e) {
      // the reader read these very bytes with the same limits before keeping them
      throw new IllegalStateException("the kept JSON of a visit cannot be read again", e);
    }
    return built;
  }

  private ArrayNode actionDetails(JsonParser parser) throws IOException {
    ArrayNode array = NODES.arrayNode();
    int next = 0;
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY;
        token = parser.nextToken()) {
      if (token == JsonToken.START_OBJECT) {
        array.add(actions.get(next++));
        parser.skipChildren();
      } else {
        array.add(RawNodes.value(parser, token));
      }
    }
    return array;
  }

  @Override
  public Set<Entry<String, JsonNode>> entrySet() {
    return fields().entrySet();
  }

  @Override
  public Set<String> keySet() {
    return fields().keySet();
  }

  @Override
  public Collection<JsonNode> values() {
    return fields().values();
  }

  @Override
  public int size() {
    return fields().size();
  }

  @Override
  public boolean isEmpty() {
    return fields().isEmpty();
  }

  @Override
  public boolean containsKey(Object key) {
    return fields().containsKey(key);
  }

  @Override
  public JsonNode get(Object key) {
    return fields().get(key);
  }

  @Override
  public JsonNode put(String key, JsonNode value) {
    return fields().put(key, value);
  }

  @Override
  public JsonNode remove(Object key) {
    return fields().remove(key);
  }

  @Override
  public void putAll(Map<? extends String, ? extends JsonNode> map) {
    fields().putAll(map);
  }

  @Override
  public void clear() {
    fields().clear();
  }
}
