package io.focussync.platform.config;

import com.mongodb.client.MongoClient;
import io.focussync.platform.auth.CurrentUserArgumentResolver;
import io.focussync.platform.auth.InternalAuthFilter;
import io.focussync.platform.auth.InternalAuthProperties;
import io.focussync.platform.auth.InternalIdentity;
import io.focussync.platform.crypto.SecretCipher;
import io.focussync.platform.crypto.SecretField;
import io.focussync.platform.crypto.SecretProperties;
import io.focussync.platform.crypto.SecretRotation;
import io.focussync.platform.messaging.ContainerErrorHandling;
import io.focussync.platform.messaging.EventPublisher;
import io.focussync.platform.messaging.MessagingProperties;
import io.focussync.platform.tracing.RecordTracing;
import io.focussync.platform.web.ContentTypeFilter;
import io.focussync.platform.web.ProblemBodyFilter;
import io.focussync.platform.web.ProblemDetailsAdvice;
import io.focussync.platform.web.ProblemErrorController;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Wires the platform's shared pieces into every service that has it on the classpath. */
@AutoConfiguration(
    afterName = "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
    // its ErrorController must be known before Boot's error handling decides on its own
    beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@EnableConfigurationProperties({InternalAuthProperties.class, SecretProperties.class})
public class PlatformAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Trace contexts of batch records and of work deferred in data (a no-op with tracing off). */
  @Bean
  @ConditionalOnMissingBean
  RecordTracing recordTracing(
      ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
    return new RecordTracing(
        tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
  }

  @Bean
  @ConditionalOnMissingBean
  InternalIdentity internalIdentity(InternalAuthProperties properties, Clock clock) {
    return new InternalIdentity(properties.key(), clock);
  }

  @Bean
  @ConditionalOnProperty(
      name = "focussync.internal-auth.enforced",
      havingValue = "true",
      matchIfMissing = true)
  FilterRegistrationBean<InternalAuthFilter> internalAuthFilter(
      InternalIdentity identity, InternalAuthProperties properties) {
    FilterRegistrationBean<InternalAuthFilter> registration =
        new FilterRegistrationBean<>(new InternalAuthFilter(identity, properties));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  /**
   * A Content-Type that is no concrete media type is the client's 415 at the door: before anything
   * that reads the request's headers through Spring (the gateway's CORS filter does), only after
   * the gateway's security headers.
   */
  @Bean
  FilterRegistrationBean<ContentTypeFilter> contentTypeFilter() {
    FilterRegistrationBean<ContentTypeFilter> registration =
        new FilterRegistrationBean<>(new ContentTypeFilter());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return registration;
  }

  /** An error answered without a body (a framework's bare 404 or 406) gets its problem body. */
  @Bean
  FilterRegistrationBean<ProblemBodyFilter> problemBodyFilter() {
    FilterRegistrationBean<ProblemBodyFilter> registration =
        new FilterRegistrationBean<>(new ProblemBodyFilter());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 6);
    return registration;
  }

  @Bean
  WebMvcConfigurer currentUserResolver() {
    return new WebMvcConfigurer() {
      @Override
      public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentUserArgumentResolver());
      }
    };
  }

  @Bean
  @ConditionalOnMissingBean
  ProblemDetailsAdvice problemDetailsAdvice() {
    return new ProblemDetailsAdvice();
  }

  /** Container-level errors ({@code /error}) as problem+json instead of Boot's error JSON. */
  @Bean
  @ConditionalOnMissingBean(ErrorController.class)
  ProblemErrorController problemErrorController() {
    return new ProblemErrorController();
  }

  /**
   * What Tomcat rejects before any application code runs (an unparseable request line, URI or
   * header) as problem+json: the host's error report valve is the platform's, in place of Tomcat's
   * HTML one (and of the one Boot adds).
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
  static class TomcatErrorReport {

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemErrorReportValve() {
      return new ProblemErrorReportValveCustomizer();
    }
  }

  @Bean
  @ConditionalOnExpression("!'${focussync.secrets.key:}'.isEmpty()")
  @ConditionalOnMissingBean
  SecretCipher secretCipher(SecretProperties properties) {
    return new SecretCipher(properties.key(), properties.previousKeys());
  }

  /** At start, the stored secrets a service declares are re-encrypted under the current key. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(MongoClient.class)
  static class SecretRotationAtStart {

    @Bean
    @ConditionalOnBean({SecretCipher.class, SecretField.class})
    ApplicationRunner secretRotation(SecretCipher cipher, List<SecretField> fields) {
      return arguments -> new SecretRotation(cipher, fields).run();
    }
  }

  /** MongoDB health that works on real MongoDB and on the wire-protocol server alike. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(MongoClient.class)
  @ConditionalOnBean(MongoClient.class)
  static class MongoHealth {

    @Bean
    HealthIndicator mongoHealthIndicator(MongoClient client) {
      return new MongoPingHealthIndicator(client);
    }
  }

  /**
   * The one way every service with Kafka publishes ({@link EventPublisher}) and handles the
   * failures of its consumers ({@link ContainerErrorHandling}), with {@link MessagingProperties}.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(KafkaTemplate.class)
  @EnableConfigurationProperties({MessagingProperties.class, KafkaProperties.class})
  static class Messaging {

    /**
     * Two producers on the settings of {@code spring.kafka.producer}: a shared one for single
     * events, whose concurrent sends Kafka batches together, and a pool of transactional ones for
     * all-or-none sends. Their sends are observed, so that a tracer (when there is one) puts the
     * trace context in the records' headers, and each producer's client metrics ({@code
     * kafka.producer.*}) are bound to the meter registry.
     */
    @Bean(destroyMethod = "close")
    EventPublisher eventPublisher(
        KafkaProperties kafka,
        MessagingProperties messaging,
        Environment environment,
        ObjectProvider<ObservationRegistry> observations,
        ObjectProvider<MeterRegistry> meters) {
      String source = environment.getProperty("spring.application.name", "focussync");
      ObservationRegistry observation = observations.getIfUnique(() -> ObservationRegistry.NOOP);
      Map<String, Object> producer = kafka.buildProducerProperties();
      MeterRegistry registry = meters.getIfUnique();
      DefaultKafkaProducerFactory<byte[], byte[]> singleFactory = factory(producer, registry);
      DefaultKafkaProducerFactory<byte[], byte[]> transactionalFactory =
          factory(producer, registry);
      String prefix = messaging.transactionIdPrefix();
      transactionalFactory.setTransactionIdPrefix(
          prefix == null || prefix.isBlank() ? source + "-" + UUID.randomUUID() + "-" : prefix);
      return new EventPublisher(
          template(singleFactory, observation),
          template(transactionalFactory, observation),
          source,
          messaging.sendTimeout());
    }

    private static DefaultKafkaProducerFactory<byte[], byte[]> factory(
        Map<String, Object> producer, MeterRegistry meters) {
      DefaultKafkaProducerFactory<byte[], byte[]> factory =
          new DefaultKafkaProducerFactory<>(
              producer, new ByteArraySerializer(), new ByteArraySerializer());
      if (meters != null) {
        factory.addListener(new MicrometerProducerListener<>(meters));
      }
      return factory;
    }

    private static KafkaTemplate<byte[], byte[]> template(
        DefaultKafkaProducerFactory<byte[], byte[]> factory, ObservationRegistry observation) {
      KafkaTemplate<byte[], byte[]> template = new KafkaTemplate<>(factory);
      template.setObservationEnabled(true);
      template.setObservationRegistry(observation);
      return template;
    }

    /** The topics the service publishes to, created at start if no one has yet. */
    @Bean
    KafkaAdmin.NewTopics publishedTopics(MessagingProperties messaging) {
      return new KafkaAdmin.NewTopics(
          messaging.topics().stream()
              .map(
                  topic ->
                      TopicBuilder.name(topic)
                          .partitions(messaging.partitions())
                          .replicas(messaging.replicationFactor())
                          .build())
              .toArray(org.apache.kafka.clients.admin.NewTopic[]::new));
    }

    /** The error handling of every consumer binding of Spring Cloud Stream's Kafka binder. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ListenerContainerWithDlqAndRetryCustomizer.class)
    static class ConsumerErrors {

      @Bean
      ListenerContainerWithDlqAndRetryCustomizer errorHandlingCustomizer(
          EventPublisher publisher,
          ObjectProvider<KafkaAdmin> admin,
          MessagingProperties messaging) {
        Consumer<String> topicCreator =
            topic ->
                admin
                    .getObject()
                    .createOrModifyTopics(
                        TopicBuilder.name(topic)
                            .partitions(messaging.partitions())
                            .replicas(messaging.replicationFactor())
                            .build());
        return ContainerErrorHandling.customizer(
            publisher, topicCreator, messaging.retryInitial(), messaging.retryMax());
      }
    }
  }
}
