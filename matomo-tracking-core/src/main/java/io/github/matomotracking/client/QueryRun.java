package io.github.matomotracking.client;

import io.github.matomotracking.model.Visit;
import io.github.matomotracking.model.VisitWarning;
import java.io.Closeable;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One running {@link VisitQuery}: walks its sites one by one, each site's segment chunks one by
 * one, and pages through each (see {@link PageState}), pulling visits from the response while it
 * arrives. Not thread-safe; used by one consumer at a time.
 */
final class QueryRun implements Iterator<Visit>, AutoCloseable {

  static final String LIVE = "Live.getLastVisitsDetails";
  private static final int MIN_PAGE_SIZE = 10;

  private final VisitQuery query;
  private final Transport transport;
  private final LiveResponseReader reader;
  private final Retrier retrier;
  private final Supplier<List<Long>> allSites;
  private final Consumer<? super VisitWarning> warnings;
  private final Runnable onClose;
  private final List<Optional<Segment>> chunks;
  private final boolean filterByIdentity;
  private final Set<String> wantedVisitorIds;
  private final Set<String> wantedUserIds;
  private final DedupWindow dedup = new DedupWindow();

  private List<Long> sites;
  private int siteIndex;
  private int chunkIndex;
  private PageState state;
  private int pageSize;
  private int pageNumber = 1;
  private int attempt = 1;

  private Exchange exchange;
  private VisitCursor cursor;
  private PageProgress progress;
  private int requestedLimit;
  private Visit next;
  private boolean finished;
  private boolean closed;

  private int requests;
  private int pages;
  private long visits;
  private int retries;
  private long bytes;
  private long skipped;
  private long duplicates;
  private long filteredOut;

  QueryRun(VisitQuery query, MatomoClientConfig config, Transport transport, LiveResponseReader reader,
      Retrier retrier, Supplier<List<Long>> allSites, Consumer<? super VisitWarning> warnings, Runnable onClose) {
    this.query = query;
    this.transport = transport;
    this.reader = reader;
    this.retrier = retrier;
    this.allSites = allSites;
    this.warnings = warnings;
    this.onClose = onClose;
    this.pageSize = config.pageSize();
    SegmentBuilder segments = SegmentBuilder.anyOf();
    query.visitorIds().forEach(segments::visitorId);
    boolean hash = config.hashUserIds();
    for (String userId : query.userIds()) {
      if (hash) {
        segments.userIdViaVisitorId(userId);
      } else {
        segments.userId(userId);
      }
    }
    this.chunks = segments.isEmpty()
        ? List.of(Optional.empty())
        : segments.build().stream().map(Optional::of).collect(Collectors.toUnmodifiableList());
    // Matomo compares userIds in MySQL under the table's collation (usually *_general_ci: case,
    // accents and trailing spaces ignored), so a userId condition can select another user's
    // visits; with hashed userIds, another user's id may hash alike. Only exact matches pass.
    this.filterByIdentity = query.hasIdentities();
    this.wantedVisitorIds = query.visitorIds().stream()
        .map(id -> id.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    this.wantedUserIds = Set.copyOf(query.userIds());
  }

  @Override
  public boolean hasNext() {
    while (next == null && !finished) {
      step();
    }
    return next != null;
  }

  @Override
  public Visit next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more visits");
    }
    Visit out = next;
    next = null;
    return out;
  }

  FetchSummary summary() {
    return new FetchSummary(requests, pages, visits, retries, bytes, skipped, duplicates, filteredOut);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    finished = true;
    next = null;
    try {
      closePage();
    } finally {
      onClose.run();
    }
  }

  private void step() {
    try {
      if (cursor == null) {
        if (!moveToWork()) {
          close();
          return;
        }
        openPage();
        return;
      }
      readOne();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private boolean moveToWork() {
    if (sites == null) {
      sites = query.sites().isAll() ? allSites.get() : query.sites().ids();
    }
    if (siteIndex >= sites.size()) {
      return false;
    }
    if (state == null) {
      state = PageState.start(query.minTimestamp());
    }
    return true;
  }

  private void openPage() {
    long site = sites.get(siteIndex);
    RequestContext context = new RequestContext(LIVE, site, pageNumber, attempt);
    requestedLimit = pageSize;
    progress = new PageProgress();
    try {
      exchange = transport.send(context, params(site), this::count);
      cursor = reader.open(exchange.body(), exchange.status());
    } catch (RuntimeException e) {
      MatomoException failure = exchange != null ? exchange.translate(e) : asMatomo(e);
      closePage();
      recover(context, failure);
    }
  }

  private void readOne() {
    Visit visit;
    try {
      visit = cursor.next();
    } catch (RuntimeException e) {
      MatomoException failure = exchange.translate(e);
      RequestContext context = exchange.context();
      closePage();
      recover(context, failure);
      return;
    }
    passWarnings();
    if (visit == null) {
      pageEnded();
      return;
    }
    long second = visit.lastActionTime().orElse(visit.firstActionTime()).getEpochSecond();
    if (state.draining()) {
      if (second > state.drainSecond()) {
        closePage();
        pages++;
        attempt = 1;
        moveTo(state.afterDrain());
        return;
      }
      if (second < state.drainSecond()) {
        return;
      }
    }
    progress.record(second, visit.visitId());
    if (filterByIdentity && !wanted(visit)) {
      filteredOut++;
      return;
    }
    if (!dedup.admit(visit.key(), second)) {
      duplicates++;
      return;
    }
    visits++;
    next = visit;
  }

  private void pageEnded() {
    boolean full = cursor.visitsRead() + cursor.visitsSkipped() >= requestedLimit;
    int readable = progress.count();
    closePage();
    pages++;
    attempt = 1;
    if (!full) {
      if (state.draining()) {
        moveTo(state.afterDrain());
      } else {
        nextChunk();
      }
      return;
    }
    if (readable == 0) {
      throw new MatomoUnreadableResponseException(
          "a full page of " + requestedLimit + " visits held none that could be read, so paging"
              + " can not go on (" + LIVE + ", site " + sites.get(siteIndex) + ")", 200, null, null);
    }
    moveTo(state.afterPrefix(progress));
  }

  private void recover(RequestContext context, MatomoException failure) {
    if (progress != null && progress.count() > 0) {
      moveTo(state.afterPrefix(progress));
      attempt = 1;
    }
    Optional<Duration> delay = retrier.delayAfter(attempt, failure);
    if (delay.isEmpty()) {
      throw failure;
    }
    if (isQueryTimeout(failure) && pageSize > MIN_PAGE_SIZE) {
      pageSize = Math.max(MIN_PAGE_SIZE, pageSize / 2);
    }
    retries++;
    retrier.pause(context.withAttempt(attempt), delay.get(), failure);
    attempt++;
  }

  private void moveTo(PageState nextState) {
    Transport.LOG.log(Level.TRACE, () -> "paging " + state + " -> " + nextState);
    state = nextState;
    pageNumber++;
    if (chunks.size() == 1) {
      OptionalLong bound = nextState.forgettableUpTo();
      if (bound.isPresent()) {
        dedup.forgetUpTo(bound.getAsLong());
      }
    }
  }

  private void nextChunk() {
    state = null;
    pageNumber++;
    chunkIndex++;
    if (chunkIndex >= chunks.size()) {
      chunkIndex = 0;
      siteIndex++;
      dedup.clear();
    }
  }

  private Map<String, String> params(long site) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("idSite", Long.toString(site));
    query.since().ifPresent(since -> {
      params.put("period", "range");
      params.put("date", since + "," + query.until().map(Object::toString).orElse("today"));
    });
    Optional<Segment> segment = chunks.get(chunkIndex);
    if (state.draining()) {
      segment = Optional.of(segment.orElse(Segment.matchAll()).andVisitIdAbove(state.idFloor()));
    }
    segment.ifPresent(s -> params.put("segment", s.definition()));
    state.minTimestamp().ifPresent(min -> params.put("minTimestamp", Long.toString(min)));
    params.put("filter_limit", Integer.toString(requestedLimit));
    params.put("filter_sort_order", "asc");
    params.put("doNotFetchActions", query.doNotFetchActions() ? "1" : "0");
    return params;
  }

  private boolean wanted(Visit visit) {
    return visit.visitorId().map(id -> wantedVisitorIds.contains(id.toLowerCase(Locale.ROOT))).orElse(false)
        || visit.userId().map(wantedUserIds::contains).orElse(false);
  }

  private void passWarnings() {
    for (VisitWarning warning : cursor.drainWarnings()) {
      warnings.accept(transport.scrubber().scrub(warning));
    }
  }

  private void count(MatomoRequestEvent event) {
    requests++;
    bytes += event.bytesReceived();
  }

  private void closePage() {
    if (cursor != null) {
      skipped += cursor.visitsSkipped();
      passWarnings();
      Closeable closeable = cursor;
      cursor = null;
      try {
        closeable.close();
      } catch (IOException | RuntimeException e) {
        Transport.LOG.log(Level.DEBUG, () -> "closing a response reader failed: " + e);
      }
    }
    if (exchange != null) {
      Exchange open = exchange;
      exchange = null;
      open.close();
    }
  }

  private static boolean isQueryTimeout(MatomoException failure) {
    return failure instanceof MatomoServerException
        && failure.matomoMessage().map(m -> m.toLowerCase(Locale.ROOT).contains("in time")).orElse(false);
  }

  private static MatomoException asMatomo(RuntimeException e) {
    if (e instanceof MatomoException) {
      return (MatomoException) e;
    }
    return new MatomoUnreadableResponseException("the response could not be read: " + e, -1, null, e);
  }
}
