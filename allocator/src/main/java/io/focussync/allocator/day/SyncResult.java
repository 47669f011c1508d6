package io.focussync.allocator.day;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A result of the clockify-connector for one user-day, as it changes the day's sync state. A result
 * for an older revision than the held one is ignored; one for the same or a newer revision is
 * applied, so results applied in their order end in the state of the last one that counts.
 */
public interface SyncResult {

  DayRef day();

  /** The sync state after this result, or null when it is ignored (an older revision). */
  SyncState applyTo(SyncState held);

  /** Clockify holds exactly this revision's entries (each slot's entry id). */
  record Synced(
      DayRef day, long revision, boolean dryRun, List<SyncState.SyncedSlot> entries, Instant at)
      implements SyncResult {

    public Synced {
      entries = List.copyOf(entries);
    }

    @Override
    public SyncState applyTo(SyncState held) {
      if (held != null && revision < held.resultRevision()) {
        return null;
      }
      return new SyncState(revision, SyncStatus.SYNCED, revision, dryRun, entries, null, at);
    }
  }

  /**
   * Applying this revision failed for these slots; {@code status} is {@code FAILED}, {@code
   * NEEDS_ATTENTION} or {@code CLOSED} (a period Clockify locks), never {@code SYNCED}. The slots
   * keep their entry ids, the applied revision stays as it was.
   */
  record Failed(
      DayRef day,
      long revision,
      SyncStatus status,
      String reason,
      List<String> failedSlots,
      Instant at)
      implements SyncResult {

    public Failed {
      failedSlots = List.copyOf(failedSlots);
      if (status == SyncStatus.SYNCED) {
        throw new IllegalArgumentException("a failed result cannot be SYNCED");
      }
    }

    @Override
    public SyncState applyTo(SyncState held) {
      if (held != null && revision < held.resultRevision()) {
        return null;
      }
      Set<String> failed = new HashSet<>(failedSlots);
      List<SyncState.SyncedSlot> slots = new ArrayList<>();
      List<SyncState.SyncedSlot> before = held == null ? List.of() : held.entries();
      for (SyncState.SyncedSlot slot : before) {
        slots.add(
            failed.remove(slot.slot())
                ? new SyncState.SyncedSlot(slot.slot(), slot.clockifyEntryId(), status)
                : slot);
      }
      failed.stream()
          .sorted()
          .forEach(slot -> slots.add(new SyncState.SyncedSlot(slot, null, status)));
      return new SyncState(
          revision,
          status,
          held == null ? 0 : held.appliedRevision(),
          held != null && held.dryRun(),
          slots,
          reason,
          at);
    }
  }
}
