/**
 * Hostile input for the reader and the mapper: a corpus of broken, odd and oversized Matomo
 * responses with an expectation manifest, a low-memory run of that corpus in a child JVM, and
 * seeded randomized property tests (generated visits, round trips, mapper invariants, byte-level
 * corruption).
 */
package io.github.matomotracking.hostile;
