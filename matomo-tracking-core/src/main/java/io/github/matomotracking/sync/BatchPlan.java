package io.github.matomotracking.sync;

import io.github.matomotracking.identify.IdentityKey;
import io.github.matomotracking.identify.IdentityKind;
import java.util.List;

/**
 * One identity batch to run: identities of one kind, where to start for those without a cursor,
 * and whether to mark the email-click sync of its userIds as started.
 *
 * @param kind the identities' kind
 * @param identities the identities, sorted, distinct
 * @param contactIds the contacts the batch concerns, for failure reports
 * @param defaultStart epoch second to read from for an identity without a cursor
 * @param markStarted save a start marker cursor for identities without one before fetching
 */
record BatchPlan(IdentityKind kind, List<IdentityKey> identities, List<String> contactIds,
    long defaultStart, boolean markStarted) {

  BatchPlan {
    identities = List.copyOf(identities);
    contactIds = List.copyOf(contactIds);
  }
}
