package io.focussync.clockify.ledger;

import io.focussync.clockify.reconcile.LedgerSlot;
import java.time.LocalDate;
import java.util.List;

/**
 * The entry ledger: per (user, scope = workspace or dry-run workspace, date, slot) the Clockify
 * entry id, the hash of what was written and the slot's state.
 */
public interface LedgerStore {

  List<LedgerSlot> load(String userId, String scope, LocalDate date);

  void save(String userId, String scope, LocalDate date, LedgerSlot slot);

  void remove(String userId, String scope, LocalDate date, String slot);
}
