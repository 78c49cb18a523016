package io.github.matomotracking.examples.demo;

/**
 * What a {@link DemoMatomoServer} has answered since it started or since its counters were
 * reset.
 *
 * @param requests HTTP requests received, whatever their outcome
 * @param liveRequests {@code Live.getLastVisitsDetails} calls answered with visits
 * @param visitsSent visit objects written
 * @param bytesReceived request body bytes read
 * @param bytesSent response body bytes written to the network (after gzip, when used)
 */
public record ServerStats(long requests, long liveRequests, long visitsSent, long bytesReceived, long bytesSent) {}
