package io.github.matomotracking.examples.demo.run;

import io.github.matomotracking.examples.demo.DemoAction;
import io.github.matomotracking.examples.demo.DemoVisit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample's visits as Matomo held them at a moment: visits not begun yet are absent, and a
 * visit going on at that moment has only the actions done so far. Serving these lets the demo
 * replay the story in time order, so a form's import sees the visit the form is in as it was when
 * the form arrived, and the scheduled run later finds that visit grown.
 */
final class Timeline {

  private Timeline() {}

  /**
   * The visits as of a moment.
   *
   * @param visits every visit, complete
   * @param moment the moment
   * @return the visits begun by then, each cut to its actions up to then
   */
  static List<DemoVisit> asOf(List<DemoVisit> visits, Instant moment) {
    List<DemoVisit> then = new ArrayList<>();
    for (DemoVisit visit : visits) {
      if (visit.firstActionTime().isAfter(moment)) {
        continue;
      }
      if (!visit.lastActionTime().isAfter(moment)) {
        then.add(visit);
        continue;
      }
      List<DemoAction> done = visit.actions().stream()
          .filter(action -> !action.time().isAfter(moment)).toList();
      then.add(new DemoVisit(visit.siteId(), visit.visitId(), visit.visitorId(), visit.userId(),
          visit.ipAddress(), visit.visitCount(), visit.referrer(), visit.campaign(), visit.geo(),
          visit.device(), done));
    }
    return then;
  }
}
