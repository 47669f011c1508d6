package io.focussync.allocator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.focussync.contracts.EventCodec;
import io.focussync.contracts.EventTypes;
import io.focussync.contracts.Topics;
import io.focussync.contracts.sessions.v1.SessionRecorded;
import io.focussync.testsupport.TestEvents;
import io.focussync.testsupport.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Not part of the build (surefire excludes {@code *Benchmark*}); the command is in the module
 * README. Pushes N session events of U users over 20 days through the real broker into the running
 * allocator (no spies, unlike the integration tests) and measures events/s until the allocator's
 * consumer group has committed every one: a batch's offsets are committed only after its days were
 * written, its plans emitted and acknowledged, and its read model written. A warm-up run of other
 * users goes first, so the figure is the compiled code's; then {@code bench.runs} runs (5) of new
 * users each, and their median.
 */
@SpringBootTest(properties = "focussync.allocator.sweep-interval=1h")
class SessionThroughputBenchmark {

  private static final String GROUP = "allocator";

  /** The sessions topic's partitions on the in-JVM broker. */
  private static final int PARTITIONS = 4;

  @Test
  void sessionEventsPerSecond() throws Exception {
    int events = Integer.getInteger("bench.events", 20_000);
    int users = Integer.getInteger("bench.users", 200);
    int runs = Integer.getInteger("bench.runs", 5);
    try (Admin admin = Admin.create(clientProperties())) {
      run(admin, Integer.getInteger("bench.warmup", 10_000), users);
      List<Double> rates = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        double seconds = run(admin, events, users);
        rates.add(events / seconds);
        System.out.printf(
            "BENCHMARK run %d: %d session events of %d users in %.2f s = %.0f events/s%n",
            i + 1, events, users, seconds, events / seconds);
      }
      Collections.sort(rates);
      System.out.printf("BENCHMARK median of %d runs: %.0f events/s%n", runs, rates.get(runs / 2));
      assertThat(rates).allMatch(rate -> rate > 0);
    }
  }

  /** Sends the events as fast as one producer can, waits until all are committed; seconds. */
  private static double run(Admin admin, int events, int users) throws Exception {
    List<ProducerRecord<String, byte[]>> records = records(events, users);
    long began = System.nanoTime();
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProperties())) {
      records.forEach(producer::send);
    }
    Map<TopicPartition, Long> ends = endOffsets(admin);
    await()
        .atMost(Duration.ofMinutes(20))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> committedUpTo(admin, ends));
    return (System.nanoTime() - began) / 1e9;
  }

  private static List<ProducerRecord<String, byte[]>> records(int events, int users) {
    List<String> userIds = balancedUsers(users);
    Random random = new Random(1);
    Instant base = Instant.parse("2026-11-02T00:00:00Z");
    List<ProducerRecord<String, byte[]>> records = new ArrayList<>(events);
    for (int i = 0; i < events; i++) {
      String userId = userIds.get(i % users);
      Instant start =
          base.plus(Duration.ofDays(random.nextInt(20))).plusSeconds(random.nextInt(80_000));
      SessionRecorded session =
          new SessionRecorded(
              userId,
              "bench:" + i,
              "bench",
              String.valueOf(i),
              1,
              "project-" + random.nextInt(6),
              start,
              start.plusSeconds(60 + random.nextInt(5_000)),
              null,
              "t",
              List.of(),
              Map.of(),
              Instant.now());
      ProducerRecord<String, byte[]> record =
          new ProducerRecord<>(Topics.SESSIONS, userId, EventCodec.toJson(session));
      TestEvents.addHeaders(record.headers(), EventTypes.SESSION_RECORDED);
      records.add(record);
    }
    return records;
  }

  /**
   * New user ids, as many on each partition as the producer's key hashing can make them: with
   * random ids one partition often holds a fifth more users than another, and the run's time is the
   * busiest partition's.
   */
  private static List<String> balancedUsers(int users) {
    int[] perPartition = new int[PARTITIONS];
    List<String> userIds = new ArrayList<>(users);
    while (userIds.size() < users) {
      String userId = "bench-" + UUID.randomUUID();
      int partition =
          Utils.toPositive(Utils.murmur2(userId.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
      if (perPartition[partition] < (users + PARTITIONS - 1) / PARTITIONS) {
        perPartition[partition]++;
        userIds.add(userId);
      }
    }
    return userIds;
  }

  private static Map<TopicPartition, Long> endOffsets(Admin admin) throws Exception {
    List<TopicPartition> partitions =
        admin
            .describeTopics(List.of(Topics.SESSIONS))
            .allTopicNames()
            .get()
            .get(Topics.SESSIONS)
            .partitions()
            .stream()
            .map(p -> new TopicPartition(Topics.SESSIONS, p.partition()))
            .toList();
    Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
    partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
    Map<TopicPartition, Long> ends = new java.util.HashMap<>();
    admin.listOffsets(latest).all().get().forEach((p, info) -> ends.put(p, info.offset()));
    return ends;
  }

  private static boolean committedUpTo(Admin admin, Map<TopicPartition, Long> ends)
      throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
    return ends.entrySet().stream()
        .allMatch(
            e -> {
              OffsetAndMetadata at = committed.get(e.getKey());
              return e.getValue() == 0 || (at != null && at.offset() >= e.getValue());
            });
  }

  private static Properties clientProperties() {
    Properties props = new Properties();
    props.put("bootstrap.servers", TestInfrastructure.get().kafkaBootstrap());
    return props;
  }

  private static Properties producerProperties() {
    Properties props = clientProperties();
    props.put("key.serializer", StringSerializer.class.getName());
    props.put("value.serializer", ByteArraySerializer.class.getName());
    props.put("linger.ms", "5");
    return props;
  }
}
