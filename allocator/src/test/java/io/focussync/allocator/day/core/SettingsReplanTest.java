package io.focussync.allocator.day.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.allocator.day.SyncState;
import io.focussync.allocator.day.SyncStatus;
import io.focussync.allocator.day.UserDay;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsReplanTest {

  static final LocalDate THURSDAY = LocalDate.of(2026, 11, 19);

  @Test
  void pastDaysClockifyHoldsKeepTheirPlan() {
    assertThat(SettingsReplan.replans(THURSDAY.minusDays(3), THURSDAY, true)).isFalse();
    assertThat(SettingsReplan.replans(THURSDAY.minusDays(1), THURSDAY, true)).isFalse();
  }

  @Test
  void todayLaterDaysAndDaysNeverSyncedAreReplanned() {
    assertThat(SettingsReplan.replans(THURSDAY, THURSDAY, true)).isTrue();
    assertThat(SettingsReplan.replans(THURSDAY.plusDays(1), THURSDAY, true)).isTrue();
    assertThat(SettingsReplan.replans(THURSDAY.minusDays(3), THURSDAY, false)).isTrue();
  }

  @Test
  void storedDaysSplitIntoReplannedAndKept() {
    UserDay held = new UserDay("u", THURSDAY.minusDays(1));
    held.sync(new SyncState(1, SyncStatus.SYNCED, 1, false, List.of(), null, null));
    UserDay dryRun = new UserDay("u", THURSDAY.minusDays(2));
    dryRun.sync(new SyncState(1, SyncStatus.SYNCED, 1, true, List.of(), null, null));
    UserDay locked = new UserDay("u", THURSDAY.minusDays(3));
    locked.sync(new SyncState(1, SyncStatus.CLOSED, 0, false, List.of(), "locked", null));
    UserDay today = new UserDay("u", THURSDAY);
    today.sync(new SyncState(1, SyncStatus.SYNCED, 1, false, List.of(), null, null));

    SettingsReplan.StoredDates split =
        SettingsReplan.split(List.of(held, dryRun, locked, today), THURSDAY);

    assertThat(split.replanned()).containsExactly(dryRun.date(), today.date());
    assertThat(split.kept()).containsExactly(locked.date(), held.date());
    assertThat(split.all()).hasSize(4);
  }
}
