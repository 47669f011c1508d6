package io.focussync.clockify.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the plans consumer handles failures.
 *
 * @param retryInitial the first wait before a failed batch is processed again
 * @param retryMax the longest wait between two attempts (a failing batch whose plans are readable
 *     is retried for as long as the store or the broker is down)
 */
@ConfigurationProperties("focussync.clockify.messaging")
public record MessagingProperties(Duration retryInitial, Duration retryMax) {

  public MessagingProperties {
    retryInitial = retryInitial == null ? Duration.ofMillis(200) : retryInitial;
    retryMax = retryMax == null ? Duration.ofSeconds(10) : retryMax;
  }
}
