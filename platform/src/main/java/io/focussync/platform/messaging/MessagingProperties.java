package io.focussync.platform.messaging;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of every service's publishing and consuming (the producer itself is configured under
 * {@code spring.kafka.producer}).
 *
 * @param retryInitial the first wait before a failed record or batch is processed again
 * @param retryMax the longest wait between two attempts (failures that are no verdict are retried
 *     for as long as the store or the broker is down; at most a minute)
 * @param sendTimeout how long a send waits for the broker's acknowledgement at the most, a guard
 *     above the producer's own bounds ({@code max.block.ms} + {@code delivery.timeout.ms})
 * @param transactionIdPrefix prefix of the transactional ids of all-or-none sends; empty: the
 *     service's name and a random UUID, unique per process so that instances never fence each other
 * @param topics the topics this service publishes to, created at start if no one has yet (an
 *     existing topic is left as it is)
 * @param partitions partitions of a topic this service creates (its topics and dead-letter topics)
 * @param replicationFactor their replication factor
 */
@ConfigurationProperties("focussync.messaging")
public record MessagingProperties(
    Duration retryInitial,
    Duration retryMax,
    Duration sendTimeout,
    String transactionIdPrefix,
    List<String> topics,
    int partitions,
    short replicationFactor) {

  public MessagingProperties {
    topics = topics == null ? List.of() : List.copyOf(topics);
  }
}
