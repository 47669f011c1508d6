package io.focussync.clockify.ledger;

import io.focussync.contracts.EventCodec;
import io.focussync.contracts.dayplans.v1.DayPlanned;

/**
 * A plan as it came from the topic: the event, the JSON it was read from (stored as is, no second
 * encoding), the partition it came on (the replica that owns that partition applies the day) and
 * the trace context of its record ({@code traceparent}, null if none), which its apply continues.
 */
public record ReceivedPlan(DayPlanned plan, byte[] json, int partition, String traceparent) {

  /** A plan from the topic whose record carried no trace context. */
  public ReceivedPlan(DayPlanned plan, byte[] json, int partition) {
    this(plan, json, partition, null);
  }

  /** A plan that did not come from the topic (encoded here; no partition). */
  public static ReceivedPlan of(DayPlanned plan) {
    return new ReceivedPlan(plan, EventCodec.toJson(plan), -1);
  }

  /** The user-day the plan is for. */
  public DayKey day() {
    return new DayKey(plan.userId(), plan.date());
  }
}
