package io.focussync.allocator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import io.focussync.contracts.CloudEventHeaders;
import io.focussync.contracts.EventCodec;
import io.focussync.contracts.EventTypes;
import io.focussync.contracts.Topics;
import io.focussync.contracts.sessions.v1.SessionRecorded;
import io.focussync.testsupport.TestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Not part of the build (surefire excludes {@code *Benchmark*}). Run by hand: {@code ./mvnw -pl
 * allocator test -Dtest=SessionThroughputBenchmark -Dbench.events=20000}. Pushes N session events
 * of U users through the real broker into the running allocator and measures events/s until the
 * last one is in the read model (its days planned and emitted before).
 */
class SessionThroughputBenchmark extends AllocatorIntegrationTest {

  @Autowired MongoClient mongo;

  @Test
  void sessionEventsPerSecond() {
    int events = Integer.getInteger("bench.events", 20_000);
    int users = Integer.getInteger("bench.users", 200);
    List<String> userIds = new ArrayList<>();
    for (int u = 0; u < users; u++) {
      userIds.add("bench-" + UUID.randomUUID());
    }
    Random random = new Random(1);
    Instant base = Instant.parse("2026-11-02T00:00:00Z");
    List<SessionRecorded> batch = new ArrayList<>(events);
    for (int i = 0; i < events; i++) {
      String userId = userIds.get(i % users);
      Instant start =
          base.plus(Duration.ofDays(random.nextInt(20))).plusSeconds(random.nextInt(80_000));
      batch.add(
          new SessionRecorded(
              userId,
              "bench:" + i,
              "bench",
              String.valueOf(i),
              1,
              "project-" + random.nextInt(6),
              start,
              start.plusSeconds(60 + random.nextInt(5_000)),
              "t",
              List.of(),
              Map.of(),
              Instant.now()));
    }
    Properties props = new Properties();
    props.put("bootstrap.servers", TestInfrastructure.get().kafkaBootstrap());
    props.put("key.serializer", StringSerializer.class.getName());
    props.put("value.serializer", ByteArraySerializer.class.getName());
    props.put("linger.ms", "5");
    long began = System.nanoTime();
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
      for (SessionRecorded s : batch) {
        ProducerRecord<String, byte[]> record =
            new ProducerRecord<>(Topics.SESSIONS, s.userId(), EventCodec.toJson(s));
        record
            .headers()
            .add(new RecordHeader(CloudEventHeaders.TYPE, EventTypes.SESSION_RECORDED.getBytes()));
        producer.send(record);
      }
    }
    var sessions = mongo.getDatabase("focussync-allocator").getCollection("sessions");
    await()
        .atMost(Duration.ofMinutes(20))
        .pollInterval(Duration.ofSeconds(2))
        .until(() -> sessions.countDocuments(Filters.in("userId", userIds)) == events);
    double seconds = (System.nanoTime() - began) / 1e9;
    System.out.printf(
        "BENCHMARK: %d session events of %d users in %.1f s = %.0f events/s%n",
        events, users, seconds, events / seconds);
    assertThat(plans.plans(userIds.get(0))).isNotEmpty();
  }
}
