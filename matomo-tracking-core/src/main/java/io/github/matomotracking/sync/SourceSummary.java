package io.github.matomotracking.sync;

/**
 * What one {@link VisitSource#fetch} took.
 *
 * @param requests HTTP requests sent (retries included)
 * @param retries requests tried again
 */
public record SourceSummary(long requests, long retries) {}
