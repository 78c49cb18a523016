package io.github.matomotracking.examples.demo;

import io.github.matomotracking.examples.demo.Origin.Arrival;
import io.github.matomotracking.examples.demo.SampleCatalog.Form;
import io.github.matomotracking.examples.demo.SampleCatalog.Page;
import io.github.matomotracking.examples.demo.SampleCatalog.Place;
import io.github.matomotracking.examples.demo.VisitDraft.Kind;
import io.github.matomotracking.examples.demo.VisitDraft.Step;
import io.github.matomotracking.examples.demo.VisitDraft.Visitor;
import io.github.matomotracking.identify.Contact;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.ToIntFunction;

/**
 * Writes the sample: scripted visits that guarantee every feature and the identification
 * scenario, then anonymous visitors drawn at random, then the ids Matomo would have given out.
 * One {@link Random} seeded by the caller drives every choice, in a fixed order, so a seed always
 * gives the same sample for the same "now".
 */
final class SampleGenerator {

  static final int WEBSITE_VISITORS = 230;
  static final int SUPPORT_VISITORS = 45;
  static final int BURST_SIZE = 12;
  static final long FIRST_VISIT_ID = 31_000;
  static final long FIRST_PAGE_ID = 400_000;
  static final long FIRST_ACTION_ID = 1_200;
  static final String BULK_EMAIL = "spring-upgrade-customers";

  private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final List<Place> CONTACT_PLACES =
      List.of(SampleCatalog.PARIS, SampleCatalog.LYON, SampleCatalog.LONDON, SampleCatalog.NEW_YORK,
          SampleCatalog.SAN_FRANCISCO);

  private final Instant now;
  private final long seed;
  private final Random random;
  private final Instant windowStart;
  private final Instant latestStart;
  private final List<VisitDraft> drafts = new ArrayList<>();
  private final List<IdentityEvent> identities = new ArrayList<>();
  private final List<Contact> contacts = new ArrayList<>();
  private final List<String> names = new ArrayList<>();
  private int sequence;

  private final List<String> formContacts = new ArrayList<>();
  private final List<String> emailContacts = new ArrayList<>();
  private String forwardedContact;
  private String recipientVisitorId;
  private String readerVisitorId;
  private VisitDraft twoFormVisit;
  private String twoFormEarliest;
  private String twoFormLater;
  private final List<VisitDraft> ongoing = new ArrayList<>();
  private Instant burstSecond;

  SampleGenerator(Instant now, long seed) {
    this.now = now.truncatedTo(ChronoUnit.SECONDS);
    this.seed = seed;
    this.random = new Random(seed);
    this.windowStart = this.now.minus(Duration.ofDays(60)).plus(Duration.ofHours(1));
    this.latestStart = this.now.minus(Duration.ofMinutes(50));
    for (String first : SampleCatalog.FIRST_NAMES) {
      names.add(first + " " + SampleCatalog.LAST_NAMES.get(random.nextInt(SampleCatalog.LAST_NAMES.size())));
    }
    Collections.shuffle(names, random);
  }

  SampleSite generate() {
    coverage();
    formSubmitters();
    twoFormVisitor();
    emailClickers();
    newsletterBurst();
    ongoingVisits();
    for (int i = 0; i < WEBSITE_VISITORS; i++) {
      randomVisitor(SampleCatalog.WEBSITE);
    }
    for (int i = 0; i < SUPPORT_VISITORS; i++) {
      randomVisitor(SampleCatalog.SUPPORT);
    }
    extraContacts();
    List<DemoVisit> visits = assignIds();
    identities.sort(Comparator.comparing(IdentityEvent::occurredAt).thenComparing(IdentityEvent::contactId));
    contacts.sort(Contact.OLDEST_FIRST);
    SampleSite.Scenario scenario = new SampleSite.Scenario(
        List.copyOf(formContacts), List.copyOf(emailContacts), forwardedContact, recipientVisitorId,
        readerVisitorId, twoFormVisit.visitor.visitorId, twoFormVisit.key(), twoFormEarliest, twoFormLater,
        ongoing.stream().map(VisitDraft::key).sorted().toList(), burstSecond, BURST_SIZE);
    return new SampleSite(now, seed, List.of(SampleCatalog.WEBSITE, SampleCatalog.SUPPORT), visits, identities,
        contacts, scenario);
  }

  // ---------------------------------------------------------------- scripted visits

  /** One visit from each origin, an unknown location, a visit with every action type, a support visit. */
  private void coverage() {
    for (Origin origin : Origin.values()) {
      if (origin == Origin.BPMONLINE_EMAIL) {
        continue;
      }
      Instant start = origin == Origin.CAMPAIGN_WITHOUT_PLUGIN_FIELDS
          ? between(now.minus(Duration.ofDays(58)), now.minus(Duration.ofDays(40)))
          : between(windowStart, latestStart);
      Visitor visitor = visitor(SampleCatalog.WEBSITE, pick(SampleCatalog.PLACES, Place::weight), 0);
      VisitDraft visit = arrive(visitor, origin, start);
      browse(visit, 1 + random.nextInt(3));
    }
    Visitor nowhere = visitor(SampleCatalog.WEBSITE, SampleCatalog.NOWHERE, 0);
    browse(arrive(nowhere, Origin.DIRECT, between(windowStart, latestStart)), 2);
    explorer();
    Visitor support = visitor(SampleCatalog.SUPPORT, pick(SampleCatalog.PLACES, Place::weight), 2);
    VisitDraft help = arrive(support, Origin.GOOGLE, between(windowStart, latestStart));
    page(help, 45, SampleCatalog.SUPPORT_PAGES.get(3));
    download(help, 20, SampleCatalog.SUPPORT_DOWNLOADS.get(0));
  }

  /** An anonymous visit that does everything once: search, video, banner, download, goal, outlink. */
  private void explorer() {
    Visitor visitor = visitor(SampleCatalog.WEBSITE, SampleCatalog.LYON, 1);
    VisitDraft visit = arrive(visitor, Origin.DIRECT, between(windowStart, latestStart), SampleCatalog.WEBSITE_PAGES.get(0));
    content(visit, 12);
    search(visit, 30, "gripper");
    page(visit, 50, SampleCatalog.WEBSITE_PAGES.get(2));
    event(visit, 25, "Video", "Play", "Cobot A5 in 90 seconds", 90.0);
    String datasheet = SampleCatalog.WEBSITE.mainUrl() + SampleCatalog.WEBSITE_DOWNLOADS.get(0);
    download(visit, 40, SampleCatalog.WEBSITE_DOWNLOADS.get(0));
    goal(visit, 1, SampleCatalog.DATASHEET_GOAL, "Datasheet downloaded", datasheet);
    outlink(visit, 35, SampleCatalog.OUTLINKS.get(0));
  }

  /** Five visitors who become contacts by submitting a form; the first one is back right now. */
  private void formSubmitters() {
    for (int i = 0; i < 5; i++) {
      Place home = CONTACT_PLACES.get(random.nextInt(CONTACT_PLACES.size()));
      Visitor visitor = visitor(SampleCatalog.WEBSITE, home, 0);
      Instant formVisitStart = daytime(between(now.minus(Duration.ofDays(50)), now.minus(Duration.ofDays(3))),
          home.geo().localZone());
      history(visitor, formVisitStart, random.nextInt(3));
      VisitDraft visit = arrive(visitor, randomOrigin(formVisitStart), formVisitStart);
      browse(visit, 1 + random.nextInt(2));
      Form form = SampleCatalog.FORMS.get(i % SampleCatalog.FORMS.size());
      Step submitted = submitForm(visit, form);
      Contact contact = newContact(home, submitted.time.plusSeconds(3 + random.nextInt(4)));
      formContacts.add(contact.id());
      identities.add(new IdentityEvent(IdentityEvent.Kind.FORM_SUBMIT, contact.id(), visitor.visitorId,
          submitted.time.plusSeconds(2), submitted.url));
      page(visit, 4, SampleCatalog.THANKS);
      if (i == 0) {
        VisitDraft back = endingAt(visitor, now.minus(Duration.ofMinutes(3)), 4);
        ongoing.add(back);
      } else if (random.nextBoolean()) {
        Instant later = visit.last().plus(Duration.ofHours(20 + random.nextInt(200)));
        if (later.isBefore(latestStart)) {
          browse(arrive(visitor, Origin.DIRECT, later), 1 + random.nextInt(3));
        }
      }
    }
  }

  /** One visitor who submits two forms with two different people's data in the same visit. */
  private void twoFormVisitor() {
    Visitor visitor = visitor(SampleCatalog.WEBSITE, SampleCatalog.PARIS, 0);
    Instant start = daytime(between(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(6))),
        SampleCatalog.PARIS.geo().localZone());
    history(visitor, start, 1);
    VisitDraft visit = arrive(visitor, Origin.LINKEDIN_SOCIAL, start);
    Contact earliest = existingContact();
    Contact later = existingContact();
    Step first = submitForm(visit, SampleCatalog.WEBINAR_FORM);
    page(visit, 40, SampleCatalog.WEBSITE_PAGES.get(2));
    page(visit, 90, SampleCatalog.DEMO);
    Step second = submitForm(visit, SampleCatalog.DEMO_FORM);
    page(visit, 4, SampleCatalog.THANKS);
    identities.add(new IdentityEvent(IdentityEvent.Kind.FORM_SUBMIT, earliest.id(), visitor.visitorId,
        first.time.plusSeconds(2), first.url));
    identities.add(new IdentityEvent(IdentityEvent.Kind.FORM_SUBMIT, later.id(), visitor.visitorId,
        second.time.plusSeconds(2), second.url));
    twoFormVisit = visit;
    twoFormEarliest = earliest.id();
    twoFormLater = later.id();
    browse(arrive(visitor, Origin.DIRECT, visit.last().plus(Duration.ofHours(30 + random.nextInt(40)))), 2);
  }

  /** A bulk email five days ago: four recipients click, and one of them forwards it to a colleague. */
  private void emailClickers() {
    ZoneId paris = SampleCatalog.WEBSITE.zone();
    Instant sent = now.minus(Duration.ofDays(5)).atZone(paris).with(LocalTime.of(10, 0)).toInstant();
    for (int i = 0; i < 4; i++) {
      Place home = CONTACT_PLACES.get(random.nextInt(CONTACT_PLACES.size()));
      Visitor device = visitor(SampleCatalog.WEBSITE, home, 0);
      Contact contact = existingContact(home);
      emailContacts.add(contact.id());
      Instant click = sent.plus(Duration.ofMinutes(5 + random.nextInt(30 * 60)));
      history(device, click, random.nextInt(3));
      String link = url(SampleCatalog.WEBSITE, SampleCatalog.OFFER,
          "?utm_source=bpmonline&utm_medium=email&utm_campaign=" + BULK_EMAIL + "&contactId=" + contact.id()
              + "&bulkEmailRecipientId=" + uuid());
      emailVisit(device, contact.id(), link, click);
      if (i == 0) {
        forwardedContact = contact.id();
        recipientVisitorId = device.visitorId;
        Visitor colleague = visitor(SampleCatalog.WEBSITE, SampleCatalog.BERLIN, 0, SampleCatalog.GALAXY.device());
        readerVisitorId = colleague.visitorId;
        emailVisit(colleague, contact.id(), link, click.plus(Duration.ofHours(20 + random.nextInt(20))));
      }
    }
  }

  private void emailVisit(Visitor device, String contactId, String link, Instant click) {
    VisitDraft visit = draft(device, click);
    visit.userId = contactId;
    visit.referrer = Origin.campaign(BULK_EMAIL, null, null);
    visit.campaign = DemoVisit.Campaign.of("bpmonline", "email", BULK_EMAIL);
    visit.pageView(0, link, SampleCatalog.OFFER.title(), pageViewId());
    identities.add(new IdentityEvent(IdentityEvent.Kind.EMAIL_CLICK, contactId, null, click.minusSeconds(1), link));
    browse(visit, random.nextInt(3));
    if (random.nextBoolean()) {
      download(visit, 30, SampleCatalog.WEBSITE_DOWNLOADS.get(2));
    }
  }

  /** A newsletter's first clicks: twelve visitors land in the very same second. */
  private void newsletterBurst() {
    ZoneId paris = SampleCatalog.WEBSITE.zone();
    burstSecond = now.minus(Duration.ofDays(12 + random.nextInt(28))).atZone(paris)
        .with(LocalTime.of(9, 30, 0)).toInstant();
    for (int i = 0; i < BURST_SIZE; i++) {
      Visitor visitor = visitor(SampleCatalog.WEBSITE, pick(SampleCatalog.PLACES, Place::weight), 0);
      arrive(visitor, Origin.MAILCHIMP_EMAIL, burstSecond);
    }
  }

  /** Visits still going on: their last action is a few minutes old. */
  private void ongoingVisits() {
    Visitor anonymous = visitor(SampleCatalog.WEBSITE, pick(SampleCatalog.PLACES, Place::weight), 0);
    ongoing.add(endingAt(anonymous, now.minus(Duration.ofMinutes(6)), 3));
    Visitor user = visitor(SampleCatalog.SUPPORT, SampleCatalog.NEW_YORK, 4);
    ongoing.add(endingAt(user, now.minus(Duration.ofMinutes(2)), 2));
  }

  /** A direct visit of {@code pages} page views whose last action is at {@code end}. */
  private VisitDraft endingAt(Visitor visitor, Instant end, int pages) {
    long[] gaps = new long[pages];
    long total = 0;
    for (int i = 1; i < pages; i++) {
      gaps[i] = 20 + random.nextInt(150);
      total += gaps[i];
    }
    List<Page> catalog = pages(visitor.siteId);
    VisitDraft visit = draft(visitor, end.minusSeconds(total));
    for (int i = 0; i < pages; i++) {
      Page page = pick(catalog, Page::weight);
      visit.pageView(gaps[i], url(site(visitor.siteId), page, ""), page.title(), pageViewId());
    }
    return visit;
  }

  /** Up to {@code count} earlier anonymous visits of a visitor, before {@code before}. */
  private void history(Visitor visitor, Instant before, int count) {
    Instant cursor = before;
    for (int i = 0; i < count; i++) {
      Instant start = daytime(cursor.minus(Duration.ofHours(36 + random.nextInt(24 * 12))),
          visitor.place.geo().localZone());
      if (start.isBefore(windowStart)) {
        return;
      }
      VisitDraft visit = arrive(visitor, randomOrigin(start), start);
      browse(visit, random.nextInt(4));
      cursor = start;
    }
  }

  // ---------------------------------------------------------------- random visitors

  private void randomVisitor(DemoSite site) {
    int prior = random.nextInt(100) < 15 ? 1 + random.nextInt(8) : 0;
    Visitor visitor = visitor(site, pick(SampleCatalog.PLACES, Place::weight), prior);
    int visits = visitCount();
    Instant start = daytime(between(windowStart, latestStart), visitor.place.geo().localZone());
    for (int i = 0; i < visits && !start.isAfter(latestStart); i++) {
      Origin origin = site.id() == SampleCatalog.SUPPORT.id()
          ? Origin.SUPPORT.get(random.nextInt(Origin.SUPPORT.size()))
          : i > 0 && random.nextInt(100) < 55 ? Origin.DIRECT : randomOrigin(start);
      VisitDraft visit = arrive(visitor, origin, start);
      browse(visit, pageCount() - 1);
      Duration gap = random.nextInt(100) < 20
          ? Duration.ofMinutes(60 + random.nextInt(5 * 60))
          : Duration.ofHours(24 + random.nextInt(9 * 24));
      start = daytime(visit.last().plus(gap), visitor.place.geo().localZone());
    }
  }

  private int visitCount() {
    int roll = random.nextInt(100);
    return roll < 58 ? 1 : roll < 80 ? 2 : roll < 90 ? 3 : roll < 96 ? 4 : 5 + random.nextInt(3);
  }

  private int pageCount() {
    int roll = random.nextInt(100);
    return roll < 38 ? 1 : roll < 56 ? 2 : roll < 70 ? 3 : roll < 80 ? 4 : roll < 88 ? 5 : 6 + random.nextInt(4);
  }

  private Origin randomOrigin(Instant start) {
    Origin origin = pick(List.of(Origin.values()), Origin::weight);
    if (origin == Origin.CAMPAIGN_WITHOUT_PLUGIN_FIELDS && start.isAfter(now.minus(Duration.ofDays(35)))) {
      return Origin.DIRECT;
    }
    return origin;
  }

  // ---------------------------------------------------------------- visits and actions

  private VisitDraft draft(Visitor visitor, Instant start) {
    VisitDraft visit = new VisitDraft(site(visitor.siteId), visitor, sequence++, start);
    drafts.add(visit);
    return visit;
  }

  private VisitDraft arrive(Visitor visitor, Origin origin, Instant start) {
    return arrive(visitor, origin, start, null);
  }

  /** A visit that starts with the landing page of its origin (or {@code landing} when given). */
  private VisitDraft arrive(Visitor visitor, Origin origin, Instant start, Page landing) {
    VisitDraft visit = draft(visitor, start);
    DemoSite site = visit.site;
    Arrival arrival = arrival(origin, site);
    visit.referrer = arrival.referrer();
    visit.campaign = arrival.campaign();
    Page page = landing != null ? landing : arrival.landing();
    visit.pageView(0, url(site, page, arrival.query()), page.title(), pageViewId());
    return visit;
  }

  /** {@code more} page views after the landing, each maybe with a download, event, search ... */
  private void browse(VisitDraft visit, int more) {
    boolean website = visit.site.id() == SampleCatalog.WEBSITE.id();
    extras(visit, website);
    for (int i = 0; i < more; i++) {
      Page next = pick(pages(visit.site.id()), Page::weight);
      page(visit, gap(), next);
      extras(visit, website);
    }
  }

  private void extras(VisitDraft visit, boolean website) {
    int roll = random.nextInt(100);
    if (roll < 5) {
      List<String> files = website ? SampleCatalog.WEBSITE_DOWNLOADS : SampleCatalog.SUPPORT_DOWNLOADS;
      int which = random.nextInt(files.size());
      download(visit, 5 + random.nextInt(40), files.get(which));
      if (website && which == 0 && random.nextBoolean()) {
        goal(visit, 1, SampleCatalog.DATASHEET_GOAL, "Datasheet downloaded",
            visit.site.mainUrl() + files.get(which));
      }
    } else if (roll < 9) {
      outlink(visit, 5 + random.nextInt(60), SampleCatalog.OUTLINKS.get(random.nextInt(SampleCatalog.OUTLINKS.size())));
    } else if (roll < 15 && website) {
      boolean video = random.nextBoolean();
      event(visit, 3 + random.nextInt(30), video ? "Video" : "CTA", video ? "Play" : "Click",
          video ? "Cobot A5 in 90 seconds" : "Book a demo", video ? Double.valueOf(90.0) : null);
    } else if (roll < 19 && website) {
      search(visit, 5 + random.nextInt(30),
          SampleCatalog.SEARCH_KEYWORDS.get(random.nextInt(SampleCatalog.SEARCH_KEYWORDS.size())));
    } else if (roll < 21 && website) {
      content(visit, 2 + random.nextInt(20));
    }
  }

  private long gap() {
    return 8 + (long) (Math.exp(random.nextDouble() * Math.log(230)));
  }

  private void page(VisitDraft visit, long after, Page page) {
    visit.pageView(after, url(visit.site, page, ""), page.title(), pageViewId());
  }

  private void download(VisitDraft visit, long after, String path) {
    visit.onPage(Kind.DOWNLOAD, after, visit.site.mainUrl() + path, new String[0], null, 0);
  }

  private void outlink(VisitDraft visit, long after, String target) {
    visit.onPage(Kind.OUTLINK, after, target, new String[0], null, 0);
  }

  private void event(VisitDraft visit, long after, String category, String action, String name, Double value) {
    visit.onPage(Kind.EVENT, after, visit.currentPage().url, new String[] {category, action, name}, value, 0);
  }

  private void goal(VisitDraft visit, long after, long goalId, String name, String url) {
    visit.onPage(Kind.GOAL, after, url, new String[] {name}, null, goalId);
  }

  private void content(VisitDraft visit, long after) {
    visit.onPage(Kind.CONTENT, after, visit.currentPage().url, new String[] {"Homepage banner",
        "/media/banner-spring-upgrade.jpg", url(visit.site, SampleCatalog.OFFER, ""), "click"}, null, 0);
  }

  /** A site search (Matomo records it instead of the results page view). */
  private void search(VisitDraft visit, long after, String keyword) {
    visit.search(after, keyword, 1 + random.nextInt(12), pageViewId());
  }

  /** Goes to the form's page (unless already there) and submits it; returns the submission. */
  private Step submitForm(VisitDraft visit, Form form) {
    String formUrl = url(visit.site, form.page(), "");
    String current = visit.currentPage().url;
    if (current == null || !current.startsWith(formUrl)) {
      page(visit, gap(), form.page());
    }
    Step submitted = visit.onPage(Kind.FORM, 30 + random.nextInt(90), visit.currentPage().url,
        new String[] {form.name(), form.id()}, null, 0);
    event(visit, 0, "Forms", "Submit", form.name(), null);
    goal(visit, 0, form.goalId(), form.goalName(), visit.currentPage().url);
    return submitted;
  }

  private Arrival arrival(Origin origin, DemoSite site) {
    if (site.id() == SampleCatalog.SUPPORT.id()) {
      Page landing = pick(SampleCatalog.SUPPORT_PAGES, Page::weight);
      switch (origin) {
        case GOOGLE:
          return new Arrival(Origin.search("Google", Origin.NO_KEYWORD, "https://www.google.com/"),
              DemoVisit.Campaign.NONE, landing, "");
        case BING:
          return new Arrival(Origin.search("Bing", Origin.NO_KEYWORD, "https://www.bing.com/"),
              DemoVisit.Campaign.NONE, landing, "");
        case BLOG:
          return new Arrival(Origin.website(SampleCatalog.BLOGS.get(random.nextInt(SampleCatalog.BLOGS.size()))),
              DemoVisit.Campaign.NONE, landing, "");
        default:
          return new Arrival(DemoVisit.Referrer.direct(), DemoVisit.Campaign.NONE, landing, "");
      }
    }
    List<Page> pages = SampleCatalog.WEBSITE_PAGES;
    Page any = pick(pages, Page::weight);
    Page home = pages.get(0);
    Page cobot = pages.get(2);
    Page post = pages.get(7);
    DemoVisit.Campaign none = DemoVisit.Campaign.NONE;
    switch (origin) {
      case DIRECT:
        return new Arrival(DemoVisit.Referrer.direct(), none, any, "");
      case GOOGLE:
        return new Arrival(Origin.search("Google", Origin.NO_KEYWORD, "https://www.google.com/"), none,
            random.nextBoolean() ? home : any, "");
      case GOOGLE_WITH_KEYWORD:
        return new Arrival(Origin.search("Google", "collaborative robot arm", "https://www.google.com/"), none,
            cobot, "");
      case BING:
        return new Arrival(Origin.search("Bing", random.nextInt(10) < 7 ? Origin.NO_KEYWORD : "cobot for small factory",
            "https://www.bing.com/"), none, any, "");
      case FACEBOOK:
        return new Arrival(Origin.social("Facebook", "https://m.facebook.com/"), none, post, "");
      case TWITTER:
        return new Arrival(Origin.social("Twitter", "https://twitter.com/"), none, post, "");
      case LINKEDIN:
        return new Arrival(Origin.social("LinkedIn", "https://www.linkedin.com/"), none, any, "");
      case BLOG:
        return new Arrival(Origin.website(SampleCatalog.BLOGS.get(random.nextInt(SampleCatalog.BLOGS.size()))), none,
            random.nextBoolean() ? home : cobot, "");
      case FACEBOOK_CPC:
        return new Arrival(Origin.campaign("spring-upgrade", null, "https://m.facebook.com/"),
            new DemoVisit.Campaign("fb-2291", "facebook", "cpc", "spring-upgrade", "", "carousel-a", "", "feed"),
            SampleCatalog.OFFER, "?utm_id=fb-2291&utm_source=Facebook&utm_medium=CPC&utm_campaign=Spring-Upgrade"
                + "&utm_content=carousel-a");
      case LINKEDIN_SOCIAL:
        return new Arrival(Origin.campaign("cobots-101-webinar", null, "https://www.linkedin.com/"),
            DemoVisit.Campaign.of("linkedin", "social", "cobots-101-webinar"), SampleCatalog.WEBINAR,
            "?utm_source=LinkedIn&utm_medium=social&utm_campaign=cobots-101-webinar");
      case MAILCHIMP_EMAIL:
        return new Arrival(Origin.campaign("monthly-newsletter", null, null),
            DemoVisit.Campaign.of("mailchimp", "email", "monthly-newsletter"), post,
            "?utm_source=mailchimp&utm_medium=email&utm_campaign=monthly-newsletter");
      case ADWORDS_PPC:
        return new Arrival(Origin.campaign("brand-search", "acme cobot", "https://www.google.com/"),
            new DemoVisit.Campaign("gads-5512", "adwords", "ppc", "brand-search", "acme cobot", "", "brand", "top"),
            cobot, "?utm_id=gads-5512&utm_source=adwords&utm_medium=ppc&utm_campaign=brand-search&utm_term=acme+cobot");
      case UNMAPPED_SOURCE_MAPPED_CAMPAIGN:
        return new Arrival(Origin.campaign("facebook", null, "https://industry-digest.example/issue-42"),
            DemoVisit.Campaign.of("industry-digest", "", "facebook"), SampleCatalog.OFFER,
            "?utm_source=industry-digest&utm_campaign=facebook");
      case MEDIUM_ONLY:
        return new Arrival(Origin.campaign(null, null, null), DemoVisit.Campaign.of("", "display", ""), home,
            "?utm_medium=display");
      case UNKNOWN_SOURCE:
        return new Arrival(Origin.campaign("launch-week", null, "https://www.producthunt.com/"),
            DemoVisit.Campaign.of("producthunt", "referral", "launch-week"), cobot,
            "?utm_source=producthunt&utm_medium=referral&utm_campaign=launch-week");
      case CAMPAIGN_WITHOUT_PLUGIN_FIELDS:
        return new Arrival(Origin.campaign("winter-webinar", "cobots", null), none, SampleCatalog.WEBINAR,
            "?pk_campaign=winter-webinar&pk_kwd=cobots");
      default:
        throw new IllegalStateException("no arrival for " + origin);
    }
  }

  // ---------------------------------------------------------------- people

  private Visitor visitor(DemoSite site, Place place, int prior) {
    return visitor(site, place, prior, pick(SampleCatalog.GEAR, SampleCatalog.Gear::weight).device());
  }

  private Visitor visitor(DemoSite site, Place place, int prior, DemoVisit.Device device) {
    String id = String.format("%016x", random.nextLong());
    String ip = place.ipPrefix().isEmpty()
        ? "2001:db8:" + Integer.toHexString(0x1000 + random.nextInt(0xE000)) + "::"
        : place.ipPrefix() + ".0.0";
    return new Visitor(site.id(), id, place, device.withLanguage(place.language()), ip, prior);
  }

  private Contact newContact(Place home, Instant createdAt) {
    String name = names.remove(0);
    String company = SampleCatalog.COMPANIES.get(random.nextInt(SampleCatalog.COMPANIES.size()));
    Contact contact = Contact.of(uuid(), name, email(name, company), phone(home), createdAt);
    contacts.add(contact);
    return contact;
  }

  private Contact existingContact() {
    return existingContact(CONTACT_PLACES.get(random.nextInt(CONTACT_PLACES.size())));
  }

  private Contact existingContact(Place home) {
    return newContact(home, now.minus(Duration.ofDays(90 + random.nextInt(600))).minusSeconds(random.nextInt(86_400)));
  }

  /** Two contacts the CRM knows who never show up on the site. */
  private void extraContacts() {
    existingContact();
    existingContact();
  }

  private static String email(String name, String company) {
    String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return plain.toLowerCase(Locale.ROOT).replace(' ', '.') + "@" + company;
  }

  /** A number from a range reserved for fiction in the contact's country. */
  private String phone(Place home) {
    switch (home.geo().countryCode()) {
      case "fr":
        return String.format("+33 1 99 00 %02d %02d", random.nextInt(100), random.nextInt(100));
      case "gb":
        return String.format("+44 7700 900%03d", random.nextInt(1000));
      default:
        return String.format("+1 %s 555 01%02d", home == SampleCatalog.NEW_YORK ? "212" : "415", random.nextInt(100));
    }
  }

  // ---------------------------------------------------------------- ids

  /** Gives out visit ids, page ids and action ids in the order Matomo would have, and builds the visits. */
  private List<DemoVisit> assignIds() {
    drafts.sort(Comparator.comparing(VisitDraft::first).thenComparingLong(d -> d.site.id())
        .thenComparingInt(d -> d.sequence));
    long visitId = FIRST_VISIT_ID;
    for (VisitDraft draft : drafts) {
      draft.visitId = visitId++;
    }
    List<Step> allSteps = new ArrayList<>();
    Map<Step, VisitDraft> owner = new HashMap<>();
    for (VisitDraft draft : drafts) {
      for (Step step : draft.steps) {
        allSteps.add(step);
        owner.put(step, draft);
      }
    }
    allSteps.sort(Comparator.comparing((Step s) -> s.time).thenComparingLong(s -> owner.get(s).visitId));
    long pageId = FIRST_PAGE_ID;
    Map<String, Long> actionIds = new LinkedHashMap<>();
    for (Step step : allSteps) {
      step.pageId = pageId++;
      String key = actionKey(owner.get(step).site, step);
      if (key != null) {
        actionIds.computeIfAbsent(key, k -> FIRST_ACTION_ID + actionIds.size());
      }
    }
    Map<String, Integer> visitsSoFar = new HashMap<>();
    List<DemoVisit> visits = new ArrayList<>();
    for (VisitDraft draft : drafts) {
      int count = visitsSoFar.merge(draft.site.id() + "/" + draft.visitor.visitorId, 1, Integer::sum);
      List<DemoAction> actions = new ArrayList<>();
      for (Step step : draft.steps) {
        actions.add(action(draft.site, step, actionIds));
      }
      Visitor v = draft.visitor;
      visits.add(new DemoVisit(draft.site.id(), draft.visitId, v.visitorId, draft.userId, v.ip,
          v.priorVisits + count, draft.referrer, draft.campaign, v.place.geo(), v.device, actions));
    }
    return visits;
  }

  private static String actionKey(DemoSite site, Step step) {
    switch (step.kind) {
      case PAGE:
      case DOWNLOAD:
      case OUTLINK:
        return site.id() + "|url|" + step.url;
      case SEARCH:
        return site.id() + "|search|" + step.texts[0];
      case CONTENT:
        return site.id() + "|content|" + step.texts[0];
      default:
        return null;
    }
  }

  private static DemoAction action(DemoSite site, Step step, Map<String, Long> ids) {
    switch (step.kind) {
      case PAGE:
        return DemoAction.pageView(step.time, step.url, step.title, step.pageViewId, ids.get(actionKey(site, step)),
            step.pageId);
      case DOWNLOAD:
        return DemoAction.download(step.time, step.url, step.pageViewId, ids.get(actionKey(site, step)), step.pageId);
      case OUTLINK:
        return DemoAction.outlink(step.time, step.url, step.pageViewId, ids.get(actionKey(site, step)), step.pageId);
      case SEARCH:
        return DemoAction.siteSearch(step.time, step.texts[0], null, step.number, step.pageViewId,
            ids.get(actionKey(site, step)), step.pageId);
      case EVENT:
        return DemoAction.event(step.time, step.url, step.pageViewId, ids.get(actionKey(site, step.page)),
            step.pageId, step.texts[0], step.texts[1], step.texts[2], step.value);
      case GOAL:
        return DemoAction.goal(step.time, step.number, step.texts[0], "0", step.url, step.page.pageId);
      case CONTENT:
        return DemoAction.contentInteraction(step.time, step.url, step.pageViewId, ids.get(actionKey(site, step)),
            step.pageId, step.texts[0], step.texts[1], step.texts[2], step.texts[3]);
      case FORM:
        return DemoAction.formSubmit(step.time, step.url, step.pageViewId, step.pageId, step.texts[0], step.texts[1]);
      default:
        throw new IllegalStateException("unknown step " + step.kind);
    }
  }

  // ---------------------------------------------------------------- small helpers

  private static DemoSite site(long id) {
    return id == SampleCatalog.WEBSITE.id() ? SampleCatalog.WEBSITE : SampleCatalog.SUPPORT;
  }

  private static List<Page> pages(long siteId) {
    return siteId == SampleCatalog.WEBSITE.id() ? SampleCatalog.WEBSITE_PAGES : SampleCatalog.SUPPORT_PAGES;
  }

  private static String url(DemoSite site, Page page, String query) {
    return site.mainUrl() + page.path() + query;
  }

  private String pageViewId() {
    StringBuilder id = new StringBuilder(6);
    for (int i = 0; i < 6; i++) {
      id.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
    }
    return id.toString();
  }

  private String uuid() {
    long high = (random.nextLong() & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }

  private Instant between(Instant from, Instant to) {
    long span = to.getEpochSecond() - from.getEpochSecond();
    return from.plusSeconds((long) (random.nextDouble() * span));
  }

  /** Moves a night-time start into the visitor's morning, when that stays before the latest start. */
  private Instant daytime(Instant start, ZoneId zone) {
    int hour = start.atZone(zone).getHour();
    if (hour >= 7 || random.nextInt(100) < 15) {
      return start;
    }
    Instant moved = start.plus(Duration.ofHours(7L - hour)).plusSeconds(random.nextInt(10 * 3600));
    return moved.isAfter(latestStart) ? start : moved;
  }

  private <T> T pick(List<T> options, ToIntFunction<T> weight) {
    int total = 0;
    for (T option : options) {
      total += weight.applyAsInt(option);
    }
    int roll = random.nextInt(total);
    for (T option : options) {
      roll -= weight.applyAsInt(option);
      if (roll < 0) {
        return option;
      }
    }
    throw new IllegalStateException("weights changed while picking");
  }
}
