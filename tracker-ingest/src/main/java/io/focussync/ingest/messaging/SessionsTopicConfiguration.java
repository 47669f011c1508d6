package io.focussync.ingest.messaging;

import io.focussync.contracts.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** Creates the sessions topic if no one has yet (an existing topic is left as it is). */
@Configuration(proxyBeanMethods = false)
class SessionsTopicConfiguration {

  @Bean
  NewTopic sessionsTopic(PublisherProperties properties) {
    return TopicBuilder.name(Topics.SESSIONS)
        .partitions(properties.partitions())
        .replicas(properties.replicationFactor())
        .build();
  }
}
