package io.github.matomotracking.port;

import java.util.List;

/**
 * Where web sessions and their actions go: the host's CRM, a database, a file. The one operation
 * is an idempotent batch upsert, so that writing the same data again, after a crash or on the
 * next run, changes nothing.
 *
 * <p>Semantics every implementation keeps (the contract test suite checks them):
 *
 * <ul>
 *   <li>A session is keyed by (siteId, visitId). A new key inserts it; a known key updates every
 *       field (duration, last action date, action count, source ...) and the owning contact.
 *   <li>An action is keyed by (siteId, visitId, naturalKey). Missing actions are inserted, stored
 *       ones get their fields updated, none is ever duplicated. Stored actions that a write does
 *       not list are kept (Matomo returns at most 500 actions of a visit).
 *   <li>The writes of a batch apply in order; the same visit may appear twice (the later wins).
 *   <li>A batch is all or nothing: when {@link #upsert} throws, no part of the batch is visible,
 *       and when it returns, the whole batch is durably stored. Only then may the caller move a
 *       {@link SyncCursor} past the data.
 * </ul>
 *
 * <p>Implementations must be safe to call from several threads. Two concurrent batches writing
 * the same new visit may make one of them fail (say, on a primary key); retrying it is safe.
 * {@link SessionUpsertPlan} computes what a batch changes, for implementations to reuse.
 */
@FunctionalInterface
public interface SessionSink {

  /**
   * Inserts or updates the sessions and actions of the batch, all or nothing.
   *
   * @param batch the writes, applied in order; may be empty
   * @return how many sessions and actions were inserted, updated or left unchanged
   * @throws RuntimeException when the batch could not be stored; then nothing of it is
   */
  SinkResult upsert(List<SessionWrite> batch);
}
