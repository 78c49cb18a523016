/**
 * How a host application runs the library: compiled, tested examples to copy from.
 *
 * <ul>
 *   <li>{@link io.github.matomotracking.examples.host.DailySyncSchedule}: the daily refresh
 *       (02:00 UTC) and email-click run (02:30 UTC) on a plain
 *       {@link java.util.concurrent.ScheduledExecutorService}, for one node.
 *   <li>{@link io.github.matomotracking.examples.host.ClusteredSyncScheduler} with
 *       {@link io.github.matomotracking.examples.host.SyncJob}: the same jobs on Quartz with a
 *       clustered JDBC job store, for several nodes sharing one schedule; each fire time runs on
 *       one node only ({@link io.github.matomotracking.examples.host.QuartzTables} creates
 *       Quartz's tables on H2 from the DDL in its jar).
 *   <li>{@link io.github.matomotracking.examples.host.FormWebhookHandler}: a form posted by a
 *       landing page, checked and handed to the engine (flow A), framework-free;
 *       {@link io.github.matomotracking.examples.host.FormWebhookHttpHandler} serves it on the
 *       JDK's HTTP server.
 *   <li>{@link io.github.matomotracking.examples.host.CrmSessionSink} and
 *       {@link io.github.matomotracking.examples.host.CrmLookupRepository}: the ports over a CRM's
 *       own tables ({@link io.github.matomotracking.examples.host.CrmSchema}), proved by the
 *       contract suites of core's test-jar.
 * </ul>
 */
package io.github.matomotracking.examples.host;
