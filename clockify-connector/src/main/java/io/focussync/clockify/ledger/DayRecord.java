package io.focussync.clockify.ledger;

import io.focussync.contracts.dayplans.v1.DayPlanned;

/**
 * The durable state of one user-day: the newest accepted plan and how far it has been applied.
 *
 * @param plan the newest accepted plan (a newer one replaces an older one still waiting)
 * @param appliedRevision the last revision applied (synced or terminally needing attention)
 * @param status PENDING, WAITING_FOR_CONNECTION, SYNCED, FAILED or NEEDS_ATTENTION
 * @param failures consecutive failed attempts at the current plan
 * @param reportedFailureRevision the last revision a DaySyncFailed(FAILED) was published for
 */
public record DayRecord(
    String userId,
    DayPlanned plan,
    long appliedRevision,
    String status,
    String lastError,
    int failures,
    long reportedFailureRevision) {

  /** Whether the newest plan still has to be applied. */
  public boolean pending() {
    return plan != null && plan.revision() > appliedRevision;
  }
}
