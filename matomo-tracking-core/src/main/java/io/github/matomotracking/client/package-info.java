/**
 * Talking to Matomo: {@link io.github.matomotracking.client.MatomoClient} (authenticated, paged,
 * streamed and retried access to {@code Live.getLastVisitsDetails}), its configuration and query
 * values, the segments it builds, the response reader, and the exceptions a caller can act on.
 * The only package that touches {@code java.net.http}.
 */
package io.github.matomotracking.client;
