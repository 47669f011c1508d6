package io.focussync.clockify.messaging;

import io.focussync.clockify.ledger.ResultPublisher;
import io.focussync.contracts.FocusSyncEvent;
import io.focussync.contracts.syncresults.v1.DaySyncFailed;
import io.focussync.contracts.syncresults.v1.DaySynced;
import io.focussync.platform.messaging.EventMessages;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.stereotype.Component;

/** Publishes sync results on {@code focussync.sync-results.v1} (binding {@code syncResults}). */
@Component
public class KafkaResultPublisher implements ResultPublisher {

  static final String BINDING = "syncResults-out-0";
  private static final String SOURCE = "clockify-connector";

  private final StreamBridge bridge;

  public KafkaResultPublisher(StreamBridge bridge) {
    this.bridge = bridge;
  }

  @Override
  public void synced(DaySynced result) {
    send(result);
  }

  @Override
  public void failed(DaySyncFailed result) {
    send(result);
  }

  private void send(FocusSyncEvent event) {
    if (!bridge.send(BINDING, EventMessages.toMessage(event, SOURCE))) {
      throw new IllegalStateException("Kafka did not take the result for " + event.subject());
    }
  }
}
