package io.focussync.platform.messaging;

import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * A service's one error-handling setup for its Spring Cloud Stream consumers (record or batch
 * mode): the listener container retries a failing record or batch (from the record a {@code
 * BatchListenerFailedException} names, if it names one) with exponential backoff, then sends that
 * record to {@code <topic>.<group>.dlq} with the reason ({@link DeadLetters}); a record failing
 * with one of the verdict exceptions goes there at once. The binder's own retry and DLQ are off, so
 * failures are handled in exactly one place.
 */
public final class ContainerErrorHandling {

  private ContainerErrorHandling() {}

  /**
   * The binder customizer that installs the setup on every consumer binding.
   *
   * @param retryInitial the first wait before a failed record or batch is processed again
   * @param retryMax the longest wait between two attempts
   * @param retryFor how long a failure is retried before the record is dead-lettered
   * @param verdicts exceptions meaning the record can never be processed
   */
  @SafeVarargs
  public static ListenerContainerWithDlqAndRetryCustomizer customizer(
      StreamBridge bridge,
      Duration retryInitial,
      Duration retryMax,
      Duration retryFor,
      Class<? extends Exception>... verdicts) {
    List<Class<? extends Exception>> poison = List.of(verdicts);
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
                new DeadLetters(bridge, destinationName, group, poison),
                backOff(retryInitial, retryMax, retryFor));
        poison.forEach(handler::addNotRetryableExceptions);
        container.setCommonErrorHandler(handler);
      }

      @Override
      public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
      }
    };
  }

  static BackOff backOff(Duration initial, Duration max, Duration retryFor) {
    ExponentialBackOff backOff = new ExponentialBackOff(initial.toMillis(), 2.0);
    backOff.setMaxInterval(max.toMillis());
    backOff.setMaxElapsedTime(retryFor.toMillis());
    return backOff;
  }
}
