package io.focussync.allocator.day;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What the clockify-connector last reported for a user-day.
 *
 * @param resultRevision the plan revision the last result was about
 * @param status the last result's status
 * @param appliedRevision the last revision Clockify fully holds, 0 for none
 */
public record SyncState(
    long resultRevision,
    SyncStatus status,
    long appliedRevision,
    boolean dryRun,
    List<SyncedSlot> entries,
    String lastError,
    Instant at) {

  public SyncState {
    entries = entries == null ? List.of() : List.copyOf(entries);
    // As precise as the store keeps it, so a state read back equals the state written.
    at = at == null ? null : at.truncatedTo(ChronoUnit.MILLIS);
  }

  /**
   * Clockify holds a revision of the day (applied live, not only in a dry run) or refuses it (the
   * day is in a period Clockify locks): a settings change leaves such a day before today alone.
   */
  public boolean heldByClockify() {
    return (appliedRevision > 0 && !dryRun) || status == SyncStatus.CLOSED;
  }

  /** One slot as it stands in Clockify. */
  public record SyncedSlot(String slot, String clockifyEntryId, SyncStatus state) {}
}
