package io.focussync.allocator.day;

import io.focussync.contracts.dayplans.v1.DayPlanned;
import java.util.List;

/** Publishes day plans and returns only once the broker has them. */
public interface PlanPublisher {

  /** Publishes the plans (in parallel where it can); throws when the broker missed any. */
  void publishAll(List<DayPlanned> plans);
}
