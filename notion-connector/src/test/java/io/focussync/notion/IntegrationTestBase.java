package io.focussync.notion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.focussync.contracts.FocusSyncEvent;
import io.focussync.contracts.Topics;
import io.focussync.notion.poll.NotionPoller;
import io.focussync.notion.simulator.NotionSimulator;
import io.focussync.platform.auth.InternalIdentity;
import io.focussync.testsupport.TestEvents;
import io.focussync.testsupport.TestHttp;
import io.focussync.testsupport.TestInfrastructure;
import io.focussync.testsupport.TestTopics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * One Spring context for all integration tests of the module: the real in-JVM broker and store
 * (from test-support) and one shared Notion simulator; every test works with its own user,
 * integration token and database, so tests do not see each other's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTestBase {

  protected static final NotionSimulator NOTION = NotionSimulator.start();

  @DynamicPropertySource
  static void notion(DynamicPropertyRegistry registry) {
    registry.add("focussync.notion.allowed-base-urls", NOTION::baseUrl);
    registry.add("focussync.notion.poll-interval", () -> "2s");
    registry.add("focussync.notion.client.backoff", () -> "50ms");
  }

  @LocalServerPort protected int port;
  @Autowired protected NotionPoller poller;

  private final List<KafkaConsumer<String, byte[]>> consumers = new ArrayList<>();

  @AfterEach
  void closeConsumers() {
    consumers.forEach(KafkaConsumer::close);
    consumers.clear();
    NOTION.freezeAt(null);
  }

  /** A user with a connected Focus Sessions database. */
  protected Fixture connectedUser() {
    return connectedUser(NotionSimulator.focusSessionsSchema());
  }

  protected Fixture connectedUser(Map<String, String> schema) {
    String userId = "u-" + UUID.randomUUID();
    String token = NOTION.newIntegration();
    NotionSimulator.Db db = NOTION.createDatabase(token, schema);
    TestHttp.Response response = putConnection(userId, connectionBody(token, db.databaseId()));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return new Fixture(userId, token, db, new EventLog(userId));
  }

  protected String connectionBody(String token, String databaseId) {
    return """
        {"token": "%s", "databaseId": "%s", "baseUrl": "%s"}
        """
        .formatted(token, databaseId, NOTION.baseUrl());
  }

  protected TestHttp.Response putConnection(String userId, String body) {
    return TestHttp.send("PUT", url("/api/v1/connections/notion"), body, identity(userId));
  }

  protected Map<String, String> identity(String userId) {
    InternalIdentity.SignedIdentity signed =
        new InternalIdentity(TestInfrastructure.INTERNAL_AUTH_KEY, Clock.systemUTC()).sign(userId);
    return Map.of(
        InternalIdentity.USER_HEADER, signed.userId(),
        InternalIdentity.TIMESTAMP_HEADER, signed.timestamp(),
        InternalIdentity.SIGNATURE_HEADER, signed.signature());
  }

  protected String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /** The property values of a finished focus session page. */
  protected static Map<String, JsonNode> session(
      String title, String project, Instant start, Instant end) {
    Map<String, JsonNode> properties = new LinkedHashMap<>();
    properties.put("Name", NotionSimulator.title(title));
    properties.put("Date", NotionSimulator.date(start, end));
    properties.put("Project", NotionSimulator.select(project));
    properties.put("Flow score", NotionSimulator.number(8));
    properties.put("Phone away", NotionSimulator.checkbox(true));
    return properties;
  }

  protected static Map<String, JsonNode> session(String title) {
    Instant start = Instant.parse("2026-07-06T07:00:00Z");
    return session(title, "focus-sync", start, start.plusSeconds(5400));
  }

  /** A connected user of the tests. */
  protected record Fixture(String userId, String token, NotionSimulator.Db db, EventLog events) {
    public String dataSourceId() {
      return db.dataSourceId();
    }
  }

  /** The session events of one user as they arrive on the real topic. */
  protected final class EventLog {
    private final String userId;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

    EventLog(String userId) {
      this.userId = userId;
      this.consumer = TestTopics.consumerFromStart(Topics.SESSIONS);
      consumers.add(consumer);
    }

    /** Every event so far, after reading what is on the topic now. */
    public synchronized List<FocusSyncEvent> read() {
      consumer
          .poll(Duration.ofMillis(200))
          .forEach(
              record -> {
                if (userId.equals(record.key())) {
                  records.add(record);
                }
              });
      return records.stream().map(TestEvents::read).toList();
    }

    public List<ConsumerRecord<String, byte[]>> records() {
      read();
      return List.copyOf(records);
    }

    /** Waits until at least n events arrived and returns them all. */
    public List<FocusSyncEvent> awaitCount(int n) {
      await().atMost(Duration.ofSeconds(30)).until(() -> read().size() >= n);
      return read();
    }

    /** Reads for a while and returns what arrived: used to show that nothing more comes. */
    public List<FocusSyncEvent> settle() {
      long until = System.nanoTime() + Duration.ofMillis(1500).toNanos();
      List<FocusSyncEvent> events = read();
      while (System.nanoTime() < until) {
        events = read();
      }
      return events;
    }
  }
}
