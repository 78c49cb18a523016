package io.github.matomotracking.sync;

/** The step of a synchronisation where a {@link SyncFailure} happened. */
public enum SyncStage {
  /** Matching the form data to a contact: no contact matched. */
  MATCH,
  /** Reading or writing the sync state (identifications, clicks, cursors). */
  STATE,
  /** Fetching visits from Matomo. */
  FETCH,
  /** Reading a site's time zone from Matomo. */
  TIME_ZONE,
  /** Deciding owners and mapping visits to sessions (host code: a custom identifier). */
  MAPPING,
  /** Reading a lookup snapshot or applying lookup additions. */
  LOOKUPS,
  /** Upserting sessions into the sink. */
  SINK
}
