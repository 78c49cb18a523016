package io.github.matomotracking.sync;

import io.github.matomotracking.identify.ContactIdentifier;
import io.github.matomotracking.identify.ContactMatcher;
import io.github.matomotracking.identify.DefaultContactIdentifier;
import io.github.matomotracking.identify.EmailClick;
import io.github.matomotracking.identify.FormSubmission;
import io.github.matomotracking.identify.Identification;
import io.github.matomotracking.identify.IdentityKey;
import io.github.matomotracking.identify.IdentityKind;
import io.github.matomotracking.mapping.VisitMapper;
import io.github.matomotracking.port.LookupRepository;
import io.github.matomotracking.port.SessionSink;
import io.github.matomotracking.port.SessionStore;
import io.github.matomotracking.port.SyncCursor;
import io.github.matomotracking.port.SyncStateStore;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The sync engine: brings the Matomo visits of identified visitors into the host's
 * {@link SessionSink}, one entry point per flow (domain rules, section 1).
 *
 * <ul>
 *   <li>{@link #onFormSubmission(FormSubmission)}: a visitor submitted a form; records the
 *       identification and imports the visitor's history at once.
 *   <li>{@link #onIdentifications(Collection)}: many identifications at once (a backfill),
 *       their visitors imported in batches.
 *   <li>{@link #onEmailClick(EmailClick)}: a marketing-email link was clicked; records the click
 *       only (no Matomo call).
 *   <li>{@link #syncEmailClickContacts()}: the visits of contacts who clicked recently and have
 *       no web session yet, found by userId; contacts this flow already read are read again from
 *       their cursor while the click is recent, so visits still going on are completed.
 *   <li>{@link #refresh()}: new visits, and updates of ongoing ones, of every tracked visitor,
 *       from its cursor.
 *   <li>{@link #runScheduled()}: refresh, then the email-click contacts: the daily job.
 * </ul>
 *
 * <p>Every entry point returns a {@link SyncReport} and does not throw for failures of Matomo or
 * of the host's stores: the report lists them ({@link SyncReport#failures()}), each with the
 * identities and contacts it concerns, and the stored state is left so that the next run
 * converges to the result of an undisturbed one (the package documentation gives the argument).
 * When a report of {@link #onFormSubmission} or {@link #onEmailClick} has a failure at stage
 * {@link SyncStage#STATE}, the event was not recorded: deliver it again. Other failures are
 * caught up by the next scheduled run.
 *
 * <p>Thread-safe: entry points may be called from several threads at once (a webhook handler
 * while the daily job runs). Work on one identity never overlaps within an engine. Use one
 * engine per state store: two processes synchronising the same store at the same time are not
 * coordinated.
 */
public final class SyncEngine {

  private static final Logger LOG = System.getLogger(SyncEngine.class.getName());

  private final Ports ports;
  private final Optional<ContactMatcher> matcher;
  private final BatchScheduler scheduler;
  private final Set<Run> activeRuns = ConcurrentHashMap.newKeySet();

  private SyncEngine(Builder builder) {
    this.ports = new Ports(
        Objects.requireNonNull(builder.config, "config"),
        Objects.requireNonNull(builder.source, "source"),
        Objects.requireNonNull(builder.sink, "sink"),
        Objects.requireNonNull(builder.sessions, "sessions"),
        Objects.requireNonNull(builder.state, "state"),
        Objects.requireNonNull(builder.lookups, "lookups"),
        builder.identifier,
        builder.mapper,
        new ListenerGuard(builder.listener),
        builder.clock,
        new IdentityGuard(),
        new ReentrantReadWriteLock());
    this.matcher = Optional.ofNullable(builder.matcher);
    this.scheduler = new BatchScheduler(ports);
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The configuration.
   *
   * @return the configuration
   */
  public SyncConfig config() {
    return ports.config();
  }

  /**
   * A form was submitted (flow A). Records the identification it makes (the submission's contact
   * id, else the engine's {@link ContactMatcher}), then imports the visitor's visits from the
   * {@link SyncConfig#historyWindow()} before the submission up to now, so every stored visit of
   * the visitor follows the identification rules with the new identification.
   *
   * @param submission the submission
   * @return what was recorded and imported; a {@link SyncStage#MATCH} failure when no contact
   *     matched the typed data (create the contact and call again with its id)
   * @throws IllegalStateException when the submission has no contact id and the engine no
   *     matcher
   */
  public SyncReport onFormSubmission(FormSubmission submission) {
    Objects.requireNonNull(submission, "submission");
    if (submission.contactId().isEmpty() && matcher.isEmpty()) {
      throw new IllegalStateException("the form submission " + submission.key()
          + " has no contact id, and no ContactMatcher was given to the engine's builder");
    }
    return onFormSubmission(submission, matcher.orElse(data -> Optional.empty()));
  }

  /**
   * A form was submitted (flow A), its contact found by its contact id or else by
   * {@code matcher}. See {@link #onFormSubmission(FormSubmission)}.
   *
   * @param submission the submission
   * @param matcher matches the typed contact data to a contact
   * @return what was recorded and imported
   */
  public SyncReport onFormSubmission(FormSubmission submission, ContactMatcher matcher) {
    Objects.requireNonNull(submission, "submission");
    Objects.requireNonNull(matcher, "matcher");
    Optional<Identification> identification;
    try {
      identification = Identification.fromSubmission(submission, matcher);
    } catch (RuntimeException e) {
      return failedBeforeStart(SyncStage.MATCH, submission.visitor(), List.of(), e);
    }
    if (identification.isEmpty()) {
      return failedBeforeStart(SyncStage.MATCH, submission.visitor(), List.of(),
          new IllegalArgumentException("no contact matches the data typed into form "
              + submission.key() + "; create the contact and submit its id"));
    }
    return onIdentification(identification.get());
  }

  /**
   * An identity was bound to a contact (a form submission, or a binding of the host's own).
   * For a visitorId: lowers the visitor's cursor to the history window before the
   * identification, records it, and imports the visitor's visits from there, so visits stored
   * before (a late identification included) get the owners the rules now give. For a userId:
   * records it only.
   *
   * @param identification the identification
   * @return what was recorded and imported
   */
  public SyncReport onIdentification(Identification identification) {
    Objects.requireNonNull(identification, "identification");
    return onIdentifications(List.of(identification));
  }

  /**
   * Many identifications at once, such as a backfill of past form submissions: records each as
   * {@link #onIdentification(Identification)} does, in the order given, then imports the
   * visitors' visits in identity batches (many visitorIds per query) rather than one by one.
   *
   * @param identifications the identifications
   * @return what was recorded and imported; an identification that could not be recorded is a
   *     {@link SyncStage#STATE} failure and its visitor is not imported
   */
  public SyncReport onIdentifications(Collection<Identification> identifications) {
    List<Identification> all = List.copyOf(identifications);
    Run run = begin(SyncFlow.IDENTIFICATION);
    try {
      Map<IdentityKey, Set<String>> contacts = new LinkedHashMap<>();
      for (Identification identification : all) {
        if (run.isCancelled() || Thread.currentThread().isInterrupted()) {
          run.cancel();
          return end(run);
        }
        List<String> contact = List.of(identification.contactId());
        IdentityKey identity = identification.identity();
        if (identity.kind() == IdentityKind.USER_ID) {
          record(run, identification, contact);
          continue;
        }
        try {
          ports.guard().acquire(List.of(identity));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          run.cancel();
          return end(run);
        }
        try {
          if (lowerCursorAndRecord(run, identification, contact)) {
            contacts.computeIfAbsent(identity, k -> new TreeSet<>()).add(identification.contactId());
          }
        } finally {
          ports.guard().release(List.of(identity));
        }
      }
      if (!contacts.isEmpty()) {
        long defaultStart = windowStart(run, ports.config().historyWindow());
        List<BatchPlan> plans = plan(run, IdentityKind.VISITOR_ID, new ArrayList<>(contacts.keySet()),
            defaultStart, false, contacts);
        if (plans != null) {
          scheduler.run(run, plans);
        }
      }
      return end(run);
    } finally {
      activeRuns.remove(run);
    }
  }

  /**
   * Lowers the cursor so it covers nothing after the history window of the identification, then
   * records the identification, both while no write batch is deciding owners. Lowering first
   * means that, should the import not finish, the next refresh re-reads those visits.
   */
  private boolean lowerCursorAndRecord(
      Run run, Identification identification, List<String> contacts) {
    IdentityKey identity = identification.identity();
    long windowStart = Math.max(0,
        identification.at().minus(ports.config().historyWindow()).getEpochSecond());
    ports.identificationLock().writeLock().lock();
    try {
      StageException.run(SyncStage.STATE, () -> {
        Optional<SyncCursor> cursor = ports.state().cursor(identity);
        if (cursor.isEmpty() || cursor.get().lastActionTime() > windowStart) {
          ports.state().saveCursor(identity, SyncCursor.startingAt(windowStart));
        }
      });
      return record(run, identification, contacts);
    } catch (StageException e) {
      fail(run, SyncFailure.of(e.stage(), List.of(identity), contacts, e.failure()));
      return false;
    } finally {
      ports.identificationLock().writeLock().unlock();
    }
  }

  private boolean record(Run run, Identification identification, List<String> contacts) {
    try {
      boolean recorded = StageException.at(SyncStage.STATE,
          () -> ports.state().recordIdentification(identification));
      if (recorded) {
        run.totals().identificationRecorded();
      }
      return true;
    } catch (StageException e) {
      fail(run, SyncFailure.of(e.stage(), List.of(identification.identity()), contacts,
          e.failure()));
      return false;
    }
  }

  /**
   * A marketing-email link was clicked (flow B). Records the click, nothing else: the
   * {@link #syncEmailClickContacts()} run fetches the contact's visits.
   *
   * @param click the click
   * @return whether it was new (false when the same click was recorded before)
   * @throws RuntimeException when the state store fails: deliver the click again
   */
  public boolean onEmailClick(EmailClick click) {
    Objects.requireNonNull(click, "click");
    return ports.state().recordEmailClick(click);
  }

  /**
   * Fetches, by userId, the visits of contacts who clicked a marketing email within
   * {@link SyncConfig#emailClickWindow()} and have no web session yet (flow B), many userIds per
   * query. A contact this flow has already read (it has a userId cursor) is read again from its
   * cursor while its click is within the window, even though it now has a session: a visit that
   * was still going on at the previous run gets its later actions, duration and last action time,
   * and later visits carrying the contact's userId arrive too. A visit still going on at the last
   * run of the window keeps what that run saw.
   *
   * @return what was fetched and stored
   */
  public SyncReport syncEmailClickContacts() {
    Run run = begin(SyncFlow.EMAIL_CLICK_CONTACTS);
    try {
      emailClickContacts(run);
      return end(run);
    } finally {
      activeRuns.remove(run);
    }
  }

  /**
   * Fetches new visits, and updates of ongoing ones, of every tracked visitor (flow C), from its
   * cursor, many visitorIds per query.
   *
   * @return what was fetched and stored
   */
  public SyncReport refresh() {
    Run run = begin(SyncFlow.REFRESH);
    try {
      refresh(run);
      return end(run);
    } finally {
      activeRuns.remove(run);
    }
  }

  /**
   * The daily job: {@link #refresh()}, then {@link #syncEmailClickContacts()}, as one report.
   *
   * @return what was fetched and stored
   */
  public SyncReport runScheduled() {
    Run run = begin(SyncFlow.SCHEDULED);
    try {
      refresh(run);
      if (!run.isCancelled()) {
        emailClickContacts(run);
      }
      return end(run);
    } finally {
      activeRuns.remove(run);
    }
  }

  /**
   * Cancels the runs in progress: each stops before its next write batch or identity batch,
   * leaving a consistent state, and reports {@link SyncReport#cancelled()}. Runs started later
   * are not affected.
   */
  public void cancel() {
    activeRuns.forEach(Run::cancel);
  }

  private void refresh(Run run) {
    List<String> visitors;
    try {
      visitors = StageException.at(SyncStage.STATE, () -> ports.state().trackedVisitorIds());
    } catch (StageException e) {
      fail(run, SyncFailure.of(e.stage(), List.of(), List.of(), e.failure()));
      return;
    }
    long defaultStart = windowStart(run, ports.config().historyWindow());
    List<IdentityKey> identities = new ArrayList<>(visitors.size());
    visitors.forEach(visitor -> identities.add(IdentityKey.visitorId(visitor)));
    List<BatchPlan> plans =
        plan(run, IdentityKind.VISITOR_ID, identities, defaultStart, false, Map.of());
    if (plans != null) {
      scheduler.run(run, plans);
    }
  }

  private void emailClickContacts(Run run) {
    long defaultStart = windowStart(run, ports.config().emailClickWindow());
    List<IdentityKey> identities = new ArrayList<>();
    try {
      List<String> clicked = StageException.at(SyncStage.STATE, () -> ports.state()
          .contactsWhoClickedSince(run.startedAt().minus(ports.config().emailClickWindow())));
      for (String contact : clicked) {
        IdentityKey identity = IdentityKey.userId(contact);
        // A contact this flow already read (it has a cursor) is read again from its cursor while
        // the click is in the window, so that a visit still going on at the last run gets its
        // later actions; a contact without one is read only while it has no session at all.
        boolean readBefore = StageException.at(SyncStage.STATE,
            () -> ports.state().cursor(identity)).isPresent();
        if (readBefore || !StageException.at(SyncStage.SINK,
            () -> ports.sessions().hasSessionForContact(contact))) {
          identities.add(identity);
        }
      }
    } catch (StageException e) {
      fail(run, SyncFailure.of(e.stage(), List.of(), List.of(), e.failure()));
      return;
    }
    List<BatchPlan> plans =
        plan(run, IdentityKind.USER_ID, identities, defaultStart, true, Map.of());
    if (plans != null) {
      scheduler.run(run, plans);
    }
  }

  /**
   * Splits identities into batches: sorted by where they start reading (so that an identity
   * with a recent cursor does not re-read the long history of another), then by key.
   */
  private List<BatchPlan> plan(Run run, IdentityKind kind, List<IdentityKey> identities,
      long defaultStart, boolean markStarted, Map<IdentityKey, Set<String>> contactsOf) {
    record Start(IdentityKey identity, long from) {}
    List<Start> starts = new ArrayList<>(identities.size());
    try {
      for (IdentityKey identity : identities) {
        Optional<SyncCursor> cursor =
            StageException.at(SyncStage.STATE, () -> ports.state().cursor(identity));
        starts.add(new Start(identity, cursor.map(SyncCursor::lastActionTime).orElse(defaultStart)));
      }
    } catch (StageException e) {
      fail(run, SyncFailure.of(e.stage(), List.of(), List.of(), e.failure()));
      return null;
    }
    starts.sort(Comparator.comparingLong(Start::from).thenComparing(Start::identity));
    int size = ports.config().identitiesPerRequest();
    List<BatchPlan> plans = new ArrayList<>();
    for (int i = 0; i < starts.size(); i += size) {
      List<IdentityKey> chunk = starts.subList(i, Math.min(starts.size(), i + size)).stream()
          .map(Start::identity).sorted().toList();
      List<String> contacts = kind == IdentityKind.USER_ID
          ? chunk.stream().map(IdentityKey::value).toList()
          : chunk.stream().flatMap(id -> contactsOf.getOrDefault(id, Set.of()).stream())
              .distinct().sorted().toList();
      plans.add(new BatchPlan(kind, chunk, contacts, defaultStart, markStarted));
    }
    return plans;
  }

  private static long windowStart(Run run, java.time.Duration window) {
    return Math.max(0, run.startedAt().minus(window).getEpochSecond());
  }

  private Run begin(SyncFlow flow) {
    Run run = new Run(flow, ports.clock().instant());
    activeRuns.add(run);
    ports.listener().onRunStarted(flow);
    return run;
  }

  private SyncReport end(Run run) {
    boolean cancelled = run.isCancelled();
    SyncReport report =
        run.totals().report(run.flow(), run.startedAt(), ports.clock().instant(), cancelled);
    LOG.log(report.succeeded() ? Level.INFO : Level.WARNING, () -> describe(report));
    ports.listener().onRunFinished(report);
    return report;
  }

  private SyncReport failedBeforeStart(
      SyncStage stage, IdentityKey identity, List<String> contacts, RuntimeException cause) {
    Run run = begin(SyncFlow.IDENTIFICATION);
    try {
      fail(run, SyncFailure.of(stage, List.of(identity), contacts, cause));
      return end(run);
    } finally {
      activeRuns.remove(run);
    }
  }

  private void fail(Run run, SyncFailure failure) {
    run.totals().failure(failure);
    LOG.log(Level.WARNING, () -> run.flow() + ": " + failure.describe());
    ports.listener().onFailure(failure);
  }

  private static String describe(SyncReport report) {
    return report.flow() + ": " + report.identities() + " identities, " + report.visits()
        + " visits, sessions " + report.sessionsInserted() + " inserted / "
        + report.sessionsUpdated() + " updated / " + report.sessionsUnchanged() + " unchanged, "
        + report.failures().size() + " failures" + (report.cancelled() ? ", cancelled" : "");
  }

  @Override
  public String toString() {
    return "SyncEngine[sites " + ports.config().sites() + "]";
  }

  /** Builds a {@link SyncEngine}. Config, source, sink, session store, state and lookups are required. */
  public static final class Builder {

    private SyncConfig config;
    private VisitSource source;
    private SessionSink sink;
    private SessionStore sessions;
    private SyncStateStore state;
    private LookupRepository lookups;
    private ContactIdentifier identifier = new DefaultContactIdentifier();
    private VisitMapper mapper = VisitMapper.standard();
    private ContactMatcher matcher;
    private SyncListener listener = SyncListener.NONE;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * The configuration.
     *
     * @param config the configuration
     * @return this builder
     */
    public Builder config(SyncConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /**
     * Where visits come from, such as {@code VisitSource.of(matomoClient)}.
     *
     * @param source the source
     * @return this builder
     */
    public Builder source(VisitSource source) {
      this.source = Objects.requireNonNull(source, "source");
      return this;
    }

    /**
     * Where sessions go, and where the engine reads whether a contact has one.
     *
     * @param <S> a sink that is also a session store
     * @param sessions the sink and store
     * @return this builder
     */
    public <S extends SessionSink & SessionStore> Builder sessions(S sessions) {
      Objects.requireNonNull(sessions, "sessions");
      this.sink = sessions;
      this.sessions = sessions;
      return this;
    }

    /**
     * Where sessions go.
     *
     * @param sink the sink
     * @return this builder
     */
    public Builder sink(SessionSink sink) {
      this.sink = Objects.requireNonNull(sink, "sink");
      return this;
    }

    /**
     * Where the engine reads whether a contact has a session (the email-click flow).
     *
     * @param sessions the store the sink writes to
     * @return this builder
     */
    public Builder sessionStore(SessionStore sessions) {
      this.sessions = Objects.requireNonNull(sessions, "sessions");
      return this;
    }

    /**
     * The sync state: identifications, clicks, cursors.
     *
     * @param state the store
     * @return this builder
     */
    public Builder state(SyncStateStore state) {
      this.state = Objects.requireNonNull(state, "state");
      return this;
    }

    /**
     * The lookups the mapper resolves against and adds to.
     *
     * @param lookups the repository
     * @return this builder
     */
    public Builder lookups(LookupRepository lookups) {
      this.lookups = Objects.requireNonNull(lookups, "lookups");
      return this;
    }

    /**
     * Who owns a visit (default: {@link DefaultContactIdentifier}).
     *
     * @param identifier the identification rules
     * @return this builder
     */
    public Builder identifier(ContactIdentifier identifier) {
      this.identifier = Objects.requireNonNull(identifier, "identifier");
      return this;
    }

    /**
     * How visits become sessions (default: {@link VisitMapper#standard()}).
     *
     * @param mapper the mapper
     * @return this builder
     */
    public Builder mapper(VisitMapper mapper) {
      this.mapper = Objects.requireNonNull(mapper, "mapper");
      return this;
    }

    /**
     * Matches typed form data to a contact, for submissions without a contact id (default:
     * none).
     *
     * @param matcher the matcher
     * @return this builder
     */
    public Builder contactMatcher(ContactMatcher matcher) {
      this.matcher = Objects.requireNonNull(matcher, "matcher");
      return this;
    }

    /**
     * Progress and metrics (default: none).
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(SyncListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * The clock windows are measured with (default: the system clock, UTC).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The engine.
     *
     * @return a new engine
     * @throws NullPointerException naming a required part that is missing
     */
    public SyncEngine build() {
      return new SyncEngine(this);
    }
  }
}
