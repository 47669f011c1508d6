package io.focussync.notion.client;

import java.time.Duration;
import java.util.Objects;
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
    Objects.requireNonNull(
        requestsPerSecond, "focussync.notion.client.requests-per-second is required");
    Objects.requireNonNull(maxAttempts, "focussync.notion.client.max-attempts is required");
    Objects.requireNonNull(backoff, "focussync.notion.client.backoff is required");
    Objects.requireNonNull(maxRetryAfter, "focussync.notion.client.max-retry-after is required");
    Objects.requireNonNull(timeout, "focussync.notion.client.timeout is required");
  }
}
