package io.focussync.allocator.day.core;

import io.focussync.allocator.allocation.AllocatedEntry;
import io.focussync.allocator.allocation.BusySpan;
import io.focussync.allocator.day.StoredPlan;
import io.focussync.contracts.dayplans.v1.BusyInterval;
import io.focussync.contracts.dayplans.v1.DayPlanned;
import io.focussync.contracts.dayplans.v1.PlannedEntry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The event for a stored plan revision: the same revision always gives the same event. */
public final class PlanEvents {

  private PlanEvents() {}

  /** The {@code DayPlanned} event of the user-day's stored plan revision. */
  public static DayPlanned toEvent(String userId, LocalDate date, StoredPlan plan) {
    List<PlannedEntry> entries = new ArrayList<>(plan.entries().size());
    for (AllocatedEntry e : plan.entries()) {
      entries.add(
          new PlannedEntry(
              e.slot(), e.projectId(), e.start(), e.end(), e.description(), e.sessionIds()));
    }
    List<BusyInterval> busy = new ArrayList<>(plan.busy().size());
    for (BusySpan b : plan.busy()) {
      busy.add(new BusyInterval(b.start(), b.end()));
    }
    return new DayPlanned(
        userId,
        date,
        plan.timeZone(),
        plan.revision(),
        plan.mode(),
        entries,
        plan.plannedAt(),
        busy);
  }
}
