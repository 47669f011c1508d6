package io.focussync.e2e;

import static io.focussync.e2e.support.PipelineWorld.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.clockify.simulator.ClockifySimulator;
import io.focussync.clockify.simulator.SimEntry;
import io.focussync.clockify.simulator.SimFault;
import io.focussync.clockify.simulator.SimRequest;
import io.focussync.e2e.support.PipelineWorld;
import io.focussync.e2e.support.PipelineWorld.Tenant;
import io.focussync.localstack.LocalStack;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The pipeline under kills, restarts, Clockify faults and a full replay: scenarios 4 to 7. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

  private static final List<String> CONSUMERS =
      List.of("allocator", "clockify-connector", "notion-connector");

  private final PipelineWorld world = PipelineWorld.get();
  private final LocalStack processes = world.stack().processes();

  @Test
  @Order(1)
  void killingTheClockifyConnectorMidRunLeavesNoDuplicatesAndTheRunConverges() {
    Tenant tenant = world.newTenant("UTC", Map.of("mode", "ACTUAL"));
    world.clockify().setLatency(150);
    try {
      int sessions = recordDays(tenant, "2026-10-05", 15, 2);
      eventually().until(() -> world.entries(tenant).size() >= 3);

      processes.service("clockify-connector").kill();
      processes.service("clockify-connector").start();
      processes.awaitHealthy();

      eventually().untilAsserted(() -> assertThat(world.entries(tenant)).hasSize(sessions));
    } finally {
      world.clockify().setLatency(0);
    }
    assertNoDuplicates(world.entries(tenant));
  }

  @Test
  @Order(2)
  void restartingTheBrokerAndTheStoreDuringARunLosesNothing() {
    Tenant tenant = world.newTenant("UTC", Map.of("mode", "ACTUAL"));
    int first = recordDays(tenant, "2026-09-07", 5, 2);

    processes.broker().restart();
    int second = recordDaysRetrying(tenant, "2026-09-14", 5, 2);
    processes.mongo().restart();
    int third = recordDaysRetrying(tenant, "2026-09-21", 5, 2);

    eventually()
        .atMost(Duration.ofMinutes(3))
        .untilAsserted(() -> assertThat(world.entries(tenant)).hasSize(first + second + third));
    assertNoDuplicates(world.entries(tenant));
  }

  @Test
  @Order(3)
  void clockifyAnswering429And5xxForAWhileConvergesWithinTheRateLimit() {
    Tenant tenant = world.newTenant("UTC", Map.of("mode", "ACTUAL"));
    ClockifySimulator clockify = world.clockify();
    String writes = "/api/v1/workspaces/" + tenant.workspace() + "/time-entries.*";
    clockify.fail("POST", writes, 6, SimFault.tooManyRequests(1));
    clockify.fail("POST", writes, 4, SimFault.tooManyRequests(null));
    clockify.fail("POST", writes, 3, SimFault.status(503));
    clockify.fail("POST", writes, 2, SimFault.status(500));

    int sessions = recordDays(tenant, "2026-08-03", 5, 3);

    eventually()
        .atMost(Duration.ofMinutes(3))
        .untilAsserted(() -> assertThat(world.entries(tenant)).hasSize(sessions));
    assertNoDuplicates(world.entries(tenant));
    List<SimRequest> calls =
        clockify.requests(r -> r.path().contains("/workspaces/" + tenant.workspace() + "/"));
    assertThat(ClockifySimulator.maxInWindow(calls, Duration.ofSeconds(1).toNanos()))
        .as("requests in any one second against the workspace's default limit of 10/s")
        .isLessThanOrEqualTo(10);
  }

  @Test
  @Order(4)
  void replayingEveryTopicFromTheStartCausesNoNewClockifyWrites() throws Exception {
    Tenant tenant = world.newTenant("UTC", Map.of());
    recordDays(tenant, "2026-07-06", 5, 2);
    // normalized mode: an alpha and a beta entry each day
    eventually().untilAsserted(() -> assertThat(world.entries(tenant)).hasSize(10));
    try (Admin admin = Admin.create(adminProperties())) {
      eventually().until(() -> caughtUp(admin));
      long writesBefore = world.clockify().requests(SimRequest::isEntryWrite).size();

      for (String service : CONSUMERS) {
        processes.service(service).stop(Duration.ofSeconds(20));
      }
      rewindToTheStart(admin);
      for (String service : CONSUMERS) {
        processes.service(service).start();
      }
      processes.awaitHealthy();

      eventually().atMost(Duration.ofMinutes(3)).until(() -> caughtUp(admin));
      assertThat(world.clockify().requests(SimRequest::isEntryWrite))
          .as("entry writes after a full replay")
          .hasSize((int) writesBefore);
    }
  }

  /** Records {@code perDay} one-hour sessions on each of {@code days} weekdays from a Monday. */
  private int recordDays(Tenant tenant, String monday, int days, int perDay) {
    int count = 0;
    LocalDate day = LocalDate.parse(monday);
    for (int d = 0; d < days; d++, day = nextWeekday(day)) {
      for (int s = 0; s < perDay; s++) {
        String start = day + "T" + (10 + 2 * s) + ":00:00Z";
        String end = day + "T" + (11 + 2 * s) + ":00:00Z";
        world.record(tenant, day + "-" + s, s % 2 == 0 ? "alpha" : "beta", start, end);
        count++;
      }
    }
    return count;
  }

  /** As {@link #recordDays}, retrying a session the API answered 503 (a dependency restarting). */
  private int recordDaysRetrying(Tenant tenant, String monday, int days, int perDay) {
    int count = 0;
    LocalDate day = LocalDate.parse(monday);
    for (int d = 0; d < days; d++, day = nextWeekday(day)) {
      for (int s = 0; s < perDay; s++) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", day + "-" + s);
        body.put("projectKey", "alpha");
        body.put("start", day + "T" + (10 + 2 * s) + ":00:00Z");
        body.put("end", day + "T" + (11 + 2 * s) + ":00:00Z");
        eventually()
            .atMost(Duration.ofMinutes(2))
            .until(() -> tenant.api().post("/api/v1/sessions", body).status() == 202);
        count++;
      }
    }
    return count;
  }

  private static LocalDate nextWeekday(LocalDate day) {
    LocalDate next = day.plusDays(1);
    while (next.getDayOfWeek().getValue() > 5) {
      next = next.plusDays(1);
    }
    return next;
  }

  private static void assertNoDuplicates(List<SimEntry> entries) {
    Set<String> distinct =
        entries.stream().map(e -> e.projectId() + "@" + e.start()).collect(Collectors.toSet());
    assertThat(distinct).hasSameSizeAs(entries);
  }

  private Properties adminProperties() {
    Properties props = new Properties();
    props.put("bootstrap.servers", processes.sharedEnvironment().get("FOCUSSYNC_KAFKA_BOOTSTRAP"));
    return props;
  }

  /** Whether every consumer group has committed up to the end of every partition it reads. */
  private static boolean caughtUp(Admin admin) throws ExecutionException, InterruptedException {
    for (String group : CONSUMERS) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
          admin.listOffsets(latest).all().get();
      for (var entry : committed.entrySet()) {
        if (entry.getValue() == null
            || entry.getValue().offset() < ends.get(entry.getKey()).offset()) {
          return false;
        }
      }
    }
    return true;
  }

  private static void rewindToTheStart(Admin admin)
      throws ExecutionException, InterruptedException {
    for (String group : CONSUMERS) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
      committed.keySet().forEach(partition -> start.put(partition, new OffsetAndMetadata(0)));
      admin.alterConsumerGroupOffsets(group, start).all().get();
    }
  }
}
