package io.github.matomotracking.examples.demo;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The fixed material the sample is generated from: the company's two sites and their pages, where
 * visitors come from, what they use, and the names of the people who fill in forms. All of it is
 * invented for this project (company, sites and people are fictitious; domains use the reserved
 * {@code .example} top-level domain; phone numbers use ranges reserved for fiction).
 */
final class SampleCatalog {

  private SampleCatalog() {}

  static final DemoSite WEBSITE = new DemoSite(1, "Acme Robotics", "https://www.acme-robotics.example",
      "Europe/Paris", "EUR", Instant.parse("2019-03-12T09:41:07Z"));
  static final DemoSite SUPPORT = new DemoSite(2, "Acme Robotics Support", "https://support.acme-robotics.example",
      "America/New_York", "USD", Instant.parse("2021-06-01T14:02:55Z"));

  /** A page of a site. */
  record Page(String path, String title, int weight) {}

  static final List<Page> WEBSITE_PAGES = List.of(
      new Page("/", "Acme Robotics \u2013 Collaborative robots for small factories", 30),
      new Page("/products/", "Products | Acme Robotics", 14),
      new Page("/products/cobot-a5/", "Cobot A5 | Acme Robotics", 14),
      new Page("/products/vision-kit/", "Vision Kit | Acme Robotics", 8),
      new Page("/pricing/", "Pricing | Acme Robotics", 10),
      new Page("/customers/", "Customer stories | Acme Robotics", 5),
      new Page("/blog/", "Blog | Acme Robotics", 5),
      new Page("/blog/five-tasks-to-automate-first/", "Five tasks to automate first | Acme Robotics", 6),
      new Page("/blog/cobot-safety-basics/", "Cobot safety basics | Acme Robotics", 4),
      new Page("/about/", "About us | Acme Robotics", 3),
      new Page("/contact/", "Contact us | Acme Robotics", 3),
      new Page("/demo/", "Book a demo | Acme Robotics", 3),
      new Page("/careers/", "Careers | Acme Robotics", 2),
      new Page("/fr/", "Acme Robotics \u2013 Robots collaboratifs pour les PME", 4));

  static final List<Page> SUPPORT_PAGES = List.of(
      new Page("/", "Acme Robotics Support", 20),
      new Page("/docs/getting-started/", "Getting started | Acme Support", 14),
      new Page("/docs/calibration/", "Calibrating the A5 arm | Acme Support", 10),
      new Page("/docs/firmware-updates/", "Firmware updates | Acme Support", 8),
      new Page("/tickets/new/", "Open a ticket | Acme Support", 5),
      new Page("/status/", "System status | Acme Support", 4));

  static final Page OFFER = new Page("/offers/spring-upgrade/", "Spring upgrade offer | Acme Robotics", 0);
  static final Page WEBINAR = new Page("/webinars/cobots-101/", "Webinar: Cobots 101 | Acme Robotics", 0);
  static final Page DEMO = new Page("/demo/", "Book a demo | Acme Robotics", 0);
  static final Page CONTACT = new Page("/contact/", "Contact us | Acme Robotics", 0);
  static final Page THANKS = new Page("/thank-you/", "Thank you! | Acme Robotics", 0);

  static final List<String> WEBSITE_DOWNLOADS = List.of(
      "/files/cobot-a5-datasheet.pdf", "/files/vision-kit-brochure.pdf", "/files/acme-price-list-2.xlsx");
  static final List<String> SUPPORT_DOWNLOADS = List.of(
      "/files/a5-firmware-4.2.1.zip", "/files/a5-user-manual.pdf");
  static final List<String> OUTLINKS = List.of(
      "https://community.example.org/c/cobots", "https://reseller.example.net/acme-a5",
      "https://standards.example.com/iso-10218-overview");
  static final List<String> SEARCH_KEYWORDS = List.of(
      "gripper", "payload", "price", "safety certification", "calibration", "ros driver", "vision kit");

  /** A form of the website: its page, name, HTML id, and the goal it converts. */
  record Form(Page page, String name, String id, long goalId, String goalName) {}

  static final Form DEMO_FORM = new Form(DEMO, "Book a demo", "demo-request", 1, "Demo requested");
  static final Form CONTACT_FORM = new Form(CONTACT, "Contact us", "contact", 2, "Contact form sent");
  static final Form WEBINAR_FORM = new Form(WEBINAR, "Webinar registration", "webinar-signup", 4,
      "Webinar registration");
  static final List<Form> FORMS = List.of(DEMO_FORM, CONTACT_FORM, WEBINAR_FORM);

  static final long DATASHEET_GOAL = 3;

  /**
   * A place visitors come from.
   *
   * @param geo the location Matomo reports
   * @param weight how often it comes up
   * @param ipPrefix the first two bytes of the (masked) address
   * @param language the browser language
   */
  record Place(DemoVisit.Geo geo, int weight, String ipPrefix, String language) {}

  private static DemoVisit.Geo geo(String cc, String country, String rc, String region, String city,
      String lat, String lon, String continentCode, String continent, String zone) {
    return new DemoVisit.Geo(cc, country, rc, region, city, lat, lon, continentCode, continent, ZoneId.of(zone));
  }

  static final Place PARIS = new Place(geo("fr", "France", "IDF", "\u00cele-de-France", "Paris",
      "48.856600", "2.352200", "eur", "Europe", "Europe/Paris"), 22, "82.64", "fr-fr");
  static final Place LYON = new Place(geo("fr", "France", "ARA", "Auvergne-Rh\u00f4ne-Alpes", "Lyon",
      "45.764000", "4.835700", "eur", "Europe", "Europe/Paris"), 8, "90.112", "fr-fr");
  static final Place BERLIN = new Place(geo("de", "Germany", "BE", "Berlin", "Berlin",
      "52.520000", "13.405000", "eur", "Europe", "Europe/Berlin"), 8, "91.64", "de-de");
  static final Place LONDON = new Place(geo("gb", "United Kingdom", "ENG", "England", "London",
      "51.507400", "-0.127800", "eur", "Europe", "Europe/London"), 8, "81.2", "en-gb");
  static final Place MADRID = new Place(geo("es", "Spain", "MD", "Madrid", "Madrid",
      "40.416800", "-3.703800", "eur", "Europe", "Europe/Madrid"), 6, "83.32", "es-es");
  static final Place MILAN = new Place(geo("it", "Italy", "25", "Lombardy", "Milan",
      "45.464200", "9.190000", "eur", "Europe", "Europe/Rome"), 6, "79.8", "it-it");
  static final Place SAN_FRANCISCO = new Place(geo("us", "United States", "CA", "California", "San Francisco",
      "37.774900", "-122.419400", "amn", "North America", "America/Los_Angeles"), 7, "73.162", "en-us");
  static final Place NEW_YORK = new Place(geo("us", "United States", "NY", "New York", "New York",
      "40.712800", "-74.006000", "amn", "North America", "America/New_York"), 7, "24.5", "en-us");
  static final Place AMSTERDAM = new Place(geo("nl", "Netherlands", "NH", "North Holland", "Amsterdam",
      "52.367600", "4.904100", "eur", "Europe", "Europe/Amsterdam"), 4, "84.104", "nl-nl");
  static final Place MONTREAL = new Place(geo("ca", "Canada", "QC", "Quebec", "Montreal",
      "45.501700", "-73.567300", "amn", "North America", "America/Toronto"), 3, "70.80", "fr-ca");
  static final Place NOWHERE = new Place(DemoVisit.Geo.unknown(), 3, "", "en");

  static final List<Place> PLACES = List.of(PARIS, LYON, BERLIN, LONDON, MADRID, MILAN, SAN_FRANCISCO, NEW_YORK,
      AMSTERDAM, MONTREAL, NOWHERE);

  /** A device profile and how often it comes up. */
  record Gear(DemoVisit.Device device, int weight) {}

  private static DemoVisit.Device device(String type, String brand, String model, String os, String osCode,
      String osVersion, String browser, String browserCode, String browserVersion, String engine, String screen) {
    return new DemoVisit.Device(type, brand, model, os, osCode, osVersion, browser, browserCode, browserVersion,
        engine, "en", screen);
  }

  static final Gear WINDOWS_CHROME = new Gear(device("Desktop", "Unknown", "Generic Desktop", "Windows", "WIN",
      "10", "Chrome", "CH", "124.0", "Blink", "1920x1080"), 30);
  static final Gear MAC_SAFARI = new Gear(device("Desktop", "Apple", null, "Mac", "MAC", "14.4", "Safari", "SF",
      "17.4", "WebKit", "1440x900"), 12);
  static final Gear WINDOWS_EDGE = new Gear(device("Desktop", "Unknown", "Generic Desktop", "Windows", "WIN",
      "11", "Microsoft Edge", "PS", "123.0", "Blink", "2560x1440"), 10);
  static final Gear LINUX_FIREFOX = new Gear(device("Desktop", "Unknown", "Generic Desktop", "GNU/Linux", "LIN",
      null, "Firefox", "FF", "125.0", "Gecko", "1920x1200"), 5);
  static final Gear IPHONE = new Gear(device("Smartphone", "Apple", "iPhone", "iOS", "IOS", "17.4",
      "Mobile Safari", "MF", "17.4", "WebKit", "390x844"), 15);
  static final Gear GALAXY = new Gear(device("Smartphone", "Samsung", "Galaxy S23", "Android", "AND", "14",
      "Chrome Mobile", "CM", "124.0", "Blink", "360x780"), 12);
  static final Gear PIXEL = new Gear(device("Smartphone", "Google", "Pixel 8", "Android", "AND", "14",
      "Chrome Mobile", "CM", "124.0", "Blink", "412x915"), 5);
  static final Gear IPAD = new Gear(device("Tablet", "Apple", "iPad", "iPadOS", "IPA", "17.4", "Mobile Safari",
      "MF", "17.4", "WebKit", "820x1180"), 5);

  static final List<Gear> GEAR = List.of(WINDOWS_CHROME, MAC_SAFARI, WINDOWS_EDGE, LINUX_FIREFOX, IPHONE, GALAXY,
      PIXEL, IPAD);

  /** Blogs that link to the site, none of them known as a lead source. */
  static final List<String> BLOGS = List.of(
      "https://robotics-weekly.example/2024/cobots-for-small-shops/",
      "https://factory-floor.example/blog/automation-on-a-budget",
      "https://makers-forum.example/t/which-cobot-for-a-small-workshop/4471");

  /** First and last names of the contacts; the company domains of their email addresses. */
  static final List<String> FIRST_NAMES = List.of("Camille", "Lucas", "Emma", "Oliver", "Sofia", "Marco",
      "Chlo\u00e9", "Jonas", "Isabella", "Noah", "L\u00e9a", "Daniel", "Hannah", "Ava", "Hugo", "Mia");
  static final List<String> LAST_NAMES = List.of("Durand", "Bernard", "Schneider", "Hughes", "Garc\u00eda",
      "Rossi", "Petit", "Weber", "Conti", "Campbell", "Moreau", "Ortega", "Fischer", "Thompson", "Lef\u00e8vre",
      "Novak");
  static final List<String> COMPANIES = List.of("northwind-tools.example", "bluepeak-manufacturing.example",
      "ferrum-works.example", "lumen-packaging.example", "atelier-durand.example", "keystone-metal.example",
      "harbor-plastics.example", "orchid-foods.example");
}
