package io.github.matomotracking.examples.demo.run;

import io.github.matomotracking.client.MatomoClient;
import io.github.matomotracking.client.MatomoClientConfig;
import io.github.matomotracking.client.MatomoToken;
import io.github.matomotracking.client.Sites;
import io.github.matomotracking.examples.demo.DemoMatomoServer;
import io.github.matomotracking.examples.demo.IdentityEvent;
import io.github.matomotracking.examples.demo.SampleSite;
import io.github.matomotracking.examples.jdbc.JdbcLookupRepository;
import io.github.matomotracking.examples.jdbc.JdbcSessionSink;
import io.github.matomotracking.examples.jdbc.JdbcSyncStateStore;
import io.github.matomotracking.identify.Contact;
import io.github.matomotracking.identify.EmailClick;
import io.github.matomotracking.identify.FormContactData;
import io.github.matomotracking.identify.FormSubmission;
import io.github.matomotracking.identify.Identification;
import io.github.matomotracking.identify.InMemoryContactDirectory;
import io.github.matomotracking.identify.PriorityContactMatcher;
import io.github.matomotracking.lookups.DefaultLookups;
import io.github.matomotracking.lookups.LookupTables;
import io.github.matomotracking.sync.SyncConfig;
import io.github.matomotracking.sync.SyncEngine;
import io.github.matomotracking.sync.SyncReport;
import io.github.matomotracking.sync.VisitSource;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The whole pipeline end to end, with nothing installed: the demo behind
 * {@code java -jar matomo-tracking-cli.jar demo}.
 *
 * <p>By default it starts a {@link DemoMatomoServer} on the loopback interface with a generated
 * {@link SampleSite} and a random token (never printed), and synchronises it into the JDBC ports
 * on an embedded H2 file database with the library's real {@link MatomoClient} over HTTP and
 * {@link SyncEngine}. It replays the sample's identification events in time order (each form's
 * typed data matched by a {@link PriorityContactMatcher} over an in-memory contact directory; a
 * form of someone unknown creates the contact), then runs the daily job twice, and prints what the
 * database holds and whether the story's identification rules hold in it.
 *
 * <p>Given a real Matomo ({@link Builder#realMatomo}), it runs the same pipeline there, with the
 * identification events the caller read from a file, and no story to check beyond "a second run
 * changes nothing".
 *
 * <p>The database's tables are emptied first, so every run starts from nothing and a re-run
 * shows the same report for the same seed and "now".
 */
public final class DemoMain {

  /** The demo's database: the H2 file {@code matomo-tracking-demo.mv.db} in the working folder. */
  public static final String DEFAULT_DATABASE = "jdbc:h2:./matomo-tracking-demo";

  /** The seed the sample is generated with unless another is given. */
  public static final long DEFAULT_SEED = 42;

  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  private final String database;
  private final long seed;
  private final Instant now;
  private final int top;
  private final boolean liveProgress;
  private final Optional<RealMatomo> real;

  /**
   * A real Matomo to run against instead of the embedded one.
   *
   * @param config the client configuration (URL and token)
   * @param sites the sites to synchronise
   * @param forms the form submissions, each with its contact id
   * @param clicks the email-link clicks
   */
  public record RealMatomo(MatomoClientConfig config, Sites sites, List<FormSubmission> forms,
      List<EmailClick> clicks) {

    /** Checks and copies. */
    public RealMatomo {
      Objects.requireNonNull(config, "config");
      Objects.requireNonNull(sites, "sites");
      forms = List.copyOf(forms);
      clicks = List.copyOf(clicks);
      for (FormSubmission form : forms) {
        if (form.contactId().isEmpty()) {
          throw new IllegalArgumentException("form submission " + form.key()
              + " has no contact id: with a real Matomo the file names each form's contact");
        }
      }
    }
  }

  private DemoMain(Builder builder) {
    this.database = builder.database;
    this.seed = builder.seed;
    this.now = builder.now == null ? Instant.now().truncatedTo(ChronoUnit.SECONDS) : builder.now;
    this.top = builder.top;
    this.liveProgress = builder.liveProgress;
    this.real = Optional.ofNullable(builder.real);
  }

  /**
   * A builder with the defaults: {@link #DEFAULT_DATABASE}, {@link #DEFAULT_SEED}, now, the top
   * 10 rows per table, plain progress lines, the embedded Matomo.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs the demo, printing its progress and its report.
   *
   * @param out where to print
   * @return what it did
   * @throws RuntimeException when the database cannot be used, or (with a real Matomo) the
   *     sites cannot be listed
   */
  public DemoOutcome run(PrintStream out) {
    long started = System.nanoTime();
    DemoOutcome outcome;
    try (DemoDatabase db = DemoDatabase.openEmpty(database)) {
      JdbcSessionSink sessions = new JdbcSessionSink(db.source());
      Stores stores = new Stores(sessions, new JdbcSyncStateStore(db.source()),
          new JdbcLookupRepository(db.source(), DefaultLookups.tables()));
      outcome = real.isPresent() ? new RealRun(stores, out).run(real.get())
          : new EmbeddedRun(stores, out).run();
    }
    out.printf("%nDemo finished in %.1f s. The data stays in %s; print it with:%n"
        + "  java -jar matomo-tracking-examples/target/matomo-tracking-cli.jar export --db %s%n",
        (System.nanoTime() - started) / 1e9, database, database);
    return outcome;
  }

  /** The JDBC ports over the demo database. */
  private record Stores(JdbcSessionSink sessions, JdbcSyncStateStore state,
      JdbcLookupRepository lookups) {}

  private SyncEngine.Builder engine(Stores stores, SyncConfig config, ProgressLine progress,
      Clock clock, VisitSource source) {
    return SyncEngine.builder()
        .config(config)
        .source(source)
        .sessions(stores.sessions())
        .state(stores.state())
        .lookups(stores.lookups())
        .listener(progress)
        .clock(clock);
  }

  /** Runs the daily job twice and prints the report; shared by both modes. */
  private List<SyncReport> scheduledRuns(SyncEngine engine, Stores stores, ProgressLine progress,
      PrintStream out) {
    List<SyncReport> reports = new ArrayList<>();
    for (int round = 1; round <= 2; round++) {
      progress.begin("scheduled run " + round, expectedIdentities(engine, stores), true);
      SyncReport report = engine.runScheduled();
      progress.end();
      reports.add(report);
      out.printf("  run %d: %d identities, %d visits read; sessions %d new, %d updated,"
              + " %d unchanged; actions %d new, %d updated; %d requests to Matomo%s%n",
          round, report.identities(), report.visits(), report.sessionsInserted(),
          report.sessionsUpdated(), report.sessionsUnchanged(), report.actionsInserted(),
          report.actionsUpdated(), report.requests(), failures(report));
    }
    return reports;
  }

  /**
   * What the daily job at "now" will follow: the tracked visitors, and the contacts who clicked
   * within the email-click window and have no session yet (for the progress line only).
   */
  private long expectedIdentities(SyncEngine engine, Stores stores) {
    return stores.state().trackedVisitorIds().size()
        + stores.state().contactsWhoClickedSince(now.minus(engine.config().emailClickWindow()))
            .stream().filter(contact -> !stores.sessions().hasSessionForContact(contact)).count();
  }

  private static String failures(SyncReport report) {
    if (report.failures().isEmpty()) {
      return "";
    }
    return report.failures().stream().map(f -> "\n    FAILED " + f.describe())
        .collect(Collectors.joining());
  }

  /** Sections 3 to 5: the stored data, the checks, the engine runs. */
  private void printReport(PrintStream out, Stores stores, Function<String, Optional<String>> names,
      List<ScenarioCheck> checks, List<SyncReport> runs, String checksNote) {
    out.println();
    out.println("3. What the database holds (read back from " + database + ")");
    DatabaseReport.read(stores.sessions()).print(out, names, top);
    LookupTables seed = DefaultLookups.tables();
    LookupTables now = stores.lookups().tables();
    out.printf("Lookup entries the mapper added: %d web pages, %d action types, %d referrer"
            + " types%n%n", now.webPages().size() - seed.webPages().size(),
        now.actionTypes().size() - seed.actionTypes().size(),
        now.referrerTypes().size() - seed.referrerTypes().size());
    out.println("4. Checks, computed from the stored data");
    checks.forEach(check -> out.println("  " + check.line()));
    if (!checksNote.isEmpty()) {
      out.println("  " + checksNote);
    }
    out.println();
    out.println("5. Engine runs");
    RunTable.print(out, runs);
  }

  // ------------------------------------------------------------------ the embedded Matomo

  /** The story of the sample, replayed against the embedded server. */
  private final class EmbeddedRun {

    private final Stores stores;
    private final PrintStream out;

    EmbeddedRun(Stores stores, PrintStream out) {
      this.stores = stores;
      this.out = out;
    }

    DemoOutcome run() {
      SampleSite sample = SampleSite.generate(now, seed);
      Map<String, Contact> contacts = sample.contacts().stream()
          .collect(Collectors.toMap(Contact::id, c -> c));
      Function<String, Optional<String>> names =
          id -> Optional.ofNullable(contacts.get(id)).flatMap(Contact::fullName);
      List<IdentityEvent> events = sample.identities();
      SettableClock clock = new SettableClock(events.isEmpty() ? now : events.get(0).occurredAt());
      InMemoryContactDirectory directory = new InMemoryContactDirectory();
      PriorityContactMatcher matcher = new PriorityContactMatcher(directory);
      ProgressLine progress = new ProgressLine(out, liveProgress);
      List<Long> siteIds = sample.sites().stream().map(site -> site.id()).toList();
      String token = DemoMatomoServer.randomToken();
      try (DemoMatomoServer matomo = DemoMatomoServer.builder().sites(sample.sites())
              .token(token).clock(Clock.fixed(now, ZoneOffset.UTC)).start();
          MatomoClient client = MatomoClient.create(MatomoClientConfig.builder()
              .baseUrl(matomo.baseUrl())
              .token(MatomoToken.of(token))
              .allowInsecureHttp(true)
              .pageSize(10)
              .build())) {
        header(sample, matomo.baseUrl());
        SyncEngine engine = engine(stores, SyncConfig.builder().sites(siteIds)
                .identitiesPerRequest(3).visitsPerWriteBatch(20).maxConcurrency(2).build(),
            progress, clock, VisitSource.of(client))
            .contactMatcher(matcher)
            .build();

        out.println("1. Identification events, in time order (a form imports its visitor's"
            + " visits at once; a click is only recorded)");
        List<SyncReport> runs = new ArrayList<>();
        int nextContact = 0;
        List<Contact> byCreation = sample.contacts();
        int forms = 0;
        for (int i = 0; i < events.size(); i++) {
          IdentityEvent event = events.get(i);
          Instant at = event.occurredAt();
          clock.set(at);
          matomo.putAll(Timeline.asOf(sample.visits(), at));
          while (nextContact < byCreation.size()
              && !byCreation.get(nextContact).createdAt().isAfter(at)) {
            directory.put(byCreation.get(nextContact++));
          }
          String prefix = String.format(Locale.ROOT, "  [%2d/%d] %s ", i + 1, events.size(),
              MINUTE.format(at));
          if (event.kind() == IdentityEvent.Kind.FORM_SUBMIT) {
            Contact person = contacts.get(event.contactId());
            SyncReport report = form(engine, matcher, directory, event, person, forms++, prefix,
                progress, names);
            runs.add(report);
          } else {
            EmailClick click = EmailClick.fromClickedUrl(event.pageUrl(), at);
            boolean fresh = engine.onEmailClick(click);
            out.println(prefix + "email link clicked by " + names.apply(click.contactId())
                .orElse(click.contactId()) + " (" + path(event.pageUrl()) + "): "
                + (fresh ? "recorded" : "already recorded")
                + "; the daily job fetches the visits with that userId");
          }
        }

        out.println();
        out.println("2. The daily job at " + now + " (refresh every identified visitor from its"
            + " cursor, then the email-click contacts), twice");
        clock.set(now);
        matomo.putAll(sample.visits());
        List<SyncReport> scheduled = scheduledRuns(engine, stores, progress, out);
        runs.addAll(scheduled);

        List<ScenarioCheck> checks =
            ScenarioChecks.of(sample, stores.sessions(), names, scheduled.get(1));
        printReport(out, stores, names, checks, runs, "");
        DatabaseReport stored = DatabaseReport.read(stores.sessions());
        return new DemoOutcome(runs, checks, stored.sessions(), stored.actions());
      }
    }

    private SyncReport form(SyncEngine engine, PriorityContactMatcher matcher,
        InMemoryContactDirectory directory, IdentityEvent event, Contact person, int index,
        String prefix, ProgressLine progress, Function<String, Optional<String>> names) {
      FormContactData typed = typed(person, index);
      Optional<PriorityContactMatcher.Match> match = matcher.find(typed);
      String who;
      String owner;
      FormSubmission submission;
      if (match.isPresent()) {
        // A known person: the engine's matcher finds the contact from the typed data again.
        owner = match.get().contact().id();
        who = "typed data matched " + names.apply(owner).orElse(owner) + " ("
            + levelText(match.get().level()) + ")";
        submission = submission(event, typed, null);
      } else {
        // Someone new: the CRM creates the contact from the form, then hands over its id.
        directory.put(person);
        owner = person.id();
        who = "no contact matched the typed data: new contact " + names.apply(owner).orElse(owner);
        submission = submission(event, typed, owner);
      }
      progress.begin("import", 1, false);
      SyncReport report = engine.onFormSubmission(submission);
      progress.end();
      out.println(prefix + "form on " + path(event.pageUrl()) + ", visitor "
          + event.visitorId() + ": " + who);
      out.printf("           -> %d visit(s) of the visitor read, %d session(s) stored%s%n",
          report.visits(), report.sessionsInserted() + report.sessionsUpdated(),
          failures(report));
      return report;
    }

    private void header(SampleSite sample, URI baseUrl) {
      long forms = sample.identities().stream()
          .filter(e -> e.kind() == IdentityEvent.Kind.FORM_SUBMIT).count();
      out.println("matomo-tracking demo: the whole pipeline on this machine");
      out.printf("  Matomo:   embedded, %s (random token, never shown); %d sites, %d visits in the"
              + " 60 days before %s (seed %d)%n",
          baseUrl, sample.sites().size(), sample.visits().size(), now, seed);
      out.printf("  CRM:      %d contacts; %d identification events (%d form submissions, %d"
              + " email-link clicks)%n",
          sample.contacts().size(), sample.identities().size(), forms,
          sample.identities().size() - forms);
      out.printf("  Database: %s (emptied first)%n%n", database);
    }
  }

  // ------------------------------------------------------------------ a real Matomo

  /** The same pipeline against a Matomo of the caller's, with events from a file. */
  private final class RealRun {

    private final Stores stores;
    private final PrintStream out;

    RealRun(Stores stores, PrintStream out) {
      this.stores = stores;
      this.out = out;
    }

    DemoOutcome run(RealMatomo matomo) {
      ProgressLine progress = new ProgressLine(out, liveProgress);
      try (MatomoClient client = MatomoClient.create(matomo.config())) {
        List<Long> siteIds = matomo.sites().isAll() ? client.viewableSiteIds()
            : matomo.sites().ids();
        if (siteIds.isEmpty()) {
          throw new IllegalStateException("the token can view no site of " + matomo.config()
              .baseUrl());
        }
        out.println("matomo-tracking demo: the whole pipeline against your Matomo");
        out.printf("  Matomo:   %s, sites %s (token from MATOMO_TOKEN, never shown)%n",
            matomo.config().baseUrl(), siteIds);
        out.printf("  Events:   %d form submissions and %d email-link clicks from the file%n",
            matomo.forms().size(), matomo.clicks().size());
        out.printf("  Database: %s (emptied first)%n%n", database);
        SyncEngine engine = engine(stores, SyncConfig.builder().sites(siteIds).build(), progress,
            Clock.fixed(now, ZoneOffset.UTC), VisitSource.of(client)).build();

        out.println("1. Identification events: email clicks recorded, then the visitors of the"
            + " forms imported in batches");
        matomo.clicks().forEach(engine::onEmailClick);
        List<Identification> forms = matomo.forms().stream()
            .sorted(java.util.Comparator.comparing(FormSubmission::submittedAt))
            .map(form -> Identification.ofSubmission(form, form.contactId().orElseThrow()))
            .toList();
        int clicks = matomo.clicks().size();
        Set<String> visitors = forms.stream().map(f -> f.identity().value())
            .collect(Collectors.toCollection(LinkedHashSet::new));
        progress.begin("import", visitors.size(), true);
        SyncReport imported = engine.onIdentifications(forms);
        progress.end();
        out.printf("  %d email clicks recorded; %d form submissions of %d visitors: %d visits"
                + " read, %d sessions stored%s%n", clicks, forms.size(), visitors.size(),
            imported.visits(), imported.sessionsInserted() + imported.sessionsUpdated(),
            failures(imported));

        out.println();
        out.println("2. The daily job (refresh every identified visitor, then the email-click"
            + " contacts), twice");
        List<SyncReport> runs = new ArrayList<>();
        runs.add(imported);
        List<SyncReport> scheduled = scheduledRuns(engine, stores, progress, out);
        runs.addAll(scheduled);
        List<ScenarioCheck> checks = List.of(
            ScenarioChecks.secondRunChangesNothing(scheduled.get(1)));
        printReport(out, stores, id -> Optional.empty(), checks, runs, "(the checks of the"
            + " identification story need the embedded sample: run the demo without MATOMO_URL)");
        DatabaseReport stored = DatabaseReport.read(stores.sessions());
        return new DemoOutcome(runs, checks, stored.sessions(), stored.actions());
      }
    }
  }

  // ------------------------------------------------------------------ helpers

  /** The form submission of an event: the hidden fields, the typed data, maybe a contact id. */
  private static FormSubmission submission(IdentityEvent event, FormContactData typed,
      String contactId) {
    return FormSubmission.builder()
        .trackingUserId(event.visitorId())
        .pageUrl(event.pageUrl())
        .submittedAt(event.occurredAt())
        .contactData(typed)
        .contactId(Optional.ofNullable(contactId))
        .build();
  }

  /**
   * What the visitor typed: the contact's own data, with the variations real forms show (some
   * fields left empty, phones formatted differently, stray blanks), so that every level of the
   * matcher's priority appears.
   */
  static FormContactData typed(Contact contact, int index) {
    String name = contact.fullName().orElse(null);
    String email = contact.email().orElse(null);
    String phone = contact.phoneDigits().map(digits -> "+" + digits).orElse(null);
    switch (index % 3) {
      case 0:
        return FormContactData.of(name, email, contact.phone().orElse(null));
      case 1:
        return FormContactData.of(null, email, phone);
      default:
        return FormContactData.of(name == null ? null : "  " + name + " ", null, phone);
    }
  }

  private static String levelText(PriorityContactMatcher.Level level) {
    return switch (level) {
      case FULL_NAME_EMAIL_PHONE -> "full name + email + phone";
      case EMAIL_PHONE -> "email + phone";
      case FULL_NAME_PHONE -> "full name + phone";
      case EMAIL -> "email";
    };
  }

  private static String path(String url) {
    try {
      String path = URI.create(url).getPath();
      return path == null || path.isEmpty() ? url : path;
    } catch (IllegalArgumentException e) {
      return url;
    }
  }

  /** Builds a {@link DemoMain}. */
  public static final class Builder {

    private String database = DEFAULT_DATABASE;
    private long seed = DEFAULT_SEED;
    private Instant now;
    private int top = 10;
    private boolean liveProgress;
    private RealMatomo real;

    private Builder() {}

    /**
     * The JDBC URL of the database; its tables of the JDBC ports are emptied first.
     *
     * @param jdbcUrl such as {@code jdbc:h2:./matomo-tracking-demo}
     * @return this builder
     */
    public Builder database(String jdbcUrl) {
      this.database = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
      return this;
    }

    /**
     * The seed of the generated sample.
     *
     * @param value the seed
     * @return this builder
     */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /**
     * The moment the demo runs at: the sample ends there and the daily job runs then. Now by
     * default.
     *
     * @param value the moment (cut to the second)
     * @return this builder
     */
    public Builder now(Instant value) {
      this.now = Objects.requireNonNull(value, "now").truncatedTo(ChronoUnit.SECONDS);
      return this;
    }

    /**
     * How many rows the long tables of the report show.
     *
     * @param value 1 or more
     * @return this builder
     */
    public Builder top(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("top must be at least 1, got " + value);
      }
      this.top = value;
      return this;
    }

    /**
     * Whether the progress line is rewritten in place (for a terminal) rather than printed as
     * plain lines.
     *
     * @param value true on a terminal
     * @return this builder
     */
    public Builder liveProgress(boolean value) {
      this.liveProgress = value;
      return this;
    }

    /**
     * Runs against a real Matomo instead of the embedded one.
     *
     * @param matomo the Matomo, its sites and the identification events
     * @return this builder
     */
    public Builder realMatomo(RealMatomo matomo) {
      this.real = Objects.requireNonNull(matomo, "matomo");
      return this;
    }

    /**
     * The demo.
     *
     * @return the demo, ready to run
     */
    public DemoMain build() {
      return new DemoMain(this);
    }
  }
}
