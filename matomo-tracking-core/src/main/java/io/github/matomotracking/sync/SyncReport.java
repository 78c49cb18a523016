package io.github.matomotracking.sync;

import io.github.matomotracking.model.MatomoStyle;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.immutables.value.Value;

/**
 * What one run of a {@link SyncEngine} entry point did: how many identities and visits it
 * handled, what the sink changed, how many requests Matomo got, and which parts failed. Also
 * given to {@link SyncListener#onBatchFinished} for a single identity batch.
 *
 * <p>A run that found nothing new reports sessions and actions only as unchanged:
 * {@link #changedNothing()}.
 */
@Value.Immutable
@MatomoStyle
public abstract class SyncReport {

  /** Subclassed by the generated implementation only. */
  SyncReport() {}

  /**
   * The entry point that ran.
   *
   * @return the flow
   */
  public abstract SyncFlow flow();

  /**
   * When the run started, by the engine's clock.
   *
   * @return the start
   */
  public abstract Instant startedAt();

  /**
   * When the run ended, by the engine's clock.
   *
   * @return the end
   */
  public abstract Instant finishedAt();

  /**
   * Identifications newly recorded (a form submission recorded a second time counts 0).
   *
   * @return the count
   */
  @Value.Default
  public long identificationsRecorded() {
    return 0;
  }

  /**
   * Identities (visitorIds or userIds) whose visits were asked for.
   *
   * @return the count
   */
  @Value.Default
  public long identities() {
    return 0;
  }

  /**
   * Identity batches run (each one or more Matomo queries).
   *
   * @return the count
   */
  @Value.Default
  public long batches() {
    return 0;
  }

  /**
   * Different contacts that own the sessions written.
   *
   * @return the count
   */
  @Value.Default
  public long contacts() {
    return 0;
  }

  /**
   * Visits received from Matomo.
   *
   * @return the count
   */
  @Value.Default
  public long visits() {
    return 0;
  }

  /**
   * Visits received that nobody owns under the identification rules: not written.
   *
   * @return the count
   */
  @Value.Default
  public long visitsSkippedUnowned() {
    return 0;
  }

  /**
   * Sessions that were not stored before.
   *
   * @return the count
   */
  @Value.Default
  public long sessionsInserted() {
    return 0;
  }

  /**
   * Stored sessions of which a field or the owner changed.
   *
   * @return the count
   */
  @Value.Default
  public long sessionsUpdated() {
    return 0;
  }

  /**
   * Stored sessions written again with the same values.
   *
   * @return the count
   */
  @Value.Default
  public long sessionsUnchanged() {
    return 0;
  }

  /**
   * Actions that were not stored before.
   *
   * @return the count
   */
  @Value.Default
  public long actionsInserted() {
    return 0;
  }

  /**
   * Stored actions of which a field changed.
   *
   * @return the count
   */
  @Value.Default
  public long actionsUpdated() {
    return 0;
  }

  /**
   * Stored actions written again with the same values.
   *
   * @return the count
   */
  @Value.Default
  public long actionsUnchanged() {
    return 0;
  }

  /**
   * Lookup entries the mapper found missing and the engine applied. Batches that run at the same
   * time may each find the same entry missing and apply it; each application counts, while the
   * repository keeps one entry (applying an addition twice is harmless).
   *
   * @return the count
   */
  @Value.Default
  public long lookupAdditions() {
    return 0;
  }

  /**
   * Warnings about single visits (a field that could not be used, a visit Matomo sent broken).
   *
   * @return the count
   */
  @Value.Default
  public long warnings() {
    return 0;
  }

  /**
   * HTTP requests sent to Matomo for visits (retries included), counted for the fetches that
   * completed: the requests of a fetch that failed in the end are not known to the engine and
   * are left out (a {@code MatomoClientListener} sees every request).
   *
   * @return the count
   */
  @Value.Default
  public long requests() {
    return 0;
  }

  /**
   * Matomo requests that were tried again, in the fetches that completed (see {@link #requests()}).
   *
   * @return the count
   */
  @Value.Default
  public long retries() {
    return 0;
  }

  /**
   * Whether the run was cancelled (by {@link SyncEngine#cancel()} or an interrupt) before it
   * finished; what it did until then is counted and consistent.
   *
   * @return true when cancelled
   */
  @Value.Default
  public boolean cancelled() {
    return false;
  }

  /**
   * Identity batches not run, or stopped, because the run was cancelled.
   *
   * @return the count
   */
  @Value.Default
  public long batchesCancelled() {
    return 0;
  }

  /**
   * The parts that failed, each with the identities and contacts it concerns.
   *
   * @return the failures, in the order they happened
   */
  public abstract List<SyncFailure> failures();

  /**
   * How long the run took.
   *
   * @return finish minus start
   */
  public Duration duration() {
    return Duration.between(startedAt(), finishedAt());
  }

  /**
   * Whether everything ran and nothing failed.
   *
   * @return true without failures and not cancelled
   */
  public boolean succeeded() {
    return failures().isEmpty() && !cancelled();
  }

  /**
   * Whether the sink stored nothing new: no session or action inserted or updated.
   *
   * @return true when only unchanged records were written, or none
   */
  public boolean changedNothing() {
    return sessionsInserted() == 0 && sessionsUpdated() == 0 && actionsInserted() == 0
        && actionsUpdated() == 0;
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static ImmutableSyncReport.Builder builder() {
    return ImmutableSyncReport.builder();
  }
}
