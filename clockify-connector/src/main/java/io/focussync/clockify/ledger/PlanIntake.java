package io.focussync.clockify.ledger;

import io.focussync.contracts.dayplans.v1.DayPlanned;
import io.focussync.contracts.dayplans.v1.PlannedEntry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Accepts day plans from the topic, a poll at a time: records the newest plan of each user-day
 * durably (before the offsets are committed) and hands the day to the workers; never calls Clockify
 * itself.
 */
@Service
public class PlanIntake {

  private final DayStore days;
  private final AcceptedPlans accepted;
  private final DayScheduler scheduler;
  private final Counter acceptedPlans;
  private final Counter stalePlans;

  public PlanIntake(
      DayStore days, AcceptedPlans accepted, DayScheduler scheduler, MeterRegistry meters) {
    this.days = days;
    this.accepted = accepted;
    this.scheduler = scheduler;
    this.acceptedPlans = meters.counter("focussync.clockify.plans", "outcome", "accepted");
    this.stalePlans = meters.counter("focussync.clockify.plans", "outcome", "stale");
  }

  /**
   * Accepts valid plans (see {@link #validate}): per user-day only the newest revision counts, and
   * only if it is above the accepted one. The others are stale (a redelivery, a replay, or a
   * revision overtaken, possibly within these plans).
   *
   * @return the plans accepted
   */
  public List<DayPlanned> accept(List<ReceivedPlan> plans) {
    if (plans.isEmpty()) {
      return List.of();
    }
    Map<DayKey, ReceivedPlan> newest = new LinkedHashMap<>();
    for (ReceivedPlan plan : plans) {
      newest.merge(
          plan.day(),
          plan,
          (held, next) -> next.plan().revision() > held.plan().revision() ? next : held);
    }
    List<DayPlanned> kept = days.offer(newest.values());
    acceptedPlans.increment(kept.size());
    stalePlans.increment(plans.size() - kept.size());
    for (DayPlanned plan : kept) {
      accepted.accepted(plan);
      scheduler.planAccepted(new DayKey(plan.userId(), plan.date()), plan.revision());
    }
    return kept;
  }

  /** Throws {@link InvalidPlanException} for a plan no apply could ever succeed with. */
  public static void validate(DayPlanned plan) {
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
