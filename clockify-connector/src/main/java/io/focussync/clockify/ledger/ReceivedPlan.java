package io.focussync.clockify.ledger;

import io.focussync.contracts.EventCodec;
import io.focussync.contracts.dayplans.v1.DayPlanned;

/**
 * A plan as it came from the topic: the event and the JSON it was read from, which is stored as is
 * (no second encoding).
 */
public record ReceivedPlan(DayPlanned plan, byte[] json) {

  /** A plan that did not come as JSON (encoded here). */
  public static ReceivedPlan of(DayPlanned plan) {
    return new ReceivedPlan(plan, EventCodec.toJson(plan));
  }

  /** The user-day the plan is for. */
  public DayKey day() {
    return new DayKey(plan.userId(), plan.date());
  }
}
