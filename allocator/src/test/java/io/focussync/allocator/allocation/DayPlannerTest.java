package io.focussync.allocator.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.allocator.rules.MappingRule;
import io.focussync.allocator.rules.MatchKind;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class DayPlannerTest {

  static final LocalDate FRIDAY = LocalDate.of(2026, 11, 20);

  static AllocationSettings settings(String zone) {
    return with(AllocationSettings.defaults(), ZoneId.of(zone));
  }

  static AllocationSettings with(AllocationSettings s, ZoneId zone) {
    return new AllocationSettings(
        zone,
        s.workdays(),
        s.workdayStart(),
        s.workdayEnd(),
        s.mode(),
        s.granularityMinutes(),
        s.description(),
        "p-other",
        Map.of("A", "pA", "B", "pB"),
        List.of(),
        s.pushPolicy(),
        s.holidays(),
        s.closedBefore(),
        null);
  }

  static AllocationSettings everyDay(AllocationSettings s, LocalTime start, LocalTime end) {
    return new AllocationSettings(
        s.timeZone(),
        EnumSet.allOf(DayOfWeek.class),
        start,
        end,
        s.mode(),
        s.granularityMinutes(),
        s.description(),
        s.otherProjectId(),
        s.projectMapping(),
        s.rules(),
        s.pushPolicy(),
        s.holidays(),
        s.closedBefore(),
        null);
  }

  static SessionSpan at(String id, String key, String zone, String localStart, Duration length) {
    Instant start = LocalDateTime.parse(localStart).atZone(ZoneId.of(zone)).toInstant();
    return new SessionSpan(id, key, start, start.plus(length), "title " + id);
  }

  static Instant utc(String text) {
    return Instant.parse(text);
  }

  @Test
  void splitsTheWorkDayByShares_3h1h1h() {
    DayAllocation plan =
        DayPlanner.plan(
            settings("UTC"),
            FRIDAY,
            List.of(
                at("s:c", "unmapped", "UTC", "2026-11-20T15:00", Duration.ofHours(1)),
                at("s:a", "A", "UTC", "2026-11-20T08:00", Duration.ofHours(3)),
                at("s:b", "B", "UTC", "2026-11-20T12:00", Duration.ofHours(1))));

    assertThat(plan.entries())
        .containsExactly(
            new AllocatedEntry(
                "project:pA",
                "pA",
                utc("2026-11-20T09:00:00Z"),
                utc("2026-11-20T13:48:00Z"),
                "Development",
                List.of("s:a")),
            new AllocatedEntry(
                "project:pB",
                "pB",
                utc("2026-11-20T13:48:00Z"),
                utc("2026-11-20T15:24:00Z"),
                "Development",
                List.of("s:b")),
            new AllocatedEntry(
                "other",
                "p-other",
                utc("2026-11-20T15:24:00Z"),
                utc("2026-11-20T17:00:00Z"),
                "Development",
                List.of("s:c")));
    assertThat(plan.buckets()).extracting(Bucket::share).containsExactly(0.2, 0.6, 0.2);
    assertThat(plan.buckets().get(0).keys().get(0).rule()).contains("Other");
  }

  @Test
  void splitsASessionAtLocalMidnight() {
    AllocationSettings berlin = settings("Europe/Berlin");
    List<SessionSpan> sessions =
        List.of(
            at("s:late", "B", "Europe/Berlin", "2026-11-17T22:00", Duration.ofHours(4)),
            at("s:day", "A", "Europe/Berlin", "2026-11-17T10:00", Duration.ofHours(2)));

    DayAllocation tuesday = DayPlanner.plan(berlin, LocalDate.of(2026, 11, 17), sessions);
    DayAllocation wednesday = DayPlanner.plan(berlin, LocalDate.of(2026, 11, 18), sessions);

    assertThat(tuesday.buckets())
        .extracting(Bucket::trackedMillis)
        .containsExactly(Duration.ofHours(2).toMillis(), Duration.ofHours(2).toMillis());
    assertThat(tuesday.entries())
        .extracting(e -> e.start().toString())
        .containsExactly("2026-11-17T08:00:00Z", "2026-11-17T12:00:00Z");
    assertThat(wednesday.entries()).hasSize(1);
    assertThat(wednesday.entries().get(0).slot()).isEqualTo("project:pB");
    assertThat(wednesday.entries().get(0).start()).isEqualTo(utc("2026-11-18T08:00:00Z"));
    assertThat(wednesday.entries().get(0).end()).isEqualTo(utc("2026-11-18T16:00:00Z"));
    assertThat(wednesday.buckets().get(0).trackedMillis())
        .isEqualTo(Duration.ofHours(2).toMillis());
  }

  @Test
  void berlinSpringForwardDayHas23HoursAndAShorterWorkDayAcrossTheGap() {
    AllocationSettings berlin =
        everyDay(settings("Europe/Berlin"), LocalTime.of(1, 0), LocalTime.of(5, 0));
    LocalDate spring = LocalDate.of(2026, 3, 29);
    List<SessionSpan> sessions =
        List.of(
            at("s:all", "A", "Europe/Berlin", "2026-03-28T20:00", Duration.ofHours(30)),
            at("s:b", "B", "Europe/Berlin", "2026-03-29T12:00", Duration.ofHours(23)));

    DayAllocation plan = DayPlanner.plan(berlin, spring, sessions);

    // The local day is 23 h long: A is clipped to 23 h, B (12:00 to next day) to 12 h.
    assertThat(plan.buckets())
        .extracting(Bucket::trackedMillis)
        .containsExactly(Duration.ofHours(23).toMillis(), Duration.ofHours(12).toMillis());
    // 01:00 to 05:00 local is 3 h of real time on this day.
    assertThat(plan.entries().get(0).start()).isEqualTo(utc("2026-03-29T00:00:00Z"));
    assertThat(plan.entries().get(plan.entries().size() - 1).end())
        .isEqualTo(utc("2026-03-29T03:00:00Z"));
    assertThat(total(plan)).isEqualTo(Duration.ofHours(3));
  }

  @Test
  void berlinFallBackDayHas25HoursAndALongerWorkDayAcrossTheOverlap() {
    AllocationSettings berlin =
        everyDay(settings("Europe/Berlin"), LocalTime.of(1, 0), LocalTime.of(5, 0));
    LocalDate autumn = LocalDate.of(2026, 10, 25);
    List<SessionSpan> sessions =
        List.of(at("s:all", "A", "Europe/Berlin", "2026-10-24T20:00", Duration.ofHours(40)));

    DayAllocation plan = DayPlanner.plan(berlin, autumn, sessions);

    assertThat(plan.buckets().get(0).trackedMillis()).isEqualTo(Duration.ofHours(25).toMillis());
    assertThat(plan.entries()).hasSize(1);
    assertThat(plan.entries().get(0).start()).isEqualTo(utc("2026-10-24T23:00:00Z"));
    assertThat(plan.entries().get(0).end()).isEqualTo(utc("2026-10-25T04:00:00Z"));
  }

  @Test
  void berlinDstDaysKeepTheUsualWorkDayWhenItIsOutsideTheChange() {
    AllocationSettings berlin =
        everyDay(settings("Europe/Berlin"), LocalTime.of(9, 0), LocalTime.of(17, 0));
    for (LocalDate day : List.of(LocalDate.of(2026, 3, 29), LocalDate.of(2026, 10, 25))) {
      DayAllocation plan =
          DayPlanner.plan(
              berlin,
              day,
              List.of(at("s:x", "A", "Europe/Berlin", day + "T10:00", Duration.ofHours(1))));
      assertThat(total(plan)).isEqualTo(Duration.ofHours(8));
      assertThat(plan.entries().get(0).start())
          .isEqualTo(day.atTime(9, 0).atZone(ZoneId.of("Europe/Berlin")).toInstant());
    }
  }

  @Test
  void kolkataHalfHourOffsetPlacesSessionsAndWorkDayInLocalTime() {
    AllocationSettings kolkata = settings("Asia/Kolkata");
    // 20:00Z on the 19th is 01:30 on the 20th in Kolkata.
    SessionSpan s =
        new SessionSpan("s:k", "A", utc("2026-11-19T20:00:00Z"), utc("2026-11-19T20:30:00Z"), "");

    assertThat(DayPlanner.plan(kolkata, LocalDate.of(2026, 11, 19), List.of(s)).entries())
        .isEmpty();
    DayAllocation plan = DayPlanner.plan(kolkata, FRIDAY, List.of(s));
    assertThat(plan.entries().get(0).start()).isEqualTo(utc("2026-11-20T03:30:00Z"));
    assertThat(plan.entries().get(0).end()).isEqualTo(utc("2026-11-20T11:30:00Z"));
  }

  @Test
  void chathamQuarterHourOffsetsInSummerAndWinter() {
    AllocationSettings chatham = settings("Pacific/Chatham");
    // November: +13:45 (daylight time); July: +12:45.
    DayAllocation summer =
        DayPlanner.plan(
            chatham,
            FRIDAY,
            List.of(at("s:1", "A", "Pacific/Chatham", "2026-11-20T10:00", Duration.ofHours(1))));
    DayAllocation winter =
        DayPlanner.plan(
            chatham,
            LocalDate.of(2026, 7, 15),
            List.of(at("s:2", "A", "Pacific/Chatham", "2026-07-15T10:00", Duration.ofHours(1))));

    assertThat(summer.entries().get(0).start()).isEqualTo(utc("2026-11-19T19:15:00Z"));
    assertThat(winter.entries().get(0).start()).isEqualTo(utc("2026-07-14T20:15:00Z"));
    assertThat(total(winter)).isEqualTo(Duration.ofHours(8));
  }

  @Test
  void skipsASaturdaySession() {
    DayAllocation plan =
        DayPlanner.plan(
            settings("UTC"),
            LocalDate.of(2026, 11, 21),
            List.of(at("s:sat", "A", "UTC", "2026-11-21T10:00", Duration.ofHours(2))));

    assertThat(plan.workday()).isFalse();
    assertThat(plan.entries()).isEmpty();
    assertThat(plan.buckets()).hasSize(1);
  }

  @Test
  void skipsAHoliday() {
    AllocationSettings s = settings("UTC");
    TreeSet<LocalDate> holidays = new TreeSet<>(List.of(LocalDate.of(2026, 12, 25)));
    AllocationSettings withHoliday =
        new AllocationSettings(
            s.timeZone(),
            s.workdays(),
            s.workdayStart(),
            s.workdayEnd(),
            s.mode(),
            s.granularityMinutes(),
            s.description(),
            s.otherProjectId(),
            s.projectMapping(),
            s.rules(),
            s.pushPolicy(),
            holidays,
            null,
            null);

    DayAllocation plan =
        DayPlanner.plan(
            withHoliday,
            LocalDate.of(2026, 12, 25),
            List.of(at("s:x", "A", "UTC", "2026-12-25T10:00", Duration.ofHours(2))));

    assertThat(plan.workday()).isFalse();
    assertThat(plan.entries()).isEmpty();
  }

  @Test
  void onlyUnmappedKeysGoToOtherForTheWholeDay() {
    DayAllocation plan =
        DayPlanner.plan(
            settings("UTC"),
            FRIDAY,
            List.of(
                at("s:1", "x", "UTC", "2026-11-20T10:00", Duration.ofMinutes(17)),
                at("s:2", "y", "UTC", "2026-11-20T11:00", Duration.ofMinutes(3))));

    assertThat(plan.entries())
        .containsExactly(
            new AllocatedEntry(
                "other",
                "p-other",
                utc("2026-11-20T09:00:00Z"),
                utc("2026-11-20T17:00:00Z"),
                "Development",
                List.of("s:1", "s:2")));
    assertThat(plan.buckets().get(0).keys()).hasSize(2);
  }

  @Test
  void aSingleOneSecondSessionGetsTheWholeDay() {
    DayAllocation plan =
        DayPlanner.plan(
            settings("UTC"),
            FRIDAY,
            List.of(at("s:1", "A", "UTC", "2026-11-20T10:00", Duration.ofSeconds(1))));

    assertThat(plan.entries()).hasSize(1);
    assertThat(total(plan)).isEqualTo(Duration.ofHours(8));
  }

  @Test
  void tenThousandSessionsInADay() {
    Random random = new Random(42);
    List<SessionSpan> sessions = new ArrayList<>();
    Instant dayStart = utc("2026-11-20T00:00:00Z");
    for (int i = 0; i < 10_000; i++) {
      Instant start = dayStart.plusSeconds(random.nextInt(86_000));
      sessions.add(
          new SessionSpan(
              "s:" + i,
              List.of("A", "B", "c", "d").get(random.nextInt(4)),
              start,
              start.plusSeconds(1 + random.nextInt(400)),
              "t"));
    }
    AllocationSettings fifteen = granularity(settings("UTC"), 15);

    DayAllocation plan = DayPlanner.plan(fifteen, FRIDAY, sessions);

    assertThat(plan.sessionCount()).isEqualTo(10_000);
    assertThat(plan.entries()).hasSize(3);
    assertThat(total(plan)).isEqualTo(Duration.ofHours(8));
    assertThat(plan.entries())
        .allSatisfy(
            e -> assertThat(Duration.between(e.start(), e.end()).toMinutes() % 15).isZero());
    assertThat(plan.entries().stream().mapToInt(e -> e.sessionIds().size()).sum())
        .isEqualTo(10_000);
  }

  @Test
  void actualModeHasOneEntryPerSessionAtItsRealTimes() {
    AllocationSettings actual = mode(settings("Europe/Berlin"), AllocationMode.ACTUAL);
    SessionSpan titled =
        at("s:1", "A", "Europe/Berlin", "2026-11-20T10:00", Duration.ofMinutes(50));
    SessionSpan untitled =
        new SessionSpan(
            "s:2", "zzz", utc("2026-11-20T22:30:00Z"), utc("2026-11-21T01:00:00Z"), " ");

    DayAllocation plan = DayPlanner.plan(actual, FRIDAY, List.of(untitled, titled));

    assertThat(plan.entries())
        .containsExactly(
            new AllocatedEntry(
                "s:1",
                "pA",
                utc("2026-11-20T09:00:00Z"),
                utc("2026-11-20T09:50:00Z"),
                "title s:1",
                List.of("s:1")),
            new AllocatedEntry(
                "s:2",
                "p-other",
                utc("2026-11-20T22:30:00Z"),
                utc("2026-11-20T23:00:00Z"),
                "Development",
                List.of("s:2")));
  }

  @Test
  void rulesMapKeysAndTheBucketSaysWhichRule() {
    AllocationSettings s = settings("UTC");
    AllocationSettings ruled =
        new AllocationSettings(
            s.timeZone(),
            s.workdays(),
            s.workdayStart(),
            s.workdayEnd(),
            s.mode(),
            s.granularityMinutes(),
            s.description(),
            s.otherProjectId(),
            Map.of("client-x/special", "pSpecial"),
            List.of(
                new MappingRule(MatchKind.PREFIX, "client-x/", "pX"),
                new MappingRule(MatchKind.GLOB, "*/docs", "pDocs")),
            s.pushPolicy(),
            s.holidays(),
            null,
            null);

    DayAllocation plan =
        DayPlanner.plan(
            ruled,
            FRIDAY,
            List.of(
                at("s:1", "client-x/special", "UTC", "2026-11-20T10:00", Duration.ofHours(1)),
                at("s:2", "client-x/api", "UTC", "2026-11-20T11:00", Duration.ofHours(1)),
                at("s:3", "lib/docs", "UTC", "2026-11-20T12:00", Duration.ofHours(2))));

    assertThat(plan.buckets())
        .extracting(b -> b.slot() + "=" + b.keys().get(0).rule())
        .containsExactly(
            "project:pDocs=rules[1] GLOB \"*/docs\"",
            "project:pSpecial=projectMapping[\"client-x/special\"]",
            "project:pX=rules[0] PREFIX \"client-x/\"");
  }

  static AllocationSettings granularity(AllocationSettings s, int minutes) {
    return new AllocationSettings(
        s.timeZone(),
        s.workdays(),
        s.workdayStart(),
        s.workdayEnd(),
        s.mode(),
        minutes,
        s.description(),
        s.otherProjectId(),
        s.projectMapping(),
        s.rules(),
        s.pushPolicy(),
        s.holidays(),
        s.closedBefore(),
        null);
  }

  static AllocationSettings mode(AllocationSettings s, AllocationMode mode) {
    return new AllocationSettings(
        s.timeZone(),
        s.workdays(),
        s.workdayStart(),
        s.workdayEnd(),
        mode,
        s.granularityMinutes(),
        s.description(),
        s.otherProjectId(),
        s.projectMapping(),
        s.rules(),
        s.pushPolicy(),
        s.holidays(),
        s.closedBefore(),
        null);
  }

  static Duration total(DayAllocation plan) {
    return plan.entries().stream()
        .map(e -> Duration.between(e.start(), e.end()))
        .reduce(Duration.ZERO, Duration::plus);
  }
}
