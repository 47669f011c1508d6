package io.focussync.clockify.ledger;

import io.focussync.clockify.connection.Connection;
import io.focussync.clockify.reconcile.LedgerSlot;
import io.focussync.contracts.EventCodec;
import io.focussync.contracts.FocusSyncEvent;
import io.focussync.contracts.dayplans.v1.DayPlanned;
import io.focussync.contracts.syncresults.v1.DayBusyObserved;
import io.focussync.contracts.syncresults.v1.DaySyncFailed;
import io.focussync.contracts.syncresults.v1.DaySynced;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The durable state of one user-day: the newest accepted plan, how far it has been applied, the
 * day's entry ledger per scope, who holds the day, and the result not yet published.
 *
 * @param plan the newest accepted plan (a newer one replaces an older one still waiting)
 * @param partition the partition of the plans topic the user's plans come on (who owns the day)
 * @param appliedRevision the last revision settled: nothing more is tried for it (synced, needing
 *     attention, closed by Clockify's lock, or waiting for a plan made around the user's entries)
 * @param failures consecutive failed attempts at the current plan
 * @param reportedFailureRevision the last revision a DaySyncFailed(FAILED) was published for
 * @param fence the day's fencing token: every write of an apply is conditional on it
 * @param leaseOwner the replica that holds the day, if any
 * @param leaseUntil until when it holds it
 * @param ledgers the entry ledger per scope (workspace, or workspace#dry-run)
 * @param outbox the result to publish, if one is not published yet
 * @param traceparent the trace context of the newest plan's record (null if none): its apply runs
 *     in that trace
 */
public record DayRecord(
    String userId,
    DayPlanned plan,
    int partition,
    long appliedRevision,
    DayStatus status,
    String lastError,
    int failures,
    long reportedFailureRevision,
    long fence,
    String leaseOwner,
    Instant leaseUntil,
    Map<String, List<LedgerSlot>> ledgers,
    PendingResult outbox,
    String traceparent) {

  /** Whether the newest plan still has to be applied. */
  public boolean pending() {
    return plan != null && plan.revision() > appliedRevision;
  }

  /** The ledger of a scope (empty if none). */
  public List<LedgerSlot> ledger(String scope) {
    return ledgers.getOrDefault(scope, List.of());
  }

  /**
   * Whether the day's newest plan was applied only in a dry run of the workspace: previewed, never
   * written to it.
   */
  public boolean previewedOnly(String workspaceId) {
    return plan != null
        && !pending()
        && ledgers.containsKey(workspaceId + Connection.DRY_RUN_SUFFIX)
        && !ledgers.containsKey(workspaceId);
  }

  /** The user-day. */
  public DayKey key() {
    return new DayKey(userId, plan.date());
  }

  /**
   * A result event stored with the write that settled the day, published after it in the trace of
   * the apply that made it ({@code traceparent}, null if none).
   */
  public record PendingResult(String id, String type, byte[] json, String traceparent) {

    private static final Map<String, Class<? extends FocusSyncEvent>> TYPES =
        Map.of(
            DaySynced.class.getSimpleName(), DaySynced.class,
            DaySyncFailed.class.getSimpleName(), DaySyncFailed.class,
            DayBusyObserved.class.getSimpleName(), DayBusyObserved.class);

    /** The stored event. */
    public FocusSyncEvent event() {
      Class<? extends FocusSyncEvent> eventType = TYPES.get(type);
      if (eventType == null) {
        throw new IllegalStateException("unknown result type in the outbox: " + type);
      }
      return EventCodec.fromJson(eventType, json);
    }
  }
}
