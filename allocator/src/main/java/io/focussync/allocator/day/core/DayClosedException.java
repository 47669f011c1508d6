package io.focussync.allocator.day.core;

import java.time.LocalDate;

/** The day is before the user's {@code closedBefore}: nothing may change its plan. */
public final class DayClosedException extends DayConflictException {

  public DayClosedException(LocalDate date) {
    super("date", date + " is before closedBefore: the day is closed");
  }
}
