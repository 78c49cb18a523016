/**
 * The sync engine: brings the Matomo visits of identified visitors into the host's CRM, one
 * entry point per flow of the domain rules (section 1). Start with
 * {@link io.github.matomotracking.sync.SyncEngine}; configure it with
 * {@link io.github.matomotracking.sync.SyncConfig}; read what a run did in
 * {@link io.github.matomotracking.sync.SyncReport}; follow its progress with a
 * {@link io.github.matomotracking.sync.SyncListener}.
 *
 * <h2>How a run works</h2>
 *
 * A run splits the identities it follows (visitorIds, or the userIds of email-click contacts)
 * into <em>identity batches</em> of {@link io.github.matomotracking.sync.SyncConfig#identitiesPerRequest()},
 * and runs up to {@link io.github.matomotracking.sync.SyncConfig#maxConcurrency()} of them at a
 * time. An identity batch:
 *
 * <ol>
 *   <li>reads the identities' cursors and asks the {@link io.github.matomotracking.sync.VisitSource},
 *       site by site, for their visits whose last action is after the earliest cursor (less
 *       {@link io.github.matomotracking.sync.SyncConfig#cursorOverlap()});
 *   <li>per <em>write batch</em> of received visits: reads the identifications of each visit's
 *       visitorId and lets the {@link io.github.matomotracking.identify.ContactIdentifier}
 *       decide the owner (visits nobody owns are skipped and counted); maps all visits with one
 *       {@link io.github.matomotracking.mapping.MappingBatch} over a fresh lookup snapshot;
 *       applies the batch's lookup additions; then upserts the sessions into the
 *       {@link io.github.matomotracking.port.SessionSink};
 *   <li>once every site is read and every write batch acknowledged, saves for each identity the
 *       {@link io.github.matomotracking.port.SyncCursor} its acknowledged visits reached (the
 *       latest last action time and the visits at that second), when that moves the cursor
 *       forward.
 * </ol>
 *
 * A new identification of a visitor first lowers the visitor's cursor to the start of the
 * history window before the identification, then records the identification, then runs the
 * visitor's batch. The email-click flow marks a userId before its first fetch with a cursor that
 * lists no visit (a completed fetch replaces it with one that does), and selects the contacts
 * who clicked recently and have no session, or whose userId it has read before (a marker or a
 * cursor: those are read again from the cursor while the click is recent, so a visit still going
 * on at one run is completed by the next).
 *
 * <h2>Why a failure never loses or duplicates anything</h2>
 *
 * The stores make each write idempotent: a session upsert is keyed by (site, visit) and an
 * action by its natural key, all or nothing per batch; a lookup addition carries an id derived
 * from its key; identifications and clicks are keyed by the event. So writing something twice
 * changes nothing, and the only question is whether a failure can make the next run skip
 * something. The next run reads, for every identity, all visits whose last action is after its
 * stored cursor (less the overlap), and decides owners again from all stored identifications. A
 * run is therefore safe if, at every instant, each stored cursor is true: <em>every visit of
 * the identity whose last action is before the cursor is stored, with the owner the rules give
 * for the stored identifications</em>. Going through the points where a process can stop:
 *
 * <ul>
 *   <li><b>Matomo fails, or the process stops, while visits are fetched or mapped.</b> Nothing is
 *       written for the write batch in hand; earlier write batches are stored (harmless); the
 *       batch's cursors are not saved, so the next run reads the same visits again.
 *   <li><b>Lookup additions fail, or stop half-way.</b> Sessions of the write batch are not yet
 *       upserted; the cursor is not saved. Additions already stored keep their derived ids, so
 *       the next run's snapshot resolves the same entries to the same ids, and the mapped
 *       sessions are identical to those of an undisturbed run. (This needs the texts of an
 *       added entry to be the same whichever visit asks for it first: Matomo's referrer type
 *       names are, for one language.)
 *   <li><b>The sink fails.</b> Nothing of the batch is stored (the sink is all or nothing); the
 *       cursor is not saved; the next run writes the same sessions.
 *   <li><b>The process stops after the sink committed, before the cursor is saved.</b> The
 *       cursor is behind the stored data, which is still true; the next run re-reads those
 *       visits and upserts them unchanged.
 *   <li><b>Saving cursors fails half-way.</b> Each cursor is saved on its own, only after the
 *       sink acknowledged every visit it covers: saved ones are true, unsaved ones are behind.
 *       A cursor only covers visits whose last action is before it; the visits at its own second
 *       are read again (Matomo's {@code minTimestamp} is exclusive, the overlap is at least one
 *       second).
 *   <li><b>A new identification arrives.</b> It may change the owner of stored visits up to a
 *       history window before its time (an identification inside a visit, the latest one before
 *       a visit, the first one for the history). Lowering the visitor's cursor to that point
 *       <em>before</em> recording the identification keeps the cursor true at every instant: if
 *       the process stops before the import finished, the next refresh re-reads those visits and
 *       gives them the new owners. While the engine records an identification, no write batch
 *       decides owners (a read-write lock), and no batch of the same identity runs (an identity
 *       guard), so a batch can neither write an owner from identifications that have just
 *       changed after the import rewrote it, nor save a cursor that hides the lowered one.
 *   <li><b>An email-click fetch stops half-way.</b> Its contact may now have a session, which
 *       would exclude it from the next selection; the start marker saved before the fetch keeps
 *       it selected until a fetch completes.
 *   <li><b>Several sites.</b> Sites are read one after the other, so a visit of an earlier site
 *       may get a new action while a later one is read, and a cursor at the latest visit would
 *       pass it. With several sites the saved cursor therefore never passes the time the batch
 *       started (by the engine's clock): a visit changed after that has a later last action.
 *       Set the overlap above the clock difference between Matomo and this host.
 *   <li><b>Cancellation and interruption</b> stop a batch between two write batches, before any
 *       write of the batch in hand and without saving its cursors: the same as a failure there.
 * </ul>
 *
 * Hence a run after any failure reads again everything that could be missing, and writes only
 * what an undisturbed run writes. The engine's test suite checks this row for row, sessions,
 * actions and cursors, with faults injected at every port call and processes "killed" at
 * random points, on the in-memory ports and on the JDBC ports. The argument holds for one
 * engine per state store: two processes synchronising the same store at once are not
 * coordinated.
 */
package io.github.matomotracking.sync;
