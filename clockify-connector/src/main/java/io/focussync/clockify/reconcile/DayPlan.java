package io.focussync.clockify.reconcile;

import io.focussync.contracts.dayplans.v1.BusyInterval;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * One revision of a day's plan as the core applies it: our entries, and the busy time of the user's
 * own entries it was made around.
 *
 * @param zone the plan's time zone: the day runs from its midnight to the next
 */
public record DayPlan(
    LocalDate date,
    ZoneId zone,
    long revision,
    List<DesiredEntry> entries,
    List<BusyInterval> busy) {

  public DayPlan {
    entries = entries == null ? List.of() : List.copyOf(entries);
    busy = busy == null ? List.of() : List.copyOf(busy);
  }

  /** The zone of that id, UTC when it is missing or unknown. */
  public static ZoneId zoneOf(String id) {
    if (id == null || id.isBlank()) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      return ZoneOffset.UTC;
    }
  }

  /** When the day starts. */
  public Instant start() {
    return date.atStartOfDay(zone).toInstant();
  }

  /** When the day ends (the next day's start). */
  public Instant end() {
    return date.plusDays(1).atStartOfDay(zone).toInstant();
  }
}
