package io.focussync.clockify;

import static org.awaitility.Awaitility.await;

import io.focussync.clockify.simulator.ClockifySimulator;
import io.focussync.contracts.FocusSyncEvent;
import io.focussync.contracts.Topics;
import io.focussync.contracts.dayplans.v1.BusyInterval;
import io.focussync.contracts.dayplans.v1.DayPlanned;
import io.focussync.contracts.dayplans.v1.PlannedEntry;
import io.focussync.contracts.syncresults.v1.DayBusyObserved;
import io.focussync.contracts.syncresults.v1.DaySyncFailed;
import io.focussync.contracts.syncresults.v1.DaySynced;
import io.focussync.platform.auth.InternalIdentity;
import io.focussync.testsupport.TestEvents;
import io.focussync.testsupport.TestHttp;
import io.focussync.testsupport.TestInfrastructure;
import io.focussync.testsupport.TestTopics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One Spring context for every integration test of the module (real in-JVM broker and MongoDB wire
 * server, one stateful Clockify simulator), with short timeouts and backoffs so the suite stays
 * fast.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "focussync.clockify.client.request-timeout=1500ms",
      "focussync.clockify.client.connect-timeout=1s",
      "focussync.clockify.client.initial-backoff=50ms",
      "focussync.clockify.client.max-backoff=400ms",
      "focussync.clockify.client.max-retry-after=2s",
      "focussync.clockify.client.max-attempts=4",
      "focussync.clockify.client.circuit-window=6",
      "focussync.clockify.client.circuit-minimum-calls=4",
      "focussync.clockify.client.circuit-open-for=2s",
      "focussync.clockify.apply.workers=4",
      "focussync.clockify.apply.coalesce-delay=150ms",
      "focussync.clockify.apply.retry-delay=300ms",
      "focussync.clockify.apply.max-retry-delay=2s",
      "focussync.clockify.apply.consistency-window=1s",
      "focussync.clockify.apply.recheck=500ms"
    })
@Import(IntegrationTestBase.Hooks.class)
public abstract class IntegrationTestBase {

  protected static final ClockifySimulator CLOCKIFY = ClockifySimulator.start();
  protected static final LocalDate DAY = LocalDate.of(2026, 11, 20);
  private static final InternalIdentity IDENTITY =
      new InternalIdentity(TestInfrastructure.INTERNAL_AUTH_KEY, Clock.systemUTC());
  private static final List<FocusSyncEvent> RESULTS = new CopyOnWriteArrayList<>();
  private static volatile boolean collecting;

  /** The service's MongoDB commands that mention a watched text. */
  protected static final MongoCommandLog MONGO_COMMANDS = new MongoCommandLog();

  @LocalServerPort protected int port;

  @DynamicPropertySource
  static void clockify(DynamicPropertyRegistry registry) {
    registry.add("focussync.clockify.connections.allowed-base-urls", CLOCKIFY::rootUrl);
  }

  /** Test wiring: a log of the service's MongoDB commands. */
  @TestConfiguration
  static class Hooks {
    @Bean
    MongoClientSettingsBuilderCustomizer commandLog() {
      return settings -> settings.addCommandListener(MONGO_COMMANDS);
    }
  }

  // ---- ids ----

  protected static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  // ---- REST ----

  protected String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  protected TestHttp.Response call(String method, String path, String body, String userId) {
    InternalIdentity.SignedIdentity signed = IDENTITY.sign(userId);
    return TestHttp.send(
        method,
        url(path),
        body,
        Map.of(
            InternalIdentity.USER_HEADER, signed.userId(),
            InternalIdentity.TIMESTAMP_HEADER, signed.timestamp(),
            InternalIdentity.SIGNATURE_HEADER, signed.signature()));
  }

  /** A user connected to a fresh workspace of the simulator; returns the workspace id. */
  protected String connect(String userId) {
    String workspace = unique("ws");
    connect(userId, workspace, false);
    return workspace;
  }

  protected void connect(String userId, String workspace, boolean dryRun) {
    String apiKey = "key-" + userId;
    CLOCKIFY.addKey(apiKey, "cu-" + userId, "Europe/Madrid", workspace);
    TestHttp.Response response =
        call(
            "PUT",
            "/api/v1/connections/clockify",
            """
            {"apiKey": "%s", "workspaceId": "%s", "baseUrl": "%s", "dryRun": %s}
            """
                .formatted(apiKey, workspace, CLOCKIFY.baseUrl(), dryRun),
            userId);
    if (response.status() != 200) {
      throw new AssertionError("connect failed: " + response.status() + " " + response.body());
    }
  }

  // ---- plans ----

  protected static PlannedEntry entry(String slot, String projectId, String from, String to) {
    return entry(DAY, slot, projectId, from, to);
  }

  protected static PlannedEntry entry(
      LocalDate date, String slot, String projectId, String from, String to) {
    return new PlannedEntry(
        slot,
        projectId,
        date.atTime(LocalTime.parse(from)).toInstant(ZoneOffset.UTC),
        date.atTime(LocalTime.parse(to)).toInstant(ZoneOffset.UTC),
        "Development",
        List.of("rest:" + slot + "-a", "rest:" + slot + "-b"));
  }

  protected static Instant at(String time) {
    return DAY.atTime(LocalTime.parse(time)).toInstant(ZoneOffset.UTC);
  }

  protected static DayPlanned plan(String userId, long revision, PlannedEntry... entries) {
    return plan(userId, DAY, revision, entries);
  }

  protected static DayPlanned plan(
      String userId, LocalDate date, long revision, PlannedEntry... entries) {
    return new DayPlanned(
        userId, date, "UTC", revision, "NORMALIZED", Arrays.asList(entries), Instant.now());
  }

  /** A plan of {@link #DAY} (UTC) made around the user's own entries taking {@code busy}. */
  protected static DayPlanned planAround(
      String userId, long revision, List<BusyInterval> busy, PlannedEntry... entries) {
    return new DayPlanned(
        userId, DAY, "UTC", revision, "NORMALIZED", Arrays.asList(entries), Instant.now(), busy);
  }

  protected static BusyInterval busy(String from, String to) {
    return new BusyInterval(at(from), at(to));
  }

  protected static void publish(DayPlanned plan) {
    TestEvents.send(Topics.DAY_PLANS, plan);
  }

  // ---- results ----

  protected static List<FocusSyncEvent> results(String userId) {
    startCollecting();
    return RESULTS.stream().filter(event -> event.userId().equals(userId)).toList();
  }

  protected static DaySynced awaitSynced(String userId, long revision) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                results(userId).stream()
                    .filter(e -> e instanceof DaySynced synced && synced.revision() == revision)
                    .map(DaySynced.class::cast)
                    .findFirst()
                    .orElse(null),
            found -> found != null);
  }

  protected static DaySyncFailed awaitFailed(String userId, long revision, String status) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                results(userId).stream()
                    .filter(
                        e ->
                            e instanceof DaySyncFailed failed
                                && failed.revision() == revision
                                && failed.status().equals(status))
                    .map(DaySyncFailed.class::cast)
                    .findFirst()
                    .orElse(null),
            found -> found != null);
  }

  protected static DayBusyObserved awaitBusyObserved(String userId, long revision) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                results(userId).stream()
                    .filter(e -> e instanceof DayBusyObserved seen && seen.revision() == revision)
                    .map(DayBusyObserved.class::cast)
                    .findFirst()
                    .orElse(null),
            found -> found != null);
  }

  private static synchronized void startCollecting() {
    if (collecting) {
      return;
    }
    collecting = true;
    Thread thread =
        new Thread(
            () -> {
              try (KafkaConsumer<String, byte[]> consumer =
                  TestTopics.consumerFromStart(Topics.SYNC_RESULTS)) {
                while (true) {
                  for (ConsumerRecord<String, byte[]> record :
                      consumer.poll(Duration.ofMillis(100))) {
                    RESULTS.add(TestEvents.read(record));
                  }
                }
              }
            },
            "sync-results-collector");
    thread.setDaemon(true);
    thread.start();
  }

  // ---- simulator views ----

  /** Entry writes (POST/PUT/DELETE) the simulator received for a workspace. */
  protected static long entryWrites(String workspace) {
    return CLOCKIFY
        .requests(r -> r.isEntryWrite() && r.path().contains("/workspaces/" + workspace + "/"))
        .size();
  }

  /** Listings of the user's entries the simulator received for a workspace. */
  protected static long listings(String workspace) {
    return CLOCKIFY
        .requests(
            r ->
                r.method().equals("GET")
                    && r.path().startsWith("/v1/workspaces/" + workspace + "/user/"))
        .size();
  }

  protected static long creates(String workspace) {
    return CLOCKIFY
        .requests(
            r ->
                r.method().equals("POST")
                    && r.path().equals("/v1/workspaces/" + workspace + "/time-entries"))
        .size();
  }
}
