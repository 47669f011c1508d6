package io.focussync.notion.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the sync-results consumer handles failures.
 *
 * @param retryInitial the first wait before a failed result is processed again
 * @param retryMax the longest wait between two attempts (failures that are not an unreadable record
 *     are retried for as long as the store, the broker or Notion is down)
 */
@ConfigurationProperties("focussync.notion.messaging")
public record MessagingProperties(Duration retryInitial, Duration retryMax) {

  public MessagingProperties {
    retryInitial = retryInitial == null ? Duration.ofMillis(200) : retryInitial;
    retryMax = retryMax == null ? Duration.ofSeconds(10) : retryMax;
  }
}
