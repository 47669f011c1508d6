package io.focussync.allocator.day.core;

import static io.focussync.allocator.day.core.Days.THURSDAY;
import static io.focussync.allocator.day.core.Days.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.allocator.allocation.BusySpan;
import io.focussync.allocator.day.BusyObservation;
import io.focussync.allocator.day.DayRef;
import io.focussync.allocator.day.SyncResult;
import io.focussync.allocator.day.SyncState;
import io.focussync.allocator.day.SyncStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyncResultsTest {

  static final DayRef DAY = new DayRef("u", THURSDAY);
  static final DayRef OTHER = new DayRef("u", THURSDAY.plusDays(1));

  @Test
  void resultsAreGroupedPerDayAndAppliedInOrderSkippingOlderRevisions() {
    SyncResult two = new SyncResult.Synced(DAY, 2, false, List.of(), at(12));
    SyncResult one = new SyncResult.Synced(DAY, 1, false, List.of(), at(13));
    SyncResult failed =
        new SyncResult.Failed(OTHER, 1, SyncStatus.FAILED, "boom", List.of("other"), at(12));

    var byDay = SyncResults.byDay(List.of(two, failed, one));
    assertThat(byDay.keySet()).containsExactly(DAY, OTHER);
    assertThat(byDay.get(DAY)).containsExactly(two, one);

    SyncState state = SyncResults.fold(null, byDay.get(DAY));
    assertThat(state.resultRevision()).isEqualTo(2);
    assertThat(state.at()).isEqualTo(at(12));
    assertThat(SyncResults.fold(state, List.of(one))).isSameAs(state);
  }

  @Test
  void theNewestObservationOfEachDayWins() {
    BusyObservation early = new BusyObservation(DAY, List.of(), at(10));
    BusyObservation late = new BusyObservation(DAY, List.of(new BusySpan(at(9), at(10))), at(11));
    BusyObservation other = new BusyObservation(OTHER, List.of(), at(9));

    assertThat(SyncResults.newestPerDay(List.of(late, other, early))).containsExactly(late, other);
  }
}
