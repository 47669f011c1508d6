package io.focussync.notion.messaging;

import io.focussync.contracts.FocusSyncEvent;
import io.focussync.contracts.syncresults.v1.DaySynced;
import io.focussync.notion.writeback.WriteBackService;
import io.focussync.platform.messaging.EventMessages;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Consumes {@code focussync.sync-results.v1} (group {@code notion-connector}): a DaySynced marks
 * its Notion pages synced; other results are not ours to act on. Failures are handled by the
 * platform's {@code ContainerErrorHandling}: an unreadable result is dead-lettered at once, any
 * other failure (the store, the broker or Notion down) is retried until it passes.
 */
@Configuration(proxyBeanMethods = false)
public class SyncResultsConsumer {

  @Bean
  Consumer<Message<byte[]>> syncResults(WriteBackService writeBack) {
    return message -> {
      FocusSyncEvent event = EventMessages.fromMessage(message);
      if (event instanceof DaySynced synced) {
        writeBack.apply(synced);
      }
    };
  }
}
