package io.focussync.clockify.messaging;

import io.focussync.clockify.ledger.PlanIntake;
import io.focussync.contracts.EventCodec;
import io.focussync.platform.messaging.ContainerErrorHandling;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's one error-handling setup for its (batch) consumer: {@link ContainerErrorHandling}
 * with the retry settings of {@link MessagingProperties}; an unreadable or invalid plan is
 * dead-lettered at once.
 */
@Configuration
public class ErrorHandling {

  @Bean
  ListenerContainerWithDlqAndRetryCustomizer errorHandlingCustomizer(
      StreamBridge bridge, MessagingProperties properties) {
    return ContainerErrorHandling.customizer(
        bridge,
        properties.retryInitial(),
        properties.retryMax(),
        PlanIntake.InvalidPlanException.class,
        EventCodec.UnreadableEventException.class);
  }
}
