package io.github.matomotracking.benchmarks;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The fixed universe the generator draws from: sites with their pages and time zones, places,
 * referrers and campaigns. Everything here is a constant, so a benchmark can build host lookup
 * tables (web pages, cities) that the generated visits actually hit.
 */
public final class SyntheticWorld {

  /** Page views per site the generator can visit (popularity is skewed towards the first). */
  public static final int PAGES_PER_SITE = 2_000;

  /** A Matomo site: its id, base URL, display name and time zone. */
  public record Site(int id, String baseUrl, String name, ZoneId zone) {}

  /** A page of a site: the URL without query string and its title. */
  public record Page(int siteId, String url, String title) {}

  /**
   * A place as Matomo reports it.
   *
   * @param countryCode lower-case ISO 3166-1 alpha-2, {@code xx} for unknown
   * @param country the country name
   * @param regionCode ISO 3166-2 subdivision code without the country prefix, or null
   * @param region the region name, or null
   * @param city the city, or null
   * @param latitude decimal text, or null
   * @param longitude decimal text, or null
   * @param weight relative frequency
   */
  public record Place(String countryCode, String country, String regionCode, String region,
      String city, String latitude, String longitude, int weight) {}

  /** A referring search engine or social network: the name Matomo shows and its URLs. */
  public record Referrer(String name, List<String> urls) {}

  /** The sites (ids 1 to 3). */
  public static final List<Site> SITES = List.of(
      new Site(1, "https://www.shop.example", "Example Shop", ZoneId.of("Europe/Paris")),
      new Site(2, "https://blog.example.org", "Example Blog", ZoneId.of("America/New_York")),
      new Site(3, "https://app.example.net", "Example App", ZoneId.of("UTC")));

  /** Places, with a weight each; {@code xx} is Matomo's unknown country. */
  public static final List<Place> PLACES = List.of(
      new Place("us", "United States", "CA", "California", "San Francisco", "37.774900",
          "-122.419400", 12),
      new Place("us", "United States", "NY", "New York", "New York", "40.712800", "-74.006000",
          10),
      new Place("us", "United States", "TX", "Texas", "Austin", "30.267200", "-97.743100", 5),
      new Place("fr", "France", "IDF", "Île-de-France", "Paris", "48.856600", "2.352200", 10),
      new Place("fr", "France", "ARA", "Auvergne-Rhône-Alpes", "Lyon", "45.764000", "4.835700",
          4),
      new Place("de", "Germany", "BE", "Berlin", "Berlin", "52.520000", "13.405000", 8),
      new Place("de", "Germany", "BY", "Bavaria", "Munich", "48.135100", "11.582000", 5),
      new Place("gb", "United Kingdom", "ENG", "England", "London", "51.507400", "-0.127800", 9),
      new Place("br", "Brazil", "SP", "São Paulo", "São Paulo", "-23.550500", "-46.633300", 5),
      new Place("jp", "Japan", "13", "Tokyo", "Tokyo", "35.676200", "139.650300", 4),
      new Place("in", "India", "MH", "Maharashtra", "Mumbai", "19.076000", "72.877700", 5),
      new Place("au", "Australia", "NSW", "New South Wales", "Sydney", "-33.868800",
          "151.209300", 3),
      new Place("ca", "Canada", "ON", "Ontario", "Toronto", "43.653200", "-79.383200", 4),
      new Place("es", "Spain", "MD", "Madrid", "Madrid", "40.416800", "-3.703800", 3),
      new Place("nl", "Netherlands", "NH", "North Holland", "Amsterdam", "52.367600",
          "4.904100", 3),
      new Place("ch", "Switzerland", "ZH", "Zurich", "Zürich", "47.376900", "8.541700", 2),
      new Place("fr", "France", null, null, null, null, null, 2),
      new Place("xx", "Unknown", null, null, null, null, null, 6));

  /** Search engines. */
  public static final List<Referrer> SEARCH_ENGINES = List.of(
      new Referrer("Google", List.of("https://www.google.com/", "https://www.google.fr/search",
          "https://www.google.de/")),
      new Referrer("Bing", List.of("https://www.bing.com/search?q=example+shop&form=QBLH")),
      new Referrer("DuckDuckGo", List.of("https://duckduckgo.com/")),
      new Referrer("Ecosia", List.of("https://www.ecosia.org/search?q=example")));

  /** Social networks, including the mobile Facebook host. */
  public static final List<Referrer> SOCIAL_NETWORKS = List.of(
      new Referrer("Facebook", List.of("https://m.facebook.com/", "https://www.facebook.com/",
          "https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.shop.example%2F&h=AT0x")),
      new Referrer("LinkedIn", List.of("https://www.linkedin.com/feed/", "https://lnkd.in/abc")),
      new Referrer("Twitter", List.of("https://t.co/x8Yz1", "https://x.com/")),
      new Referrer("Instagram", List.of("https://l.instagram.com/?u=https%3A%2F%2Fshop")));

  /** Referring web sites (host names). */
  public static final List<String> WEBSITES = List.of("news.example.com", "forum.example.net",
      "www.partner-blog.example", "reviews.example.org", "wiki.example.com",
      "www.comparison.example");

  /** Search keywords ({@code "Keyword not defined"} is what Matomo sends when hidden). */
  public static final List<String> KEYWORDS = List.of("Keyword not defined",
      "Keyword not defined", "Keyword not defined", "example shop", "buy widgets online",
      "widget pricing", "best crm integration", "matomo crm");

  /** utm_source values. */
  public static final List<String> CAMPAIGN_SOURCES = List.of("google", "newsletter",
      "facebook", "linkedin", "bing", "partner", "twitter");

  /** utm_medium values (some are lead channel codes, some are not). */
  public static final List<String> CAMPAIGN_MEDIUMS = List.of("cpc", "email", "social",
      "display", "affiliate", "banner", "referral");

  /** utm_campaign values. */
  public static final List<String> CAMPAIGN_NAMES = List.of("spring-sale", "black-friday",
      "product-launch", "webinar-2024", "retargeting", "brand", "newsletter-weekly");

  /** Product categories used in page paths. */
  static final List<String> CATEGORIES = List.of("widgets", "gadgets", "tools", "books",
      "garden", "kitchen", "sports", "toys");

  /** Event categories, actions and names. */
  static final List<String> EVENT_CATEGORIES = List.of("Video", "Form", "CTA", "Carousel");
  static final List<String> EVENT_ACTIONS = List.of("play", "submit", "click", "pause", "view");

  /** Goal names, by goal id from 1. */
  static final List<String> GOALS = List.of("Newsletter sign-up", "Contact form", "Trial start",
      "Download whitepaper", "Purchase");

  private SyntheticWorld() {}

  /**
   * A site by its id.
   *
   * @param id 1 to {@link #SITES}.size()
   * @return the site
   */
  public static Site site(int id) {
    return SITES.get(id - 1);
  }

  /**
   * Page {@code index} of a site: a URL without query string and a title.
   *
   * @param site the site
   * @param index 0 to {@link #PAGES_PER_SITE} - 1
   * @return the page
   */
  public static Page page(Site site, int index) {
    String base = site.baseUrl();
    String suffix = " | " + site.name();
    switch (index) {
      case 0:
        return new Page(site.id(), base + "/", "Home" + suffix);
      case 1:
        return new Page(site.id(), base + "/pricing", "Pricing" + suffix);
      case 2:
        return new Page(site.id(), base + "/contact", "Contact us" + suffix);
      case 3:
        return new Page(site.id(), base + "/about", "About" + suffix);
      default:
        break;
    }
    String category = CATEGORIES.get(index % CATEGORIES.size());
    switch (index % 3) {
      case 0:
        return new Page(site.id(), base + "/products/" + category + "/item-" + index,
            "Item " + index + " - " + capitalised(category) + suffix);
      case 1:
        return new Page(site.id(), base + "/blog/20" + (18 + index % 7) + "/how-to-choose-"
            + category + "-" + index, "How to choose " + category + " (" + index + ")" + suffix);
      default:
        return new Page(site.id(), base + "/docs/" + category + "/page-" + index,
            "Docs: " + category + " " + index + suffix);
    }
  }

  /**
   * Every page the generator can produce for a page view, site by site.
   *
   * @return the pages
   */
  public static List<Page> allPages() {
    List<Page> pages = new ArrayList<>(SITES.size() * PAGES_PER_SITE);
    for (Site site : SITES) {
      for (int i = 0; i < PAGES_PER_SITE; i++) {
        pages.add(page(site, i));
      }
    }
    return pages;
  }

  private static String capitalised(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
