package io.github.matomotracking.benchmarks;

import io.github.matomotracking.examples.demo.DemoAction;
import io.github.matomotracking.examples.demo.DemoSite;
import io.github.matomotracking.examples.demo.DemoVisit;
import io.github.matomotracking.identify.IdentificationOrigin;
import io.github.matomotracking.identify.Identification;
import io.github.matomotracking.identify.IdentityKey;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The tracked visitors of the request-economy benchmark, deterministic for a seed: a few sites in
 * different time zones, each visitor identified once (a form submission), with about three
 * visits over the days before the refresh. The world exists in two states: {@link #before()},
 * what Matomo held at the previous sync (visits still going on then are cut at that instant),
 * and {@link #after()}, what it holds at the daily refresh a day later (the ongoing visits grown
 * by more actions, and the new visits of the day).
 *
 * @param refreshAt when the refresh runs
 * @param visitorIds the tracked visitors' ids, in the order they were generated
 * @param identifications one form submission per visitor, binding it to its own contact
 * @param before what Matomo held at the previous sync, ongoing visits cut at that instant
 * @param after what Matomo holds at the refresh, every visit complete
 * @param ongoing how many visits went on across the previous sync
 * @param newVisits how many visits started after the previous sync
 */
public record EconomyWorld(Instant refreshAt, List<String> visitorIds, List<Identification> identifications,
    List<DemoVisit> before, List<DemoVisit> after, int ongoing, int newVisits) {

  /** The days before the refresh over which the visits are spread. */
  public static final int HISTORY_DAYS = 7;
  /** Share of visitors given a visit that goes on across the previous sync, in percent. */
  public static final int ONGOING_PERCENT = 3;

  private static final List<DemoSite> SITES = List.of(
      new DemoSite(1, "Alpine Gear", "https://www.alpine-gear.example", "Europe/Zurich", "CHF",
          Instant.parse("2018-02-01T08:00:00Z")),
      new DemoSite(2, "Alpine Gear Shop", "https://shop.alpine-gear.example", "America/Denver", "USD",
          Instant.parse("2020-05-11T15:30:00Z")),
      new DemoSite(3, "Alpine Gear Help", "https://help.alpine-gear.example", "Asia/Kolkata", "INR",
          Instant.parse("2022-09-19T04:12:00Z")));

  private static final String[] PATHS = {"/", "/tents/", "/tents/summit-2p/", "/boots/", "/boots/ridge-gtx/",
      "/jackets/", "/sale/", "/stories/crossing-the-haute-route/", "/about/", "/contact/"};

  private static final List<DemoVisit.Referrer> REFERRERS = List.of(
      DemoVisit.Referrer.direct(),
      DemoVisit.Referrer.direct(),
      new DemoVisit.Referrer("search", "Google", "", "https://www.google.com/"),
      new DemoVisit.Referrer("search", "DuckDuckGo", "", "https://duckduckgo.com/"),
      new DemoVisit.Referrer("website", "trail-notes.example.org", null,
          "https://trail-notes.example.org/gear/best-tents"),
      new DemoVisit.Referrer("social", "Instagram", null, "https://l.instagram.com/"));

  private static final List<DemoVisit.Geo> GEOS = List.of(
      new DemoVisit.Geo("ch", "Switzerland", "ZH", "Zurich", "Zurich", "47.376900", "8.541700", "eur", "Europe",
          ZoneId.of("Europe/Zurich")),
      new DemoVisit.Geo("at", "Austria", "7", "Tyrol", "Innsbruck", "47.269200", "11.404100", "eur", "Europe",
          ZoneId.of("Europe/Vienna")),
      new DemoVisit.Geo("us", "United States", "CO", "Colorado", "Boulder", "40.015000", "-105.270500", "amn",
          "North America", ZoneId.of("America/Denver")),
      new DemoVisit.Geo("in", "India", "HP", "Himachal Pradesh", "Manali", "32.243200", "77.189200", "asi", "Asia",
          ZoneId.of("Asia/Kolkata")),
      DemoVisit.Geo.unknown());

  private static final List<DemoVisit.Device> DEVICES = List.of(
      new DemoVisit.Device("Desktop", "Unknown", "Generic Desktop", "Windows", "WIN", "11", "Firefox", "FF",
          "128.0", "Gecko", "de-ch", "2560x1440"),
      new DemoVisit.Device("Smartphone", "Apple", "iPhone", "iOS", "IOS", "17.5", "Mobile Safari", "MF", "17.5",
          "WebKit", "en-us", "393x852"),
      new DemoVisit.Device("Smartphone", "Xiaomi", "Redmi Note 12", "Android", "AND", "13", "Chrome Mobile", "CM",
          "126.0", "Blink", "hi-in", "393x873"));

  /** Copies the lists. */
  public EconomyWorld {
    visitorIds = List.copyOf(visitorIds);
    identifications = List.copyOf(identifications);
    before = List.copyOf(before);
    after = List.copyOf(after);
  }

  /** A visit being generated: its visitor, site, number and action times. */
  private record Draft(int visitor, long site, List<Instant> times) {}

  /**
   * Generates the world.
   *
   * @param visitors how many tracked visitors, at least 1
   * @param seed the seed; the same seed gives the same world
   * @param refreshAt when the daily refresh runs; the previous sync ran a day earlier
   * @return the world
   */
  public static EconomyWorld generate(int visitors, long seed, Instant refreshAt) {
    if (visitors < 1) {
      throw new IllegalArgumentException("the world needs at least one visitor, got " + visitors);
    }
    SplittableRandom random = new SplittableRandom(seed);
    Instant previousSync = refreshAt.minus(Duration.ofDays(1));
    List<String> ids = new ArrayList<>(visitors);
    Set<String> seen = new HashSet<>();
    while (ids.size() < visitors) {
      String id = String.format("%016x", random.nextLong());
      if (seen.add(id)) {
        ids.add(id);
      }
    }
    List<Draft> drafts = new ArrayList<>();
    long historySeconds = Duration.ofDays(HISTORY_DAYS).toSeconds();
    for (int v = 0; v < visitors; v++) {
      long home = 1 + (random.nextInt(10) < 6 ? 0 : random.nextInt(SITES.size()));
      int count = 1 + random.nextInt(5);
      for (int i = 0; i < count; i++) {
        long site = random.nextInt(10) < 8 ? home : 1 + random.nextInt(SITES.size());
        Instant start = refreshAt.minusSeconds(1800 + random.nextLong(historySeconds - 1800));
        drafts.add(new Draft(v, site, times(random, start, 1 + random.nextInt(6))));
      }
      if (random.nextInt(100) < ONGOING_PERCENT) {
        // Started before the previous sync, goes on after it.
        Instant start = previousSync.minusSeconds(60 + random.nextInt(1500));
        List<Instant> times = times(random, start, 1 + random.nextInt(3));
        Instant later = previousSync.plusSeconds(30 + random.nextInt(1800));
        times.addAll(times(random, later, 1 + random.nextInt(4)));
        drafts.add(new Draft(v, home, times));
      }
    }
    drafts.sort(Comparator.comparing((Draft d) -> d.times().get(0)).thenComparingInt(Draft::visitor));
    List<DemoVisit> before = new ArrayList<>();
    List<DemoVisit> after = new ArrayList<>();
    int[] visitCounts = new int[visitors];
    long pageId = 1;
    int ongoing = 0;
    int fresh = 0;
    for (int n = 0; n < drafts.size(); n++) {
      Draft draft = drafts.get(n);
      int visitor = draft.visitor();
      List<DemoAction> actions = new ArrayList<>();
      for (Instant time : draft.times()) {
        int page = random.nextInt(PATHS.length);
        actions.add(DemoAction.pageView(time, SITES.get((int) draft.site() - 1).mainUrl() + PATHS[page],
            title(page), String.format("%06x", random.nextInt(1 << 24)), draft.site() * 100 + page, pageId++));
      }
      DemoVisit visit = new DemoVisit(draft.site(), n + 1L, ids.get(visitor), null,
          "10." + (visitor >> 8 & 255) + "." + (visitor & 255) + ".0", ++visitCounts[visitor],
          REFERRERS.get(random.nextInt(REFERRERS.size())), DemoVisit.Campaign.NONE,
          GEOS.get(visitor % GEOS.size()), DEVICES.get(visitor % DEVICES.size()), actions);
      after.add(visit);
      List<DemoAction> known = actions.stream().filter(a -> a.time().isBefore(previousSync)).toList();
      if (known.isEmpty()) {
        fresh++;
      } else {
        if (known.size() < actions.size()) {
          ongoing++;
        }
        before.add(new DemoVisit(visit.siteId(), visit.visitId(), visit.visitorId(), null, visit.ipAddress(),
            visit.visitCount(), visit.referrer(), visit.campaign(), visit.geo(), visit.device(), known));
      }
    }
    List<Identification> identifications = new ArrayList<>(visitors);
    Instant[] firstSeen = new Instant[visitors];
    for (Draft draft : drafts) {
      if (firstSeen[draft.visitor()] == null) {
        firstSeen[draft.visitor()] = draft.times().get(0);
      }
    }
    for (int v = 0; v < visitors; v++) {
      // Identified in the visitor's first visit, or an hour before the previous sync when the
      // visitor's first visit came later (a form submitted on another device, say).
      Instant at = firstSeen[v].plusSeconds(5);
      if (!at.isBefore(previousSync)) {
        at = previousSync.minus(Duration.ofHours(1));
      }
      identifications.add(Identification.builder()
          .key("form:" + ids.get(v) + "@" + at.getEpochSecond())
          .identity(IdentityKey.visitorId(ids.get(v)))
          .contactId("contact-" + v)
          .at(at)
          .origin(IdentificationOrigin.FORM_SUBMISSION)
          .build());
    }
    return new EconomyWorld(refreshAt, ids, identifications, before, after, ongoing, fresh);
  }

  private static List<Instant> times(SplittableRandom random, Instant start, int actions) {
    List<Instant> times = new ArrayList<>(actions);
    Instant time = start;
    for (int i = 0; i < actions; i++) {
      times.add(time);
      time = time.plusSeconds(15 + random.nextInt(225));
    }
    return times;
  }

  private static String title(int page) {
    String path = PATHS[page];
    return page == 0 ? "Alpine Gear - Mountain equipment" : path.replace('/', ' ').trim() + " | Alpine Gear";
  }

  /**
   * The sites.
   *
   * @return the sites, ids 1 to 3
   */
  public List<DemoSite> sites() {
    return SITES;
  }

  /**
   * The site ids.
   *
   * @return 1, 2, 3
   */
  public long[] siteIds() {
    return SITES.stream().mapToLong(DemoSite::id).toArray();
  }

  /**
   * When the previous sync ran: a day before the refresh.
   *
   * @return the instant
   */
  public Instant previousSync() {
    return refreshAt.minus(Duration.ofDays(1));
  }

  /**
   * How many actions the visits at the refresh hold.
   *
   * @return the count
   */
  public long actionsAfter() {
    return after.stream().mapToLong(v -> v.actions().size()).sum();
  }
}
