package io.github.matomotracking.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The field sets the generator copies: visit objects (without their actions) and action objects
 * by type. Either read at run time from a folder of real Matomo responses (the shared fixtures,
 * which are never copied into this project), or the built-in sets of {@link BuiltInTemplates}.
 * The generator overrides every value that varies (ids, times, referrer, geo, campaign, URLs);
 * the other fields are written as the template has them.
 */
public final class VisitTemplates {

  /** The action types the generator produces. */
  public static final List<String> ACTION_TYPES =
      List.of("action", "download", "outlink", "event", "search", "goal", "13");

  /** System property naming the shared folder; the fixtures are under it. */
  public static final String SHARED_DIR_PROPERTY = "matomo.shared.dir";

  /** Where the typed, dated fixtures sit below the shared folder. */
  public static final String FIXTURES_BELOW_SHARED = "fixtures/matomo-live-json/typed-dated";

  private final String origin;
  private final List<ObjectNode> visits;
  private final Map<String, List<ObjectNode>> actionsByType;

  private VisitTemplates(String origin, List<ObjectNode> visits,
      Map<String, List<ObjectNode>> actionsByType) {
    this.origin = origin;
    this.visits = List.copyOf(visits);
    this.actionsByType = actionsByType;
  }

  /**
   * The built-in field sets.
   *
   * @return the templates
   */
  public static VisitTemplates builtIn() {
    Map<String, List<ObjectNode>> actions = new LinkedHashMap<>();
    for (String type : ACTION_TYPES) {
      actions.put(type, List.of(BuiltInTemplates.action(type)));
    }
    return new VisitTemplates("built-in field sets", List.of(BuiltInTemplates.visit()), actions);
  }

  /**
   * Templates from a folder of Live responses ({@code *.json}, each an array of visits). Action
   * types the folder lacks come from the built-in sets.
   *
   * @param dir the folder
   * @return the templates
   * @throws UncheckedIOException when the folder cannot be read
   * @throws IllegalArgumentException when it holds no visit
   */
  public static VisitTemplates fromDirectory(Path dir) {
    ObjectMapper mapper = new ObjectMapper();
    List<ObjectNode> visits = new ArrayList<>();
    Map<String, List<ObjectNode>> actions = new LinkedHashMap<>();
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.json")) {
      stream.forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the template folder " + dir, e);
    }
    Collections.sort(files); // the folder order is not stable; the output must be
    for (Path file : files) {
      JsonNode root;
      try {
        root = mapper.readTree(file.toFile());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the template file " + file, e);
      }
      if (!(root instanceof ArrayNode)) {
        continue; // an error response
      }
      for (JsonNode element : root) {
        if (element instanceof ObjectNode visit) {
          collect(visit, visits, actions);
        }
      }
    }
    if (visits.isEmpty()) {
      throw new IllegalArgumentException("no visit object in the *.json files of " + dir);
    }
    for (String type : ACTION_TYPES) {
      actions.computeIfAbsent(type, t -> List.of(BuiltInTemplates.action(t)));
    }
    return new VisitTemplates(files.size() + " files of " + dir, visits, actions);
  }

  /**
   * The templates to use: the folder given, else the fixtures below the folder named by the
   * system property {@value #SHARED_DIR_PROPERTY} when it exists, else the built-in sets.
   *
   * @param dir the folder from the command line, or null
   * @return the templates
   */
  public static VisitTemplates choose(Path dir) {
    if (dir != null) {
      return fromDirectory(dir);
    }
    return sharedFixtures().map(VisitTemplates::fromDirectory).orElseGet(VisitTemplates::builtIn);
  }

  /**
   * The shared fixtures folder, when the system property names a folder that holds it.
   *
   * @return the folder, or empty
   */
  public static Optional<Path> sharedFixtures() {
    String shared = System.getProperty(SHARED_DIR_PROPERTY);
    if (shared == null || shared.isBlank()) {
      return Optional.empty();
    }
    Path dir = Path.of(shared).resolve(FIXTURES_BELOW_SHARED);
    return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
  }

  private static void collect(ObjectNode visit, List<ObjectNode> visits,
      Map<String, List<ObjectNode>> actions) {
    JsonNode details = visit.get("actionDetails");
    if (details instanceof ArrayNode array) {
      for (JsonNode action : array) {
        JsonNode type = action.get("type");
        if (action instanceof ObjectNode object && type != null && type.isTextual()
            && ACTION_TYPES.contains(type.textValue())) {
          ObjectNode copy = object.deepCopy();
          copy.remove("_synthetic");
          actions.computeIfAbsent(type.textValue(), t -> new ArrayList<>()).add(copy);
        }
      }
    }
    ObjectNode copy = visit.deepCopy();
    copy.remove("_synthetic"); // the fixture converter's marker, not Matomo's
    copy.set("actionDetails", JsonNodeFactory.instance.arrayNode());
    visits.add(copy);
  }

  /**
   * Where the templates come from, for the report.
   *
   * @return a short description
   */
  public String origin() {
    return origin;
  }

  /**
   * The visit templates ({@code actionDetails} empty).
   *
   * @return the templates
   */
  public List<ObjectNode> visits() {
    return visits;
  }

  /**
   * The action templates of one type.
   *
   * @param type one of {@link #ACTION_TYPES}
   * @return at least one template
   */
  public List<ObjectNode> actions(String type) {
    List<ObjectNode> list = actionsByType.get(type);
    if (list == null || list.isEmpty()) {
      throw new IllegalArgumentException("no template for action type " + type);
    }
    return list;
  }
}
