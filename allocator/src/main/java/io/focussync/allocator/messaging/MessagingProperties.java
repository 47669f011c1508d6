package io.focussync.allocator.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the allocator's consumers and plan emission.
 *
 * @param retryInitial the first wait before a failed record or batch is processed again
 * @param retryMax the longest wait between two attempts
 * @param retryFor how long a failing record is retried before it goes to the dead-letter topic;
 *     long enough to ride out a restart of the broker or the store
 * @param publishThreads how many plans of one batch are sent to the broker at once
 */
@ConfigurationProperties("focussync.allocator.messaging")
public record MessagingProperties(
    Duration retryInitial, Duration retryMax, Duration retryFor, int publishThreads) {

  public MessagingProperties {
    retryInitial = retryInitial == null ? Duration.ofMillis(200) : retryInitial;
    retryMax = retryMax == null ? Duration.ofSeconds(10) : retryMax;
    retryFor = retryFor == null ? Duration.ofMinutes(5) : retryFor;
    publishThreads = publishThreads <= 0 ? 64 : publishThreads;
  }
}
