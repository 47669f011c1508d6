package io.focussync.clockify.messaging;

import io.focussync.clockify.ledger.DayRecord;
import io.focussync.clockify.ledger.ResultPublisher;
import io.focussync.contracts.FocusSyncEvent;
import io.focussync.platform.messaging.BoundOutput;
import io.focussync.platform.messaging.EventMessages;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.stream.binding.BindingService;
import org.springframework.stereotype.Component;

/** Publishes sync results on {@code focussync.sync-results.v1} (binding {@code syncResults}). */
@Component
public class KafkaResultPublisher implements ResultPublisher, DisposableBean {

  static final String BINDING = "syncResults-out-0";
  private static final String SOURCE = "clockify-connector";

  private final BoundOutput output;

  public KafkaResultPublisher(BindingService bindings, BeanFactory beans) {
    this.output = new BoundOutput(bindings, beans, BINDING);
  }

  @Override
  public void publish(DayRecord.PendingResult result) {
    FocusSyncEvent event = result.event();
    if (!output.send(EventMessages.toMessage(event, SOURCE))) {
      throw new IllegalStateException("Kafka did not take the result for " + event.subject());
    }
  }

  @Override
  public void destroy() {
    output.destroy();
  }
}
