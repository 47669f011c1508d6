package io.focussync.ingest.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Publishing settings (the producer itself is configured under {@code spring.kafka.producer}).
 *
 * @param retryAfter the Retry-After of a 503 when Kafka did not acknowledge
 * @param partitions partitions of the sessions topic when this service creates it
 * @param replicationFactor its replication factor
 * @param transactionIdPrefix prefix of the transactional ids, unique per process by default so that
 *     instances never fence each other
 */
@ConfigurationProperties("focussync.ingest.publisher")
public record PublisherProperties(
    Duration retryAfter, int partitions, short replicationFactor, String transactionIdPrefix) {

  public PublisherProperties {
    transactionIdPrefix =
        transactionIdPrefix == null || transactionIdPrefix.isBlank()
            ? "tracker-ingest-" + java.util.UUID.randomUUID() + "-"
            : transactionIdPrefix;
    retryAfter = retryAfter == null ? Duration.ofSeconds(5) : retryAfter;
    partitions = partitions <= 0 ? 4 : partitions;
    replicationFactor = replicationFactor <= 0 ? 1 : replicationFactor;
  }
}
