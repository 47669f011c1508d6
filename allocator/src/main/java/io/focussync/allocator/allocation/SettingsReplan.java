package io.focussync.allocator.allocation;

import java.time.LocalDate;

/**
 * Which stored days a settings change re-plans: today, later days and days Clockify does not hold.
 * A day before today that Clockify holds keeps what it holds (history stays put) until it is
 * re-planned explicitly ({@code POST /api/v1/days/replan}), or a change of its own sessions or of
 * the user's own Clockify entries re-plans it.
 */
public final class SettingsReplan {

  private SettingsReplan() {}

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
}
