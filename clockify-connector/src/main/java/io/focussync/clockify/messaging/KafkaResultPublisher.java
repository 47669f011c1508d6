package io.focussync.clockify.messaging;

import io.focussync.clockify.ledger.DayRecord;
import io.focussync.clockify.ledger.ResultPublisher;
import io.focussync.contracts.Topics;
import io.focussync.platform.messaging.EventPublisher;
import io.focussync.platform.tracing.RecordTracing;
import org.springframework.stereotype.Component;

/**
 * Publishes sync results on {@code focussync.sync-results.v1} through the platform's publisher; a
 * result counts as sent (and leaves the outbox) only once the broker acknowledged it.
 */
@Component
public class KafkaResultPublisher implements ResultPublisher {

  private final EventPublisher publisher;

  private final RecordTracing tracing;

  public KafkaResultPublisher(EventPublisher publisher, RecordTracing tracing) {
    this.publisher = publisher;
    this.tracing = tracing;
  }

  /** Sends the result in the trace of the apply that made it (kept in the outbox with it). */
  @Override
  public void publish(DayRecord.PendingResult result) {
    tracing.run(
        result.traceparent(),
        "result " + Topics.SYNC_RESULTS,
        () -> publisher.publish(Topics.SYNC_RESULTS, result.event()));
  }
}
