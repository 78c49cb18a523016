package io.github.matomotracking.examples.demo;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameters of one {@code Live.getLastVisitsDetails} call and the visits they select, the
 * way Matomo 5's Live plugin selects them (plugins/Live/API.php and Model.php):
 *
 * <ul>
 *   <li>{@code idSite}: one id, a comma-separated list, or {@code all};
 *   <li>{@code period} and {@code date} (both needed): the visit's <em>last</em> action from the
 *       start of the first day, in the site's time zone (the server's default zone for several
 *       sites), up to and including the midnight after the last day; open-ended when the last
 *       day is today, {@code today}, {@code now}, or a {@code lastN}/{@code previousN} keyword.
 *       For a single date that is today, Matomo takes yesterday's period, so {@code day/today}
 *       also returns yesterday;
 *   <li>{@code minTimestamp}: last action strictly after that epoch second;
 *   <li>{@code segment}: {@code visitorId}, {@code userId} and {@code visitId} conditions, read by
 *       {@link SegmentParser};
 *   <li>order by (site when several, last action second, idVisit), descending unless
 *       {@code filter_sort_order=asc}; then {@code filter_offset} and {@code filter_limit}
 *       (default 100; below 1, such as -1, means all);
 *   <li>{@code doNotFetchActions}: an empty {@code actionDetails}.
 * </ul>
 */
final class LiveQuery {

  static final int DEFAULT_LIMIT = 100;
  static final Set<String> SEGMENTS = Set.of("visitorId", "userId", "visitId");

  private static final SegmentParser PARSER = new SegmentParser(SEGMENTS);
  private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
  private static final Pattern RANGE = Pattern.compile(
      "(\\d{4}-\\d{1,2}-\\d{1,2}),(\\d{4}-\\d{1,2}-\\d{1,2}|today|now|yesterday)");
  private static final Pattern LAST_OR_PREVIOUS = Pattern.compile("(last|previous)(\\d+)");

  private final List<Long> siteIds;
  private final Instant from;
  private final Instant through;
  private final long minTimestamp;
  private final List<OrGroup> segment;
  private final boolean ascending;
  private final long offset;
  private final long limit;
  private final boolean withActions;

  private LiveQuery(List<Long> siteIds, Instant from, Instant through, long minTimestamp,
      List<List<SegmentParser.Condition>> segment, boolean ascending, long offset, long limit, boolean withActions) {
    this.siteIds = siteIds;
    this.from = from;
    this.through = through;
    this.minTimestamp = minTimestamp;
    this.segment = segment.stream().map(OrGroup::of).toList();
    this.ascending = ascending;
    this.offset = offset;
    this.limit = limit;
    this.withActions = withActions;
  }

  /**
   * Reads the parameters.
   *
   * @param params the request parameters as byte text
   * @param sites the server's sites
   * @param defaultZone the zone used when several sites are asked for
   * @param clock the server's clock, for "today"
   * @throws ApiError as Matomo would answer bad parameters
   */
  static LiveQuery of(Map<String, String> params, Map<Long, DemoSite> sites, ZoneId defaultZone, Clock clock) {
    List<Long> siteIds = siteIds(params.get("idSite"), sites);
    ZoneId zone = siteIds.size() == 1 ? sites.get(siteIds.get(0)).zone() : defaultZone;
    Instant[] window = window(params.get("period"), params.get("date"), zone, clock);
    String segmentText = params.get("segment");
    List<List<SegmentParser.Condition>> segment;
    try {
      segment = segmentText == null ? List.of() : PARSER.parse(segmentText);
    } catch (SegmentParser.InvalidSegmentException e) {
      throw ApiError.ok(e.getMessage());
    }
    for (List<SegmentParser.Condition> group : segment) {
      group.forEach(LiveQuery::checkValue);
    }
    return new LiveQuery(siteIds, window[0], window[1],
        integer(params.get("minTimestamp"), 0),
        segment,
        "asc".equalsIgnoreCase(params.getOrDefault("filter_sort_order", "")),
        Math.max(0, integer(params.get("filter_offset"), 0)),
        integer(params.get("filter_limit"), DEFAULT_LIMIT),
        !PhpText.truthy(params.get("doNotFetchActions")));
  }

  /**
   * The selected visits, ordered and cut to the page. Each site's visits are read from the
   * table's index in order, starting at the time bound: no sorting, and the list holds
   * references only.
   */
  List<DemoVisit> select(VisitTable table) {
    List<Long> order = new ArrayList<>(siteIds);
    if (order.size() > 1) {
      order.sort(ascending ? Comparator.naturalOrder() : Comparator.reverseOrder());
    }
    long lowest = Math.max(minTimestamp > 0 ? minTimestamp + 1 : Long.MIN_VALUE,
        from == null ? Long.MIN_VALUE : from.getEpochSecond());
    long highest = through == null ? Long.MAX_VALUE : through.getEpochSecond();
    long toSkip = offset;
    long wanted = limit < 1 ? Long.MAX_VALUE : limit;
    List<DemoVisit> page = new ArrayList<>();
    for (long siteId : order) {
      Collection<DemoVisit> candidates = segment.size() == 1 && segment.get(0).onlyVisitorIds()
          ? table.rangeOf(segment.get(0).visitorIds(), siteId, lowest, highest, ascending)
          : table.range(siteId, lowest, highest, ascending);
      for (DemoVisit visit : candidates) {
        if (!matchesSegment(visit)) {
          continue;
        }
        if (toSkip > 0) {
          toSkip--;
          continue;
        }
        page.add(visit);
        if (page.size() >= wanted) {
          return page;
        }
      }
    }
    return page;
  }

  boolean withActions() {
    return withActions;
  }

  private boolean matchesSegment(DemoVisit visit) {
    for (OrGroup group : segment) {
      if (!group.matches(visit)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The conditions of a segment joined by OR. Equality on {@code visitorId} (compared as
   * lower-case hex, like the binary column) is looked up in a set, so that a long list of
   * visitorIds costs one look-up per visit; the other conditions are evaluated one by one.
   */
  private record OrGroup(Set<String> visitorIds, List<SegmentParser.Condition> others) {

    static OrGroup of(List<SegmentParser.Condition> conditions) {
      Set<String> ids = new HashSet<>();
      List<SegmentParser.Condition> others = new ArrayList<>();
      for (SegmentParser.Condition condition : conditions) {
        if (condition.name().equals("visitorId") && condition.operator().equals("==")) {
          ids.add(condition.value().toLowerCase(Locale.ROOT));
        } else {
          others.add(condition);
        }
      }
      return new OrGroup(ids, others);
    }

    boolean matches(DemoVisit visit) {
      // A stored visitorId is lower-case hex already (DemoVisit checks it).
      if (visitorIds.contains(visit.visitorId())) {
        return true;
      }
      for (SegmentParser.Condition condition : others) {
        if (LiveQuery.matches(visit, condition)) {
          return true;
        }
      }
      return false;
    }

    boolean onlyVisitorIds() {
      return others.isEmpty() && !visitorIds.isEmpty();
    }
  }

  private static boolean matches(DemoVisit visit, SegmentParser.Condition condition) {
    switch (condition.name()) {
      case "visitorId":
        return SegmentValues.matches(visit.visitorId(), condition, false);
      case "userId":
        return SegmentValues.matches(visit.userId(), condition, true);
      case "visitId":
        return SegmentValues.matches(Long.toString(visit.visitId()), condition, false);
      default:
        return false;
    }
  }

  private static void checkValue(SegmentParser.Condition condition) {
    if (condition.name().equals("visitorId") && !condition.operator().startsWith("::")
        && !condition.value().matches("[0-9a-fA-F]{16}")) {
      throw ApiError.ok("The visitorId must be a 16 characters hexadecimal string, got '"
          + PhpText.htmlEscape(condition.value()) + "'.");
    }
  }

  private static List<Long> siteIds(String idSite, Map<Long, DemoSite> sites) {
    if (idSite == null || idSite.isEmpty()) {
      throw new ApiError(400, "Please specify a value for 'idSite'.");
    }
    if (idSite.equalsIgnoreCase("all")) {
      return new ArrayList<>(sites.keySet());
    }
    List<Long> ids = new ArrayList<>();
    for (String part : idSite.split(",")) {
      long id = integer(part.trim(), -1);
      if (id < 1) {
        throw ApiError.ok("The parameter 'idSite' is not a valid site id: '" + PhpText.utf8(part) + "'.");
      }
      if (!sites.containsKey(id)) {
        throw ApiError.ok("An unexpected website was found in the request: website id was set to '" + id + "' .");
      }
      if (!ids.contains(id)) {
        ids.add(id);
      }
    }
    return ids;
  }

  /** {@code [from, through]}, either null when open. */
  private static Instant[] window(String period, String date, ZoneId zone, Clock clock) {
    if (period == null || period.isEmpty() || date == null || date.isEmpty()) {
      return new Instant[2];
    }
    LocalDate today = LocalDate.now(clock.withZone(zone));
    LocalDate first;
    LocalDate last;
    boolean open;
    String p = period.toLowerCase(Locale.ROOT);
    if (p.equals("range")) {
      Matcher range = RANGE.matcher(date);
      Matcher lastN = LAST_OR_PREVIOUS.matcher(date);
      if (range.matches()) {
        first = day(range.group(1));
        String end = range.group(2);
        last = end.equals("today") || end.equals("now") ? today
            : end.equals("yesterday") ? today.minusDays(1) : day(end);
        open = end.equals("today") || end.equals("now") || last.equals(today);
      } else if (lastN.matches()) {
        int n = Math.max(1, Integer.parseInt(lastN.group(2)));
        boolean previous = lastN.group(1).equals("previous");
        last = previous ? today.minusDays(1) : today;
        first = last.minusDays(n - 1L);
        open = true;
      } else {
        throw ApiError.ok("The date '" + PhpText.htmlEscape(PhpText.utf8(date)) + "' is not a correct date range");
      }
    } else {
      LocalDate at = singleDate(date, today);
      open = date.equals("today") || date.equals("now") || at.equals(today);
      if (at.equals(today)) {
        at = at.minusDays(1);
      }
      switch (p) {
        case "day":
          first = at;
          last = at;
          break;
        case "week":
          first = at.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
          last = first.plusDays(6);
          break;
        case "month":
          first = at.withDayOfMonth(1);
          last = at.with(TemporalAdjusters.lastDayOfMonth());
          break;
        case "year":
          first = at.withDayOfYear(1);
          last = at.with(TemporalAdjusters.lastDayOfYear());
          break;
        default:
          throw ApiError.ok("The period '" + PhpText.htmlEscape(PhpText.utf8(period)) + "' is not supported."
              + " Try any of the following instead: day, week, month, year, range");
      }
    }
    Instant from = first.atStartOfDay(zone).toInstant();
    Instant through = open ? null : last.plusDays(1).atStartOfDay(zone).toInstant();
    return new Instant[] {from, through};
  }

  private static LocalDate singleDate(String date, LocalDate today) {
    switch (date) {
      case "today":
      case "now":
        return today;
      case "yesterday":
      case "yesterdaySameTime":
        return today.minusDays(1);
      default:
        if (!DAY.matcher(date).matches()) {
          throw badDate(date);
        }
        return day(date);
    }
  }

  private static LocalDate day(String text) {
    Matcher m = DAY.matcher(text);
    if (!m.matches()) {
      throw badDate(text);
    }
    try {
      return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    } catch (DateTimeException e) {
      throw badDate(text);
    }
  }

  private static ApiError badDate(String text) {
    return ApiError.ok("Date format must be: YYYY-MM-DD, or 'today' or 'yesterday' or any keyword supported by"
        + " the strtotime function (see http://php.net/strtotime for more information): "
        + PhpText.htmlEscape(PhpText.utf8(text)));
  }

  /** PHP's reading of an integer request value: the default unless it is a whole number. */
  static long integer(String text, long fallback) {
    if (text == null || !text.trim().matches("-?\\d{1,18}")) {
      return fallback;
    }
    return Long.parseLong(text.trim());
  }
}
