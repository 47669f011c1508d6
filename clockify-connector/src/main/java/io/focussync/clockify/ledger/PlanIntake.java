package io.focussync.clockify.ledger;

import io.focussync.contracts.dayplans.v1.DayPlanned;
import io.focussync.contracts.dayplans.v1.PlannedEntry;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;

/**
 * Accepts day plans from the topic: records the newest plan of the user-day durably (before the
 * offset is committed) and hands the day to the workers; never calls Clockify itself.
 */
@Service
public class PlanIntake {

  private final DayStore days;
  private final DayScheduler scheduler;
  private final MeterRegistry meters;

  public PlanIntake(DayStore days, DayScheduler scheduler, MeterRegistry meters) {
    this.days = days;
    this.scheduler = scheduler;
    this.meters = meters;
  }

  /** Accepts a plan; false when it was stale (at or below a revision already accepted). */
  public boolean accept(DayPlanned plan) {
    validate(plan);
    boolean accepted = days.offer(plan);
    meters
        .counter("focussync.clockify.plans", "outcome", accepted ? "accepted" : "stale")
        .increment();
    if (accepted) {
      scheduler.schedule(new DayKey(plan.userId(), plan.date()), null);
    }
    return accepted;
  }

  private static void validate(DayPlanned plan) {
    if (plan.userId() == null || plan.userId().isBlank() || plan.date() == null) {
      throw new InvalidPlanException("a plan needs a userId and a date");
    }
    for (PlannedEntry entry : plan.entries()) {
      if (entry.slot() == null || entry.slot().isBlank()) {
        throw new InvalidPlanException("a planned entry needs a slot");
      }
      if (entry.start() == null || entry.end() == null || entry.end().isBefore(entry.start())) {
        throw new InvalidPlanException("entry " + entry.slot() + " needs a start before its end");
      }
    }
  }

  /** A plan no apply could ever succeed with: it belongs on the dead-letter topic. */
  public static final class InvalidPlanException extends RuntimeException {
    public InvalidPlanException(String message) {
      super(message);
    }
  }
}
