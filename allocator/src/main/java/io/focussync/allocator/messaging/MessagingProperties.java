package io.focussync.allocator.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the allocator's consumers and plan emission.
 *
 * @param retryInitial the first wait before a failed record or batch is processed again
 * @param retryMax the longest wait between two attempts (failures that are not poison are retried
 *     for as long as the store or the broker is down)
 * @param publishThreads how many plans of one batch are sent to the broker at once
 */
@ConfigurationProperties("focussync.allocator.messaging")
public record MessagingProperties(Duration retryInitial, Duration retryMax, int publishThreads) {

  public MessagingProperties {
    retryInitial = retryInitial == null ? Duration.ofMillis(200) : retryInitial;
    retryMax = retryMax == null ? Duration.ofSeconds(10) : retryMax;
    publishThreads = publishThreads <= 0 ? 64 : publishThreads;
  }
}
