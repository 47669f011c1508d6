package io.focussync.allocator.messaging;

import io.focussync.allocator.day.PlanPublisher;
import io.focussync.contracts.FocusSyncEvent;
import io.focussync.contracts.Topics;
import io.focussync.contracts.dayplans.v1.DayPlanned;
import io.focussync.platform.messaging.EventPublisher;
import io.focussync.platform.tracing.RecordTracing;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends day plans to {@code focussync.day-plans.v1} through the platform's publisher, each counted
 * as sent once the broker acknowledged it, and each in the trace of the session that changed its
 * day ({@link RecordTracing#traceparentFor}). A batch of plans is in flight at once: the producer
 * packs them into few requests and the batch costs about one round trip, not one per plan.
 */
@Component
public class KafkaPlanPublisher implements PlanPublisher {

  private static final Logger log = LoggerFactory.getLogger(KafkaPlanPublisher.class);

  private final EventPublisher publisher;
  private final RecordTracing tracing;

  public KafkaPlanPublisher(EventPublisher publisher, RecordTracing tracing) {
    this.publisher = publisher;
    this.tracing = tracing;
  }

  @Override
  public void publishAll(List<DayPlanned> plans) {
    publisher.publishEach(Topics.DAY_PLANS, plans, this::inTraceOfItsSession);
  }

  private void inTraceOfItsSession(FocusSyncEvent event, Runnable send) {
    DayPlanned plan = (DayPlanned) event;
    tracing.run(
        tracing.traceparentFor(plan.userId()),
        "plan " + Topics.DAY_PLANS,
        () -> {
          send.run();
          log.info(
              "planned day {} r{}: {} entries",
              plan.subject(),
              plan.revision(),
              plan.entries().size());
        });
  }
}
