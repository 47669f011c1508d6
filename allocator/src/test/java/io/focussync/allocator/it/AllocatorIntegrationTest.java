package io.focussync.allocator.it;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.focussync.allocator.day.PlanPublisher;
import io.focussync.allocator.day.UserDayRepository;
import io.focussync.contracts.FocusSyncEvent;
import io.focussync.contracts.Topics;
import io.focussync.contracts.dayplans.v1.DayPlanned;
import io.focussync.contracts.sessions.v1.SessionDeleted;
import io.focussync.contracts.sessions.v1.SessionRecorded;
import io.focussync.platform.auth.InternalIdentity;
import io.focussync.testsupport.TestEvents;
import io.focussync.testsupport.TestHttp;
import io.focussync.testsupport.TestTopics;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one Spring context of the allocator's integration tests: the real in-JVM broker and wire
 * server, a movable clock, spies on the plan publisher and the day store (to make emission or a
 * write fail on purpose) and WireMock in the clockify-connector's place (a user without stubs has
 * no Clockify connection: 404).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "focussync.allocator.sweep-interval=1h")
@Import(AllocatorIntegrationTest.TestClockConfig.class)
public abstract class AllocatorIntegrationTest {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** The clockify-connector's HTTP API, for the whole test JVM; stubs are per user. */
  protected static final WireMockServer CONNECTOR =
      new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

  static {
    CONNECTOR.start();
  }

  @DynamicPropertySource
  static void clockifyConnector(DynamicPropertyRegistry registry) {
    registry.add("focussync.allocator.clockify-connector.url", CONNECTOR::baseUrl);
  }

  @LocalServerPort protected int port;
  @Autowired protected InternalIdentity identity;
  @Autowired protected MutableClock clock;
  @MockitoSpyBean protected PlanPublisher publisher;
  @MockitoSpyBean protected UserDayRepository dayRepository;

  protected final PlanCollector plans = PlanCollector.of(Topics.DAY_PLANS);
  protected final String user = "u-" + UUID.randomUUID();

  @TestConfiguration
  static class TestClockConfig {
    @Bean
    @Primary
    MutableClock testClock() {
      return new MutableClock();
    }
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  // --- events -------------------------------------------------------------------------------

  protected static void send(FocusSyncEvent event) {
    TestEvents.send(topicOf(event), event);
  }

  protected static void send(String topic, String key, byte[] value, Map<String, String> headers) {
    TestTopics.send(topic, key, value, headers);
  }

  private static String topicOf(FocusSyncEvent event) {
    return event instanceof SessionRecorded || event instanceof SessionDeleted
        ? Topics.SESSIONS
        : Topics.SYNC_RESULTS;
  }

  /** A session recorded over REST (ordered by its position on the topic, not its version). */
  protected SessionRecorded session(
      String id, long version, String key, String start, Duration length) {
    return recorded("rest", id, version, key, start, length);
  }

  /** A session recorded over REST with the tracker's tracked (active) time. */
  protected SessionRecorded trackedSession(
      String id, long version, String key, String start, Duration length, Duration tracked) {
    SessionRecorded s = session(id, version, key, start, length);
    return new SessionRecorded(
        s.userId(),
        s.sessionId(),
        s.source(),
        s.sourceId(),
        s.version(),
        s.projectKey(),
        s.start(),
        s.end(),
        tracked.toSeconds(),
        s.title(),
        s.tags(),
        s.metadata(),
        s.recordedAt());
  }

  /** A session recorded in Notion (ordered by its version). */
  protected SessionRecorded notionSession(
      String id, long version, String key, String start, Duration length) {
    return recorded("notion", id, version, key, start, length);
  }

  private SessionRecorded recorded(
      String source, String id, long version, String key, String start, Duration length) {
    Instant from = Instant.parse(start);
    return new SessionRecorded(
        user,
        source + ":" + id,
        source,
        id,
        version,
        key,
        from,
        from.plus(length),
        null,
        "title " + id,
        List.of(),
        Map.of(),
        Instant.now());
  }

  protected SessionDeleted deletion(String id, long version) {
    return new SessionDeleted(user, "rest:" + id, "rest", version, Instant.now());
  }

  protected SessionDeleted notionDeletion(String id, long version) {
    return new SessionDeleted(user, "notion:" + id, "notion", version, Instant.now());
  }

  /** The plans emitted so far for one of this test's days. */
  protected List<DayPlanned> plansOf(LocalDate date) {
    return plans.plans(user).stream().filter(p -> p.date().equals(date)).toList();
  }

  /** Waits until a plan of the day satisfies the condition and returns it. */
  protected DayPlanned awaitPlan(LocalDate date, Predicate<DayPlanned> condition) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> plansOf(date).stream().filter(condition).reduce((a, b) -> b).orElse(null),
            p -> p != null);
  }

  /**
   * Waits until everything sent so far for this user was processed: a marker session sent last must
   * show up in the read model (one partition per user keeps the order, and the read model is
   * written after the days).
   */
  protected void awaitProcessed() {
    String id = "marker-" + UUID.randomUUID();
    send(session(id, 1, "marker", "2030-01-07T10:00:00Z", Duration.ofMinutes(1)));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> get("/api/v1/sessions?from=2030-01-07&to=2030-01-07").toString(),
            body -> body.contains("rest:" + id));
  }

  /** Every revision of the day was emitted with one content only. */
  protected Map<Long, List<DayPlanned>> byRevision(LocalDate date) {
    return plansOf(date).stream().collect(Collectors.groupingBy(DayPlanned::revision));
  }

  // --- HTTP ---------------------------------------------------------------------------------

  protected TestHttp.Response call(String method, String path, String body) {
    return callAs(user, method, path, body);
  }

  protected TestHttp.Response callAs(String userId, String method, String path, String body) {
    return callAs(userId, method, path, body, "application/json");
  }

  protected TestHttp.Response callAs(
      String userId, String method, String path, String body, String contentType) {
    InternalIdentity.SignedIdentity signed = identity.sign(userId);
    Map<String, String> headers = new HashMap<>();
    if (body != null) {
      headers.put("Content-Type", contentType);
    }
    headers.put(InternalIdentity.USER_HEADER, signed.userId());
    headers.put(InternalIdentity.TIMESTAMP_HEADER, signed.timestamp());
    headers.put(InternalIdentity.SIGNATURE_HEADER, signed.signature());
    return TestHttp.send(method, "http://127.0.0.1:" + port + path, body, headers);
  }

  protected JsonNode get(String path) {
    TestHttp.Response response = call("GET", path, null);
    if (response.status() != 200) {
      throw new AssertionError("GET " + path + " -> " + response.status() + " " + response.body());
    }
    return JSON.readTree(response.body());
  }

  protected void putSettings(String json) {
    TestHttp.Response response = call("PUT", "/api/v1/settings/allocation", json);
    if (response.status() != 200) {
      throw new AssertionError("PUT settings -> " + response.status() + " " + response.body());
    }
  }

  /** The clockify-connector answers this user's project list with the status and body. */
  protected void stubProjects(int status, String body) {
    CONNECTOR.stubFor(
        WireMock.get(WireMock.urlPathEqualTo("/api/v1/clockify/projects"))
            .withHeader(InternalIdentity.USER_HEADER, WireMock.equalTo(user))
            .willReturn(
                WireMock.aResponse()
                    .withStatus(status)
                    .withHeader(
                        "Content-Type",
                        status == 200 ? "application/json" : "application/problem+json")
                    .withBody(body)));
  }
}
