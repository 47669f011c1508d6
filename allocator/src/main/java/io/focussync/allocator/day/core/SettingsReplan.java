package io.focussync.allocator.day.core;

import io.focussync.allocator.day.UserDay;
import java.time.LocalDate;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which stored days a settings change re-plans: today, later days and days Clockify does not hold.
 * A day before today that Clockify holds keeps what it holds (history stays put) until it is
 * re-planned explicitly ({@code POST /api/v1/days/replan}), or a change of its own sessions or of
 * the user's own Clockify entries re-plans it.
 */
public final class SettingsReplan {

  private SettingsReplan() {}

  /** The user's stored days split by what a settings change does to them. */
  public record StoredDates(SortedSet<LocalDate> replanned, SortedSet<LocalDate> kept) {

    /** Every stored date. */
    public SortedSet<LocalDate> all() {
      SortedSet<LocalDate> all = new TreeSet<>(replanned);
      all.addAll(kept);
      return all;
    }
  }

  /**
   * True when a settings change re-plans the day.
   *
   * @param today the current date in the user's time zone
   * @param heldByClockify Clockify holds a revision of the day (applied live, not in a dry run) or
   *     refuses it (a locked period)
   */
  public static boolean replans(LocalDate date, LocalDate today, boolean heldByClockify) {
    return !date.isBefore(today) || !heldByClockify;
  }

  /** True when a settings change re-plans this stored day. */
  public static boolean replans(UserDay day, LocalDate today) {
    return replans(day.date(), today, day.sync() != null && day.sync().heldByClockify());
  }

  /** The stored days split into those a settings change re-plans and those it keeps. */
  public static StoredDates split(Iterable<UserDay> days, LocalDate today) {
    SortedSet<LocalDate> replanned = new TreeSet<>();
    SortedSet<LocalDate> kept = new TreeSet<>();
    for (UserDay day : days) {
      (replans(day, today) ? replanned : kept).add(day.date());
    }
    return new StoredDates(replanned, kept);
  }
}
