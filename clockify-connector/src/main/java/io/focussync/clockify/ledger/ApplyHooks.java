package io.focussync.clockify.ledger;

import java.time.LocalDate;

/**
 * Points inside the apply where tests simulate a crash (e.g. after Clockify created an entry and
 * before the ledger recorded it). The default does nothing.
 */
public interface ApplyHooks {

  /** Clockify answered a create; the ledger has not recorded the id yet. */
  default void afterCreate(String userId, LocalDate date, String slot, String entryId) {}
}
