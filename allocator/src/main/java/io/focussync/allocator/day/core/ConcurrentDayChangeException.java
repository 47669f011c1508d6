package io.focussync.allocator.day.core;

import java.time.LocalDate;

/** A day kept changing under us for too many attempts. */
public final class ConcurrentDayChangeException extends RuntimeException {

  public ConcurrentDayChangeException(String userId, LocalDate date) {
    super("too many concurrent changes of " + userId + "/" + date);
  }
}
