package io.focussync.notion.messaging;

import io.focussync.contracts.FocusSyncEvent;
import io.focussync.contracts.sessions.v1.SessionDeleted;
import io.focussync.contracts.sessions.v1.SessionRecorded;
import io.focussync.notion.sync.SessionEventSink;
import io.focussync.platform.messaging.BoundOutput;
import io.focussync.platform.messaging.EventMessages;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.stream.binding.BindingService;
import org.springframework.stereotype.Component;

/** Publishes session events to {@code focussync.sessions.v1}, waiting for the broker's ack. */
@Component
public class SessionPublisher implements SessionEventSink, DisposableBean {

  static final String BINDING = "sessions-out-0";
  static final String SOURCE = "notion-connector";

  private final BoundOutput output;

  public SessionPublisher(BindingService bindings, BeanFactory beans) {
    this.output = new BoundOutput(bindings, beans, BINDING);
  }

  @Override
  public void recorded(SessionRecorded event) {
    publish(event);
  }

  @Override
  public void deleted(SessionDeleted event) {
    publish(event);
  }

  private void publish(FocusSyncEvent event) {
    if (!output.send(EventMessages.toMessage(event, SOURCE))) {
      throw new IllegalStateException("the session event was not published");
    }
  }

  @Override
  public void destroy() {
    output.destroy();
  }
}
