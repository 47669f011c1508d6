package io.focussync.notion.messaging;

import io.focussync.contracts.Topics;
import io.focussync.contracts.sessions.v1.SessionDeleted;
import io.focussync.contracts.sessions.v1.SessionRecorded;
import io.focussync.notion.sync.SessionEventSink;
import io.focussync.platform.messaging.EventPublisher;
import org.springframework.stereotype.Component;

/**
 * Publishes session events to {@code focussync.sessions.v1} through the platform's publisher,
 * waiting for the broker's ack.
 */
@Component
public class SessionPublisher implements SessionEventSink {

  private final EventPublisher publisher;

  public SessionPublisher(EventPublisher publisher) {
    this.publisher = publisher;
  }

  @Override
  public void recorded(SessionRecorded event) {
    publisher.publish(Topics.SESSIONS, event);
  }

  @Override
  public void deleted(SessionDeleted event) {
    publisher.publish(Topics.SESSIONS, event);
  }
}
