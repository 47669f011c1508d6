package io.focussync.allocator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.focussync.contracts.EventCodec;
import io.focussync.contracts.EventTypes;
import io.focussync.contracts.FocusSyncEvent;
import io.focussync.contracts.Topics;
import io.focussync.contracts.dayplans.v1.DayPlanned;
import io.focussync.testsupport.TestEvents;
import io.focussync.testsupport.TestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.cloud.stream.binding.BindingsLifecycleController.State;

/**
 * Changes of a tracker-ingest session apply in their order on the topic, whatever versions the
 * clocks of the replicas that made them gave them; replaying the same records changes nothing.
 */
class SessionOrderIntegrationTest extends AllocatorIntegrationTest {

  static final LocalDate FRIDAY = LocalDate.of(2026, 11, 20);
  static final String SESSIONS = "sessions-in-0";
  static final String SYNC_RESULTS = "syncResults-in-0";
  static final long NOW = Instant.now().toEpochMilli() * 1000;

  /** The version a replica whose clock is seven minutes behind stamps a later change with. */
  static final long SEVEN_MINUTES_BEHIND = NOW - Duration.ofMinutes(7).toNanos() / 1000;

  @Autowired BindingsLifecycleController bindings;

  @AfterEach
  void startConsumers() {
    bindings.changeState(SESSIONS, State.STARTED);
    bindings.changeState(SYNC_RESULTS, State.STARTED);
  }

  @Test
  void aDeleteStampedByASlowerClockAfterThePutDeletesTheSessionAndAReplayChangesNothing() {
    RecordMetadata put =
        sendAcked(session("skew", NOW, "A", "2026-11-20T10:00:00Z", Duration.ofHours(1)));
    awaitPlan(FRIDAY, p -> p.revision() == 1 && p.entries().size() == 1);

    send(deletion("skew", SEVEN_MINUTES_BEHIND));

    awaitPlan(FRIDAY, p -> p.revision() == 2 && p.entries().isEmpty());
    awaitProcessed();
    assertThat(get("/api/v1/days/2026-11-20").get("buckets")).isEmpty();
    assertThat(sessionsOnFriday()).doesNotContain("rest:skew");

    replayFrom(put);
    awaitProcessed();

    assertThat(plansOf(FRIDAY)).extracting(DayPlanned::revision).containsExactly(1L, 2L);
    assertThat(get("/api/v1/days/2026-11-20").get("buckets")).isEmpty();
    assertThat(sessionsOnFriday()).doesNotContain("rest:skew");
  }

  @Test
  void aPutAndALowerVersionedDeleteInOnePollLeaveTheSessionDeleted() {
    bindings.changeState(SESSIONS, State.STOPPED);
    send(session("both", NOW, "A", "2026-11-20T10:00:00Z", Duration.ofHours(1)));
    send(deletion("both", SEVEN_MINUTES_BEHIND));
    bindings.changeState(SESSIONS, State.STARTED);

    awaitProcessed();

    assertThat(plansOf(FRIDAY)).isEmpty();
    assertThat(sessionsOnFriday()).doesNotContain("rest:both");
  }

  @Test
  void aNotionChangeOlderThanTheHeldOneIsIgnoredThoughItComesLater() {
    send(notionSession("n", NOW, "A", "2026-11-20T10:00:00Z", Duration.ofHours(1)));
    awaitPlan(FRIDAY, p -> p.revision() == 1);

    send(notionDeletion("n", NOW - 1));
    awaitProcessed();

    assertThat(plansOf(FRIDAY)).hasSize(1);
    assertThat(sessionsOnFriday()).contains("notion:n");
  }

  private String sessionsOnFriday() {
    return get("/api/v1/sessions?from=2026-11-20&to=2026-11-20").toString();
  }

  /** Sends like {@link #send(FocusSyncEvent)} and returns where the record landed. */
  private static RecordMetadata sendAcked(FocusSyncEvent event) {
    Map<String, Object> config =
        Map.of(
            "bootstrap.servers", TestInfrastructure.get().kafkaBootstrap(),
            "key.serializer", StringSerializer.class.getName(),
            "value.serializer", ByteArraySerializer.class.getName(),
            "acks", "all");
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
      ProducerRecord<String, byte[]> record =
          new ProducerRecord<>(Topics.SESSIONS, event.userId(), EventCodec.toJson(event));
      TestEvents.addHeaders(record.headers(), EventTypes.typeOf(event));
      return producer.send(record).get();
    } catch (Exception e) {
      throw new IllegalStateException("could not send " + event, e);
    }
  }

  /**
   * Moves the consumer group {@code allocator} back to the record on its partition, as a replay of
   * the topic would: both its bindings leave the group (the broker changes the offsets of an empty
   * group only), then come back and read the records again.
   */
  private void replayFrom(RecordMetadata first) {
    bindings.changeState(SESSIONS, State.STOPPED);
    bindings.changeState(SYNC_RESULTS, State.STOPPED);
    TopicPartition partition = new TopicPartition(first.topic(), first.partition());
    try (Admin admin =
        Admin.create(
            Map.<String, Object>of(
                "bootstrap.servers", TestInfrastructure.get().kafkaBootstrap()))) {
      await()
          .atMost(Duration.ofSeconds(60))
          .ignoreExceptions()
          .untilAsserted(
              () ->
                  admin
                      .alterConsumerGroupOffsets(
                          "allocator", Map.of(partition, new OffsetAndMetadata(first.offset())))
                      .all()
                      .get());
      assertThat(
              admin
                  .listConsumerGroupOffsets("allocator")
                  .partitionsToOffsetAndMetadata()
                  .get()
                  .get(partition)
                  .offset())
          .isEqualTo(first.offset());
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException("could not read the group's offsets", e);
    }
    bindings.changeState(SESSIONS, State.STARTED);
    bindings.changeState(SYNC_RESULTS, State.STARTED);
  }
}
