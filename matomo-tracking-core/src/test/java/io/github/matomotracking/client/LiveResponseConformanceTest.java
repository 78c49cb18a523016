package io.github.matomotracking.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.matomotracking.model.Visit;
import io.github.matomotracking.model.VisitAction;
import io.github.matomotracking.model.VisitWarning;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Conformance over the shared Matomo fixtures: every JSON file of {@code strings/}, {@code typed/}
 * and {@code typed-dated/} is read and checked against its XML original in {@code matomo-real/}
 * (real Matomo system-test output), parsed with the JDK's DOM. The fixtures are never copied into
 * the project; the folder comes from the system property {@code matomo.shared.dir}.
 */
class LiveResponseConformanceTest {

  private static final String ERROR_FIXTURE = "Live__test_disabledFeatures";
  private static final String TEST_ONLY_SUFFIX = " --> To temporarily debug";

  /** Visit-level text fields compared with the XML, by Matomo key. */
  private static final Map<String, Function<Visit, Optional<String>>> TEXT_FIELDS =
      new LinkedHashMap<>();

  static {
    TEXT_FIELDS.put("visitorId", Visit::visitorId);
    TEXT_FIELDS.put("userId", Visit::userId);
    TEXT_FIELDS.put("countryCode", Visit::countryCode);
    TEXT_FIELDS.put("country", Visit::countryName);
    TEXT_FIELDS.put("regionCode", Visit::regionCode);
    TEXT_FIELDS.put("region", Visit::regionName);
    TEXT_FIELDS.put("city", Visit::city);
    TEXT_FIELDS.put("latitude", Visit::latitude);
    TEXT_FIELDS.put("longitude", Visit::longitude);
    TEXT_FIELDS.put("referrerType", Visit::referrerType);
    TEXT_FIELDS.put("referrerTypeName", Visit::referrerTypeName);
    TEXT_FIELDS.put("referrerName", Visit::referrerName);
    TEXT_FIELDS.put("referrerKeyword", Visit::referrerKeyword);
    TEXT_FIELDS.put("referrerUrl", Visit::referrerUrl);
    TEXT_FIELDS.put("campaignName", visit -> visit.campaign().name());
    TEXT_FIELDS.put("campaignSource", visit -> visit.campaign().source());
    TEXT_FIELDS.put("campaignMedium", visit -> visit.campaign().medium());
    TEXT_FIELDS.put("operatingSystemName", Visit::operatingSystemName);
    TEXT_FIELDS.put("operatingSystemVersion", Visit::operatingSystemVersion);
    TEXT_FIELDS.put("deviceType", Visit::deviceType);
    TEXT_FIELDS.put("deviceBrand", Visit::deviceBrand);
    TEXT_FIELDS.put("deviceModel", Visit::deviceModel);
    TEXT_FIELDS.put("browserName", Visit::browserName);
    TEXT_FIELDS.put("visitIp", Visit::ipAddress);
    TEXT_FIELDS.put("languageCode", Visit::languageCode);
  }

  private final LiveResponseReader reader = new LiveResponseReader();
  private final ObjectMapper plainJackson = new ObjectMapper();

  /** The shared fixtures folder, or null when the property or the folder is missing. */
  private static Path sharedFixtures() {
    String shared = System.getProperty("matomo.shared.dir");
    if (shared == null || shared.isBlank()) {
      return null;
    }
    Path fixtures = Path.of(shared, "fixtures");
    return Files.isDirectory(fixtures.resolve("matomo-live-json")) ? fixtures : null;
  }

  /** Shows up as skipped, with the reason, when the conformance suite below cannot run. */
  @Test
  void sharedFixturesArePresent() {
    assumeTrue(sharedFixtures() != null,
        "the shared Matomo fixtures are absent (system property matomo.shared.dir="
            + System.getProperty("matomo.shared.dir")
            + "): the conformance suite over them is skipped");
  }

  @TestFactory
  Stream<DynamicNode> everySharedFixtureMatchesItsXmlOriginal() throws IOException {
    Path fixtures = sharedFixtures();
    if (fixtures == null) {
      return Stream.empty(); // sharedFixturesArePresent() reports the skip
    }
    Path xmlDir = fixtures.resolve("matomo-real");

    List<DynamicNode> variants = new ArrayList<>();
    for (String variant : List.of("strings", "typed", "typed-dated")) {
      Path dir = fixtures.resolve("matomo-live-json").resolve(variant);
      List<Path> files;
      try (Stream<Path> listing = Files.list(dir)) {
        files = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
      }
      assertThat(files).as("JSON fixtures in %s", dir).hasSize(30);
      List<DynamicNode> tests = new ArrayList<>();
      int[] totals = new int[2]; // read, rows
      for (Path json : files) {
        String base = json.getFileName().toString().replaceFirst("\\.json$", "");
        Path xml = xmlDir.resolve(base + ".xml");
        tests.add(DynamicTest.dynamicTest(base, () -> checkFile(variant, json, xml, totals)));
      }
      if (variant.equals("typed-dated")) {
        tests.add(DynamicTest.dynamicTest("nearly every visit of typed-dated is read", () -> {
          assertThat(totals[1]).as("rows seen").isGreaterThan(200);
          assertThat(totals[0]).as("visits read of %d", totals[1])
              .isGreaterThanOrEqualTo(totals[1] * 9 / 10);
        }));
      }
      variants.add(DynamicContainer.dynamicContainer(variant, tests));
    }
    return variants.stream();
  }

  private void checkFile(String variant, Path json, Path xml, int[] totals) throws Exception {
    assertThat(xml).as("XML original of %s", json.getFileName()).exists();
    Element result = parseXml(xml).getDocumentElement();
    List<Element> rows = children(result, "row");
    String base = json.getFileName().toString();

    List<Visit> visits = new ArrayList<>();
    List<VisitWarning> warnings = new ArrayList<>();
    if (base.startsWith(ERROR_FIXTURE)) {
      String xmlMessage = children(result, "error").get(0).getAttribute("message");
      String expected = xmlMessage.substring(0, xmlMessage.indexOf(TEST_ONLY_SUFFIX)).trim();
      MatomoBadRequestException error = catchThrowableOfType(MatomoBadRequestException.class,
          () -> read(json, visits, warnings));
      assertThat(error.matomoMessage()).contains(expected);
      assertThat(error.getMessage()).contains("Visits log is deactivated globally");
      return;
    }

    ReadSummary summary = read(json, visits, warnings);

    assertThat(summary.visitsRead() + summary.visitsSkipped())
        .as("visits read + skipped = XML rows").isEqualTo(rows.size());
    JsonNode tree = plainJackson.readTree(json.toFile());
    List<Integer> expectedRead = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      JsonNode visit = tree.get(i);
      boolean usable = present(visit, "idSite") && present(visit, "idVisit")
          && present(visit, "firstActionTimestamp");
      if (!variant.equals("typed-dated")) {
        Element row = rows.get(i);
        boolean usableInXml = !text(row, "idSite").isEmpty() && !text(row, "idVisit").isEmpty()
            && !text(row, "firstActionTimestamp").isEmpty();
        assertThat(usable).as("row %d: JSON and XML agree on the visit's keys", i)
            .isEqualTo(usableInXml);
      }
      if (usable) {
        expectedRead.add(i);
      }
    }
    assertThat(visits).as("visits read").hasSize(expectedRead.size());
    assertThat(summary.visitsRead()).isEqualTo(expectedRead.size());
    totals[0] += visits.size();
    totals[1] += rows.size();

    for (int k = 0; k < visits.size(); k++) {
      compare(visits.get(k), rows.get(expectedRead.get(k)), expectedRead.get(k));
    }

    assertThat(warnings).as("one warning per skipped visit, none for fields")
        .hasSize(rows.size() - expectedRead.size());
    for (VisitWarning warning : warnings) {
      int position = (int) warning.position().orElseThrow();
      assertThat(expectedRead).doesNotContain(position);
      Element row = rows.get(position);
      assertThat(warning.message()).startsWith("skipped: ");
      for (String key : List.of("idSite", "idVisit", "firstActionTimestamp")) {
        boolean missing = !present(tree.get(position), key);
        assertThat(warning.message().contains(key + " is missing")
            || warning.message().contains(key + " is empty"))
            .as("warning %s names missing %s", warning.describe(), key).isEqualTo(missing);
      }
      if (!text(row, "idVisit").isEmpty()) {
        assertThat(warning.visitId()).hasValue(Long.parseLong(text(row, "idVisit")));
        assertThat(warning.describe()).contains(text(row, "idVisit"));
      }
      assertThat(warning.describe()).contains("#" + position + " in the response");
    }
  }

  private void compare(Visit visit, Element row, int position) {
    String where = "row " + position;
    assertThat(visit.visitId()).as(where).isEqualTo(Long.parseLong(text(row, "idVisit")));
    assertThat(visit.siteId()).as(where).isEqualTo(Long.parseLong(text(row, "idSite")));
    List<Element> xmlActions = actionRows(row);
    assertThat(visit.actions()).as("%s actions", where).hasSize(xmlActions.size());
    for (int a = 0; a < xmlActions.size(); a++) {
      VisitAction action = visit.actions().get(a);
      Element xmlAction = xmlActions.get(a);
      assertThat(action.position()).isEqualTo(a);
      assertThat(action.type()).as("%s action %d type", where, a).isEqualTo(text(xmlAction, "type"));
      assertThat(action.url()).as("%s action %d url", where, a)
          .isEqualTo(optional(text(xmlAction, "url")));
      assertThat(action.pageTitle()).as("%s action %d pageTitle", where, a)
          .isEqualTo(optional(text(xmlAction, "pageTitle")));
      assertThat(show(action.timeSpentSeconds())).as("%s action %d timeSpent", where, a)
          .isEqualTo(text(xmlAction, "timeSpent"));
    }
    for (Map.Entry<String, Function<Visit, Optional<String>>> field : TEXT_FIELDS.entrySet()) {
      assertThat(field.getValue().apply(visit)).as("%s %s", where, field.getKey())
          .isEqualTo(optional(text(row, field.getKey())));
    }
    assertThat(show(visit.durationSeconds())).as("%s visitDuration", where)
        .isEqualTo(text(row, "visitDuration"));
    assertThat(show(visit.actionCount())).as("%s actions", where).isEqualTo(text(row, "actions"));
  }

  private ReadSummary read(Path json, List<Visit> visits, List<VisitWarning> warnings)
      throws IOException {
    try (InputStream in = Files.newInputStream(json)) {
      return reader.read(in, 200, visits::add, warnings::add);
    }
  }

  // ---------------------------------------------------------------- XML and JSON helpers

  private static Document parseXml(Path xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setExpandEntityReferences(false);
    return factory.newDocumentBuilder().parse(xml.toFile());
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element element && element.getTagName().equals(name)) {
        found.add(element);
      }
    }
    return found;
  }

  private static List<Element> actionRows(Element visitRow) {
    List<Element> details = children(visitRow, "actionDetails");
    return details.isEmpty() ? List.of() : children(details.get(0), "row");
  }

  /** The text of a leaf child, "" when absent or empty. */
  private static String text(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? "" : found.get(0).getTextContent();
  }

  private static Optional<String> optional(String xmlText) {
    return xmlText.isBlank() ? Optional.empty() : Optional.of(xmlText);
  }

  private static String show(java.util.OptionalLong value) {
    return value.isPresent() ? Long.toString(value.getAsLong()) : "";
  }

  private static boolean present(JsonNode visit, String key) {
    JsonNode value = visit.get(key);
    return value != null && !value.isNull() && !value.asText().isBlank();
  }
}
