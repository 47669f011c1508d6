package io.focussync.contracts.syncresults.v1;

import io.focussync.contracts.FocusSyncEvent;
import io.focussync.contracts.dayplans.v1.BusyInterval;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The connector found that the user's own Clockify entries on a day take other time than the plan
 * was made around, and did not apply it: the allocator plans the day again around {@code busy}.
 *
 * @param revision the plan revision that was not applied
 * @param busy the time the user's own entries take on the day, clipped to it, in order
 */
public record DayBusyObserved(
    String userId, LocalDate date, long revision, List<BusyInterval> busy, Instant observedAt)
    implements FocusSyncEvent {

  public DayBusyObserved {
    busy = busy == null ? List.of() : List.copyOf(busy);
  }

  @Override
  public String subject() {
    return userId + "/" + date;
  }
}
