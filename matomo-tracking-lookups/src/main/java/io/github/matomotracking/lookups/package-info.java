/**
 * Reference data and ready {@link io.github.matomotracking.port.LookupRepository}
 * implementations.
 *
 * <ul>
 *   <li>{@link io.github.matomotracking.lookups.DefaultLookups}: what a fresh CRM ships (lead
 *       channels and sources, source, channel and URL codes, referrer and action types) with
 *       stable ids, ISO 3166-1 countries from the Java runtime and ISO 3166-2 regions from
 *       Unicode CLDR.
 *   <li>{@link io.github.matomotracking.lookups.LookupTables}: plain lists of lookup entries, and
 *       how a host's rows are laid over another set of tables.
 *   <li>{@link io.github.matomotracking.lookups.LookupFiles}: reads a host's own tables from CSV
 *       or JSON files.
 *   <li>{@link io.github.matomotracking.lookups.IndexedLookupSnapshot}: an immutable, indexed
 *       {@link io.github.matomotracking.mapping.LookupSnapshot}, also handy in a host's own tests.
 *   <li>{@link io.github.matomotracking.lookups.InMemoryLookupRepository}: a thread-safe
 *       repository that publishes a new snapshot for every batch of additions.
 * </ul>
 */
package io.github.matomotracking.lookups;
