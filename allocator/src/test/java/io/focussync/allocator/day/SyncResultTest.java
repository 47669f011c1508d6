package io.focussync.allocator.day;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyncResultTest {

  static final DayRef DAY = new DayRef("u", LocalDate.of(2026, 11, 20));
  static final Instant AT = Instant.parse("2026-11-20T18:00:00.123456Z");

  static SyncResult.Synced synced(long revision, String... slotAndId) {
    List<SyncState.SyncedSlot> slots = new java.util.ArrayList<>();
    for (int i = 0; i < slotAndId.length; i += 2) {
      slots.add(new SyncState.SyncedSlot(slotAndId[i], slotAndId[i + 1], SyncStatus.SYNCED));
    }
    return new SyncResult.Synced(DAY, revision, false, slots, AT);
  }

  @Test
  void aSyncedResultReplacesTheStateUnlessItIsForAnOlderRevision() {
    SyncState two = synced(2, "other", "e-2").applyTo(null);

    assertThat(two.status()).isEqualTo(SyncStatus.SYNCED);
    assertThat(two.appliedRevision()).isEqualTo(2);
    assertThat(synced(1, "other", "e-1").applyTo(two)).isNull();
    assertThat(synced(2, "other", "e-3").applyTo(two).entries())
        .containsExactly(new SyncState.SyncedSlot("other", "e-3", SyncStatus.SYNCED));
  }

  @Test
  void aFailedResultMarksItsSlotsAndKeepsTheEntryIdsAndTheAppliedRevision() {
    SyncState held = synced(1, "other", "e-1", "project:p", "e-2").applyTo(null);

    SyncState failed =
        new SyncResult.Failed(
                DAY, 2, SyncStatus.NEEDS_ATTENTION, "locked", List.of("other", "new"), AT)
            .applyTo(held);

    assertThat(failed.resultRevision()).isEqualTo(2);
    assertThat(failed.appliedRevision()).isEqualTo(1);
    assertThat(failed.lastError()).isEqualTo("locked");
    assertThat(failed.entries())
        .containsExactly(
            new SyncState.SyncedSlot("other", "e-1", SyncStatus.NEEDS_ATTENTION),
            new SyncState.SyncedSlot("project:p", "e-2", SyncStatus.SYNCED),
            new SyncState.SyncedSlot("new", null, SyncStatus.NEEDS_ATTENTION));
    assertThat(
            new SyncResult.Failed(DAY, 0, SyncStatus.FAILED, "old", List.of(), AT).applyTo(failed))
        .isNull();
  }

  @Test
  void theInstantIsKeptAsPreciselyAsTheStoreKeepsIt() {
    assertThat(synced(1).applyTo(null).at()).isEqualTo(Instant.parse("2026-11-20T18:00:00.123Z"));
  }

  @Test
  void clockifyHoldsADayAppliedLiveOrLockedNotOneOnlyADryRunApplied() {
    SyncState live = synced(2, "other", "e-2").applyTo(null);
    SyncState dry = new SyncResult.Synced(DAY, 2, true, List.of(), AT).applyTo(null);
    SyncState failedFirst =
        new SyncResult.Failed(DAY, 1, SyncStatus.FAILED, "down", List.of("other"), AT)
            .applyTo(null);
    SyncState locked =
        new SyncResult.Failed(DAY, 1, SyncStatus.CLOSED, "locked", List.of(), AT).applyTo(null);

    assertThat(live.heldByClockify()).isTrue();
    assertThat(new SyncResult.Failed(DAY, 3, SyncStatus.FAILED, "x", List.of(), AT).applyTo(live))
        .returns(true, SyncState::heldByClockify);
    assertThat(dry.heldByClockify()).isFalse();
    assertThat(failedFirst.heldByClockify()).isFalse();
    assertThat(locked.heldByClockify()).isTrue();
    assertThat(locked.lastError()).isEqualTo("locked");
  }
}
