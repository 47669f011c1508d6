package io.focussync.allocator.allocation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The UTC instants of one local calendar day and of its work day. On a DST change day the work day
 * is the real elapsed time between the local start and end (a local time in the spring gap moves
 * forward by the gap, in the autumn overlap the earlier offset is used, as {@code ZonedDateTime}
 * resolves them).
 */
public record DayWindow(
    LocalDate date, Instant dayStart, Instant dayEnd, Instant workStart, Instant workEnd) {

  /** The window of a local date in a zone with the given work day times. */
  public static DayWindow of(LocalDate date, ZoneId zone, LocalTime workStart, LocalTime workEnd) {
    return new DayWindow(
        date,
        date.atStartOfDay(zone).toInstant(),
        date.plusDays(1).atStartOfDay(zone).toInstant(),
        date.atTime(workStart).atZone(zone).toInstant(),
        date.atTime(workEnd).atZone(zone).toInstant());
  }

  /**
   * The local dates in the zone that an interval [start, end) overlaps; one date for an instant.
   */
  public static List<LocalDate> datesTouched(Instant start, Instant end, ZoneId zone) {
    List<LocalDate> dates = new ArrayList<>();
    LocalDate first = start.atZone(zone).toLocalDate();
    Instant last = end.isAfter(start) ? end.minusNanos(1) : start;
    LocalDate lastDate = last.atZone(zone).toLocalDate();
    for (LocalDate d = first; !d.isAfter(lastDate); d = d.plusDays(1)) {
      dates.add(d);
    }
    return dates;
  }
}
