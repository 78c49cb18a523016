package io.github.matomotracking.port;

import io.github.matomotracking.model.MatomoStyle;
import org.immutables.value.Value;

/**
 * What a {@link SessionSink#upsert} did. Every session and action of the batch is counted once
 * as inserted, updated (stored, and at least one field differed) or unchanged (stored with
 * exactly these values). A re-run that found nothing new reports only unchanged records.
 */
@Value.Immutable
@MatomoStyle
public interface SinkResult {

  /** Sessions that were not stored before. */
  @Value.Default
  default long sessionsInserted() {
    return 0;
  }

  /** Stored sessions of which a field (or the owning contact) changed. */
  @Value.Default
  default long sessionsUpdated() {
    return 0;
  }

  /** Stored sessions written again with the same values. */
  @Value.Default
  default long sessionsUnchanged() {
    return 0;
  }

  /** Actions that were not stored before. */
  @Value.Default
  default long actionsInserted() {
    return 0;
  }

  /** Stored actions of which a field changed. */
  @Value.Default
  default long actionsUpdated() {
    return 0;
  }

  /** Stored actions written again with the same values. */
  @Value.Default
  default long actionsUnchanged() {
    return 0;
  }

  /** Whether nothing was inserted or updated. */
  default boolean changedNothing() {
    return sessionsInserted() == 0 && sessionsUpdated() == 0
        && actionsInserted() == 0 && actionsUpdated() == 0;
  }

  /**
   * The sum of two results, to total several batches.
   *
   * @param other another result
   * @return the sum
   */
  default SinkResult plus(SinkResult other) {
    return builder()
        .sessionsInserted(sessionsInserted() + other.sessionsInserted())
        .sessionsUpdated(sessionsUpdated() + other.sessionsUpdated())
        .sessionsUnchanged(sessionsUnchanged() + other.sessionsUnchanged())
        .actionsInserted(actionsInserted() + other.actionsInserted())
        .actionsUpdated(actionsUpdated() + other.actionsUpdated())
        .actionsUnchanged(actionsUnchanged() + other.actionsUnchanged())
        .build();
  }

  /** Nothing done. */
  static SinkResult empty() {
    return builder().build();
  }

  /** A new builder. */
  static ImmutableSinkResult.Builder builder() {
    return ImmutableSinkResult.builder();
  }
}
