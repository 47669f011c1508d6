package io.focussync.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.focussync.contracts.CloudEventHeaders;
import io.focussync.contracts.EventTypes;
import io.focussync.contracts.sessions.v1.SessionDeleted;
import io.focussync.platform.config.PlatformAutoConfiguration;
import io.focussync.testsupport.TestEvents;
import io.focussync.testsupport.TestInfrastructure;
import io.focussync.testsupport.TestTopics;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.support.micrometer.KafkaRecordSenderContext;

/** The platform's publisher, as the auto-configuration builds it, on the test broker. */
class EventPublisherTest {

  private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

  private final List<Observation.Context> observed = new CopyOnWriteArrayList<>();

  private final ApplicationContextRunner services =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(PlatformAutoConfiguration.class))
          .withBean(ObservationRegistry.class, this::registry)
          .withPropertyValues(
              "spring.application.name=platform-test",
              "focussync.internal-auth.key=" + TestInfrastructure.INTERNAL_AUTH_KEY,
              "spring.kafka.bootstrap-servers=" + TestInfrastructure.get().kafkaBootstrap(),
              "spring.kafka.producer.acks=all",
              "spring.kafka.producer.properties.enable.idempotence=true",
              "focussync.messaging.retry-initial=200ms",
              "focussync.messaging.retry-max=10s",
              "focussync.messaging.send-timeout=20s",
              "focussync.messaging.partitions=4",
              "focussync.messaging.replication-factor=1");

  private ObservationRegistry registry() {
    ObservationRegistry registry = ObservationRegistry.create();
    registry
        .observationConfig()
        .observationHandler(
            new ObservationHandler<>() {
              @Override
              public void onStart(Observation.Context context) {
                observed.add(context);
              }

              @Override
              public boolean supportsContext(Observation.Context context) {
                return true;
              }
            });
    return registry;
  }

  @Test
  void anEventIsOneAcknowledgedRecordKeyedByItsUserWithItsCloudEventsHeadersAndObserved() {
    String topic = "publisher-test-" + UUID.randomUUID();
    SessionDeleted event = new SessionDeleted("u-" + UUID.randomUUID(), "rest:1", "rest", 1, AT);

    services.run(context -> context.getBean(EventPublisher.class).publish(topic, event));

    List<ConsumerRecord<String, byte[]>> records =
        TestTopics.readAll(topic, record -> true, Duration.ofSeconds(1));
    assertThat(records)
        .singleElement()
        .satisfies(
            record -> {
              assertThat(record.key()).isEqualTo(event.userId());
              assertThat(TestEvents.read(record)).isEqualTo(event);
              assertThat(TestTopics.header(record, CloudEventHeaders.TYPE))
                  .isEqualTo(EventTypes.SESSION_DELETED);
              assertThat(TestTopics.header(record, CloudEventHeaders.SOURCE))
                  .isEqualTo("/focussync/platform-test");
            });
    // the send is observed: with a tracer, its context goes into the record's headers
    assertThat(observed).hasAtLeastOneElementOfType(KafkaRecordSenderContext.class);
  }

  @Test
  void eventsSentAllOrNoneAreCommittedTogetherAndEventsSentEachAreAllAcknowledged() {
    String topic = "publisher-test-" + UUID.randomUUID();
    String user = "u-" + UUID.randomUUID();
    List<SessionDeleted> events =
        List.of(
            new SessionDeleted(user, "rest:1", "rest", 1, AT),
            new SessionDeleted(user, "rest:2", "rest", 2, AT),
            new SessionDeleted(user, "rest:3", "rest", 3, AT));

    services.run(
        context -> {
          EventPublisher publisher = context.getBean(EventPublisher.class);
          publisher.publishAtomically(topic, events);
          publisher.publishEach(topic, events);
        });

    // the consumer reads committed records only
    assertThat(TestTopics.readAll(topic, record -> true, Duration.ofSeconds(1)))
        .extracting(TestEvents::read)
        .containsExactlyElementsOf(
            List.of(
                events.get(0),
                events.get(1),
                events.get(2),
                events.get(0),
                events.get(1),
                events.get(2)));
  }

  @Test
  void aBrokerThatIsNotThereIsNotAcknowledged() {
    services
        .withPropertyValues(
            "spring.kafka.bootstrap-servers=127.0.0.1:1",
            "spring.kafka.producer.properties.max.block.ms=500",
            "focussync.messaging.send-timeout=2s")
        .run(
            context ->
                assertThatThrownBy(
                        () ->
                            context
                                .getBean(EventPublisher.class)
                                .publish(
                                    "nowhere", new SessionDeleted("u", "rest:1", "rest", 1, AT)))
                    .isInstanceOf(EventPublisher.NotAcknowledgedException.class));
  }
}
