package io.focussync.clockify.reconcile;

import java.time.Instant;

/**
 * What the ledger knows about one slot of a day.
 *
 * @param entryId the Clockify entry id, null while pending
 * @param hash hash of the content in Clockify (for a pending slot: of the content sent)
 * @param projectId project of that content, used to look a pending create up
 * @param start start of that content, used to look a pending create up
 * @param blockedRevision for DRIFTED/LOCKED: the plan revision at which the slot was blocked
 */
public record LedgerSlot(
    String slot,
    String entryId,
    String hash,
    SlotState state,
    String projectId,
    Instant start,
    long blockedRevision) {

  /** A slot whose content is in Clockify under the id. */
  public static LedgerSlot synced(DesiredEntry entry, String entryId) {
    return new LedgerSlot(
        entry.slot(), entryId, entry.hash(), SlotState.SYNCED, entry.projectId(), entry.start(), 0);
  }

  /** A slot about to be created (or maybe created already). */
  public static LedgerSlot pending(DesiredEntry entry) {
    return new LedgerSlot(
        entry.slot(), null, entry.hash(), SlotState.PENDING, entry.projectId(), entry.start(), 0);
  }

  /** This slot, blocked in a state at a revision. */
  public LedgerSlot blocked(SlotState blockedState, long revision) {
    return new LedgerSlot(slot, entryId, hash, blockedState, projectId, start, revision);
  }

  /** Whether the slot was blocked at this revision or later, so it is left alone. */
  public boolean blockedAt(long revision) {
    return (state == SlotState.DRIFTED || state == SlotState.LOCKED) && blockedRevision >= revision;
  }
}
