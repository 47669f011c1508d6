package io.focussync.notion.client;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the connector talks to Notion.
 *
 * @param requestsPerSecond the per-token budget (Notion allows an average of three)
 * @param maxAttempts attempts per call, the first included
 * @param backoff first wait before retrying a 5xx or I/O failure (doubled per attempt, jittered)
 * @param maxRetryAfter the longest {@code Retry-After} honoured in place; longer ones fail the call
 * @param timeout per request
 */
@ConfigurationProperties("focussync.notion.client")
public record ClientProperties(
    Integer requestsPerSecond,
    Integer maxAttempts,
    Duration backoff,
    Duration maxRetryAfter,
    Duration timeout) {

  public ClientProperties {
    requestsPerSecond = requestsPerSecond == null ? 3 : requestsPerSecond;
    maxAttempts = maxAttempts == null ? 4 : maxAttempts;
    backoff = backoff == null ? Duration.ofMillis(500) : backoff;
    maxRetryAfter = maxRetryAfter == null ? Duration.ofSeconds(60) : maxRetryAfter;
    timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
  }
}
