package io.focussync.clockify.messaging;

import io.focussync.clockify.ledger.PlanIntake;
import io.focussync.contracts.FocusSyncEvent;
import io.focussync.contracts.dayplans.v1.DayPlanned;
import io.focussync.platform.messaging.EventMessages;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The {@code dayPlans} binding on {@code focussync.day-plans.v1}: each plan is stored durably
 * before its offset commits; applying it happens on the workers. Unreadable or invalid plans throw
 * and land on the dead-letter topic.
 */
@Configuration(proxyBeanMethods = false)
public class DayPlansConsumer {

  private static final Logger log = LoggerFactory.getLogger(DayPlansConsumer.class);

  @Bean
  public Consumer<Message<byte[]>> dayPlans(PlanIntake intake) {
    return message -> {
      FocusSyncEvent event = EventMessages.fromMessage(message);
      if (event instanceof DayPlanned plan) {
        boolean accepted = intake.accept(plan);
        log.debug(
            "plan {} r{} {}", plan.subject(), plan.revision(), accepted ? "accepted" : "stale");
      }
    };
  }
}
