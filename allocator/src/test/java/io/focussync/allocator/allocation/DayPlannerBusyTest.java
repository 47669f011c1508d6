package io.focussync.allocator.allocation;

import static io.focussync.allocator.allocation.DayPlannerTest.FRIDAY;
import static io.focussync.allocator.allocation.DayPlannerTest.at;
import static io.focussync.allocator.allocation.DayPlannerTest.granularity;
import static io.focussync.allocator.allocation.DayPlannerTest.mode;
import static io.focussync.allocator.allocation.DayPlannerTest.settings;
import static io.focussync.allocator.allocation.DayPlannerTest.total;
import static io.focussync.allocator.allocation.DayPlannerTest.utc;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Plans made around the user's own Clockify entries (busy time). */
class DayPlannerBusyTest {

  static BusySpan busy(String start, String end) {
    return new BusySpan(utc(start), utc(end));
  }

  static final List<SessionSpan> ONE_A =
      List.of(at("s:a", "A", "UTC", "2026-11-20T10:00", Duration.ofHours(2)));

  @Test
  void aManualHourFrom10To11LeavesTheWorkDayAroundIt() {
    DayAllocation plan =
        DayPlanner.plan(
            settings("UTC"),
            FRIDAY,
            ONE_A,
            List.of(busy("2026-11-20T10:00:00Z", "2026-11-20T11:00:00Z")));

    assertThat(plan.entries())
        .containsExactly(
            new AllocatedEntry(
                "project:pA",
                "pA",
                utc("2026-11-20T09:00:00Z"),
                utc("2026-11-20T10:00:00Z"),
                "Development",
                List.of("s:a")),
            new AllocatedEntry(
                "project:pA~2",
                "pA",
                utc("2026-11-20T11:00:00Z"),
                utc("2026-11-20T17:00:00Z"),
                "Development",
                List.of("s:a")));
    // Clockify's day: 7 h of ours and the manual hour make the 8 h work day.
    assertThat(total(plan)).isEqualTo(Duration.ofHours(7));
    assertThat(plan.busyFillsWorkday()).isFalse();
  }

  @Test
  void sharesSplitTheFreeTimeExactlyToTheGranularity() {
    // A 2 h, B 1 h; 7 h free in 15-minute units: A 18.67 -> 19 units, B 9.33 -> 9 units.
    DayAllocation plan =
        DayPlanner.plan(
            granularity(settings("UTC"), 15),
            FRIDAY,
            List.of(
                at("s:a", "A", "UTC", "2026-11-20T08:00", Duration.ofHours(2)),
                at("s:b", "B", "UTC", "2026-11-20T13:00", Duration.ofHours(1))),
            List.of(busy("2026-11-20T10:00:00Z", "2026-11-20T11:00:00Z")));

    assertThat(plan.entries())
        .extracting(e -> e.slot() + " " + e.start() + " " + e.end())
        .containsExactly(
            "project:pA 2026-11-20T09:00:00Z 2026-11-20T10:00:00Z",
            "project:pA~2 2026-11-20T11:00:00Z 2026-11-20T14:45:00Z",
            "project:pB 2026-11-20T14:45:00Z 2026-11-20T17:00:00Z");
    Map<String, Duration> byProject = byProject(plan);
    assertThat(byProject).containsEntry("pA", Duration.ofMinutes(285));
    assertThat(byProject).containsEntry("pB", Duration.ofMinutes(135));
  }

  @Test
  void anEntryAcrossTwoManualEntriesHasThreePartsWithUniqueSlots() {
    DayAllocation plan =
        DayPlanner.plan(
            settings("UTC"),
            FRIDAY,
            List.of(
                at("s:a", "A", "UTC", "2026-11-20T09:00", Duration.ofHours(3)),
                at("s:x", "x", "UTC", "2026-11-20T13:00", Duration.ofHours(1))),
            List.of(
                busy("2026-11-20T14:00:00Z", "2026-11-20T15:00:00Z"),
                busy("2026-11-20T10:00:00Z", "2026-11-20T10:30:00Z")));

    // 390 min free: A 3/4 = 292.5 -> 293 (a tie of remainders goes to the larger weight), Other 97.
    assertThat(plan.entries())
        .extracting(e -> e.slot() + " " + e.start() + " " + e.end())
        .containsExactly(
            "project:pA 2026-11-20T09:00:00Z 2026-11-20T10:00:00Z",
            "project:pA~2 2026-11-20T10:30:00Z 2026-11-20T14:00:00Z",
            "project:pA~3 2026-11-20T15:00:00Z 2026-11-20T15:23:00Z",
            "other 2026-11-20T15:23:00Z 2026-11-20T17:00:00Z");
    assertThat(plan.entries()).extracting(AllocatedEntry::slot).doesNotHaveDuplicates();
  }

  @Test
  void manualTimeOverTheWholeWorkDayLeavesNothingToPlan() {
    for (List<BusySpan> busy :
        List.of(
            List.of(busy("2026-11-20T09:00:00Z", "2026-11-20T17:00:00Z")),
            List.of(busy("2026-11-20T07:00:00Z", "2026-11-20T19:00:00Z")),
            List.of(
                busy("2026-11-20T12:00:00Z", "2026-11-20T17:30:00Z"),
                busy("2026-11-20T08:00:00Z", "2026-11-20T13:00:00Z")))) {
      DayAllocation plan = DayPlanner.plan(settings("UTC"), FRIDAY, ONE_A, busy);

      assertThat(plan.entries()).as(busy.toString()).isEmpty();
      assertThat(plan.busyFillsWorkday()).isTrue();
      assertThat(plan.buckets()).hasSize(1);
    }
  }

  @Test
  void manualTimeOutsideTheWorkDayChangesNoEntryButThePlan() {
    List<BusySpan> evening = List.of(busy("2026-11-20T18:00:00Z", "2026-11-20T19:00:00Z"));

    DayAllocation without = DayPlanner.plan(settings("UTC"), FRIDAY, ONE_A);
    DayAllocation around = DayPlanner.plan(settings("UTC"), FRIDAY, ONE_A, evening);

    assertThat(around.entries()).isEqualTo(without.entries());
    assertThat(around.busy()).isEqualTo(evening);
    assertThat(around.contentHash()).isNotEqualTo(without.contentHash());
    assertThat(DayPlanner.plan(settings("UTC"), FRIDAY, ONE_A, List.of()).contentHash())
        .isEqualTo(without.contentHash());
  }

  @Test
  void freeTimeThatIsNoMultipleOfTheGranularitySumsExactlyInTheLargestCommonUnit() {
    // 8 h minus 50 min = 430 min: no multiple of 15, so 5-minute units (as on a DST day).
    DayAllocation plan =
        DayPlanner.plan(
            granularity(settings("UTC"), 15),
            FRIDAY,
            List.of(
                at("s:a", "A", "UTC", "2026-11-20T08:00", Duration.ofHours(1)),
                at("s:b", "B", "UTC", "2026-11-20T13:00", Duration.ofHours(2))),
            List.of(busy("2026-11-20T10:00:00Z", "2026-11-20T10:50:00Z")));

    assertThat(total(plan)).isEqualTo(Duration.ofMinutes(430));
    assertThat(plan.entries())
        .allSatisfy(
            e -> assertThat(Duration.between(e.start(), e.end()).toSeconds() % 300).isZero());
  }

  @Test
  void manualEntriesOfFractionsOfASecondAreWidenedToWholeSeconds() {
    DayAllocation plan =
        DayPlanner.plan(
            settings("UTC"),
            FRIDAY,
            ONE_A,
            List.of(busy("2026-11-20T10:00:00.500Z", "2026-11-20T10:59:59.200Z")));

    assertThat(plan.entries())
        .extracting(e -> e.start() + " " + e.end())
        .containsExactly(
            "2026-11-20T09:00:00Z 2026-11-20T10:00:00Z",
            "2026-11-20T11:00:00Z 2026-11-20T17:00:00Z");
  }

  @Test
  void aWeekendWithManualTimePlansNothing() {
    DayAllocation plan =
        DayPlanner.plan(
            settings("UTC"),
            LocalDate.of(2026, 11, 21),
            List.of(at("s:a", "A", "UTC", "2026-11-21T10:00", Duration.ofHours(2))),
            List.of(busy("2026-11-21T09:00:00Z", "2026-11-21T17:00:00Z")));

    assertThat(plan.entries()).isEmpty();
    assertThat(plan.busyFillsWorkday()).isFalse();
  }

  @Test
  void actualSessionsOverlappingManualEntriesAreConflictsNotEntries() {
    AllocationSettings actual = mode(settings("UTC"), AllocationMode.ACTUAL);
    SessionSpan overlapping = at("s:1", "A", "UTC", "2026-11-20T09:30", Duration.ofHours(1));
    SessionSpan touching = at("s:2", "A", "UTC", "2026-11-20T11:00", Duration.ofHours(1));
    SessionSpan inside = at("s:3", "B", "UTC", "2026-11-20T10:15", Duration.ofMinutes(10));

    DayAllocation plan =
        DayPlanner.plan(
            actual,
            FRIDAY,
            List.of(overlapping, touching, inside),
            List.of(
                busy("2026-11-20T10:00:00Z", "2026-11-20T11:00:00Z"),
                busy("2026-11-20T15:00:00Z", "2026-11-20T15:00:00Z")));

    assertThat(plan.entries()).extracting(AllocatedEntry::slot).containsExactly("s:2");
    assertThat(plan.conflicts())
        .containsExactly(
            new Conflict(
                "s:1", utc("2026-11-20T09:30:00Z"), utc("2026-11-20T10:30:00Z"), "title s:1"),
            new Conflict(
                "s:3", utc("2026-11-20T10:15:00Z"), utc("2026-11-20T10:25:00Z"), "title s:3"));
  }

  @Test
  void normalizedDaysHaveNoConflicts() {
    DayAllocation plan =
        DayPlanner.plan(
            settings("UTC"),
            FRIDAY,
            ONE_A,
            List.of(busy("2026-11-20T10:00:00Z", "2026-11-20T11:00:00Z")));

    assertThat(plan.conflicts()).isEmpty();
  }

  static Map<String, Duration> byProject(DayAllocation plan) {
    return plan.entries().stream()
        .collect(
            Collectors.groupingBy(
                AllocatedEntry::projectId,
                Collectors.mapping(
                    e -> Duration.between(e.start(), e.end()),
                    Collectors.reducing(Duration.ZERO, Function.identity(), Duration::plus))));
  }
}
