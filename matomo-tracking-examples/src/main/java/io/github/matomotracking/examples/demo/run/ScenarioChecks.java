package io.github.matomotracking.examples.demo.run;

import io.github.matomotracking.examples.demo.DemoVisit;
import io.github.matomotracking.examples.demo.IdentityEvent;
import io.github.matomotracking.examples.demo.SampleSite;
import io.github.matomotracking.model.VisitKey;
import io.github.matomotracking.port.SessionStore;
import io.github.matomotracking.port.StoredSession;
import io.github.matomotracking.sync.SyncReport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The rules the demo's sample tells a story about, each checked against the database: the
 * expected owner comes from the sample's story (who clicked, who submitted which form when), the
 * actual owner from the {@link SessionStore}. Nothing here repeats the engine's decisions; a
 * wrong owner, a missing visit or an incomplete one shows as NOT OK.
 */
final class ScenarioChecks {

  private final SampleSite sample;
  private final SessionStore store;
  private final Function<String, String> name;

  private ScenarioChecks(SampleSite sample, SessionStore store, Function<String, String> name) {
    this.sample = sample;
    this.store = store;
    this.name = name;
  }

  /**
   * Checks the sample's story against the store.
   *
   * @param sample the sample the demo served
   * @param store what the demo stored
   * @param names contact names by id
   * @param secondRun the report of the second scheduled run
   * @return the checks, in the order of the story
   */
  static List<ScenarioCheck> of(SampleSite sample, SessionStore store,
      Function<String, Optional<String>> names, SyncReport secondRun) {
    Function<String, String> name = id -> names.apply(id).orElse(DatabaseReport.shortId(id));
    ScenarioChecks checks = new ScenarioChecks(sample, store, name);
    List<ScenarioCheck> all = new ArrayList<>();
    all.add(checks.forwardedEmail());
    all.add(checks.twoForms());
    all.add(checks.historyBeforeIdentification());
    all.add(checks.emailClickContacts());
    all.add(checks.visitsInProgress());
    all.add(checks.anonymousVisitors());
    all.add(secondRunChangesNothing(secondRun));
    return all;
  }

  /** The check that holds whatever the data: a repeated scheduled run stores nothing new. */
  static ScenarioCheck secondRunChangesNothing(SyncReport secondRun) {
    String rule = "a second scheduled run changes nothing";
    if (!secondRun.succeeded()) {
      return new ScenarioCheck(rule, false, "the run had " + secondRun.failures().size()
          + " failure(s)");
    }
    return new ScenarioCheck(rule, secondRun.changedNothing(), secondRun.visits()
        + " visits read again: sessions " + secondRun.sessionsInserted() + " inserted, "
        + secondRun.sessionsUpdated() + " updated, " + secondRun.sessionsUnchanged()
        + " unchanged; actions " + secondRun.actionsInserted() + " inserted, "
        + secondRun.actionsUpdated() + " updated");
  }

  private ScenarioCheck forwardedEmail() {
    SampleSite.Scenario story = sample.scenario();
    String recipient = story.forwardedEmailContactId();
    List<DemoVisit> visits = sample.visits().stream()
        .filter(v -> recipient.equals(v.userId())).toList();
    List<DemoVisit> reader = visits.stream()
        .filter(v -> v.visitorId().equals(story.forwardedReaderVisitorId())).toList();
    String rule = "a forwarded email: the reader's visits go to the original recipient";
    Optional<String> problem = ownedBy(visits, recipient);
    if (problem.isEmpty() && reader.isEmpty()) {
      problem = Optional.of("the sample has no visit of the colleague's device");
    }
    return new ScenarioCheck(rule, problem.isEmpty(), problem.orElse(
        "the colleague's visit (device " + story.forwardedReaderVisitorId() + ") and the "
            + (visits.size() - reader.size()) + " visit(s) of the recipient's own device belong to "
            + name.apply(recipient)));
  }

  private ScenarioCheck twoForms() {
    SampleSite.Scenario story = sample.scenario();
    String rule = "two forms in one visit: the visit goes to the earliest submission";
    VisitKey key = story.twoFormVisit();
    Optional<StoredSession> stored = store.session(key);
    if (stored.isEmpty()) {
      return new ScenarioCheck(rule, false, "visit " + key + " is not stored");
    }
    String owner = stored.get().contactId();
    boolean ok = owner.equals(story.twoFormEarliestContactId());
    return new ScenarioCheck(rule, ok, "visit " + key + " (forms of "
        + name.apply(story.twoFormEarliestContactId()) + ", then of "
        + name.apply(story.twoFormLaterContactId()) + ") belongs to " + name.apply(owner));
  }

  private ScenarioCheck historyBeforeIdentification() {
    String rule = "visits before the first identification go to the first identified contact";
    Map<String, IdentityEvent> firstForm = new LinkedHashMap<>();
    for (IdentityEvent event : sample.identities()) {
      if (event.kind() == IdentityEvent.Kind.FORM_SUBMIT) {
        firstForm.putIfAbsent(event.visitorId(), event);
      }
    }
    int visitors = 0;
    int checked = 0;
    for (IdentityEvent first : firstForm.values()) {
      List<DemoVisit> before = sample.visitsOf(first.visitorId()).stream()
          .filter(v -> v.lastActionTime().isBefore(first.occurredAt())).toList();
      if (before.isEmpty()) {
        continue;
      }
      Optional<String> problem = ownedBy(before, first.contactId());
      if (problem.isPresent()) {
        return new ScenarioCheck(rule, false, problem.get());
      }
      visitors++;
      checked += before.size();
    }
    if (checked == 0) {
      return new ScenarioCheck(rule, false, "the sample has no visit before a first form");
    }
    return new ScenarioCheck(rule, true, checked + " earlier visit(s) of " + visitors
        + " visitor(s), each with the contact of its visitor's first form");
  }

  private ScenarioCheck emailClickContacts() {
    String rule = "email-click contacts' visits are found by userId";
    List<String> missing = new ArrayList<>();
    int visits = 0;
    for (String contact : sample.scenario().emailContactIds()) {
      List<DemoVisit> theirs = sample.visits().stream()
          .filter(v -> contact.equals(v.userId())).toList();
      Optional<String> problem = ownedBy(theirs, contact);
      if (problem.isPresent()) {
        return new ScenarioCheck(rule, false, problem.get());
      }
      if (theirs.isEmpty()) {
        missing.add(name.apply(contact));
      }
      visits += theirs.size();
    }
    if (!missing.isEmpty()) {
      return new ScenarioCheck(rule, false, "the sample has no visit of " + missing);
    }
    return new ScenarioCheck(rule, true, visits + " visit(s) of "
        + sample.scenario().emailContactIds().size() + " recipients, each with its recipient");
  }

  private ScenarioCheck visitsInProgress() {
    String rule = "visits still going on when a form arrived are completed by the refresh";
    int checked = 0;
    for (IdentityEvent event : sample.identities()) {
      if (event.kind() != IdentityEvent.Kind.FORM_SUBMIT) {
        continue;
      }
      Optional<DemoVisit> during = sample.visitsOf(event.visitorId()).stream()
          .filter(v -> !v.firstActionTime().isAfter(event.occurredAt())
              && v.lastActionTime().isAfter(event.occurredAt()))
          .findFirst();
      if (during.isEmpty()) {
        continue;
      }
      DemoVisit visit = during.get();
      Optional<StoredSession> stored = store.session(visit.key());
      if (stored.isEmpty()) {
        return new ScenarioCheck(rule, false, "visit " + visit.key() + " is not stored");
      }
      if (stored.get().actions().size() != visit.actions().size()
          || !stored.get().session().lastActionDate().equals(Optional.of(visit.lastActionTime()))) {
        return new ScenarioCheck(rule, false, "visit " + visit.key() + " holds "
            + stored.get().actions().size() + " of its " + visit.actions().size() + " actions");
      }
      checked++;
    }
    if (checked == 0) {
      return new ScenarioCheck(rule, false, "the sample has no form inside a visit");
    }
    return new ScenarioCheck(rule, true, checked
        + " visit(s) now hold every action, the ones after the form included");
  }

  private ScenarioCheck anonymousVisitors() {
    String rule = "visitors nobody identified are not stored";
    Set<String> identified = new HashSet<>();
    Set<String> users = new HashSet<>();
    for (IdentityEvent event : sample.identities()) {
      event.visitorIdIfAny().ifPresent(identified::add);
      if (event.kind() == IdentityEvent.Kind.EMAIL_CLICK) {
        users.add(event.contactId());
      }
    }
    long[] counts = new long[2];
    store.forEach(stored -> {
      counts[0]++;
      boolean known = stored.session().visitorId().filter(identified::contains).isPresent()
          || stored.session().userId().filter(users::contains).isPresent();
      if (!known) {
        counts[1]++;
      }
    });
    long anonymous = sample.visits().stream().filter(v -> !identified.contains(v.visitorId())
        && (v.userId() == null || !users.contains(v.userId()))).count();
    return new ScenarioCheck(rule, counts[1] == 0, counts[0] + " stored session(s), "
        + counts[1] + " of them of an unidentified visitor; " + anonymous
        + " anonymous visit(s) in Matomo were left out");
  }

  /** Empty when every visit is stored with this owner; else what is wrong with the first one. */
  private Optional<String> ownedBy(List<DemoVisit> visits, String contactId) {
    for (DemoVisit visit : visits) {
      Optional<StoredSession> stored = store.session(visit.key());
      if (stored.isEmpty()) {
        return Optional.of("visit " + visit.key() + " is not stored");
      }
      if (!stored.get().contactId().equals(contactId)) {
        return Optional.of("visit " + visit.key() + " belongs to "
            + name.apply(stored.get().contactId()) + ", not " + name.apply(contactId));
      }
    }
    return Optional.empty();
  }
}
