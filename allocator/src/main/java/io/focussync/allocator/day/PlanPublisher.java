package io.focussync.allocator.day;

import io.focussync.contracts.dayplans.v1.DayPlanned;

/** Publishes a day plan and returns only once the broker has it. */
public interface PlanPublisher {

  void publish(DayPlanned plan);
}
