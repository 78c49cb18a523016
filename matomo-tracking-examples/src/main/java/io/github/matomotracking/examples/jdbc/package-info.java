/**
 * The library's ports over plain JDBC, with H2 as the embedded default: a session sink that can
 * also read and export what it stored
 * ({@link io.github.matomotracking.examples.jdbc.JdbcSessionSink}),
 * the synchronisation state ({@link io.github.matomotracking.examples.jdbc.JdbcSyncStateStore})
 * and the lookups ({@link io.github.matomotracking.examples.jdbc.JdbcLookupRepository}).
 *
 * <p>The SQL is portable (checked on H2, written for PostgreSQL as well): standard types, no
 * MERGE or vendor upsert; an upsert reads the stored rows and inserts or updates them in one
 * transaction. The tables (prefix {@code mt_}) are created on first use from
 * {@code schema.sql} beside these classes. Connections are always closed, and every
 * {@link java.sql.SQLException} is wrapped in a
 * {@link io.github.matomotracking.examples.jdbc.JdbcStoreException} naming the operation.
 */
package io.github.matomotracking.examples.jdbc;
