package io.focussync.clockify.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.focussync.clockify.IntegrationTestBase;
import io.focussync.clockify.simulator.SimEntry;
import io.focussync.contracts.CloudEventHeaders;
import io.focussync.contracts.EventCodec;
import io.focussync.contracts.EventTypes;
import io.focussync.contracts.Topics;
import io.focussync.contracts.dayplans.v1.DayPlanned;
import io.focussync.contracts.syncresults.v1.DaySynced;
import io.focussync.platform.messaging.UnprocessableRecordException;
import io.focussync.testsupport.TestEvents;
import io.focussync.testsupport.TestInfrastructure;
import io.focussync.testsupport.TestTopics;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;

/**
 * The batch consumer: the plans binding is stopped while plans pile up, so that they arrive in one
 * poll when it starts again.
 */
class BatchIntakeTest extends IntegrationTestBase {

  private static final String BINDING = "dayPlans-in-0";
  private static final String DLQ = Topics.DAY_PLANS + ".clockify-connector.dlq";

  @Autowired BindingsLifecycleController bindings;
  @Autowired MeterRegistry meters;

  @AfterEach
  void startConsumer() {
    bindings.start(BINDING);
  }

  @Test
  void aPollOfManyPlansForSeveralDaysAppliesEachDayOnceWithItsNewestRevision() {
    String user = unique("batch");
    String workspace = connect(user);
    List<LocalDate> dates = List.of(DAY, DAY.minusDays(1), DAY.minusDays(2));
    double acceptedBefore = plans("accepted");
    double staleBefore = plans("stale");

    bindings.stop(BINDING);
    for (int revision = 1; revision <= 5; revision++) {
      for (LocalDate date : dates) {
        String end = (10 + revision) + ":00";
        publish(
            plan(
                user,
                date,
                revision,
                entry(date, "project:a", "pa", "09:00", end),
                entry(date, "project:b", "pb", end, "17:00")));
      }
    }
    bindings.start(BINDING);

    for (LocalDate date : dates) {
      awaitSynced(user, date, 5);
    }
    // One poll: per day only revision 5 was stored; the older ones were stale within the poll.
    assertThat(plans("accepted") - acceptedBefore).isEqualTo(3);
    assertThat(plans("stale") - staleBefore).isEqualTo(12);
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(entryWrites(workspace)).isEqualTo(6));
    assertThat(creates(workspace)).isEqualTo(6);
    for (LocalDate date : dates) {
      assertThat(CLOCKIFY.entries(workspace))
          .filteredOn(e -> e.start().startsWith(date.toString()))
          .extracting(SimEntry::projectId, SimEntry::end)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("pa", date + "T15:00:00Z"),
              org.assertj.core.groups.Tuple.tuple("pb", date + "T17:00:00Z"));
    }
    assertThat(results(user)).hasSize(3).allMatch(e -> ((DaySynced) e).revision() == 5);
  }

  @Test
  void invalidAndUnreadablePlansInsideABatchAreDeadLetteredAtOnceAndTheOthersAccepted() {
    String user = unique("poison");
    String workspace = connect(user);
    DayPlanned first = plan(user, DAY, 1, entry("project:a", "pa", "09:00", "12:00"));
    DayPlanned invalid =
        plan(
            user,
            DAY.minusDays(1),
            1,
            entry(DAY.minusDays(1), "project:a", "pa", "12:00", "09:00"));
    DayPlanned second =
        plan(
            user,
            DAY.minusDays(2),
            1,
            entry(DAY.minusDays(2), "project:b", "pb", "09:00", "12:00"));
    DayPlanned third =
        plan(
            user,
            DAY.minusDays(3),
            1,
            entry(DAY.minusDays(3), "project:c", "pc", "09:00", "12:00"));

    bindings.stop(BINDING);
    publish(first);
    publish(invalid);
    publish(second);
    TestTopics.send(
        Topics.DAY_PLANS,
        user,
        "{broken".getBytes(StandardCharsets.UTF_8),
        TestEvents.headers(EventTypes.DAY_PLANNED));
    publish(third);
    bindings.start(BINDING);

    awaitSynced(user, DAY, 1);
    awaitSynced(user, DAY.minusDays(2), 1);
    awaitSynced(user, DAY.minusDays(3), 1);
    // Retrying would take the 5 minutes of retry-for: these come at once.
    List<ConsumerRecord<String, byte[]>> dead =
        await()
            .atMost(Duration.ofSeconds(30))
            .ignoreExceptions()
            .until(() -> deadLetters(user), records -> records.size() == 2);

    assertThat(EventCodec.fromJson(DayPlanned.class, dead.get(0).value()).date())
        .isEqualTo(invalid.date());
    assertThat(TestTopics.header(dead.get(0), "x-exception-message"))
        .isEqualTo("entry project:a needs a start before its end");
    assertThat(TestTopics.header(dead.get(0), "x-exception-fqcn"))
        .isEqualTo(UnprocessableRecordException.class.getName());
    assertThat(TestTopics.header(dead.get(0), "x-original-topic")).isEqualTo(Topics.DAY_PLANS);
    assertThat(TestTopics.header(dead.get(0), CloudEventHeaders.TYPE))
        .isEqualTo(EventTypes.DAY_PLANNED);
    assertThat(new String(dead.get(1).value(), StandardCharsets.UTF_8)).isEqualTo("{broken");
    assertThat(TestTopics.header(dead.get(1), "x-exception-fqcn"))
        .isEqualTo(EventCodec.UnreadableEventException.class.getName());
    assertThat(Long.parseLong(TestTopics.header(dead.get(1), "x-original-offset")))
        .isGreaterThan(Long.parseLong(TestTopics.header(dead.get(0), "x-original-offset")));
    assertThat(CLOCKIFY.entries(workspace))
        .extracting(SimEntry::projectId)
        .containsExactlyInAnyOrder("pa", "pb", "pc");
    assertThat(results(user)).noneMatch(e -> e.subject().endsWith(invalid.date().toString()));
  }

  private static DaySynced awaitSynced(String user, LocalDate date, long revision) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                results(user).stream()
                    .filter(
                        e ->
                            e instanceof DaySynced synced
                                && synced.date().equals(date)
                                && synced.revision() == revision)
                    .map(DaySynced.class::cast)
                    .findFirst()
                    .orElse(null),
            found -> found != null);
  }

  private double plans(String outcome) {
    var counter = meters.find("focussync.clockify.plans").tag("outcome", outcome).counter();
    return counter == null ? 0 : counter.count();
  }

  /** The user's records on the dead-letter topic, in offset order (one partition per user). */
  private static List<ConsumerRecord<String, byte[]>> deadLetters(String user) {
    Properties props = new Properties();
    props.put("bootstrap.servers", TestInfrastructure.get().kafkaBootstrap());
    props.put("key.deserializer", StringDeserializer.class.getName());
    props.put("value.deserializer", ByteArrayDeserializer.class.getName());
    props.put("allow.auto.create.topics", "false");
    List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(DLQ, Duration.ofSeconds(5)).stream()
              .map(p -> new TopicPartition(DLQ, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      Instant deadline = Instant.now().plusSeconds(10);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
          && Instant.now().isBefore(deadline)) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (user.equals(record.key())) {
            found.add(record);
          }
        }
      }
    }
    return found;
  }
}
