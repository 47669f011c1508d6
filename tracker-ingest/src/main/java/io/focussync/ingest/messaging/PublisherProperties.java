package io.focussync.ingest.messaging;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Publishing settings of this service's own (the producer and the topic are the platform's: {@code
 * spring.kafka.producer}, {@code focussync.messaging}).
 *
 * @param retryAfter the Retry-After of a 503 when Kafka did not acknowledge
 */
@ConfigurationProperties("focussync.ingest.publisher")
public record PublisherProperties(Duration retryAfter) {

  public PublisherProperties {
    Objects.requireNonNull(retryAfter, "focussync.ingest.publisher.retry-after is required");
  }
}
