package io.focussync.allocator.messaging;

import io.focussync.allocator.day.PlanPublisher;
import io.focussync.contracts.Topics;
import io.focussync.contracts.dayplans.v1.DayPlanned;
import io.focussync.platform.messaging.EventPublisher;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Sends day plans to {@code focussync.day-plans.v1} through the platform's publisher, each counted
 * as sent once the broker acknowledged it. A batch of plans is in flight at once: the producer
 * packs them into few requests and the batch costs about one round trip, not one per plan.
 */
@Component
public class KafkaPlanPublisher implements PlanPublisher {

  private final EventPublisher publisher;

  public KafkaPlanPublisher(EventPublisher publisher) {
    this.publisher = publisher;
  }

  @Override
  public void publish(DayPlanned plan) {
    publisher.publish(Topics.DAY_PLANS, plan);
  }

  @Override
  public void publishAll(List<DayPlanned> plans) {
    if (plans.size() == 1) {
      publish(plans.get(0));
      return;
    }
    publisher.publishEach(Topics.DAY_PLANS, plans);
  }
}
