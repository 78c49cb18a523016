package io.github.matomotracking.examples.demo.run;

import io.github.matomotracking.model.LookupRef;
import io.github.matomotracking.model.WebAction;
import io.github.matomotracking.model.WebPageRef;
import io.github.matomotracking.model.WebSession;
import io.github.matomotracking.port.SessionStore;
import io.github.matomotracking.port.StoredSession;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the database holds once the demo ran, read back through the {@link SessionStore} (so it
 * shows what was really stored, not what the runs meant to store): sessions and actions per
 * contact, sessions by lead source, by lead channel and by country, and the most viewed pages.
 */
final class DatabaseReport {

  /** Page views carry this action type code. */
  private static final String PAGE_VIEW = "action";
  private static final String NONE = "(none)";
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  /** The sessions and actions of one contact. */
  static final class ContactTotals {
    private final String contactId;
    private long sessions;
    private long actions;
    private Instant first;
    private Instant last;

    ContactTotals(String contactId) {
      this.contactId = contactId;
    }

    String contactId() {
      return contactId;
    }

    long sessions() {
      return sessions;
    }

    long actions() {
      return actions;
    }

    void add(WebSession session, int actionCount) {
      sessions++;
      actions += actionCount;
      Instant end = session.lastActionDate().orElse(session.startDate());
      first = first == null || session.startDate().isBefore(first) ? session.startDate() : first;
      last = last == null || end.isAfter(last) ? end : last;
    }
  }

  private final Map<String, ContactTotals> contacts = new HashMap<>();
  private final Map<String, Long> sources = new HashMap<>();
  private final Map<String, Long> channels = new HashMap<>();
  private final Map<String, Long> countries = new HashMap<>();
  private final Map<String, Long> pageViews = new HashMap<>();
  private final Map<String, String> pageUrls = new HashMap<>();
  private long sessions;
  private long actions;

  private DatabaseReport() {}

  /**
   * Reads every stored session.
   *
   * @param store the store the demo's sink wrote to
   * @return the report
   */
  static DatabaseReport read(SessionStore store) {
    DatabaseReport report = new DatabaseReport();
    store.forEach(report::add);
    return report;
  }

  private void add(StoredSession stored) {
    WebSession session = stored.session();
    sessions++;
    actions += stored.actions().size();
    contacts.computeIfAbsent(stored.contactId(), ContactTotals::new)
        .add(session, stored.actions().size());
    count(sources, session.source().map(LookupRef::name).orElse(NONE));
    count(channels, session.channel().map(LookupRef::name).orElse(NONE));
    count(countries, session.country().lookup().map(LookupRef::name)
        .or(() -> session.country().name()).orElse("(unknown)"));
    for (WebAction action : stored.actions()) {
      if (PAGE_VIEW.equals(action.type().code()) && action.webPage().isPresent()) {
        WebPageRef page = action.webPage().get();
        count(pageViews, page.name());
        pageUrls.putIfAbsent(page.name(), page.url());
      }
    }
  }

  private static void count(Map<String, Long> counts, String key) {
    counts.merge(key, 1L, Long::sum);
  }

  /** Stored sessions. */
  long sessions() {
    return sessions;
  }

  /** Stored actions. */
  long actions() {
    return actions;
  }

  /** Contacts owning at least one session. */
  int contacts() {
    return contacts.size();
  }

  /** Sessions per lead source name ({@code (none)} when none was resolved). */
  Map<String, Long> sessionsBySource() {
    return Map.copyOf(sources);
  }

  /** Sessions per lead channel name. */
  Map<String, Long> sessionsByChannel() {
    return Map.copyOf(channels);
  }

  /** Sessions per country. */
  Map<String, Long> sessionsByCountry() {
    return Map.copyOf(countries);
  }

  /** Page views per web page name. */
  Map<String, Long> pageViews() {
    return Map.copyOf(pageViews);
  }

  /** The contacts, most sessions first (then most actions, then id). */
  List<ContactTotals> contactsBySessions() {
    List<ContactTotals> sorted = new ArrayList<>(contacts.values());
    sorted.sort(Comparator.comparingLong(ContactTotals::sessions).reversed()
        .thenComparing(Comparator.comparingLong(ContactTotals::actions).reversed())
        .thenComparing(ContactTotals::contactId));
    return sorted;
  }

  /**
   * Prints the report's tables.
   *
   * @param out where to print
   * @param names contact names by id (missing ones show the id alone)
   * @param top how many rows the long tables show
   */
  void print(PrintStream out, Function<String, Optional<String>> names, int top) {
    out.printf("%d web sessions with %d web actions, owned by %d contacts.%n", sessions, actions,
        contacts.size());
    out.println();
    out.println("Sessions and actions per contact" + limitNote(contacts.size(), top));
    TextTable table = new TextTable("contact", "name", "#sessions", "#actions", "first visit (UTC)",
        "last action (UTC)");
    contactsBySessions().stream().limit(top).forEach(c -> table.row(shortId(c.contactId),
        names.apply(c.contactId).orElse(""), c.sessions, c.actions, MINUTE.format(c.first),
        MINUTE.format(c.last)));
    table.print(out);
    out.println();
    printCounts(out, "Sessions by lead source", "lead source", sources, top);
    printCounts(out, "Sessions by lead channel", "lead channel", channels, top);
    out.println("Top pages (page views)" + limitNote(pageViews.size(), top));
    TextTable pages = new TextTable("web page", "#views", "path");
    sorted(pageViews).stream().limit(top)
        .forEach(e -> pages.row(e.getKey(), e.getValue(), path(pageUrls.get(e.getKey()))));
    pages.print(out);
    out.println();
    printCounts(out, "Sessions by country", "country", countries, top);
  }

  private static void printCounts(PrintStream out, String title, String column,
      Map<String, Long> counts, int top) {
    out.println(title + limitNote(counts.size(), top));
    TextTable table = new TextTable(column, "#sessions");
    sorted(counts).stream().limit(top).forEach(e -> table.row(e.getKey(), e.getValue()));
    table.print(out);
    out.println();
  }

  private static String limitNote(int size, int top) {
    return size > top ? " (top " + top + " of " + size + ")" : "";
  }

  private static List<Map.Entry<String, Long>> sorted(Map<String, Long> counts) {
    List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
    entries.sort(Map.Entry.<String, Long>comparingByValue().reversed()
        .thenComparing(Map.Entry.comparingByKey()));
    return entries;
  }

  /** The path of a page's URL (the site is in the page's name), or the URL when it has none. */
  private static String path(String url) {
    try {
      String path = java.net.URI.create(url).getRawPath();
      return path == null || path.isEmpty() ? url : path;
    } catch (IllegalArgumentException e) {
      return url;
    }
  }

  /** A contact id short enough for a table: the first 8 characters of a long id. */
  static String shortId(String contactId) {
    Objects.requireNonNull(contactId, "contactId");
    return contactId.length() <= 12 ? contactId : contactId.substring(0, 8) + "...";
  }
}
