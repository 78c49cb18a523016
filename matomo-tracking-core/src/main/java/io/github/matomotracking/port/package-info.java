/**
 * Ports: the interfaces through which the library reads and writes the host's world, and
 * thread-safe in-memory implementations of them for tests and quick starts.
 *
 * <ul>
 *   <li>{@link io.github.matomotracking.port.LookupRepository}: the CRM's lookups (read a
 *       snapshot, add missing entries).
 *   <li>{@link io.github.matomotracking.port.SessionSink}: where web sessions and actions go,
 *       an idempotent, all-or-nothing batch upsert;
 *       {@link io.github.matomotracking.port.SessionStore} reads them back.
 *   <li>{@link io.github.matomotracking.port.SyncStateStore}: identifications, email clicks and
 *       the per-identity cursors that say how far a synchronisation got.
 * </ul>
 *
 * <p>Together they let a sync engine promise that a failure at any point loses nothing and
 * duplicates nothing: every write is idempotent, a sink batch is atomic, and a cursor is saved
 * only after the sink acknowledged the data it covers (see
 * {@link io.github.matomotracking.port.SyncCursor}).
 */
package io.github.matomotracking.port;
