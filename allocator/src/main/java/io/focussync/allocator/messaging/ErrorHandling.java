package io.focussync.allocator.messaging;

import io.focussync.platform.messaging.ContainerErrorHandling;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The allocator's one error-handling setup, for both (batch) consumers: {@link
 * ContainerErrorHandling} with the retry settings of {@link MessagingProperties}; a {@link
 * PoisonMessageException} is dead-lettered at once, any other failure retried until it passes.
 */
@Configuration
public class ErrorHandling {

  @Bean
  ListenerContainerWithDlqAndRetryCustomizer errorHandlingCustomizer(
      StreamBridge bridge, MessagingProperties properties) {
    return ContainerErrorHandling.customizer(
        bridge, properties.retryInitial(), properties.retryMax(), PoisonMessageException.class);
  }
}
