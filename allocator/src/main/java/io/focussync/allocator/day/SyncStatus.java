package io.focussync.allocator.day;

/**
 * What the clockify-connector last reported for a day, spelled as stored and as the API lists it.
 */
public enum SyncStatus {
  /** Clockify holds the revision's entries. */
  SYNCED,
  /** Applying the revision failed; the connector retries. */
  FAILED,
  /** Applying the revision failed in a way the user must look at. */
  NEEDS_ATTENTION,
  /** The day is in a period Clockify locks. */
  CLOSED;

  /** The day's status when its current revision got this result. */
  public DayStatus dayStatus() {
    return DayStatus.valueOf(name());
  }
}
