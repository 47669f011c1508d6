package io.focussync.allocator.day.core;

import io.focussync.allocator.allocation.AllocationMode;
import io.focussync.allocator.allocation.AllocationSettings;
import io.focussync.allocator.allocation.PushPolicy;
import io.focussync.allocator.day.Contribution;
import io.focussync.allocator.day.UserDay;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Test days and settings for the day core's tests. */
final class Days {

  static final LocalDate THURSDAY = LocalDate.of(2026, 11, 19);

  private Days() {}

  static AllocationSettings settings(PushPolicy policy, LocalDate closedBefore) {
    return new AllocationSettings(
        ZoneId.of("UTC"),
        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
        LocalTime.of(9, 0),
        LocalTime.of(17, 0),
        AllocationMode.NORMALIZED,
        1,
        AllocationSettings.DEFAULT_DESCRIPTION,
        "other",
        Map.of(),
        List.of(),
        policy,
        new TreeSet<>(),
        closedBefore,
        AllocationSettings.DEFAULT_PROJECT_KEY);
  }

  static Contribution session(String id, long version, int startHour, int endHour) {
    return new Contribution(id, version, "work", at(startHour), at(endHour), null, "session " + id);
  }

  static Instant at(int hour) {
    return THURSDAY.atTime(hour, 0).atZone(ZoneId.of("UTC")).toInstant();
  }

  /** A Thursday holding one session from 10 to 11. */
  static UserDay withSession() {
    UserDay day = new UserDay("u", THURSDAY);
    day.apply("s1", 1, session("s1", 1, 10, 11));
    return day;
  }
}
