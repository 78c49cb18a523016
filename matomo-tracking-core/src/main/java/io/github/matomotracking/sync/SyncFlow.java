package io.github.matomotracking.sync;

/** The entry point of the {@link SyncEngine} that produced a {@link SyncReport}. */
public enum SyncFlow {
  /**
   * A new identification of a visitor (a form submission, or one the host recorded), followed by
   * the import of that visitor's history.
   */
  IDENTIFICATION,
  /** Visits of contacts who clicked a marketing email and have no web session yet. */
  EMAIL_CLICK_CONTACTS,
  /** New and updated visits of every tracked visitor, from its cursor. */
  REFRESH,
  /** The daily job: {@link #REFRESH}, then {@link #EMAIL_CLICK_CONTACTS}. */
  SCHEDULED
}
