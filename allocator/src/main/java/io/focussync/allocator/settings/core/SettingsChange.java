package io.focussync.allocator.settings.core;

import io.focussync.allocator.allocation.AllocationSettings;
import io.focussync.allocator.day.Contribution;
import io.focussync.allocator.day.core.SettingsReplan;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a settings change does to the user's days: the days it re-plans (see {@link SettingsReplan})
 * are re-planned; a new time zone first moves every session to the local days it now touches, on
 * every stored or newly touched day, re-planning only those a change re-plans.
 */
public final class SettingsChange {

  private SettingsChange() {}

  /**
   * One day's step.
   *
   * @param holds the sessions the day is to hold from now on, or null when they stay as they are
   * @param replan whether the day is re-planned
   */
  public record DayStep(LocalDate date, List<Contribution> holds, boolean replan) {}

  /** Whether the change moves sessions between local days (a new time zone). */
  public static boolean movesSessions(AllocationSettings previous, AllocationSettings current) {
    return !previous.timeZone().equals(current.timeZone());
  }

  /**
   * The steps, in date order.
   *
   * @param sessionsByDate the user's live sessions by the local dates they touch in the new zone
   *     (only read when the change moves sessions)
   */
  public static List<DayStep> steps(
      boolean movesSessions,
      SettingsReplan.StoredDates stored,
      Map<LocalDate, List<Contribution>> sessionsByDate) {
    List<DayStep> steps = new ArrayList<>();
    if (!movesSessions) {
      stored.replanned().forEach(date -> steps.add(new DayStep(date, null, true)));
      return steps;
    }
    SortedSet<LocalDate> dates = new TreeSet<>(stored.all());
    dates.addAll(sessionsByDate.keySet());
    for (LocalDate date : dates) {
      steps.add(
          new DayStep(
              date, sessionsByDate.getOrDefault(date, List.of()), !stored.kept().contains(date)));
    }
    return steps;
  }
}
