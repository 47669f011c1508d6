package io.focussync.clockify.ledger;

/** Where a user-day stands in the connector. */
public enum DayStatus {
  /** A plan is waiting to be applied (or being applied). */
  PENDING,
  /** The user has no usable Clockify connection (none, or its key was refused). */
  WAITING_FOR_CONNECTION,
  /** Clockify holds the applied revision's plan. */
  SYNCED,
  /** The last attempt failed; it is tried again with back-off. */
  FAILED,
  /** Applied as far as it can be; the rest needs a person (locked, drifted, refused). */
  NEEDS_ATTENTION,
  /**
   * The day lies wholly in Clockify's locked period: no call is made for the revision, which is
   * reported as DaySyncFailed CLOSED.
   */
  CLOSED,
  /**
   * The user's own entries take other time than the plan was made around: nothing is written for
   * the revision, DayBusyObserved is reported, and the day waits for the plan made around them.
   */
  WAITING_FOR_PLAN;

  /** Whether nothing more is tried for the applied revision. */
  public boolean settled() {
    return this == SYNCED || this == NEEDS_ATTENTION || this == CLOSED || this == WAITING_FOR_PLAN;
  }
}
