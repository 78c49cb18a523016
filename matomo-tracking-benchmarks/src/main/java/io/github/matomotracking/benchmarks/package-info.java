/**
 * Measuring tools, never published: a synthetic {@code Live.getLastVisitsDetails} response
 * generator ({@link io.github.matomotracking.benchmarks.LiveResponseGenerator}), JMH benchmarks of
 * the reader and the mapper against baselines measured in the same run, and an end-to-end runner
 * over a loopback HTTP server ({@link io.github.matomotracking.benchmarks.EndToEndRunner}).
 * Every result is a ratio against a baseline of the same run: the machines are shared and noisy.
 */
package io.github.matomotracking.benchmarks;
