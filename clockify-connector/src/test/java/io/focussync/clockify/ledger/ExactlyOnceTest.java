package io.focussync.clockify.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.focussync.clockify.IntegrationTestBase;
import io.focussync.clockify.reconcile.SlotState;
import io.focussync.clockify.simulator.SimEntry;
import io.focussync.clockify.simulator.SimFault;
import io.focussync.contracts.EventCodec;
import io.focussync.contracts.EventTypes;
import io.focussync.contracts.Topics;
import io.focussync.contracts.dayplans.v1.DayPlanned;
import io.focussync.contracts.syncresults.v1.DaySynced;
import io.focussync.testsupport.TestEvents;
import io.focussync.testsupport.TestInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Duplicates, a create whose answer was lost, coalescing. */
class ExactlyOnceTest extends IntegrationTestBase {

  @Autowired DayStore days;

  @Test
  void samePlanDeliveredTwiceGivesOneSetOfEntries() {
    String user = unique("twice");
    String workspace = connect(user);
    DayPlanned plan =
        plan(
            user,
            1,
            entry("project:a", "pa", "08:00", "12:48"),
            entry("other", null, "12:48", "14:24"));

    publish(plan);
    publish(plan);
    DaySynced synced = awaitSynced(user, 1);

    assertThat(synced.created()).isEqualTo(2);
    assertThat(synced.entries())
        .extracting(e -> e.slot())
        .containsExactlyInAnyOrder("project:a", "other");
    assertThat(synced.entries().get(0).entryUrl()).contains("/tracker?entry=");
    assertThat(synced.entries().get(0).sessionIds()).hasSize(2);
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(CLOCKIFY.entries(workspace)).hasSize(2));
    assertThat(creates(workspace)).isEqualTo(2);
    assertThat(results(user)).hasSize(1);
  }

  @Test
  void aCreateWhoseAnswerWasLostIsAdoptedAfterTheConsistencyWindowNotDuplicated() {
    String user = unique("lost-answer");
    String workspace = connect(user);
    CLOCKIFY.fail(
        "POST",
        "/v1/workspaces/" + workspace + "/time-entries",
        1,
        SimFault.connectionReset().thenApplied());

    publish(plan(user, 1, entry("project:a", "pa", "09:00", "17:00")));

    DaySynced synced = awaitSynced(user, 1);
    SimEntry only = CLOCKIFY.entries(workspace).get(0);
    assertThat(CLOCKIFY.entries(workspace)).hasSize(1);
    assertThat(creates(workspace)).isEqualTo(1);
    assertThat(synced.entries().get(0).clockifyEntryId()).isEqualTo(only.id());
    assertThat(days.find(user, DAY).orElseThrow().ledger(workspace))
        .singleElement()
        .satisfies(
            slot -> {
              assertThat(slot.state()).isEqualTo(SlotState.SYNCED);
              assertThat(slot.entryId()).isEqualTo(only.id());
            });
  }

  @Test
  void revisionsArrivingWhileClockifyIsSlowAreCoalescedIntoTheNewest() {
    String user = unique("coalesce");
    String workspace = connect(user);
    CLOCKIFY.setLatency(250);
    try {
      // Keep the workspace's lane busy with another day, so revisions 1-3 all wait behind it.
      publish(
          plan(
              user,
              DAY.minusDays(1),
              1,
              entry(DAY.minusDays(1), "project:x", "px", "09:00", "10:00"),
              entry(DAY.minusDays(1), "project:y", "py", "10:00", "11:00"),
              entry(DAY.minusDays(1), "project:z", "pz", "11:00", "12:00")));
      await().atMost(Duration.ofSeconds(5)).until(() -> creates(workspace) >= 1);
      publish(
          plan(
              user,
              1,
              entry("project:a", "pa", "09:00", "13:00"),
              entry("project:b", "pb", "13:00", "17:00")));
      publish(
          plan(
              user,
              2,
              entry("project:a", "pa", "09:00", "14:00"),
              entry("project:b", "pb", "14:00", "17:00")));
      publish(
          plan(
              user,
              3,
              entry("project:a", "pa", "09:00", "15:00"),
              entry("project:b", "pb", "15:00", "16:00"),
              entry("project:c", "pc", "16:00", "17:00")));

      DaySynced synced = awaitSynced(user, 3);

      List<SimEntry> day =
          CLOCKIFY.entries(workspace).stream()
              .filter(e -> e.start().startsWith(DAY.toString()))
              .toList();
      assertThat(day)
          .extracting(SimEntry::projectId, SimEntry::start, SimEntry::end)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("pa", DAY + "T09:00:00Z", DAY + "T15:00:00Z"),
              org.assertj.core.groups.Tuple.tuple("pb", DAY + "T15:00:00Z", DAY + "T16:00:00Z"),
              org.assertj.core.groups.Tuple.tuple("pc", DAY + "T16:00:00Z", DAY + "T17:00:00Z"));
      // One write per slot: revisions 1 and 2 were superseded before they reached Clockify.
      long dayWrites =
          CLOCKIFY
              .requests(
                  r ->
                      r.isEntryWrite()
                          && r.path().contains(workspace)
                          && r.body() != null
                          && r.body().contains(DAY.toString()))
              .size();
      assertThat(dayWrites).isEqualTo(3);
      assertThat(synced.created()).isEqualTo(3);
      assertThat(results(user))
          .noneMatch(e -> e instanceof DaySynced s && s.date().equals(DAY) && s.revision() < 3);
    } finally {
      CLOCKIFY.setLatency(0);
    }
  }

  @Test
  void aBurstOfEditsLongerThanTheCoalescingDelayIsAppliedOnceWhenTheDayIsQuiet() throws Exception {
    String user = unique("debounce");
    String workspace = connect(user);
    publish(
        plan(
            user,
            1,
            entry("project:a", "pa", "09:00", "12:00"),
            entry("project:b", "pb", "12:00", "18:00")));
    awaitSynced(user, 1);
    // Five edits 50 ms apart from one producer: the burst lasts longer than the 150 ms
    // coalescing delay, but no gap in it does, so the day is quiet only after the last one.
    Properties props = new Properties();
    props.put("bootstrap.servers", TestInfrastructure.get().kafkaBootstrap());
    props.put("key.serializer", StringSerializer.class.getName());
    props.put("value.serializer", ByteArraySerializer.class.getName());
    ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
      producer.partitionsFor(Topics.DAY_PLANS);
      for (int revision = 2; revision <= 6; revision++) {
        DayPlanned plan =
            plan(
                user,
                revision,
                entry("project:a", "pa", "09:00", (11 + revision) + ":00"),
                entry("project:b", "pb", (11 + revision) + ":00", "18:00"));
        ProducerRecord<String, byte[]> record =
            new ProducerRecord<>(Topics.DAY_PLANS, user, EventCodec.toJson(plan));
        TestEvents.addHeaders(record.headers(), EventTypes.DAY_PLANNED);
        pace.schedule(() -> producer.send(record).get(), 50, TimeUnit.MILLISECONDS).get();
      }
    } finally {
      pace.shutdown();
    }

    awaitSynced(user, 6);

    assertThat(CLOCKIFY.entries(workspace))
        .extracting(SimEntry::projectId, SimEntry::end)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("pa", DAY + "T17:00:00Z"),
            org.assertj.core.groups.Tuple.tuple("pb", DAY + "T18:00:00Z"));
    // Two creates for revision 1, then one update per slot for the whole burst.
    assertThat(entryWrites(workspace)).isEqualTo(4);
  }
}
