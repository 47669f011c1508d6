package io.focussync.allocator.day.core;

import static io.focussync.allocator.day.core.Days.THURSDAY;
import static io.focussync.allocator.day.core.Days.at;
import static io.focussync.allocator.day.core.Days.settings;
import static io.focussync.allocator.day.core.Days.withSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.focussync.allocator.allocation.AllocationSettings;
import io.focussync.allocator.allocation.PushPolicy;
import io.focussync.allocator.day.UserDay;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PlanPolicyTest {

  static final Duration GRACE = Duration.ofHours(2);
  final PlanPolicy policy = new PlanPolicy(GRACE);

  @Test
  void liveStoresANewRevisionOnlyWhenTheContentChangesUnlessForced() {
    AllocationSettings live = settings(PushPolicy.LIVE, null);
    UserDay day = withSession();

    assertThat(policy.plan(day, live, false, at(12))).isTrue();
    assertThat(day.plan().revision()).isEqualTo(1);
    assertThat(day.plan().emitted()).isFalse();
    assertThat(PlanPolicy.owesEmission(day)).isTrue();

    assertThat(policy.plan(day, live, false, at(13))).isFalse();
    assertThat(day.plan().revision()).isEqualTo(1);

    assertThat(policy.plan(day, live, true, at(13))).isTrue();
    assertThat(day.plan().revision()).isEqualTo(2);
    assertThat(day.plan().plannedAt()).isEqualTo(at(13));
  }

  @Test
  void aDayWithoutSessionsOrPlanGetsNoPlan() {
    UserDay empty = new UserDay("u", THURSDAY);

    assertThat(policy.plan(empty, settings(PushPolicy.LIVE, null), false, at(12))).isFalse();
    assertThat(empty.plan()).isNull();
  }

  @Test
  void aClosedDayIsNeitherPlannedNorOpenToChanges() {
    AllocationSettings closed = settings(PushPolicy.LIVE, THURSDAY.plusDays(1));
    UserDay day = withSession();

    assertThat(policy.plan(day, closed, true, at(12))).isFalse();
    assertThat(day.plan()).isNull();
    assertThatThrownBy(() -> PlanPolicy.requireOpen(closed, THURSDAY))
        .isInstanceOfSatisfying(
            DayClosedException.class,
            e -> {
              assertThat(e.field()).isEqualTo("date");
              assertThat(e.reason())
                  .isEqualTo("2026-11-19 is before closedBefore: the day is closed");
            });
    PlanPolicy.requireOpen(closed, THURSDAY.plusDays(1));
  }

  @Test
  void dayEndWaitsForTheLocalDayPlusGraceThenPushes() {
    AllocationSettings dayEnd = settings(PushPolicy.DAY_END, null);
    UserDay day = withSession();
    Instant due = THURSDAY.plusDays(1).atStartOfDay(dayEnd.timeZone()).toInstant().plus(GRACE);

    assertThat(policy.plan(day, dayEnd, false, at(12))).isTrue();
    assertThat(day.plan()).isNull();
    assertThat(day.dueAt()).isEqualTo(due);
    assertThat(policy.plan(day, dayEnd, false, at(13))).isFalse();

    assertThat(policy.plan(day, dayEnd, false, due)).isTrue();
    assertThat(day.plan().revision()).isEqualTo(1);
    assertThat(day.dueAt()).isNull();
  }

  @Test
  void approvalPushesOnlyApprovedContentAndRefusesAForcedPushOfOther() {
    AllocationSettings approval = settings(PushPolicy.APPROVAL, null);
    UserDay day = withSession();

    assertThat(policy.plan(day, approval, false, at(12))).isFalse();
    assertThat(day.plan()).isNull();
    assertThatThrownBy(() -> policy.plan(day, approval, true, at(12)))
        .isInstanceOf(AwaitingApprovalException.class)
        .hasMessage("date: the day's plan awaits approval: approve it instead");

    assertThat(DayEdit.approve().apply(day, approval)).isTrue();
    assertThat(policy.plan(day, approval, false, at(12))).isTrue();
    assertThat(day.plan().revision()).isEqualTo(1);
    assertThat(policy.plan(day, approval, true, at(13))).isTrue();
    assertThat(day.plan().revision()).isEqualTo(2);
  }
}
