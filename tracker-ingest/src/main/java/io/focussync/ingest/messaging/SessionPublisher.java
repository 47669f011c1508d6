package io.focussync.ingest.messaging;

import io.focussync.contracts.FocusSyncEvent;
import io.focussync.platform.web.ServiceUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Publishes the events of one request to {@code focussync.sessions.v1} and returns only once Kafka
 * acknowledged them (acks=all). One event is one record, written or not; several events go in one
 * Kafka transaction, so either all are committed or none is visible to the (read-committed)
 * consumers. Kafka unreachable becomes a 503 with Retry-After.
 */
@Component
public class SessionPublisher {

  private static final Logger log = LoggerFactory.getLogger(SessionPublisher.class);

  static final String SOURCE = "tracker-ingest";

  /** A guard above the producer's own bounds (max.block.ms + delivery.timeout.ms). */
  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(20);

  private final KafkaTemplate<byte[], byte[]> single;
  private final KafkaTemplate<byte[], byte[]> transactional;
  private final PublisherProperties properties;
  private final SessionRecords records = new SessionRecords(SOURCE);

  SessionPublisher(
      @Qualifier("sessionsTemplate") KafkaTemplate<byte[], byte[]> single,
      @Qualifier("sessionsTransactionalTemplate") KafkaTemplate<byte[], byte[]> transactional,
      PublisherProperties properties) {
    this.single = single;
    this.transactional = transactional;
    this.properties = properties;
  }

  /** Publishes all events atomically; throws {@link ServiceUnavailableException} if Kafka fails. */
  public void publish(List<? extends FocusSyncEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    if (events.size() == 1) {
      publishOne(events.get(0));
      logRecorded(events);
      return;
    }
    // Built before the transaction begins, so that it is held open only for the sends.
    List<ProducerRecord<byte[], byte[]>> batch = new ArrayList<>(events.size());
    for (FocusSyncEvent event : events) {
      batch.add(records.record(event));
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
      if (isKafkaFailure(e)) {
        throw unavailable(e);
      }
      throw e;
    }
    // A commit fails when any send failed; this only guards the invariant.
    if (sends.stream().anyMatch(CompletableFuture::isCompletedExceptionally)) {
      throw unavailable(null);
    }
    logRecorded(events);
  }

  /** One line per request's events, ids only (never a session's content). */
  private static void logRecorded(List<? extends FocusSyncEvent> events) {
    if (!log.isInfoEnabled()) {
      return;
    }
    FocusSyncEvent first = events.get(0);
    if (events.size() == 1) {
      log.info(
          "recorded {} {} of user {}",
          first.getClass().getSimpleName(),
          first.subject(),
          first.userId());
    } else {
      log.info("recorded {} session events of user {}", events.size(), first.userId());
    }
  }

  private void publishOne(FocusSyncEvent event) {
    try {
      single.send(records.record(event)).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(e);
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      throw unavailable(e);
    } catch (RuntimeException e) {
      if (isKafkaFailure(e)) {
        throw unavailable(e);
      }
      throw e;
    }
  }

  private ServiceUnavailableException unavailable(Throwable cause) {
    return new ServiceUnavailableException(
        "The event log (Kafka) did not acknowledge the request; nothing was recorded. Retry later.",
        properties.retryAfter(),
        cause);
  }

  private static boolean isKafkaFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof org.apache.kafka.common.KafkaException
          || t instanceof org.springframework.kafka.KafkaException
          || t instanceof java.util.concurrent.TimeoutException) {
        return true;
      }
    }
    return false;
  }
}
