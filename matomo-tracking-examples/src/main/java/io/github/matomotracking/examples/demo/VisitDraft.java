package io.github.matomotracking.examples.demo;

import io.github.matomotracking.model.Nullable;
import io.github.matomotracking.model.VisitKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A visit while the sample is being written: its steps have times but not yet the ids Matomo
 * gives out in the order things happen ({@code idVisit}, {@code pageId}, {@code pageIdAction}).
 */
final class VisitDraft {

  /** The kinds of steps, one per {@link DemoAction} factory. */
  enum Kind { PAGE, DOWNLOAD, OUTLINK, SEARCH, EVENT, GOAL, CONTENT, FORM }

  /** One action of the draft. */
  static final class Step {
    final Kind kind;
    final Instant time;
    final String url;
    final String title;
    final String pageViewId;
    final Step page;
    final String[] texts;
    final Double value;
    final long number;
    long pageId;

    Step(Kind kind, Instant time, @Nullable String url, @Nullable String title, @Nullable String pageViewId,
        @Nullable Step page, String[] texts, @Nullable Double value, long number) {
      this.kind = kind;
      this.time = time;
      this.url = url;
      this.title = title;
      this.pageViewId = pageViewId;
      this.page = page;
      this.texts = texts;
      this.value = value;
      this.number = number;
    }
  }

  /** A visitor of one site: its cookie id, where it is, what it uses. */
  static final class Visitor {
    final long siteId;
    final String visitorId;
    final SampleCatalog.Place place;
    final DemoVisit.Device device;
    final String ip;
    final int priorVisits;

    Visitor(long siteId, String visitorId, SampleCatalog.Place place, DemoVisit.Device device, String ip,
        int priorVisits) {
      this.siteId = siteId;
      this.visitorId = visitorId;
      this.place = place;
      this.device = device;
      this.ip = ip;
      this.priorVisits = priorVisits;
    }
  }

  final DemoSite site;
  final Visitor visitor;
  final int sequence;
  final List<Step> steps = new ArrayList<>();
  String userId;
  DemoVisit.Referrer referrer = DemoVisit.Referrer.direct();
  DemoVisit.Campaign campaign = DemoVisit.Campaign.NONE;
  long visitId;
  private Instant at;
  private Step page;

  VisitDraft(DemoSite site, Visitor visitor, int sequence, Instant start) {
    this.site = site;
    this.visitor = visitor;
    this.sequence = sequence;
    this.at = start;
  }

  VisitKey key() {
    return VisitKey.of(site.id(), visitId);
  }

  Instant first() {
    return steps.get(0).time;
  }

  Instant last() {
    return steps.get(steps.size() - 1).time;
  }

  /** The time of the latest step (the start before the first one). */
  Instant now() {
    return at;
  }

  /** The page the visitor is on. */
  Step currentPage() {
    return page;
  }

  Step pageView(long afterSeconds, String url, String title, String pageViewId) {
    Step step = add(new Step(Kind.PAGE, later(afterSeconds), url, title, pageViewId, null, new String[0], null, 0));
    page = step;
    return step;
  }

  /** A site search: like a page view, Matomo gives it its own {@code idpageview}. */
  Step search(long afterSeconds, String keyword, long resultCount, String pageViewId) {
    Step step = add(new Step(Kind.SEARCH, later(afterSeconds), null, null, pageViewId, null,
        new String[] {keyword}, null, resultCount));
    page = step;
    return step;
  }

  Step onPage(Kind kind, long afterSeconds, @Nullable String url, String[] texts, @Nullable Double value,
      long number) {
    return add(new Step(kind, later(afterSeconds), url, null, page.pageViewId, page, texts, value, number));
  }

  private Instant later(long seconds) {
    return steps.isEmpty() ? at : at.plusSeconds(seconds);
  }

  private Step add(Step step) {
    steps.add(step);
    at = step.time;
    return step;
  }
}
