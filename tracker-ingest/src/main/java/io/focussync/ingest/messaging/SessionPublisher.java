package io.focussync.ingest.messaging;

import io.focussync.contracts.FocusSyncEvent;
import io.focussync.contracts.Topics;
import io.focussync.platform.messaging.EventPublisher;
import io.focussync.platform.web.ServiceUnavailableException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Publishes the events of one request to {@code focussync.sessions.v1} through the platform's
 * publisher and returns only once Kafka acknowledged them (acks=all). One event is one record,
 * written or not; several events go in one Kafka transaction, so either all are committed or none
 * is visible to the (read-committed) consumers. Kafka unreachable becomes a 503 with Retry-After.
 */
@Component
public class SessionPublisher {

  private static final Logger log = LoggerFactory.getLogger(SessionPublisher.class);

  private final EventPublisher publisher;
  private final PublisherProperties properties;

  SessionPublisher(EventPublisher publisher, PublisherProperties properties) {
    this.publisher = publisher;
    this.properties = properties;
  }

  /** Publishes all events atomically; throws {@link ServiceUnavailableException} if Kafka fails. */
  public void publish(List<? extends FocusSyncEvent> events) {
    try {
      publisher.publishAtomically(Topics.SESSIONS, events);
    } catch (EventPublisher.NotAcknowledgedException e) {
      throw new ServiceUnavailableException(
          "The event log (Kafka) did not acknowledge the request; nothing was recorded. Retry later.",
          properties.retryAfter(),
          e);
    }
    logRecorded(events);
  }

  /** One line per request's events, ids only (never a session's content). */
  private static void logRecorded(List<? extends FocusSyncEvent> events) {
    if (events.isEmpty() || !log.isInfoEnabled()) {
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
}
