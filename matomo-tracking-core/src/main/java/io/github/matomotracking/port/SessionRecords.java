package io.github.matomotracking.port;

import io.github.matomotracking.model.WebAction;
import io.github.matomotracking.model.WebSession;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks shared by {@link SessionWrite} and {@link StoredSession}. */
final class SessionRecords {

  private SessionRecords() {}

  static void check(String what, String contactId, WebSession session, List<WebAction> actions) {
    if (contactId.isBlank()) {
      throw new IllegalArgumentException(
          what + " of visit " + session.key() + ": contactId is blank");
    }
    Set<String> keys = new HashSet<>();
    for (WebAction action : actions) {
      if (action.siteId() != session.siteId() || action.visitId() != session.visitId()) {
        throw new IllegalArgumentException(what + " of visit " + session.key() + ": action "
            + action.naturalKey() + " belongs to visit " + action.siteId() + "/"
            + action.visitId());
      }
      if (!keys.add(action.naturalKey())) {
        throw new IllegalArgumentException(what + " of visit " + session.key()
            + ": two actions have the natural key " + action.naturalKey());
      }
    }
  }
}
