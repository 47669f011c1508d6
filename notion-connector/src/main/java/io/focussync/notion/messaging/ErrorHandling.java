package io.focussync.notion.messaging;

import io.focussync.contracts.EventCodec;
import io.focussync.platform.messaging.ContainerErrorHandling;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The notion-connector's one error-handling setup for its sync-results consumer: {@link
 * ContainerErrorHandling} with the retry settings of {@link MessagingProperties}; an unreadable
 * result is dead-lettered at once, any other failure (the store, the broker or Notion down) is
 * retried until it passes.
 */
@Configuration
public class ErrorHandling {

  @Bean
  ListenerContainerWithDlqAndRetryCustomizer errorHandlingCustomizer(
      StreamBridge bridge, MessagingProperties properties) {
    return ContainerErrorHandling.customizer(
        bridge,
        properties.retryInitial(),
        properties.retryMax(),
        EventCodec.UnreadableEventException.class);
  }
}
