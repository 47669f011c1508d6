package io.focussync.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.focussync.clockify.simulator.ClockifySimulator;
import io.focussync.clockify.simulator.SimEntry;
import io.focussync.clockify.simulator.SimFault;
import io.focussync.clockify.simulator.SimRequest;
import io.focussync.e2e.support.GatewayApi;
import io.focussync.e2e.support.InternalApi;
import io.focussync.e2e.support.PipelineWorld;
import io.focussync.e2e.support.PipelineWorld.Tenant;
import io.focussync.e2e.support.ServiceReplicas;
import io.focussync.e2e.support.ServiceReplicas.Replica;
import io.focussync.notion.simulator.NotionSimulator;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exactly-once promise with several replicas of every consumer, proven on the packaged services
 * as processes: three clockify-connectors, two allocators, two tracker-ingests on the shared broker
 * and store, under rolling restarts, a SIGKILL mid-apply, a replica added and one removed, POSTs
 * that commit but answer after the connector's timeout, and listings that lag. The expectation is
 * derived from what the test sent, never from the system's read model. Then three smaller proofs: a
 * revoked Clockify key, a DELETE on a tracker-ingest whose clock is behind, and two Notion pollers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicatedExactlyOnceIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String CONNECTOR = "clockify-connector";
  private static final String MARKER_TAG = "focus-sync";
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration LISTING_LAG = Duration.ofSeconds(3);
  private static final Duration CLOCK_BEHIND = Duration.ofMinutes(3);

  /** Dead members leave their consumer groups in 10 s instead of 45 (a SIGKILL sends no leave). */
  private static final String FAST_GROUP_FAILOVER =
      "{\"spring.cloud.stream.kafka.binder.consumer-properties.session.timeout.ms\":\"10000\","
          + "\"spring.cloud.stream.kafka.binder.consumer-properties.heartbeat.interval.ms\":\"2000\"}";

  /**
   * Every clockify-connector replica of this test: a short request timeout (so a held POST times
   * out), short retry delays (so a connector that keeps retrying a revoked key shows it within the
   * observation window), fast group failover.
   */
  private static final Map<String, String> CONNECTOR_ENV =
      Map.of(
          "FOCUSSYNC_CLOCKIFY_CLIENT_REQUESTTIMEOUT",
          REQUEST_TIMEOUT.toMillis() + "ms",
          "FOCUSSYNC_CLOCKIFY_APPLY_RETRYDELAY",
          "1s",
          "FOCUSSYNC_CLOCKIFY_APPLY_MAXRETRYDELAY",
          "4s",
          // a SIGKILLed replica's days are free again after this (it must exceed twice the longest
          // call with its retries: 3 × (2 s + 1 s))
          "FOCUSSYNC_CLOCKIFY_APPLY_LEASE",
          "20s",
          // longer than the listings' lag: a held POST's entry is visible when it is looked up
          "FOCUSSYNC_CLOCKIFY_APPLY_CONSISTENCYWINDOW",
          "5s",
          "SPRING_APPLICATION_JSON",
          FAST_GROUP_FAILOVER);

  private static final Map<String, String> CONSUMER_ENV =
      Map.of("SPRING_APPLICATION_JSON", FAST_GROUP_FAILOVER);

  /**
   * The tracker-ingest whose clock is behind: the process runs under Debian's libfaketime, every
   * clock moved back by the same constant (so durations, timers and timeouts behave); the test
   * checks the offset is in effect before it draws its conclusion. Not
   * FAKETIME_DONT_FAKE_MONOTONIC: with it, libfaketime 0.9.10 shifts the deadlines of the JVM's
   * monotonic timed waits, which then return at once, and the JVM's housekeeping threads spin
   * (libfaketime#503) — 1.5 of the machine's two cores, which starved every other process of the
   * test.
   */
  private static final Map<String, String> SKEWED_INGEST_ENV =
      Map.of(
          "LD_PRELOAD",
          "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1",
          "FAKETIME",
          "-" + CLOCK_BEHIND.toMinutes() + "m",
          "FAKETIME_FORCE_MONOTONIC_FIX",
          "1");

  // 2026-05-04 is a Monday: five weekdays
  private static final LocalDate MONDAY = LocalDate.parse("2026-05-04");
  private static final int DAYS = 5;
  private static final int ACTUAL_USERS = 50;
  private static final int NORMALIZED_USERS = 6;
  private static final List<String> BURST_ENDS = List.of("11:05", "11:10", "11:15", "11:20");

  private static PipelineWorld world;
  private static ServiceReplicas replicas;
  private static ClockifySimulator clockify;
  private static Replica connector1;
  private static Replica connector2;
  private static Replica connector3;
  private static Replica ingest2;
  private static Replica skewedIngest;
  private static Replica notion2;

  @BeforeAll
  static void startReplicas() {
    world = PipelineWorld.get();
    clockify = world.clockify();
    replicas = world.stack().replicas();
    // every clockify-connector of this test runs with CONNECTOR_ENV: the stack's own one (replica
    // 1) makes way for one on the routed port
    replicas.stackReplica(CONNECTOR).stop();
    // two JVMs at a time: seven starting at once on two cores take minutes each
    connector1 = replicas.addRouted(CONNECTOR, CONNECTOR_ENV);
    connector2 = replicas.add(CONNECTOR, CONNECTOR_ENV);
    replicas.awaitHealthy(List.of(connector1, connector2));
    connector3 = replicas.add(CONNECTOR, CONNECTOR_ENV);
    Replica allocator2 = replicas.add("allocator", CONSUMER_ENV);
    replicas.awaitHealthy(List.of(connector3, allocator2));
    ingest2 = replicas.add("tracker-ingest", Map.of());
    skewedIngest = replicas.add("tracker-ingest", SKEWED_INGEST_ENV);
    replicas.awaitHealthy(List.of(ingest2, skewedIngest));
    notion2 = replicas.add("notion-connector", CONSUMER_ENV);
    replicas.awaitHealthy(List.of(notion2));
  }

  @AfterAll
  static void restoreTheStack() {
    if (clockify != null) {
      clockify.setListingLag(Duration.ZERO);
      clockify.setLatency(0);
      clockify.clearFaults();
    }
    if (replicas != null) {
      replicas.restore();
    }
  }

  // ---- the main proof ----

  @Test
  @Order(1)
  void withReplicasRestartedKilledAddedAndRemovedClockifyHoldsExactlyTheFinalPlans() {
    List<Planned> users = new ArrayList<>();
    for (int u = 0; u < ACTUAL_USERS + NORMALIZED_USERS; u++) {
      boolean actual = u < ACTUAL_USERS;
      Tenant tenant = world.newTenant("UTC", actual ? Map.of("mode", "ACTUAL") : Map.of());
      users.add(new Planned(u, tenant, actual, new LinkedHashMap<>()));
    }
    InternalApi viaIngest2 = new InternalApi(ingest2.url(), world.stack().internalAuthKey());
    Load load = new Load(schedule(users, viaIngest2));

    clockify.setListingLag(LISTING_LAG);
    clockify.setLatency(30);
    long delayedBefore = delayedPosts();
    load.start();
    try {
      chaos(() -> killBurst(users));
      load.awaitDone();
    } finally {
      load.stop();
      clockify.clearFaults();
      clockify.setLatency(0);
    }
    assertThat(load.failures()).as("requests the API did not accept").isEmpty();

    Report report = awaitConvergence(users);
    // nothing may move after convergence (a fenced-out replica's late write would)
    long writes = clockify.requests(SimRequest::isEntryWrite).size();
    try {
      Awaitility.await()
          .during(Duration.ofSeconds(5))
          .atMost(Duration.ofSeconds(30))
          .until(() -> clockify.requests(SimRequest::isEntryWrite).size() == writes);
    } catch (ConditionTimeoutException e) {
      // reported below: the final report is taken whatever happened
    }
    Report last = report(users);
    System.out.println("ReplicatedExactlyOnceIT main proof: " + last.summary());

    SoftAssertions softly = new SoftAssertions();
    softly
        .assertThat(delayedPosts() - delayedBefore)
        .as("POSTs the simulator committed and answered after the client's timeout")
        .isPositive();
    softly.assertThat(last.duplicates).as(describe("duplicate entries", last.duplicates)).isEmpty();
    softly
        .assertThat(last.orphans)
        .as(describe("orphaned entries (no planned slot)", last.orphans))
        .isEmpty();
    softly
        .assertThat(last.missing)
        .as(describe("planned slots without an entry", last.missing))
        .isEmpty();
    softly
        .assertThat(last.untagged)
        .as(describe("entries without the marker tag", last.untagged))
        .isEmpty();
    softly
        .assertThat(last.staleWrites)
        .as(
            describe(
                "writes of an older revision after a newer one (end time going back)",
                last.staleWrites))
        .isEmpty();
    softly
        .assertThat(last.unconvergedDays)
        .as(describe("days not converged (status or applied revision)", last.unconvergedDays))
        .isEmpty();
    softly
        .assertThat(last.sessionMismatches)
        .as(
            describe(
                "users whose accepted sessions differ from the sessions API",
                last.sessionMismatches))
        .isEmpty();
    softly.assertAll();
  }

  /** Rolling restarts, a SIGKILL mid-apply, a replica added and one removed, held POSTs. */
  private void chaos(Runnable killBurst) {
    holdNextPosts(2);
    // rolling restart of every replica: the new one is healthy before the old one gets SIGTERM
    Replica connector4 = replicas.addAndAwait(CONNECTOR, CONNECTOR_ENV);
    connector2.stop();
    holdNextPosts(2);
    Replica connector5 = replicas.addAndAwait(CONNECTOR, CONNECTOR_ENV);
    connector3.stop();
    Replica connector6 = replicas.addAndAwait(CONNECTOR, CONNECTOR_ENV);
    connector1.stop();
    holdNextPosts(2);
    // SIGKILL while entries are being written: edits of its own make sure writes are in flight,
    // whether or not the load is still running
    killBurst.run();
    awaitWritesInFlight();
    connector4.kill();
    // a replica added (on the routed port, so the API reaches the connector again), one removed
    Replica connector7 = replicas.addRouted(CONNECTOR, CONNECTOR_ENV);
    replicas.awaitHealthy(List.of(connector7));
    holdNextPosts(2);
    connector5.stop();
    assertThat(replicas.running(CONNECTOR)).containsExactlyInAnyOrder(connector6, connector7);
  }

  /**
   * Edits Monday's first session of ten users (sent long before, edited by nothing else; a later
   * end, so writes only move forward).
   */
  private static void killBurst(List<Planned> users) {
    LocalDate day = MONDAY;
    for (Planned user : users.subList(0, 10)) {
      user.send(null, false, false, "s-" + day + "-0", "alpha", day, "10:00", "11:40");
    }
  }

  /**
   * Makes sure a clockify-connector answers on the routed port (the main proof may have failed).
   */
  private static void ensureRoutedConnector() {
    if (replicas.routedReplica(CONNECTOR) == null) {
      replicas.awaitHealthy(List.of(replicas.addRouted(CONNECTOR, CONNECTOR_ENV)));
    }
  }

  /** The next POSTs of entries commit at once and answer only after the connector's timeout. */
  private static void holdNextPosts(int count) {
    clockify.fail(
        "POST", "/time-entries$", count, SimFault.delay(REQUEST_TIMEOUT.plusSeconds(3).toMillis()));
  }

  private static long delayedPosts() {
    return clockify
        .requests(r -> r.method().equals("POST") && r.outcome().equals(SimFault.Type.DELAY.name()))
        .size();
  }

  private static void awaitWritesInFlight() {
    Awaitility.await("an entry write within the last 300 ms")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () -> {
              List<SimRequest> all = clockify.requests();
              for (int i = all.size() - 1; i >= 0; i--) {
                if (all.get(i).isEntryWrite()) {
                  return System.nanoTime() - all.get(i).atNanos() < 300_000_000L;
                }
              }
              return false;
            });
  }

  /**
   * Every request of the load, day by day: the day's new sessions, then (on days 1 to 3) edit
   * bursts and deletes of the days already sent; odd users go through tracker-ingest-2 directly.
   */
  private List<Runnable> schedule(List<Planned> users, InternalApi viaIngest2) {
    List<Runnable> steps = new ArrayList<>();
    for (int d = 0; d < DAYS; d++) {
      LocalDate day = MONDAY.plusDays(d);
      for (Planned user : users) {
        boolean direct = user.index % 2 == 1;
        steps.add(
            () ->
                user.send(
                    viaIngest2, direct, true, "s-" + day + "-0", "alpha", day, "10:00", "11:00"));
        if (user.actual) {
          steps.add(
              () ->
                  user.send(
                      viaIngest2, direct, true, "s-" + day + "-1", "beta", day, "13:00", "14:00"));
        }
      }
      for (Planned user : users) {
        if (user.actual && user.index % 2 == 0 && (d == 1 || d == 3)) {
          // a burst: each edit as soon as the previous one was accepted, alternating the ingests
          steps.add(
              () -> {
                for (int e = 0; e < BURST_ENDS.size(); e++) {
                  user.send(
                      viaIngest2,
                      e % 2 == 1,
                      false,
                      "s-" + day + "-0",
                      "alpha",
                      day,
                      "10:00",
                      BURST_ENDS.get(e));
                }
              });
        }
        if (user.actual && user.index % 3 == 0 && d == 2) {
          steps.add(() -> user.delete(viaIngest2, user.index % 2 == 1, "s-" + day + "-1"));
        }
        if (!user.actual && d == 1) {
          steps.add(
              () ->
                  user.send(
                      viaIngest2, false, false, "s-" + day + "-0", "beta", day, "10:00", "11:30"));
        }
        if (!user.actual && d == 3) {
          steps.add(() -> user.delete(viaIngest2, true, "s-" + day + "-0"));
        }
      }
    }
    return steps;
  }

  private Report awaitConvergence(List<Planned> users) {
    AtomicReference<Report> latest = new AtomicReference<>();
    try {
      Awaitility.await("Clockify and the days converged")
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofSeconds(2))
          .until(
              () -> {
                Report report = report(users);
                latest.set(report);
                return report.clean();
              });
    } catch (ConditionTimeoutException e) {
      // the report says what did not converge
    }
    return latest.get();
  }

  /** Clockify, the days and the sessions against what the test sent. */
  private Report report(List<Planned> users) {
    Report report = new Report();
    String from = MONDAY.toString();
    String to = MONDAY.plusDays(DAYS - 1).toString();
    for (Planned user : users) {
      String workspace = user.tenant.workspace();
      String tag = clockify.tagId(workspace, MARKER_TAG).orElse(null);
      Map<String, Integer> expected = new TreeMap<>();
      user.expectedEntries().forEach(key -> expected.merge(key, 1, Integer::sum));
      Map<String, List<String>> found = new TreeMap<>();
      for (SimEntry entry : clockify.entries(workspace)) {
        found.computeIfAbsent(key(entry), k -> new ArrayList<>()).add(entry.id());
        if (tag == null || !entry.tagIds().contains(tag)) {
          report.untagged.add(workspace + " " + entry.id() + " " + key(entry));
        }
      }
      found.forEach(
          (key, ids) -> {
            int planned = expected.getOrDefault(key, 0);
            if (planned == 0) {
              ids.forEach(id -> report.orphans.add(workspace + " " + id + " " + key));
            } else if (ids.size() > planned) {
              report.duplicates.add(workspace + " " + key + " x" + ids.size() + " " + ids);
            }
          });
      expected.forEach(
          (key, count) -> {
            if (found.getOrDefault(key, List.of()).size() < count) {
              report.missing.add(workspace + " " + key);
            }
          });
      report.staleWrites.addAll(staleWrites(workspace));

      JsonNode days = get(user.tenant, "/api/v1/days?from=" + from + "&to=" + to).get("days");
      Set<String> seen = new LinkedHashSet<>();
      for (JsonNode day : days) {
        seen.add(day.get("date").asString());
        String status = day.get("status").asString();
        JsonNode plan = day.get("plan");
        JsonNode sync = day.get("sync");
        long revision = plan == null || plan.isNull() ? 0 : plan.get("revision").asLong();
        long applied =
            sync == null || sync.isNull() || sync.get("appliedRevision") == null
                ? 0
                : sync.get("appliedRevision").asLong();
        boolean converged =
            (status.equals("SYNCED") && applied == revision) || status.equals("NO_SESSIONS");
        if (!converged) {
          report.unconvergedDays.add(
              user.tenant.user().id()
                  + " "
                  + day.get("date").asString()
                  + " "
                  + status
                  + " revision "
                  + revision
                  + " applied "
                  + applied);
        }
      }
      if (seen.size() < DAYS) {
        report.unconvergedDays.add(user.tenant.user().id() + " days listed: " + seen);
      }

      Set<String> listed = new TreeSet<>();
      for (JsonNode session :
          get(user.tenant, "/api/v1/sessions?from=" + from + "&to=" + to).get("sessions")) {
        listed.add(
            session.get("projectKey").asString()
                + " "
                + OffsetDateTime.parse(session.get("start").asString()).toInstant()
                + "/"
                + OffsetDateTime.parse(session.get("end").asString()).toInstant());
      }
      Set<String> accepted =
          user.sessions.values().stream()
              .map(s -> s.projectKey + " " + s.start + "/" + s.end)
              .collect(Collectors.toCollection(TreeSet::new));
      if (!listed.equals(accepted)) {
        Set<String> absent = new TreeSet<>(accepted);
        absent.removeAll(listed);
        Set<String> extra = new TreeSet<>(listed);
        extra.removeAll(accepted);
        report.sessionMismatches.add(
            user.tenant.user().id() + " missing " + absent + " unexpected " + extra);
      }
    }
    return report;
  }

  /**
   * Entries whose PUTs went back in time: every edit of this test only moves a session's end later,
   * so a PUT with an earlier end than one already written is an older revision sent after a newer.
   */
  private static List<String> staleWrites(String workspace) {
    Map<String, Instant> latestEnd = new HashMap<>();
    List<String> stale = new ArrayList<>();
    for (SimRequest put :
        clockify.requests(
            r -> r.method().equals("PUT") && r.path().contains("/" + workspace + "/"))) {
      String id = put.entryId();
      JsonNode body;
      try {
        body = JSON.readTree(put.body());
      } catch (RuntimeException e) {
        continue;
      }
      if (id == null || body.get("end") == null || body.get("end").isNull()) {
        continue;
      }
      Instant end = Instant.parse(body.get("end").asString());
      Instant before = latestEnd.get(id);
      if (before != null && end.isBefore(before)) {
        stale.add(workspace + " " + id + " end " + end + " after " + before);
      } else {
        latestEnd.put(id, end);
      }
    }
    return stale;
  }

  private static String key(SimEntry entry) {
    return entry.projectId()
        + " "
        + Instant.parse(entry.start())
        + "/"
        + Instant.parse(entry.end());
  }

  private static JsonNode get(Tenant tenant, String path) {
    AtomicReference<JsonNode> body = new AtomicReference<>();
    Awaitility.await("GET " + path)
        .atMost(Duration.ofSeconds(30))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              GatewayApi.Reply reply = tenant.api().get(path);
              if (reply.status() == 200) {
                body.set(reply.json());
                return true;
              }
              return false;
            });
    return body.get();
  }

  private static String describe(String what, List<String> found) {
    return found.size()
        + " "
        + what
        + (found.isEmpty() ? "" : ", e.g. " + found.subList(0, Math.min(10, found.size())));
  }

  // ---- (a) a revoked key ----

  @Test
  @Order(2)
  void aRevokedKeyNeedsAttentionWithinAMinuteAndClockifyIsLeftAlone() {
    ensureRoutedConnector();
    Tenant tenant = world.newTenant("UTC", Map.of("mode", "ACTUAL"));
    world.record(tenant, "r1", "alpha", "2026-04-06T10:00:00Z", "2026-04-06T11:00:00Z");
    world.record(tenant, "r2", "alpha", "2026-04-07T10:00:00Z", "2026-04-07T11:00:00Z");
    PipelineWorld.eventually().until(() -> world.entries(tenant).size() == 2);

    clockify.revokeKey(tenant.apiKey());
    long revokedAt = System.nanoTime();
    world.record(tenant, "r1", "alpha", "2026-04-06T10:00:00Z", "2026-04-06T11:30:00Z");
    world.record(tenant, "r3", "beta", "2026-04-08T10:00:00Z", "2026-04-08T11:00:00Z");

    AtomicReference<String> status = new AtomicReference<>("(no answer)");
    boolean flagged;
    try {
      Awaitility.await()
          .atMost(Duration.ofMinutes(1))
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () -> {
                GatewayApi.Reply reply = tenant.api().get("/api/v1/connections/clockify");
                JsonNode field = reply.status() == 200 ? reply.json().get("status") : null;
                status.set(
                    reply.status() + " status=" + (field == null ? "absent" : field.asString()));
                return field != null && field.asString().equals("NEEDS_ATTENTION");
              });
      flagged = true;
    } catch (ConditionTimeoutException e) {
      flagged = false;
    }
    Duration window = Duration.ofSeconds(20);
    long windowStart = System.nanoTime();
    Awaitility.await("the observation window")
        .pollDelay(window)
        .atMost(window.plusSeconds(5))
        .until(() -> true);
    List<SimRequest> calls =
        clockify.requests(r -> tenant.apiKey().equals(r.apiKey()) && r.atNanos() >= revokedAt);
    long inWindow = calls.stream().filter(r -> r.atNanos() >= windowStart).count();

    SoftAssertions softly = new SoftAssertions();
    softly
        .assertThat(flagged)
        .as(
            "GET /api/v1/connections/clockify shows status NEEDS_ATTENTION within a minute of the"
                + " key's revocation; last answer: "
                + status.get())
        .isTrue();
    softly
        .assertThat(calls.size())
        .as(
            "Clockify calls with the revoked key from revocation to the end of a "
                + window.toSeconds()
                + " s window ("
                + inWindow
                + " inside the window): "
                + calls.stream()
                    .map(r -> r.method() + " " + r.path() + " " + r.outcome())
                    .limit(12)
                    .toList())
        .isLessThanOrEqualTo(5);
    softly.assertAll();

    // A new key, saved through whichever replica the gateway picks: the replica that owns the
    // user's days resumes them (the owner looks at waiting days again; the event stays local).
    String newKey = "key-" + UUID.randomUUID();
    String clockifyUser = "cu-" + tenant.workspace().substring("ws-".length());
    clockify.addKey(newKey, clockifyUser, "UTC", tenant.workspace());
    GatewayApi.Reply saved =
        tenant
            .api()
            .put(
                "/api/v1/connections/clockify",
                Map.of(
                    "apiKey",
                    newKey,
                    "workspaceId",
                    tenant.workspace(),
                    "baseUrl",
                    clockify.baseUrl()));
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    PipelineWorld.eventually()
        .untilAsserted(
            () ->
                assertThat(world.entries(tenant))
                    .extracting(SimEntry::start, SimEntry::end)
                    .containsExactlyInAnyOrder(
                        tuple("2026-04-06T10:00:00Z", "2026-04-06T11:30:00Z"),
                        tuple("2026-04-07T10:00:00Z", "2026-04-07T11:00:00Z"),
                        tuple("2026-04-08T10:00:00Z", "2026-04-08T11:00:00Z")));
  }

  // ---- (b) a DELETE on an ingest whose clock is behind ----

  @Test
  @Order(3)
  void aDeleteOnAnIngestWhoseClockIsBehindWinsOverTheEarlierPut() {
    ensureRoutedConnector();
    Tenant tenant = world.newTenant("UTC", Map.of("mode", "ACTUAL"));
    world.record(tenant, "clk", "alpha", "2026-04-13T10:00:00Z", "2026-04-13T11:00:00Z");
    PipelineWorld.eventually().until(() -> world.entries(tenant).size() == 1);

    InternalApi viaSkewed = new InternalApi(skewedIngest.url(), world.stack().internalAuthKey());
    Map<String, Object> edit = session("alpha", "2026-04-13T10:00:00Z", "2026-04-13T11:45:00Z");
    // the PUT through the gateway (tracker-ingest-1), then the DELETE on the skewed replica
    GatewayApi.Reply put = tenant.api().put("/api/v1/sessions/clk", edit);
    assertThat(put.status()).as("PUT on tracker-ingest-1: " + put.body()).isEqualTo(202);
    GatewayApi.Reply delete =
        viaSkewed.send(tenant.user().id(), "DELETE", "/api/v1/sessions/clk", null);
    Instant answeredAt = Instant.now();
    assertThat(delete.status())
        .as("DELETE on " + skewedIngest + ": " + delete.body())
        .isEqualTo(202);

    boolean gone;
    try {
      Awaitility.await()
          .atMost(Duration.ofSeconds(45))
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () ->
                  world.entries(tenant).isEmpty()
                      && get(tenant, "/api/v1/sessions?from=2026-04-13&to=2026-04-13")
                          .get("sessions")
                          .isEmpty());
      gone = true;
    } catch (ConditionTimeoutException e) {
      gone = false;
    }
    Duration skew = deleteClockSkew(tenant.user().id(), answeredAt);
    SoftAssertions softly = new SoftAssertions();
    softly
        .assertThat(skew)
        .as(
            "how far the DELETE's deletedAt (the skewed ingest's clock) is behind this JVM's clock"
                + " when the DELETE was answered: the replica must run "
                + CLOCK_BEHIND.toMinutes()
                + " minutes behind (libfaketime), else this proves nothing")
        .isGreaterThan(CLOCK_BEHIND.minusSeconds(30));
    softly
        .assertThat(gone)
        .as(
            "the session deleted after its edit is gone from the sessions API and from Clockify;"
                + " still there: entries "
                + world.entries(tenant).stream().map(ReplicatedExactlyOnceIT::key).toList()
                + ", sessions "
                + get(tenant, "/api/v1/sessions?from=2026-04-13&to=2026-04-13").get("sessions"))
        .isTrue();
    softly.assertAll();
  }

  /** Kafka record time minus the deletedAt the ingest stamped on the user's SessionDeleted. */
  private static Duration deleteClockSkew(String userId, Instant answeredAt) {
    Properties props = new Properties();
    props.put(
        "bootstrap.servers",
        world.stack().processes().sharedEnvironment().get("FOCUSSYNC_KAFKA_BOOTSTRAP"));
    props.put("group.id", "e2e-" + UUID.randomUUID());
    props.put("auto.offset.reset", "earliest");
    props.put("key.deserializer", StringDeserializer.class.getName());
    props.put("value.deserializer", StringDeserializer.class.getName());
    Duration skew = Duration.ZERO;
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
      consumer.subscribe(List.of("focussync.sessions.v1"));
      int idlePolls = 0;
      for (int polls = 0; idlePolls < 4 && polls < 200; polls++) {
        var records = consumer.poll(Duration.ofMillis(500));
        idlePolls = records.isEmpty() ? idlePolls + 1 : 0;
        for (ConsumerRecord<String, String> record : records) {
          if (userId.equals(record.key()) && record.value().contains("\"deletedAt\"")) {
            Instant deletedAt =
                Instant.parse(JSON.readTree(record.value()).get("deletedAt").asString());
            skew = Duration.between(deletedAt, answeredAt);
          }
        }
      }
    }
    return skew;
  }

  private static Map<String, Object> session(String projectKey, String start, String end) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("projectKey", projectKey);
    body.put("start", start);
    body.put("end", end);
    return body;
  }

  // ---- (c) two Notion pollers ----

  @Test
  @Order(4)
  void twoNotionConnectorsPollEachPageOncePerCycleAndPollingOutlivesAKill() {
    ensureRoutedConnector();
    Tenant tenant = world.newTenant("UTC", Map.of("mode", "ACTUAL"));
    NotionSimulator notion = world.notion();
    String token = notion.newIntegration();
    NotionSimulator.Db db = notion.createDatabase(token, NotionSimulator.focusSessionsSchema());
    for (int i = 0; i < 3; i++) {
      page(notion, db, "Page " + i, "2026-04-20T1" + i + ":00:00Z", "2026-04-20T1" + i + ":30:00Z");
    }
    GatewayApi.Reply connected =
        tenant.api().put("/api/v1/connections/notion", notionConnection(token, db, notion));
    assertThat(connected.status()).as(connected.body()).isEqualTo(200);
    PipelineWorld.eventually().until(() -> world.entries(tenant).size() == 3);

    // two replicas, a 2 s poll interval: one query of the data source per cycle, not one each
    Duration interval = Duration.ofSeconds(2);
    Duration window = Duration.ofSeconds(16);
    String queries = ".*/data_sources/" + db.dataSourceId() + "/query.*";
    int before = notion.requests("POST", queries).size();
    long cycles = window.toMillis() / interval.toMillis();
    long allowed = cycles + cycles / 4 + 1;
    AtomicInteger polled = new AtomicInteger();
    boolean oncePerCycle;
    try {
      Awaitility.await()
          .during(window)
          .atMost(window.plusSeconds(4))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                polled.set(notion.requests("POST", queries).size() - before);
                return polled.get() <= allowed;
              });
      oncePerCycle = true;
    } catch (ConditionTimeoutException e) {
      oncePerCycle = false;
    }

    // kill the stack's own replica; the other one keeps polling: a new page arrives
    replicas.stackReplica("notion-connector").kill();
    int afterKill = notion.requests("POST", queries).size();
    page(notion, db, "After the kill", "2026-04-21T10:00:00Z", "2026-04-21T10:30:00Z");
    boolean continued;
    try {
      Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> world.entries(tenant).size() == 4);
      continued = true;
    } catch (ConditionTimeoutException e) {
      continued = false;
    }
    int queriesAfterKill = notion.requests("POST", queries).size() - afterKill;

    SoftAssertions softly = new SoftAssertions();
    softly
        .assertThat(oncePerCycle)
        .as(
            "queries of the data source by two replicas in "
                + window.toSeconds()
                + " s at a "
                + interval.toSeconds()
                + " s interval: "
                + polled.get()
                + " (at most "
                + allowed
                + ": one poller per connection and cycle)")
        .isTrue();
    softly.assertThat(polled.get()).as("queries while both replicas ran").isPositive();
    softly
        .assertThat(continued)
        .as(
            "a page created after SIGKILL of notion-connector-1 reaches Clockify through the"
                + " surviving replica ("
                + queriesAfterKill
                + " queries since the kill)")
        .isTrue();
    softly.assertAll();
  }

  private static void page(
      NotionSimulator notion, NotionSimulator.Db db, String title, String start, String end) {
    notion.createPage(
        db.dataSourceId(),
        Map.of(
            "Name", NotionSimulator.title(title),
            "Date", NotionSimulator.date(start, end),
            "Project", NotionSimulator.select("alpha")));
  }

  private static Map<String, Object> notionConnection(
      String token, NotionSimulator.Db db, NotionSimulator notion) {
    return Map.of(
        "token", token,
        "databaseId", db.databaseId(),
        "baseUrl", notion.baseUrl(),
        "properties",
            Map.of(
                "title", "Name",
                "date", "Date",
                "project", "Project",
                "flowScore", "Flow score",
                "synced", "Synced",
                "entryUrl", "Clockify entry",
                "syncedAt", "Synced at"));
  }

  // ---- the load and its expectation ----

  /** A user of the main proof and the sessions the test has had accepted for them. */
  private record Planned(int index, Tenant tenant, boolean actual, Map<String, Sent> sessions) {

    /**
     * Creates (POST with the id) or edits (PUT) a session, through the gateway or directly on
     * tracker-ingest-2.
     */
    void send(
        InternalApi viaIngest2,
        boolean direct,
        boolean create,
        String id,
        String projectKey,
        LocalDate day,
        String start,
        String end) {
      Instant from = Instant.parse(day + "T" + start + ":00Z");
      Instant to = Instant.parse(day + "T" + end + ":00Z");
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("projectKey", projectKey);
      body.put("start", from.toString());
      body.put("end", to.toString());
      body.put("title", "session " + id);
      if (create) {
        body.put("id", id);
      }
      String method = create ? "POST" : "PUT";
      String path = create ? "/api/v1/sessions" : "/api/v1/sessions/" + id;
      accept(
          method + " " + id,
          () ->
              direct
                  ? viaIngest2.send(tenant.user().id(), method, path, body)
                  : tenant.api().send(method, path, body));
      synchronized (sessions) {
        sessions.put(id, new Sent(day, projectKey, from, to));
      }
    }

    void delete(InternalApi viaIngest2, boolean direct, String id) {
      accept(
          "DELETE " + id,
          () ->
              direct
                  ? viaIngest2.send(tenant.user().id(), "DELETE", "/api/v1/sessions/" + id, null)
                  : tenant.api().delete("/api/v1/sessions/" + id));
      synchronized (sessions) {
        sessions.remove(id);
      }
    }

    /** The entries the final sessions imply: "projectId start/end" per planned slot. */
    List<String> expectedEntries() {
      List<String> keys = new ArrayList<>();
      synchronized (sessions) {
        if (actual) {
          sessions
              .values()
              .forEach(s -> keys.add("p-" + s.projectKey + " " + s.start + "/" + s.end));
        } else {
          // normalized, one session a day: the whole 09:00-17:00 UTC workday on its project
          sessions
              .values()
              .forEach(
                  s ->
                      keys.add(
                          "p-"
                              + s.projectKey
                              + " "
                              + Instant.parse(s.day + "T09:00:00Z")
                              + "/"
                              + Instant.parse(s.day + "T17:00:00Z")));
        }
      }
      return keys;
    }

    private void accept(String what, Supplier<GatewayApi.Reply> call) {
      AtomicReference<String> last = new AtomicReference<>("no answer");
      try {
        Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .pollDelay(Duration.ZERO)
            .pollInterval(Duration.ofMillis(250))
            .until(
                () -> {
                  GatewayApi.Reply reply;
                  try {
                    reply = call.get();
                  } catch (UncheckedIOException e) {
                    last.set(e.getMessage());
                    return false;
                  }
                  last.set(reply.status() + " " + reply.body());
                  if (reply.status() >= 400 && reply.status() < 500 && reply.status() != 429) {
                    throw new AssertionError(
                        what + " for " + tenant.user().id() + ": " + last.get());
                  }
                  return reply.status() == 202;
                });
      } catch (ConditionTimeoutException e) {
        throw new AssertionError(
            what + " for " + tenant.user().id() + " not accepted: " + last.get(), e);
      }
    }
  }

  /** A session as last accepted. */
  private record Sent(LocalDate day, String projectKey, Instant start, Instant end) {}

  /** The load: its steps run one after the other on a scheduler, 5 a second. */
  private static final class Load {
    private final List<Runnable> steps;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger done = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

    Load(List<Runnable> steps) {
      this.steps = steps;
    }

    void start() {
      long periodMicros = 200_000;
      for (int i = 0; i < steps.size(); i++) {
        Runnable step = steps.get(i);
        scheduler.schedule(
            () -> {
              try {
                step.run();
              } catch (Throwable e) {
                failures.add(e.getMessage());
              } finally {
                done.incrementAndGet();
              }
            },
            i * periodMicros,
            TimeUnit.MICROSECONDS);
      }
    }

    void awaitDone() {
      Awaitility.await("the load's " + steps.size() + " steps")
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> done.get() == steps.size());
    }

    void stop() {
      scheduler.shutdownNow();
    }

    List<String> failures() {
      return List.copyOf(failures);
    }
  }

  /** What differs from the expectation, as lists of examples. */
  private static final class Report {
    final List<String> duplicates = new ArrayList<>();
    final List<String> orphans = new ArrayList<>();
    final List<String> missing = new ArrayList<>();
    final List<String> untagged = new ArrayList<>();
    final List<String> staleWrites = new ArrayList<>();
    final List<String> unconvergedDays = new ArrayList<>();
    final List<String> sessionMismatches = new ArrayList<>();

    boolean clean() {
      return duplicates.isEmpty()
          && orphans.isEmpty()
          && missing.isEmpty()
          && untagged.isEmpty()
          && unconvergedDays.isEmpty()
          && sessionMismatches.isEmpty();
    }

    String summary() {
      return String.format(
          "duplicates %d, orphans %d, missing %d, untagged %d, stale writes %d, unconverged days %d,"
              + " users with session mismatches %d",
          duplicates.size(),
          orphans.size(),
          missing.size(),
          untagged.size(),
          staleWrites.size(),
          unconvergedDays.size(),
          sessionMismatches.size());
    }
  }
}
