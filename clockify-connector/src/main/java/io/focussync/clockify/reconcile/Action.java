package io.focussync.clockify.reconcile;

/**
 * One step of applying a plan.
 *
 * @param desired the planned entry, null when the slot is no longer planned
 * @param current the ledger's slot, null when the ledger has none
 */
public record Action(ActionType type, String slot, DesiredEntry desired, LedgerSlot current) {

  /** Whether the step writes to Clockify (or may, after a lookup). */
  public boolean writes() {
    return type != ActionType.KEEP && type != ActionType.BLOCKED && type != ActionType.FORGET;
  }
}
