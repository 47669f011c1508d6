package io.focussync.platform.messaging;

import io.focussync.contracts.FocusSyncEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Every service's one way to publish: events as records keyed by their user with the CloudEvents
 * headers ({@link EventRecords}), sent on the {@code spring.kafka.producer} settings (acks=all,
 * idempotent) and counted as sent only once the broker acknowledged them. Several events go out
 * either each on its own, all in flight at once ({@link #publishEach}), or all or none in one Kafka
 * transaction ({@link #publishAtomically}), which read-committed consumers see whole or not at all.
 * A send the broker does not acknowledge is a {@link NotAcknowledgedException}.
 */
public final class EventPublisher {

  private final KafkaTemplate<byte[], byte[]> single;
  private final KafkaTemplate<byte[], byte[]> transactional;
  private final EventRecords records;
  private final Duration sendTimeout;

  /**
   * @param single the template of the shared producer, whose concurrent sends Kafka batches
   *     together
   * @param transactional the template of the pool of transactional producers
   * @param source the publishing service's name, the events' {@code ce_source}
   * @param sendTimeout the longest wait for an acknowledgement
   */
  public EventPublisher(
      KafkaTemplate<byte[], byte[]> single,
      KafkaTemplate<byte[], byte[]> transactional,
      String source,
      Duration sendTimeout) {
    this.single = single;
    this.transactional = transactional;
    this.records = new EventRecords(source);
    this.sendTimeout = sendTimeout;
  }

  /** Publishes the event to the topic and returns once the broker acknowledged it. */
  public void publish(String topic, FocusSyncEvent event) {
    send(records.record(topic, event));
  }

  /**
   * Publishes the events to the topic, all in flight at once (the producer packs them into few
   * requests: about one round trip for all), and returns once every one was acknowledged; if one
   * was not, the others may still have been written.
   */
  public void publishEach(String topic, List<? extends FocusSyncEvent> events) {
    publishEach(topic, events, (event, send) -> send.run());
  }

  /**
   * As {@link #publishEach(String, List)}, each send made inside the scope's {@code around} (for
   * instance in the event's own trace context, which the send puts in the record's headers).
   */
  public void publishEach(String topic, List<? extends FocusSyncEvent> events, SendScope scope) {
    if (events.size() == 1) {
      FocusSyncEvent event = events.get(0);
      scope.around(event, () -> publish(topic, event));
      return;
    }
    List<CompletableFuture<SendResult<byte[], byte[]>>> sends = new ArrayList<>(events.size());
    try {
      for (FocusSyncEvent event : events) {
        scope.around(event, () -> sends.add(single.send(records.record(topic, event))));
      }
    } catch (RuntimeException e) {
      throw classified(e);
    }
    awaitAll(sends);
  }

  /** What each send of {@link #publishEach(String, List, SendScope)} is made inside. */
  @FunctionalInterface
  public interface SendScope {

    /** Makes the event's send (runs {@code send} once, on this thread). */
    void around(FocusSyncEvent event, Runnable send);
  }

  /**
   * Publishes the events to the topic in one Kafka transaction and returns once it is committed:
   * all are written or none is visible to read-committed consumers.
   */
  public void publishAtomically(String topic, List<? extends FocusSyncEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    if (events.size() == 1) {
      publish(topic, events.get(0));
      return;
    }
    // Built before the transaction begins, so that it is held open only for the sends.
    List<ProducerRecord<byte[], byte[]>> batch = new ArrayList<>(events.size());
    for (FocusSyncEvent event : events) {
      batch.add(records.record(topic, event));
    }
    List<CompletableFuture<SendResult<byte[], byte[]>>> sends = new ArrayList<>(events.size());
    try {
      transactional.executeInTransaction(
          operations -> {
            for (ProducerRecord<byte[], byte[]> record : batch) {
              sends.add(operations.send(record));
            }
            return null;
          });
    } catch (RuntimeException e) {
      throw classified(e);
    }
    // A commit fails when any send failed; this only guards the invariant.
    if (sends.stream().anyMatch(CompletableFuture::isCompletedExceptionally)) {
      throw new NotAcknowledgedException("a send of the committed transaction failed", null);
    }
  }

  /** Sends a record as it is (a dead letter) and returns once the broker acknowledged it. */
  void send(ProducerRecord<byte[], byte[]> record) {
    CompletableFuture<SendResult<byte[], byte[]>> send;
    try {
      send = single.send(record);
    } catch (RuntimeException e) {
      throw classified(e);
    }
    awaitAll(List.of(send));
  }

  private void awaitAll(List<CompletableFuture<SendResult<byte[], byte[]>>> sends) {
    long deadline = System.nanoTime() + sendTimeout.toNanos();
    for (CompletableFuture<SendResult<byte[], byte[]>> send : sends) {
      try {
        send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new NotAcknowledgedException("interrupted while waiting for the broker", e);
      } catch (ExecutionException e) {
        throw new NotAcknowledgedException("the broker did not take a record", e.getCause());
      } catch (TimeoutException e) {
        throw new NotAcknowledgedException("no acknowledgement within " + sendTimeout, e);
      }
    }
  }

  /** Closes the producers (at shutdown), after they sent what they hold. */
  public void close() throws Exception {
    for (KafkaTemplate<byte[], byte[]> template : List.of(single, transactional)) {
      if (template.getProducerFactory() instanceof DisposableBean factory) {
        factory.destroy();
      }
    }
  }

  /** A failure of Kafka's becomes a {@link NotAcknowledgedException}; any other stays as it is. */
  private static RuntimeException classified(RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof org.apache.kafka.common.KafkaException
          || t instanceof org.springframework.kafka.KafkaException
          || t instanceof TimeoutException) {
        return new NotAcknowledgedException("the broker did not take the records", e);
      }
    }
    return e;
  }

  /** The broker did not acknowledge a send (unreachable, too slow, or it refused the records). */
  public static final class NotAcknowledgedException extends RuntimeException {

    NotAcknowledgedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
