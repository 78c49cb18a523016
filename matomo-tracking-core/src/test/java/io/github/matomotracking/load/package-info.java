/**
 * Load tests of one {@link io.github.matomotracking.client.MatomoClient} shared by many threads
 * against a loopback fake Matomo that injects faults: every thread must get exactly its oracle's
 * visits, and closing the client must give back threads, connections, file handles and memory.
 * The normal build runs a short version; {@code -Psoak} (system property {@code matomo.soak=true})
 * runs it for ten minutes. Results are summarised in {@code docs/reliability.md}.
 */
package io.github.matomotracking.load;
