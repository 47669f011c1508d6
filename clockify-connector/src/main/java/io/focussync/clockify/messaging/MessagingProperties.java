package io.focussync.clockify.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the plans consumer handles failures.
 *
 * @param retryInitial the first wait before a failed batch is processed again
 * @param retryMax the longest wait between two attempts
 * @param retryFor how long a failing batch is retried before its plans go to the dead-letter topic;
 *     long enough to ride out a restart of the store
 */
@ConfigurationProperties("focussync.clockify.messaging")
public record MessagingProperties(Duration retryInitial, Duration retryMax, Duration retryFor) {

  public MessagingProperties {
    retryInitial = retryInitial == null ? Duration.ofMillis(200) : retryInitial;
    retryMax = retryMax == null ? Duration.ofSeconds(10) : retryMax;
    retryFor = retryFor == null ? Duration.ofMinutes(5) : retryFor;
  }
}
