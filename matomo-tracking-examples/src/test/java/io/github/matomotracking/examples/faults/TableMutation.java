package io.github.matomotracking.examples.faults;

import io.github.matomotracking.examples.demo.DemoAction;
import io.github.matomotracking.examples.demo.DemoVisit;
import io.github.matomotracking.examples.demo.IdentityEvent;
import io.github.matomotracking.examples.demo.SampleSite;
import io.github.matomotracking.model.VisitKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * A change of Matomo's visit table while a schedule runs: a visit of a tracked visitor gets new
 * actions (it is still going on), a tracked visitor comes back with a new visit, or an unknown
 * visitor arrives (whose visit must never be stored). Each carries the visit as it is after the
 * change, with action times after the sample's "now".
 *
 * <p>Visits carrying a userId are never changed: the email-click flow reads a contact's visits
 * by userId only while the contact has no session, so whether a later visit with that userId is
 * stored depends, by the domain rules, on when it arrived; a reference run could not tell.
 *
 * @param kind what happens
 * @param visit the visit after the change
 * @param at when it happens (the time of its last action)
 */
record TableMutation(Kind kind, DemoVisit visit, Instant at) {

  /** What happens. */
  enum Kind {
    /** A visit of a tracked visitor gets one or two more actions. */
    NEW_ACTIONS,
    /** A tracked visitor comes back with a new visit. */
    NEW_VISIT,
    /** A visitor nobody identified arrives. */
    UNKNOWN_VISITOR;

    String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  @Override
  public String toString() {
    return kind.label() + " " + visit.siteId() + "/" + visit.visitId() + " at " + at;
  }

  /**
   * Draws a list of changes that happen one after the other, from shortly after the sample's
   * "now".
   *
   * @param sample the sample
   * @param random the random source
   * @param count how many
   * @return the changes, in time order
   */
  static List<TableMutation> draw(SampleSite sample, SplittableRandom random, int count) {
    List<String> tracked = sample.identities().stream()
        .filter(e -> e.kind() == IdentityEvent.Kind.FORM_SUBMIT)
        .map(IdentityEvent::visitorId).distinct().sorted().collect(Collectors.toList());
    List<String> unknown = sample.visits().stream().map(DemoVisit::visitorId)
        .filter(v -> !tracked.contains(v)).distinct().sorted().collect(Collectors.toList());
    Map<VisitKey, DemoVisit> table = new LinkedHashMap<>();
    sample.visits().forEach(v -> table.put(v.key(), v));
    long nextVisitId = sample.visits().stream().mapToLong(DemoVisit::visitId).max().orElse(0) + 1000;
    long nextPageId = 9_000_000;
    Instant at = sample.now().plusSeconds(60);
    List<TableMutation> changes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      at = at.plusSeconds(5 + random.nextInt(900));
      int pick = random.nextInt(10);
      Kind kind = pick < 5 ? Kind.NEW_ACTIONS : pick < 8 ? Kind.NEW_VISIT : Kind.UNKNOWN_VISITOR;
      String visitor = kind == Kind.UNKNOWN_VISITOR
          ? unknown.get(random.nextInt(unknown.size()))
          : tracked.get(random.nextInt(tracked.size()));
      List<DemoVisit> own = table.values().stream()
          .filter(v -> v.visitorId().equals(visitor) && v.userId() == null)
          .sorted(Comparator.comparing(DemoVisit::lastActionTime).thenComparing(DemoVisit::visitId))
          .collect(Collectors.toList());
      if (own.isEmpty()) {
        continue;
      }
      DemoVisit latest = own.get(own.size() - 1);
      int actions = 1 + random.nextInt(kind == Kind.NEW_ACTIONS ? 2 : 3);
      List<DemoAction> added = new ArrayList<>();
      Instant time = at;
      for (int a = 0; a < actions; a++) {
        DemoAction page = pageViewOf(latest, random);
        added.add(DemoAction.pageView(time, page.url().orElse("https://www.acme-robotics.example/"),
            page.text("pageTitle").orElse("Acme Robotics"), pageViewId(random),
            page.fields().get("pageIdAction") instanceof Long id ? id : 1L, nextPageId++));
        time = time.plusSeconds(1 + random.nextInt(40));
      }
      // The last action is the change's time.
      Instant last = added.get(added.size() - 1).time();
      DemoVisit changed;
      if (kind == Kind.NEW_ACTIONS) {
        changed = latest;
        for (DemoAction action : added) {
          changed = changed.plus(action);
        }
      } else {
        changed = new DemoVisit(latest.siteId(), nextVisitId++, latest.visitorId(), null,
            latest.ipAddress(), latest.visitCount() + 1, DemoVisit.Referrer.direct(),
            DemoVisit.Campaign.NONE, latest.geo(), latest.device(), added);
      }
      table.put(changed.key(), changed);
      changes.add(new TableMutation(kind, changed, last));
      at = last;
    }
    return List.copyOf(changes);
  }

  /**
   * Visits of tracked visitors that all end in the same second, to be added to the sample: a
   * query for several visitors then has pages that start, end or lie wholly inside one second,
   * which is where paging by {@code minTimestamp} must not skip nor repeat a visit.
   *
   * @param sample the sample
   * @param second the second they end in
   * @param firstVisitId the id of the first of them
   * @return one visit per tracked visitor, and a second one on the other site for the first
   */
  static List<DemoVisit> sameSecond(SampleSite sample, Instant second, long firstVisitId) {
    SplittableRandom random = new SplittableRandom(second.getEpochSecond());
    List<String> tracked = sample.identities().stream()
        .filter(e -> e.kind() == IdentityEvent.Kind.FORM_SUBMIT)
        .map(IdentityEvent::visitorId).distinct().sorted().collect(Collectors.toList());
    List<DemoVisit> visits = new ArrayList<>();
    long id = firstVisitId;
    long pageId = 8_000_000;
    for (int i = 0; i <= tracked.size(); i++) {
      String visitor = tracked.get(i % tracked.size());
      DemoVisit template = sample.visitsOf(visitor).get(0);
      long site = i == tracked.size() ? 3 - template.siteId() : template.siteId();
      List<DemoAction> actions = new ArrayList<>();
      int pages = 1 + random.nextInt(2);
      for (int a = 0; a < pages; a++) {
        DemoAction page = pageViewOf(template, random);
        actions.add(DemoAction.pageView(second.minusSeconds(60L * (pages - 1 - a)),
            page.url().orElse("https://www.acme-robotics.example/"),
            page.text("pageTitle").orElse("Acme Robotics"), pageViewId(random),
            page.fields().get("pageIdAction") instanceof Long pid ? pid : 1L, pageId++));
      }
      visits.add(new DemoVisit(site, id++, visitor, null, template.ipAddress(),
          template.visitCount(), DemoVisit.Referrer.direct(), DemoVisit.Campaign.NONE,
          template.geo(), template.device(), actions));
    }
    return visits;
  }

  private static DemoAction pageViewOf(DemoVisit visit, SplittableRandom random) {
    List<DemoAction> pages = visit.actions().stream().filter(DemoAction::isPageView)
        .collect(Collectors.toList());
    if (pages.isEmpty()) {
      return DemoAction.pageView(visit.lastActionTime(), "https://www.acme-robotics.example/",
          "Acme Robotics", "aaaaaa", 1, 1);
    }
    return pages.get(random.nextInt(pages.size()));
  }

  private static String pageViewId(SplittableRandom random) {
    String letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder id = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      id.append(letters.charAt(random.nextInt(letters.length())));
    }
    return id.toString();
  }
}
