package io.focussync.clockify.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.focussync.clockify.IntegrationTestBase;
import io.focussync.clockify.ledger.DayStore;
import io.focussync.contracts.Topics;
import io.focussync.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;

/** Issue test 2: replaying the plans topic from offset 0 makes no new Clockify writes. */
class ReplayTest extends IntegrationTestBase {

  private static final String BINDING = "dayPlans-in-0";
  private static final String GROUP = "clockify-connector";

  @Autowired BindingsLifecycleController bindings;
  private static final Set<Integer> ALL_PARTITIONS =
      IntStream.range(0, 64).boxed().collect(Collectors.toSet());

  @Autowired DayStore days;
  @Autowired MeterRegistry meters;

  @Test
  void replayingThePlansTopicFromTheStartWritesNothingNew() throws Exception {
    String user = unique("replay");
    String workspace = connect(user);
    publish(plan(user, 1, entry("project:a", "pa", "09:00", "12:00")));
    publish(
        plan(
            user,
            2,
            entry("project:a", "pa", "09:00", "13:00"),
            entry("project:b", "pb", "13:00", "17:00")));
    awaitSynced(user, 2);
    long ownWrites = entryWrites(workspace);
    // Every other test's days have settled too, so any write from now on would be the replay's.
    await().atMost(Duration.ofSeconds(30)).until(() -> days.unfinished(ALL_PARTITIONS).isEmpty());
    long writesBefore = CLOCKIFY.requests(r -> r.isEntryWrite()).size();
    double staleBefore = stalePlans();

    try (Admin admin =
        Admin.create(Map.of("bootstrap.servers", TestInfrastructure.get().kafkaBootstrap()))) {
      bindings.stop(BINDING);
      Map<TopicPartition, OffsetAndMetadata> toStart = new HashMap<>();
      admin
          .describeTopics(java.util.List.of(Topics.DAY_PLANS))
          .allTopicNames()
          .get()
          .get(Topics.DAY_PLANS)
          .partitions()
          .forEach(
              p ->
                  toStart.put(
                      new TopicPartition(Topics.DAY_PLANS, p.partition()),
                      new OffsetAndMetadata(0)));
      await()
          .atMost(Duration.ofSeconds(30))
          .ignoreExceptions()
          .until(
              () -> {
                admin.alterConsumerGroupOffsets(GROUP, toStart).all().get();
                return true;
              });
      bindings.start(BINDING);

      Map<TopicPartition, Long> ends =
          admin
              .listOffsets(
                  toStart.keySet().stream()
                      .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
              .all()
              .get()
              .entrySet()
              .stream()
              .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
                return ends.entrySet().stream()
                    .allMatch(
                        end ->
                            committed.get(end.getKey()) != null
                                && committed.get(end.getKey()).offset() >= end.getValue());
              });
    } finally {
      bindings.start(BINDING);
    }

    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> assertThat(CLOCKIFY.requests(r -> r.isEntryWrite())).hasSize((int) writesBefore));
    assertThat(entryWrites(workspace)).isEqualTo(ownWrites);
    // The replay really re-read the topic: at least this test's two plans came again as stale.
    assertThat(stalePlans() - staleBefore).isGreaterThanOrEqualTo(2);
    assertThat(CLOCKIFY.entries(workspace)).hasSize(2);
  }

  private double stalePlans() {
    var counter = meters.find("focussync.clockify.plans").tag("outcome", "stale").counter();
    return counter == null ? 0 : counter.count();
  }
}
