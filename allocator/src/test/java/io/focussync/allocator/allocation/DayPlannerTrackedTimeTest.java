package io.focussync.allocator.allocation;

import static io.focussync.allocator.allocation.DayPlannerTest.FRIDAY;
import static io.focussync.allocator.allocation.DayPlannerTest.at;
import static io.focussync.allocator.allocation.DayPlannerTest.mode;
import static io.focussync.allocator.allocation.DayPlannerTest.settings;
import static io.focussync.allocator.allocation.DayPlannerTest.utc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sessions whose source gave their tracked (active) time weigh that time, not their span. */
class DayPlannerTrackedTimeTest {

  static SessionSpan tracked(SessionSpan s, Duration tracked) {
    return new SessionSpan(
        s.sessionId(), s.projectKey(), s.start(), s.end(), tracked.toSeconds(), s.title());
  }

  static long hours(double hours) {
    return (long) (hours * 3_600_000);
  }

  @Test
  void aLongSessionWithLittleTrackedTimeGetsTheShareOfItsTrackedTime() {
    SessionSpan a = at("s:a", "A", "UTC", "2026-11-20T08:00", Duration.ofHours(3));
    SessionSpan b = at("s:b", "B", "UTC", "2026-11-20T12:00", Duration.ofHours(1));

    DayAllocation byTracked =
        DayPlanner.plan(
            settings("UTC"),
            FRIDAY,
            List.of(tracked(a, Duration.ofHours(1)), tracked(b, Duration.ofHours(1))));
    DayAllocation bySpan = DayPlanner.plan(settings("UTC"), FRIDAY, List.of(a, b));

    assertThat(byTracked.entries())
        .extracting(AllocatedEntry::slot, e -> Duration.between(e.start(), e.end()))
        .containsExactly(
            tuple("project:pA", Duration.ofHours(4)), tuple("project:pB", Duration.ofHours(4)));
    assertThat(byTracked.entries().get(0).start()).isEqualTo(utc("2026-11-20T09:00:00Z"));
    assertThat(byTracked.buckets())
        .extracting(Bucket::trackedMillis)
        .containsExactly(hours(1), hours(1));
    assertThat(byTracked.buckets()).extracting(Bucket::share).containsExactly(0.5, 0.5);
    assertThat(byTracked.buckets().get(0).keys().get(0).trackedMillis()).isEqualTo(hours(1));
    assertThat(bySpan.entries())
        .extracting(e -> Duration.between(e.start(), e.end()))
        .containsExactly(Duration.ofHours(6), Duration.ofHours(2));
  }

  @Test
  void aSessionOverMidnightSplitsItsTrackedTimeInProportion() {
    AllocationSettings berlin = settings("Europe/Berlin");
    // 22:00 to 02:00 Berlin time, 3 of the 4 hours tracked: 2 h of span on each day, 1.5 h each.
    List<SessionSpan> sessions =
        List.of(
            tracked(
                at("s:late", "B", "Europe/Berlin", "2026-11-17T22:00", Duration.ofHours(4)),
                Duration.ofHours(3)),
            at("s:day", "A", "Europe/Berlin", "2026-11-17T10:00", Duration.ofMinutes(90)));

    DayAllocation tuesday = DayPlanner.plan(berlin, LocalDate.of(2026, 11, 17), sessions);
    DayAllocation wednesday = DayPlanner.plan(berlin, LocalDate.of(2026, 11, 18), sessions);

    assertThat(tuesday.buckets())
        .extracting(Bucket::slot, Bucket::trackedMillis)
        .containsExactly(tuple("project:pA", hours(1.5)), tuple("project:pB", hours(1.5)));
    assertThat(tuesday.entries())
        .extracting(e -> Duration.between(e.start(), e.end()))
        .containsExactly(Duration.ofHours(4), Duration.ofHours(4));
    assertThat(wednesday.buckets()).extracting(Bucket::trackedMillis).containsExactly(hours(1.5));
    assertThat(wednesday.entries()).hasSize(1);
  }

  @Test
  void aDaysPartIsRoundedUpToTheMillisecondSoEveryPartWeighs() {
    // 10 s from 23:59:59.999, 1 s tracked: 1 ms of span on Thursday (0.1 ms tracked), 9,999 ms on
    // Friday (999.9 ms tracked).
    SessionSpan s =
        tracked(
            new SessionSpan(
                "s:edge",
                "A",
                utc("2026-11-19T23:59:59.999Z"),
                utc("2026-11-20T00:00:09.999Z"),
                ""),
            Duration.ofSeconds(1));

    DayAllocation thursday =
        DayPlanner.plan(settings("UTC"), LocalDate.of(2026, 11, 19), List.of(s));
    DayAllocation friday = DayPlanner.plan(settings("UTC"), FRIDAY, List.of(s));

    assertThat(thursday.buckets()).extracting(Bucket::trackedMillis).containsExactly(1L);
    assertThat(thursday.entries()).hasSize(1);
    assertThat(DayPlannerTest.total(thursday)).isEqualTo(Duration.ofHours(8));
    assertThat(friday.buckets()).extracting(Bucket::trackedMillis).containsExactly(1000L);
  }

  @Test
  void trackedTimeOfTheWholeSpanPlansAsWithoutIt() {
    SessionSpan a = at("s:a", "A", "UTC", "2026-11-20T08:00", Duration.ofHours(3));
    SessionSpan b = at("s:b", "B", "UTC", "2026-11-20T16:30", Duration.ofHours(1));
    SessionSpan c = at("s:c", "x", "UTC", "2026-11-20T23:00", Duration.ofHours(2));

    assertThat(
            DayPlanner.plan(
                settings("UTC"),
                FRIDAY,
                List.of(
                    tracked(a, Duration.ofHours(3)),
                    tracked(b, Duration.ofHours(1)),
                    tracked(c, Duration.ofHours(2)))))
        .isEqualTo(DayPlanner.plan(settings("UTC"), FRIDAY, List.of(a, b, c)));
  }

  @Test
  void actualModeKeepsTheRealTimesWhileBucketsShowTrackedTime() {
    AllocationSettings actual = mode(settings("UTC"), AllocationMode.ACTUAL);
    SessionSpan a = at("s:a", "A", "UTC", "2026-11-20T08:00", Duration.ofHours(3));

    DayAllocation withTracked =
        DayPlanner.plan(actual, FRIDAY, List.of(tracked(a, Duration.ofMinutes(20))));

    assertThat(withTracked.entries())
        .isEqualTo(DayPlanner.plan(actual, FRIDAY, List.of(a)).entries());
    assertThat(withTracked.entries().get(0).start()).isEqualTo(utc("2026-11-20T08:00:00Z"));
    assertThat(withTracked.entries().get(0).end()).isEqualTo(utc("2026-11-20T11:00:00Z"));
    assertThat(withTracked.buckets().get(0).trackedMillis())
        .isEqualTo(Duration.ofMinutes(20).toMillis());
  }

  @Test
  void trackedTimeOutsideOneToTheSpanIsKeptWithinIt() {
    SessionSpan a = at("s:a", "A", "UTC", "2026-11-20T08:00", Duration.ofHours(1));
    SessionSpan b = at("s:b", "B", "UTC", "2026-11-20T12:00", Duration.ofHours(1));

    DayAllocation plan =
        DayPlanner.plan(
            settings("UTC"),
            FRIDAY,
            List.of(tracked(a, Duration.ofHours(5)), tracked(b, Duration.ofSeconds(-5))));

    assertThat(plan.buckets()).extracting(Bucket::trackedMillis).containsExactly(hours(1), 0L);
    assertThat(plan.entries()).hasSize(1);
    assertThat(DayPlannerTest.total(plan)).isEqualTo(Duration.ofHours(8));
  }
}
