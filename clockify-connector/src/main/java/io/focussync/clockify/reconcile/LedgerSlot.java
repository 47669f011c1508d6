package io.focussync.clockify.reconcile;

import java.time.Instant;

/**
 * What the ledger knows about one slot of a day.
 *
 * @param entryId the Clockify entry id, null while pending
 * @param hash hash of the content in Clockify (for a pending slot: of the content sent)
 * @param projectId project of that content: with the start, end and marker tag, what identifies a
 *     pending create in Clockify
 * @param start start of that content
 * @param end end of that content
 * @param blockedRevision for DRIFTED/LOCKED: the plan revision at which the slot was blocked
 * @param sentAt for PENDING: when the create was last sent, null if never (the consistency window
 *     of a lookup counts from it)
 */
public record LedgerSlot(
    String slot,
    String entryId,
    String hash,
    SlotState state,
    String projectId,
    Instant start,
    Instant end,
    long blockedRevision,
    Instant sentAt) {

  /** A slot whose content is in Clockify under the id. */
  public static LedgerSlot synced(DesiredEntry entry, String entryId) {
    return new LedgerSlot(
        entry.slot(),
        entryId,
        entry.hash(),
        SlotState.SYNCED,
        entry.projectId(),
        entry.start(),
        entry.end(),
        0,
        null);
  }

  /** A slot whose create is sent now (or may have been created already). */
  public static LedgerSlot pending(DesiredEntry entry, Instant sentAt) {
    return new LedgerSlot(
        entry.slot(),
        null,
        entry.hash(),
        SlotState.PENDING,
        entry.projectId(),
        entry.start(),
        entry.end(),
        0,
        sentAt);
  }

  /** This pending slot's content, adopted as the entry with the id. */
  public LedgerSlot adopted(String id) {
    return new LedgerSlot(slot, id, hash, SlotState.SYNCED, projectId, start, end, 0, null);
  }

  /** This slot, blocked in a state at a revision. */
  public LedgerSlot blocked(SlotState blockedState, long revision) {
    return new LedgerSlot(
        slot, entryId, hash, blockedState, projectId, start, end, revision, sentAt);
  }

  /** Whether the slot was blocked at this revision or later, so it is left alone. */
  public boolean blockedAt(long revision) {
    return (state == SlotState.DRIFTED || state == SlotState.LOCKED) && blockedRevision >= revision;
  }
}
