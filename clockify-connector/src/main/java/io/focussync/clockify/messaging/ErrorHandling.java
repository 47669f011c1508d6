package io.focussync.clockify.messaging;

import io.focussync.clockify.ledger.PlanIntake;
import io.focussync.contracts.EventCodec;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The service's one error-handling setup for its consumer: the listener container retries a failing
 * batch with exponential backoff for {@code retry-for}, then dead-letters its plans; an unreadable
 * or invalid plan ({@link PlanIntake.InvalidPlanException}) is dead-lettered at once. The binder's
 * own retry and DLQ are off (batch mode has neither), so failures are handled in exactly one place.
 */
@Configuration
public class ErrorHandling {

  @Bean
  ListenerContainerWithDlqAndRetryCustomizer errorHandlingCustomizer(
      StreamBridge bridge, MessagingProperties properties) {
    return new ListenerContainerWithDlqAndRetryCustomizer() {
      @Override
      public void configure(
          AbstractMessageListenerContainer<?, ?> container,
          String destinationName,
          String group,
          BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
          BackOff backOff) {
        DefaultErrorHandler handler =
            new DefaultErrorHandler(
                new DeadLetters(bridge, destinationName, group), backOff(properties));
        handler.addNotRetryableExceptions(
            PlanIntake.InvalidPlanException.class, EventCodec.UnreadableEventException.class);
        container.setCommonErrorHandler(handler);
      }

      @Override
      public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
      }
    };
  }

  static BackOff backOff(MessagingProperties properties) {
    ExponentialBackOff backOff = new ExponentialBackOff(properties.retryInitial().toMillis(), 2.0);
    backOff.setMaxInterval(properties.retryMax().toMillis());
    backOff.setMaxElapsedTime(properties.retryFor().toMillis());
    return backOff;
  }
}
