package io.github.matomotracking.mapping;

import io.github.matomotracking.model.VisitAction;

/**
 * The natural key of a web action within its visit (domain rules, section 6), stable across
 * re-imports of the same visit, so a sink can upsert on (idSite, idVisit, natural key):
 *
 * <ol>
 *   <li>a page view ({@code type} {@code action}) with an {@code idpageview}:
 *       {@code "pv:" + idpageview};
 *   <li>otherwise, with a {@code pageId} (Matomo's id of the action row):
 *       {@code "pid:" + pageId};
 *   <li>otherwise {@code "t:" + type + ":" + timestamp + ":" + position}, with Matomo's
 *       timestamp as sent (shifted, not corrected, so a later change of the site's zone does not
 *       change the key; empty when missing) and the position in {@code actionDetails}.
 * </ol>
 *
 * Other entries than page views may carry the {@code idpageview} of the page they happened on,
 * which is why only page views are keyed by it. Should two entries of one visit still get the
 * same key, the mapper appends {@code "#" + position} to the later one (again, should that key be
 * taken too) and warns.
 */
public final class ActionKeys {

  private static final String PAGE_VIEW = "action";

  private ActionKeys() {}

  /**
   * The natural key of an action.
   *
   * @param action the action
   * @return the key, unique within a visit in practice
   */
  public static String naturalKey(VisitAction action) {
    if (action.pageViewId().isPresent() && PAGE_VIEW.equals(action.type())) {
      return "pv:" + action.pageViewId().get();
    }
    if (action.pageId().isPresent()) {
      return "pid:" + action.pageId().getAsLong();
    }
    StringBuilder key = new StringBuilder(32).append("t:").append(action.type()).append(':');
    if (action.shiftedTimestamp().isPresent()) {
      key.append(action.shiftedTimestamp().getAsLong());
    }
    return key.append(':').append(action.position()).toString();
  }
}
