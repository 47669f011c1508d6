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
 * mode): a record failing with one of the verdict exceptions (it can never be processed) goes to
 * {@code <topic>.<group>.dlq} at once with the reason ({@link DeadLetters}); any other failure (the
 * store or the broker is down, a bug) is retried with exponential backoff capped at {@code
 * retryMax}, for as long as it takes, and nothing after it is consumed meanwhile. The binder's own
 * retry and DLQ are off, so failures are handled in exactly one place.
 *
 * <p>The consumer stays in its group while it waits: a failing batch is retried by the container
 * with its partitions paused and polled during each back-off (Spring Kafka's {@code
 * FallbackBatchErrorHandler}); a failing record (record mode, or a batch's record named by a {@code
 * BatchListenerFailedException}) is sought back and waits at most {@code retryMax} on the consumer
 * thread before the next poll, so {@code retryMax} plus one attempt must stay below {@code
 * max.poll.interval.ms} (5 minutes by default).
 */
public final class ContainerErrorHandling {

  /** Kafka's default {@code max.poll.interval.ms}, which the longest wait must stay well below. */
  static final Duration LONGEST_RETRY_MAX = Duration.ofMinutes(1);

  private ContainerErrorHandling() {}

  /**
   * The binder customizer that installs the setup on every consumer binding.
   *
   * @param retryInitial the first wait before a failed record or batch is processed again
   * @param retryMax the longest wait between two attempts (at most a minute)
   * @param verdicts exceptions meaning the record can never be processed
   */
  @SafeVarargs
  public static ListenerContainerWithDlqAndRetryCustomizer customizer(
      StreamBridge bridge,
      Duration retryInitial,
      Duration retryMax,
      Class<? extends Exception>... verdicts) {
    BackOff backOff = backOff(retryInitial, retryMax);
    List<Class<? extends Exception>> poison = List.of(verdicts);
    return new ListenerContainerWithDlqAndRetryCustomizer() {
      @Override
      public void configure(
          AbstractMessageListenerContainer<?, ?> container,
          String destinationName,
          String group,
          BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
          BackOff binderBackOff) {
        DefaultErrorHandler handler =
            new DefaultErrorHandler(
                new DeadLetters(bridge, destinationName, group, poison), backOff);
        poison.forEach(handler::addNotRetryableExceptions);
        container.setCommonErrorHandler(handler);
      }

      @Override
      public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
      }
    };
  }

  /** Doubling waits from {@code initial} up to {@code max}, without an end. */
  static BackOff backOff(Duration initial, Duration max) {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException(
          "retry-initial must be positive and at most retry-max: " + initial + ", " + max);
    }
    if (max.compareTo(LONGEST_RETRY_MAX) > 0) {
      throw new IllegalArgumentException(
          "retry-max "
              + max
              + " is longer than "
              + LONGEST_RETRY_MAX
              + ": a waiting consumer could exceed max.poll.interval.ms and leave its group");
    }
    ExponentialBackOff backOff = new ExponentialBackOff(initial.toMillis(), 2.0);
    backOff.setMaxInterval(max.toMillis());
    // no maxElapsedTime and no maxAttempts: a failure that is no verdict is never given up on
    return backOff;
  }
}
