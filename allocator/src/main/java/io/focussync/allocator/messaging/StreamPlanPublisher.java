package io.focussync.allocator.messaging;

import io.focussync.allocator.day.PlanPublisher;
import io.focussync.contracts.dayplans.v1.DayPlanned;
import io.focussync.platform.messaging.EventMessages;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.stereotype.Component;

/** Sends day plans to {@code focussync.day-plans.v1}; the binding is synchronous (acked). */
@Component
public class StreamPlanPublisher implements PlanPublisher {

  static final String BINDING = "dayPlans-out-0";

  private final StreamBridge bridge;

  public StreamPlanPublisher(StreamBridge bridge) {
    this.bridge = bridge;
  }

  @Override
  public void publish(DayPlanned plan) {
    if (!bridge.send(BINDING, EventMessages.toMessage(plan, "allocator"))) {
      throw new IllegalStateException("the broker did not take plan " + plan.subject());
    }
  }
}
