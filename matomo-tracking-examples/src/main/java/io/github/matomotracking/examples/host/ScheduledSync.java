package io.github.matomotracking.examples.host;

import io.github.matomotracking.sync.SyncEngine;
import io.github.matomotracking.sync.SyncFlow;
import io.github.matomotracking.sync.SyncReport;
import java.util.Objects;

/** What a scheduled job runs: one flow of the sync engine. */
@FunctionalInterface
public interface ScheduledSync {

  /**
   * Runs a flow.
   *
   * @param flow {@link SyncFlow#REFRESH}, {@link SyncFlow#EMAIL_CLICK_CONTACTS} or
   *     {@link SyncFlow#SCHEDULED}
   * @return the run's report
   */
  SyncReport run(SyncFlow flow);

  /**
   * The flows of an engine.
   *
   * @param engine the engine
   * @return the flows
   */
  static ScheduledSync of(SyncEngine engine) {
    Objects.requireNonNull(engine, "engine");
    return flow -> switch (flow) {
      case REFRESH -> engine.refresh();
      case EMAIL_CLICK_CONTACTS -> engine.syncEmailClickContacts();
      case SCHEDULED -> engine.runScheduled();
      case IDENTIFICATION -> throw new IllegalArgumentException(
          "identifications are imported when they happen, not on a schedule");
    };
  }
}
