package io.focussync.clockify.messaging;

import io.focussync.clockify.ledger.PlanIntake;
import io.focussync.clockify.ledger.ReceivedPlan;
import io.focussync.contracts.FocusSyncEvent;
import io.focussync.contracts.dayplans.v1.DayPlanned;
import io.focussync.platform.messaging.EventBatches;
import io.focussync.platform.messaging.EventMessages;
import io.focussync.platform.messaging.UnprocessableRecordException;
import io.focussync.platform.tracing.RecordTracing;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * The {@code dayPlans} binding on {@code focussync.day-plans.v1}, in batches: a poll's plans are
 * stored together (the newest per user-day) before their offsets commit; applying them happens on
 * the workers. An unreadable or invalid plan is reported by its index: the plans before it are
 * kept, it goes to the dead-letter topic at once and the rest come again ({@link EventBatches}).
 */
@Configuration(proxyBeanMethods = false)
public class DayPlansConsumer {

  private static final Logger log = LoggerFactory.getLogger(DayPlansConsumer.class);

  @Bean
  public Consumer<Message<List<byte[]>>> dayPlans(PlanIntake intake) {
    return batch -> {
      List<?> partitions = batch.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION, List.class);
      List<ReceivedPlan> plans = new ArrayList<>();
      EventBatches.process(
          batch,
          (record, i) -> {
            FocusSyncEvent event = EventMessages.fromMessage(record);
            if (event instanceof DayPlanned plan) {
              validate(plan);
              plans.add(
                  new ReceivedPlan(
                      plan,
                      record.getPayload(),
                      partition(partitions, i),
                      RecordTracing.traceparentOf(record.getHeaders())));
            } else {
              log.debug("ignoring {} on the plans topic", event.getClass().getSimpleName());
            }
          },
          () -> accept(intake, plans));
    };
  }

  /** A plan no apply could ever succeed with is a verdict: it is dead-lettered. */
  private static void validate(DayPlanned plan) {
    try {
      PlanIntake.validate(plan);
    } catch (PlanIntake.InvalidPlanException invalid) {
      throw new UnprocessableRecordException(invalid.getMessage());
    }
  }

  private static int partition(List<?> partitions, int index) {
    return partitions != null
            && index < partitions.size()
            && partitions.get(index) instanceof Integer p
        ? p
        : -1;
  }

  private static void accept(PlanIntake intake, List<ReceivedPlan> plans) {
    List<DayPlanned> accepted = intake.accept(plans);
    log.debug("{} plans received, {} accepted", plans.size(), accepted.size());
  }
}
