package io.focussync.clockify.messaging;

import io.focussync.clockify.ledger.DayRecord;
import io.focussync.clockify.ledger.ResultPublisher;
import io.focussync.contracts.FocusSyncEvent;
import io.focussync.platform.messaging.BoundOutput;
import io.focussync.platform.messaging.EventMessages;
import io.focussync.platform.tracing.RecordTracing;
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
  private final RecordTracing tracing;

  public KafkaResultPublisher(BindingService bindings, BeanFactory beans, RecordTracing tracing) {
    this.output = new BoundOutput(bindings, beans, BINDING);
    this.tracing = tracing;
  }

  /** Sends the result in the trace of the apply that made it (kept in the outbox with it). */
  @Override
  public void publish(DayRecord.PendingResult result) {
    FocusSyncEvent event = result.event();
    tracing.run(
        result.traceparent(),
        "result " + BINDING,
        () -> {
          if (!output.send(EventMessages.toMessage(event, SOURCE))) {
            throw new IllegalStateException("Kafka did not take the result for " + event.subject());
          }
        });
  }

  @Override
  public void destroy() {
    output.destroy();
  }
}
