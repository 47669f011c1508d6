package io.focussync.clockify.reconcile;

import java.util.Collection;

/**
 * What keeps a run's writes its own: the day's fencing token. Every ledger write is conditional on
 * it, and a Clockify write is only sent while the run still holds the day long enough for the call
 * to finish. Both throw {@link DayLostException} once the day is no longer this run's.
 */
public interface DayGuard {

  /** Before a Clockify write: the run still owns the day (renewing its lease if it runs short). */
  void beforeWrite();

  /** Stores the day's whole ledger, only while the run still holds the day's fencing token. */
  void saveLedger(Collection<LedgerSlot> slots);
}
