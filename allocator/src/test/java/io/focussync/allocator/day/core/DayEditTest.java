package io.focussync.allocator.day.core;

import static io.focussync.allocator.day.core.Days.THURSDAY;
import static io.focussync.allocator.day.core.Days.session;
import static io.focussync.allocator.day.core.Days.settings;
import static io.focussync.allocator.day.core.Days.withSession;
import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.allocator.allocation.AllocationSettings;
import io.focussync.allocator.allocation.PushPolicy;
import io.focussync.allocator.day.SessionChange;
import io.focussync.allocator.day.UserDay;
import java.util.List;
import org.junit.jupiter.api.Test;

class DayEditTest {

  static final AllocationSettings LIVE = settings(PushPolicy.LIVE, null);

  @Test
  void sessionChangesAreVersionGuardedAndMarkAClosedDayLate() {
    AllocationSettings closed = settings(PushPolicy.LIVE, THURSDAY.plusDays(1));
    UserDay day = withSession();

    assertThat(DayEdit.sessions(List.of(new SessionChange("s1", 0, null))).apply(day, closed))
        .isFalse();
    assertThat(day.lateChanges()).isFalse();

    SessionChange moved = new SessionChange("s1", 2, session("s1", 2, 13, 14));
    assertThat(DayEdit.sessions(List.of(moved)).apply(day, closed)).isTrue();
    assertThat(day.lateChanges()).isTrue();
    assertThat(day.sessions().get("s1").version()).isEqualTo(2);
  }

  @Test
  void holdingExactlyRemovesTheOthersAndAddsTheMissing() {
    UserDay day = withSession();

    assertThat(DayEdit.holdExactly(List.of(session("s2", 1, 14, 15))).apply(day, LIVE)).isTrue();
    assertThat(day.sessions()).containsOnlyKeys("s2");
    assertThat(day.removedVersions()).containsEntry("s1", 1L);
    assertThat(DayEdit.holdExactly(List.of(session("s2", 1, 14, 15))).apply(day, LIVE)).isFalse();
  }

  @Test
  void approvingTheSameContentTwiceChangesNothingTheSecondTime() {
    UserDay day = withSession();

    assertThat(DayEdit.approve().apply(day, LIVE)).isTrue();
    assertThat(day.approvedHash()).isEqualTo(day.allocation(LIVE).contentHash());
    assertThat(DayEdit.approve().apply(day, LIVE)).isFalse();
    assertThat(DayEdit.none().apply(day, LIVE)).isFalse();
  }
}
