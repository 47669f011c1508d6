package io.focussync.e2e;

import static io.focussync.e2e.support.PipelineWorld.eventually;
import static io.focussync.e2e.support.PipelineWorld.length;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.focussync.clockify.simulator.SimEntry;
import io.focussync.e2e.support.GatewayApi;
import io.focussync.e2e.support.PipelineWorld;
import io.focussync.e2e.support.PipelineWorld.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Sessions posted through the gateway end as Clockify entries: scenarios 1, 3 and 8. */
class TrackerToClockifyIT {

  private final PipelineWorld world = PipelineWorld.get();

  @Test
  void aWeekOfTrackerSessionsBecomesExactlyTheExpectedEntriesAndTheDaysShowSynced() {
    Tenant ada = world.newTenant("Europe/Madrid", Map.of());
    // Monday 2026-11-09 (Madrid is UTC+1): 3h alpha, 1h beta, 1h unmapped → 4h48m, 1h36m, 1h36m
    world.record(ada, "mon-a", "alpha", "2026-11-09T09:00:00+01:00", "2026-11-09T12:00:00+01:00");
    world.record(ada, "mon-b", "beta", "2026-11-09T13:00:00+01:00", "2026-11-09T14:00:00+01:00");
    world.record(ada, "mon-c", "misc", "2026-11-09T15:00:00+01:00", "2026-11-09T16:00:00+01:00");
    // Tuesday to Friday: one mapped session a day → the whole 8h day on that project
    for (String day : List.of("10", "11", "12", "13")) {
      world.record(
          ada,
          "d" + day,
          "alpha",
          "2026-11-" + day + "T10:00:00+01:00",
          "2026-11-" + day + "T11:30:00+01:00");
    }
    // Saturday: skipped
    world.record(ada, "sat", "alpha", "2026-11-14T10:00:00+01:00", "2026-11-14T11:00:00+01:00");

    eventually().untilAsserted(() -> assertThat(world.entries(ada)).hasSize(3 + 4));
    List<SimEntry> monday = onLocalDay(world.entries(ada), "2026-11-09");
    assertThat(
            monday.stream().collect(Collectors.toMap(SimEntry::projectId, PipelineWorld::length)))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "p-alpha", Duration.ofMinutes(288),
                "p-beta", Duration.ofMinutes(96),
                "p-other", Duration.ofMinutes(96)));
    assertContiguousWorkday(monday, "2026-11-09T08:00:00Z", "2026-11-09T16:00:00Z");
    for (String day : List.of("10", "11", "12", "13")) {
      List<SimEntry> entries = onLocalDay(world.entries(ada), "2026-11-" + day);
      assertThat(entries).singleElement().satisfies(e -> assertThat(length(e)).hasHours(8));
    }
    assertThat(onLocalDay(world.entries(ada), "2026-11-14")).isEmpty();

    eventually()
        .untilAsserted(
            () -> {
              JsonNode days = ada.api().get("/api/v1/days?from=2026-11-09&to=2026-11-13").json();
              assertThat(days.get("days"))
                  .allSatisfy(day -> assertThat(day.get("status").asString()).isEqualTo("SYNCED"));
            });
    // The settled week writes nothing more. (How many writes it took depends on how the three
    // Monday sessions were coalesced: at least one per entry, 7.)
    long writes = world.entryWrites(ada);
    assertThat(writes).isGreaterThanOrEqualTo(7);
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .until(() -> world.entryWrites(ada) == writes);
  }

  @Test
  void editingAndDeletingSessionsUpdatesAndDeletesTheirEntriesAndNothingElse() {
    Tenant bo = world.newTenant("UTC", Map.of("mode", "ACTUAL"));
    world.record(bo, "keep", "alpha", "2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");
    world.record(bo, "edit", "alpha", "2026-11-16T11:00:00Z", "2026-11-16T12:00:00Z");
    world.record(bo, "gone", "beta", "2026-11-16T13:00:00Z", "2026-11-16T14:00:00Z");
    eventually().untilAsserted(() -> assertThat(world.entries(bo)).hasSize(3));
    SimEntry kept = entryStarting(world.entries(bo), "2026-11-16T09:00:00Z");

    world.record(bo, "edit", "beta", "2026-11-16T11:00:00Z", "2026-11-16T12:30:00Z");
    GatewayApi.Reply deleted = bo.api().delete("/api/v1/sessions/gone");
    assertThat(deleted.status()).as(deleted.body()).isEqualTo(202);

    eventually()
        .untilAsserted(
            () -> {
              List<SimEntry> entries = world.entries(bo);
              assertThat(entries).hasSize(2);
              SimEntry edited = entryStarting(entries, "2026-11-16T11:00:00Z");
              assertThat(edited.end()).isEqualTo("2026-11-16T12:30:00Z");
              assertThat(edited.projectId()).isEqualTo("p-beta");
            });
    assertThat(entryStarting(world.entries(bo), "2026-11-16T09:00:00Z")).isEqualTo(kept);
    assertThat(world.clockify().requests(r -> r.isEntryWrite() && r.path().contains(kept.id())))
        .as("the untouched entry is never written again")
        .isEmpty();
  }

  @Test
  void usersInDifferentTimeZonesGetTheirOwnDaysForTheSameInstants() {
    Tenant madrid = world.newTenant("Europe/Madrid", Map.of("mode", "ACTUAL"));
    Tenant angeles = world.newTenant("America/Los_Angeles", Map.of("mode", "ACTUAL"));
    // 2026-11-18T06:30Z is Wednesday 07:30 in Madrid and Tuesday 22:30 in Los Angeles
    for (Tenant tenant : List.of(madrid, angeles)) {
      world.record(tenant, "late", "alpha", "2026-11-18T06:30:00Z", "2026-11-18T07:30:00Z");
    }

    eventually()
        .untilAsserted(
            () -> {
              assertThat(world.entries(madrid)).hasSize(1);
              assertThat(world.entries(angeles)).hasSize(1);
            });
    assertThat(madrid.api().get("/api/v1/days/2026-11-18").json().get("plan").get("entries"))
        .hasSize(1);
    assertThat(angeles.api().get("/api/v1/days/2026-11-17").json().get("plan").get("entries"))
        .hasSize(1);
    assertThat(angeles.api().get("/api/v1/days/2026-11-18").json().get("status").asString())
        .isEqualTo("NO_SESSIONS");
  }

  private static List<SimEntry> onLocalDay(List<SimEntry> entries, String madridDate) {
    Instant from = Instant.parse(madridDate + "T00:00:00Z").minus(Duration.ofHours(1));
    Instant to = from.plus(Duration.ofDays(1));
    return entries.stream()
        .filter(
            e -> !Instant.parse(e.start()).isBefore(from) && Instant.parse(e.start()).isBefore(to))
        .toList();
  }

  private static void assertContiguousWorkday(List<SimEntry> entries, String start, String end) {
    List<SimEntry> sorted = entries.stream().sorted(Comparator.comparing(SimEntry::start)).toList();
    assertThat(sorted.get(0).start()).isEqualTo(start);
    assertThat(sorted.get(sorted.size() - 1).end()).isEqualTo(end);
    for (int i = 1; i < sorted.size(); i++) {
      assertThat(sorted.get(i).start()).isEqualTo(sorted.get(i - 1).end());
    }
  }

  private static SimEntry entryStarting(List<SimEntry> entries, String start) {
    return entries.stream().filter(e -> e.start().equals(start)).findFirst().orElseThrow();
  }
}
