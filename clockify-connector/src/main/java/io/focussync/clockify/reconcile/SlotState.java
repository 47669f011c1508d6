package io.focussync.clockify.reconcile;

/** Where one ledger slot stands. */
public enum SlotState {
  /** A create was (maybe) sent; the entry may or may not exist in Clockify. */
  PENDING,
  /** Clockify holds the entry with the content of the recorded hash. */
  SYNCED,
  /** The user deleted our entry in Clockify; left alone until a newer revision. */
  DRIFTED,
  /** Clockify refused to change a locked/approved entry; left alone until a newer revision. */
  LOCKED
}
