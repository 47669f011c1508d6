package io.focussync.allocator.day;

/** The status values of a day, exactly as the API lists them. */
public enum DayStatus {
  NO_SESSIONS,
  PLANNED,
  AWAITING_APPROVAL,
  PENDING,
  SYNCED,
  FAILED,
  NEEDS_ATTENTION,
  CLOSED
}
