package io.github.matomotracking.client;

/**
 * What one query took and gave.
 *
 * @param requests HTTP requests sent for it (retries and redirects included)
 * @param pages pages of visits received completely
 * @param visits visits handed to the caller
 * @param retries requests that were tried again
 * @param bytes body bytes received (compressed when gzip was used)
 * @param visitsSkipped visit objects the reader had to skip (each with a warning)
 * @param duplicates visits received again without change and not handed over again
 * @param filteredOut visits received but not asked for: neither their visitorId nor their userId
 *     is exactly one of the query's (Matomo matches userIds under its database collation, which
 *     usually ignores case, accents and trailing spaces; with {@code hashUserIds}, another user's
 *     id may hash to the same visitorId)
 */
public record FetchSummary(
    int requests,
    int pages,
    long visits,
    int retries,
    long bytes,
    long visitsSkipped,
    long duplicates,
    long filteredOut) {}
