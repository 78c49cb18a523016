package io.github.matomotracking.client;

import io.github.matomotracking.model.VisitKey;
import java.util.HashMap;
import java.util.Map;

/**
 * Remembers which visits were handed over, and with which last action time, so that pages that
 * overlap and retried requests never hand the same visit twice. A visit seen again with a later
 * last action (it got new actions meanwhile) is handed over again: that is an update the caller
 * must not miss. Entries at or below the paging lower bound are forgotten when the query can not
 * return them unchanged any more, so memory follows the paging window, not the result size.
 */
final class DedupWindow {

  private final Map<VisitKey, Long> handedOver = new HashMap<>();

  /** Whether the visit is new or changed; records it if so. */
  boolean admit(VisitKey key, long lastActionSecond) {
    Long before = handedOver.get(key);
    if (before != null && lastActionSecond <= before) {
      return false;
    }
    handedOver.put(key, lastActionSecond);
    return true;
  }

  /** Forgets visits whose last action is at or before {@code second}. */
  void forgetUpTo(long second) {
    handedOver.values().removeIf(time -> time <= second);
  }

  void clear() {
    handedOver.clear();
  }

  int size() {
    return handedOver.size();
  }
}
