package io.focussync.ingest.messaging;

import java.util.Map;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Two producers on the settings of {@code spring.kafka.producer} (acks=all, idempotent): a shared
 * one for single events, whose concurrent sends Kafka batches together, and a pool of transactional
 * ones for requests of several events, which must be committed all or none.
 */
@Configuration(proxyBeanMethods = false)
class PublisherConfiguration {

  @Bean
  DefaultKafkaProducerFactory<byte[], byte[]> sessionsProducerFactory(KafkaProperties kafka) {
    return new DefaultKafkaProducerFactory<>(kafka.buildProducerProperties());
  }

  @Bean
  DefaultKafkaProducerFactory<byte[], byte[]> sessionsTransactionalProducerFactory(
      KafkaProperties kafka, PublisherProperties properties) {
    Map<String, Object> producer = kafka.buildProducerProperties();
    DefaultKafkaProducerFactory<byte[], byte[]> factory =
        new DefaultKafkaProducerFactory<>(producer);
    factory.setTransactionIdPrefix(properties.transactionIdPrefix());
    return factory;
  }

  @Bean
  KafkaTemplate<byte[], byte[]> sessionsTemplate(
      DefaultKafkaProducerFactory<byte[], byte[]> sessionsProducerFactory) {
    return observed(new KafkaTemplate<>(sessionsProducerFactory));
  }

  @Bean
  KafkaTemplate<byte[], byte[]> sessionsTransactionalTemplate(
      DefaultKafkaProducerFactory<byte[], byte[]> sessionsTransactionalProducerFactory) {
    return observed(new KafkaTemplate<>(sessionsTransactionalProducerFactory));
  }

  /** Each record carries the request's trace context (traceparent) to the consumers. */
  private static KafkaTemplate<byte[], byte[]> observed(KafkaTemplate<byte[], byte[]> template) {
    template.setObservationEnabled(true);
    return template;
  }
}
