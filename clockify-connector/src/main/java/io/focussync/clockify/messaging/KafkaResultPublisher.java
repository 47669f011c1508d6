package io.focussync.clockify.messaging;

import io.focussync.clockify.ledger.DayRecord;
import io.focussync.clockify.ledger.ResultPublisher;
import io.focussync.contracts.Topics;
import io.focussync.platform.messaging.EventPublisher;
import org.springframework.stereotype.Component;

/**
 * Publishes sync results on {@code focussync.sync-results.v1} through the platform's publisher; a
 * result counts as sent (and leaves the outbox) only once the broker acknowledged it.
 */
@Component
public class KafkaResultPublisher implements ResultPublisher {

  private final EventPublisher publisher;

  public KafkaResultPublisher(EventPublisher publisher) {
    this.publisher = publisher;
  }

  @Override
  public void publish(DayRecord.PendingResult result) {
    publisher.publish(Topics.SYNC_RESULTS, result.event());
  }
}
