package io.focussync.platform.messaging;

import io.focussync.contracts.EventCodec;
import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Every service's one error-handling setup for its Spring Cloud Stream consumers (record or batch
 * mode), installed by the platform's auto-configuration with the retry settings of {@link
 * MessagingProperties}: a record failing with a verdict ({@link UnprocessableRecordException}, or
 * an event no consumer could read, {@code EventCodec.UnreadableEventException}) goes to {@code
 * <topic>.<group>.dlq} at once with the reason ({@link DeadLetters}); any other failure (the store
 * or the broker is down, a bug) is retried with exponential backoff capped at {@code retryMax}, for
 * as long as it takes, and nothing after it is consumed meanwhile. The binder's own retry and DLQ
 * are off, so failures are handled in exactly one place.
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

  /** The exceptions that say a record can never be processed. */
  static final List<Class<? extends Exception>> VERDICTS =
      List.of(UnprocessableRecordException.class, EventCodec.UnreadableEventException.class);

  private ContainerErrorHandling() {}

  /** Whether the failure is a verdict: the record can never be processed. */
  static boolean isVerdict(Throwable failure) {
    return VERDICTS.stream().anyMatch(verdict -> verdict.isInstance(failure));
  }

  /**
   * The binder customizer that installs the setup on every consumer binding.
   *
   * @param topicCreator creates a dead-letter topic that does not exist yet
   * @param retryInitial the first wait before a failed record or batch is processed again
   * @param retryMax the longest wait between two attempts (at most a minute)
   */
  public static ListenerContainerWithDlqAndRetryCustomizer customizer(
      EventPublisher publisher,
      Consumer<String> topicCreator,
      Duration retryInitial,
      Duration retryMax) {
    BackOff backOff = backOff(retryInitial, retryMax);
    List<Class<? extends Exception>> poison = VERDICTS;
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
                new DeadLetters(publisher, topicCreator, destinationName, group, poison), backOff);
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
