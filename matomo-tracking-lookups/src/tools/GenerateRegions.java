/*
 * Generates src/main/resources/io/github/matomotracking/lookups/defaults/regions.csv from the
 * Unicode CLDR XML files. Run it by hand when moving to a newer CLDR release; it is not part of
 * the build. On Debian the CLDR files come with the package unicode-cldr-core:
 *
 *   apt-get install -y unicode-cldr-core
 *   java matomo-tracking-lookups/src/tools/GenerateRegions.java /usr/share/unicode/cldr/common \
 *       matomo-tracking-lookups/src/main/resources/io/github/matomotracking/lookups/defaults/regions.csv
 *
 * What it writes: one row per subdivision that CLDR's validity data lists as "regular" (current
 * ISO 3166-2 codes; deprecated and unknown codes are left out), with
 *   id       name-based UUID (v3) of "matomo-tracking/region/" + COUNTRY + "-" + CODE, the same
 *            derivation as DefaultLookups.regionId, so ids never change between CLDR releases
 *   country  ISO 3166-1 alpha-2 code in upper case
 *   code     the subdivision code without the country prefix, in upper case, as Matomo sends it
 *   name     the English name from common/subdivisions/en.xml; CLDR's disambiguation marks
 *            (trailing superscript digits such as in "Ile-de-France²") are removed
 * Rows are sorted by country, then code. The tool stops with an error when a regular code has no
 * English name, so a new CLDR release cannot silently drop a region.
 */

import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

public final class GenerateRegions {

  private GenerateRegions() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: java GenerateRegions.java <cldr common dir> <output regions.csv>");
      System.exit(2);
    }
    Path common = Path.of(args[0]);
    Path out = Path.of(args[1]);
    List<String> regular = regularCodes(parse(common.resolve("validity/subdivision.xml")));
    Map<String, String> names = englishNames(parse(common.resolve("subdivisions/en.xml")));

    Map<String, String[]> rows = new TreeMap<>();
    List<String> unnamed = new ArrayList<>();
    for (String id : regular) {
      String name = names.get(id);
      if (name == null) {
        unnamed.add(id);
        continue;
      }
      String country = id.substring(0, 2).toUpperCase(Locale.ROOT);
      String code = id.substring(2).toUpperCase(Locale.ROOT);
      rows.put(country + "-" + code, new String[] {regionId(country, code), country, code, name});
    }
    if (!unnamed.isEmpty()) {
      throw new IllegalStateException("regular subdivisions without an English name: " + unnamed);
    }
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      w.write("id,country,code,name\n");
      for (String[] row : rows.values()) {
        w.write(String.join(",", csv(row[0]), csv(row[1]), csv(row[2]), csv(row[3])));
        w.write('\n');
      }
    }
    System.err.println("wrote " + rows.size() + " regions to " + out);
  }

  /** Same derivation as DefaultLookups.regionId. */
  static String regionId(String country, String code) {
    String key = "matomo-tracking/region/" + country + "-" + code;
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static Document parse(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setValidating(false);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    DocumentBuilder builder = factory.newDocumentBuilder();
    // The files name a DTD; never fetch or read it.
    builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
    return builder.parse(file.toFile());
  }

  /** Expands the "regular" id list, where "ad02~8" stands for ad02 ad03 ... ad08. */
  private static List<String> regularCodes(Document validity) {
    NodeList ids = validity.getElementsByTagName("id");
    for (int i = 0; i < ids.getLength(); i++) {
      Element id = (Element) ids.item(i);
      if ("subdivision".equals(id.getAttribute("type"))
          && "regular".equals(id.getAttribute("idStatus"))) {
        List<String> codes = new ArrayList<>();
        for (String token : id.getTextContent().trim().split("\\s+")) {
          int tilde = token.indexOf('~');
          if (tilde < 0) {
            codes.add(token);
            continue;
          }
          String first = token.substring(0, tilde);
          String last = token.substring(tilde + 1);
          if (last.length() != 1) {
            throw new IllegalStateException("unexpected range " + token);
          }
          String prefix = first.substring(0, first.length() - 1);
          for (char c = first.charAt(first.length() - 1); c <= last.charAt(0); c++) {
            codes.add(prefix + c);
          }
        }
        return codes;
      }
    }
    throw new IllegalStateException("no regular subdivision ids in the validity file");
  }

  private static Map<String, String> englishNames(Document en) {
    Map<String, String> names = new HashMap<>();
    NodeList list = en.getElementsByTagName("subdivision");
    for (int i = 0; i < list.getLength(); i++) {
      Element e = (Element) list.item(i);
      String name = e.getTextContent().trim().replaceAll("[\u00B9\u00B2\u00B3\u2070-\u2079]+$", "");
      names.put(e.getAttribute("type"), name);
    }
    return names;
  }

  private static String csv(String value) {
    if (value.isEmpty()
        || value.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')
        || !value.equals(value.trim())) {
      return '"' + value.replace("\"", "\"\"") + '"';
    }
    return value;
  }
}
