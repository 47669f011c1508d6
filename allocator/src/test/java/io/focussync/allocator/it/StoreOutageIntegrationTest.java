package io.focussync.allocator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.focussync.contracts.EventCodec;
import io.focussync.contracts.EventTypes;
import io.focussync.contracts.sessions.v1.SessionRecorded;
import io.focussync.infra.WireMongoServer;
import io.focussync.testsupport.TestEvents;
import io.focussync.testsupport.TestHttp;
import io.focussync.testsupport.TestInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The store goes down under a load of session events for several seconds, far longer than the old
 * retry time limit, and comes back: nothing is dead-lettered, the consumers stay in their group,
 * and every event is applied.
 *
 * <p>The store is a wire server of this test's own, on disk so that its data survives the outage:
 * stopping the JVM's shared in-memory one would lose the other tests' data and fail their contexts,
 * which stay cached. Topics and groups are this test's own too, so the cached contexts of the other
 * tests (group {@code allocator}) neither take its partitions nor wait on its store.
 */
@TestPropertySource(
    properties = {
      "spring.cloud.stream.bindings.sessions-in-0.destination=" + StoreOutageIntegrationTest.TOPIC,
      "spring.cloud.stream.bindings.sessions-in-0.group=" + StoreOutageIntegrationTest.GROUP,
      "spring.cloud.stream.bindings.syncResults-in-0.destination=focussync.store-outage.results",
      "spring.cloud.stream.bindings.syncResults-in-0.group=allocator-store-outage-results",
      "spring.cloud.stream.bindings.dayPlans-out-0.destination=focussync.store-outage.plans",
      "focussync.allocator.messaging.retry-initial=50ms",
      "focussync.allocator.messaging.retry-max=500ms",
      // The time limit failures used to be retried for (then dead-lettered): the outage outlasts it
      // several times over, so the test fails wherever such a limit is still honoured.
      "focussync.allocator.messaging.retry-for=1s",
      // Shorter than the outage: a consumer that stopped polling while it waits would be dropped.
      "spring.cloud.stream.kafka.bindings.sessions-in-0.consumer.configuration.max.poll.interval.ms="
          + "4000"
    })
@DirtiesContext
class StoreOutageIntegrationTest extends AllocatorIntegrationTest {

  static final String TOPIC = "focussync.store-outage.sessions";
  static final String GROUP = "allocator-store-outage";
  static final String DLQ = TOPIC + "." + GROUP + ".dlq";
  static final List<LocalDate> WEEK =
      LocalDate.of(2026, 11, 16).datesUntil(LocalDate.of(2026, 11, 21)).toList();
  static final int USERS = 24;
  static final int SESSIONS_PER_DAY = 10;
  static final Duration SESSION = Duration.ofMinutes(30);

  static final WireMongoServer STORE = startStore();

  @DynamicPropertySource
  static void ownStore(DynamicPropertyRegistry registry) {
    // Fail fast while it is down, instead of the driver's 30 s wait for a server.
    registry.add(
        "spring.mongodb.uri",
        () -> STORE.uri("") + "?serverSelectionTimeoutMS=500&connectTimeoutMS=500");
  }

  @AfterAll
  static void stopStore() {
    STORE.close();
  }

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void aStoreOutageUnderLoadLosesNothingAndDeadLettersNothing() throws Exception {
    PlanCollector deadLetters = PlanCollector.of(DLQ);
    String warmUp = "outage-" + run + "-warm-up";
    try (KafkaProducer<String, byte[]> producer = producer();
        Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap()))) {
      send(producer, sessionOf(warmUp, 0, WEEK.get(0)));
      await().atMost(Duration.ofSeconds(60)).until(() -> sessionCount(warmUp) == 1);
      await().atMost(Duration.ofSeconds(30)).until(() -> stableMembers(admin).size() == 4);
      Set<String> members = stableMembers(admin);

      List<SessionRecorded> load = load();
      List<SessionRecorded> beforeOutage = load.subList(0, load.size() / 2);
      List<SessionRecorded> duringOutage = load.subList(load.size() / 2, load.size());
      beforeOutage.forEach(event -> send(producer, event));
      producer.flush();
      STORE.close();
      duringOutage.forEach(event -> send(producer, event));
      producer.flush();
      await()
          .during(Duration.ofSeconds(6))
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> deadLetters.records(warmUp).isEmpty() && deadLetteredOfRun(deadLetters) == 0);
      STORE.restart();

      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> committedOffsets(admin) == endOffsets(admin));
      for (int u = 0; u < USERS; u++) {
        String userId = userId(u);
        assertThat(sessionCount(userId)).isEqualTo(WEEK.size() * SESSIONS_PER_DAY);
        for (LocalDate date : WEEK) {
          assertThat(trackedSeconds(userId, date))
              .as("tracked time of %s on %s", userId, date)
              .isEqualTo(SESSIONS_PER_DAY * SESSION.toSeconds());
        }
      }
      assertThat(deadLetteredOfRun(deadLetters)).isZero();
      assertThat(stableMembers(admin)).isEqualTo(members);
    }
  }

  /** Every user's sessions of the week, in the order a busy source would send them. */
  private List<SessionRecorded> load() {
    List<SessionRecorded> events = new ArrayList<>();
    for (int i = 0; i < SESSIONS_PER_DAY; i++) {
      for (LocalDate date : WEEK) {
        for (int u = 0; u < USERS; u++) {
          events.add(sessionOf(userId(u), i, date));
        }
      }
    }
    return events;
  }

  private String userId(int u) {
    return "outage-" + run + "-" + u;
  }

  private static SessionRecorded sessionOf(String userId, int index, LocalDate date) {
    Instant start = date.atTime(7, 0).toInstant(ZoneOffset.UTC).plus(SESSION.multipliedBy(index));
    String sourceId = date + "-" + index;
    return new SessionRecorded(
        userId,
        "rest:" + sourceId,
        "rest",
        sourceId,
        1,
        "P" + index % 3,
        start,
        start.plus(SESSION),
        null,
        "session " + sourceId,
        List.of(),
        Map.of(),
        Instant.now());
  }

  private static void send(KafkaProducer<String, byte[]> producer, SessionRecorded event) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(TOPIC, event.userId(), EventCodec.toJson(event));
    TestEvents.addHeaders(record.headers(), EventTypes.typeOf(event));
    producer.send(record);
  }

  private int sessionCount(String userId) {
    return read(userId, "/api/v1/sessions?from=2026-11-16&to=2026-11-20").get("sessions").size();
  }

  private long trackedSeconds(String userId, LocalDate date) {
    long total = 0;
    for (JsonNode bucket : read(userId, "/api/v1/days/" + date).get("buckets")) {
      total += bucket.get("trackedSeconds").asLong();
    }
    return total;
  }

  private JsonNode read(String userId, String path) {
    TestHttp.Response response = callAs(userId, "GET", path, null);
    assertThat(response.status()).as("GET %s: %s", path, response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private long deadLetteredOfRun(PlanCollector deadLetters) {
    long count = 0;
    for (int u = 0; u < USERS; u++) {
      count += deadLetters.records(userId(u)).size();
    }
    return count;
  }

  private static Set<String> stableMembers(Admin admin) throws Exception {
    ConsumerGroupDescription group =
        admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP);
    if (group.groupState() != GroupState.STABLE) {
      return Set.of();
    }
    return group.members().stream().map(MemberDescription::consumerId).collect(Collectors.toSet());
  }

  private static long committedOffsets(Admin admin) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
    return committed.entrySet().stream()
        .filter(e -> e.getKey().topic().equals(TOPIC) && e.getValue() != null)
        .mapToLong(e -> e.getValue().offset())
        .sum();
  }

  private static long endOffsets(Admin admin) throws Exception {
    Map<TopicPartition, OffsetSpec> partitions =
        admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions().stream()
            .collect(
                Collectors.toMap(
                    p -> new TopicPartition(TOPIC, p.partition()), p -> OffsetSpec.latest()));
    return admin.listOffsets(partitions).all().get().values().stream()
        .mapToLong(info -> info.offset())
        .sum();
  }

  private static KafkaProducer<String, byte[]> producer() {
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrap());
    props.put("acks", "all");
    props.put("key.serializer", StringSerializer.class.getName());
    props.put("value.serializer", ByteArraySerializer.class.getName());
    return new KafkaProducer<>(props);
  }

  private static String bootstrap() {
    return TestInfrastructure.get().kafkaBootstrap();
  }

  private static WireMongoServer startStore() {
    try {
      return WireMongoServer.onDisk(Files.createTempDirectory("focussync-store-outage"), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
