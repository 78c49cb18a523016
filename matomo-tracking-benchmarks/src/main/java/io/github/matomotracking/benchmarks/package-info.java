/**
 * Measuring tools, never published: a synthetic {@code Live.getLastVisitsDetails} response
 * generator ({@link io.github.matomotracking.benchmarks.LiveResponseGenerator}), JMH benchmarks of
 * the reader and the mapper against baselines measured in the same run, and an end-to-end runner
 * over a loopback HTTP server ({@link io.github.matomotracking.benchmarks.EndToEndRunner}), and the
 * request-economy benchmark: a daily refresh by the sync engine against a simple integration's
 * request scheme, on the demo Matomo with a fixed latency
 * ({@link io.github.matomotracking.benchmarks.EconomyRunner}).
 * Every result is a ratio against a baseline of the same run: the machines are shared and noisy.
 */
package io.github.matomotracking.benchmarks;
