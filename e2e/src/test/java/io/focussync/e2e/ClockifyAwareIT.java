package io.focussync.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.focussync.clockify.simulator.ClockifySimulator;
import io.focussync.clockify.simulator.SimEntry;
import io.focussync.e2e.support.GatewayApi;
import io.focussync.e2e.support.PipelineWorld;
import io.focussync.e2e.support.PipelineWorld.Tenant;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Focus Sync alongside what is already in Clockify, through the packaged services: the user's own
 * entries are planned around and never touched, a locked period gets no call, project ids are
 * checked against the workspace's projects, and a settings change leaves synced history alone until
 * a replan is asked for.
 */
class ClockifyAwareIT {

  private final PipelineWorld world = PipelineWorld.get();
  private final ClockifySimulator clockify = world.clockify();

  @Test
  void aManualEntryIsPlannedAroundAndItsRemovalFillsTheWholeDayAgain() {
    Tenant tenant = world.newTenant("UTC", Map.of());
    LocalDate day = LocalDate.parse("2026-04-08");
    SimEntry meeting =
        clockify.putEntry(
            new SimEntry(
                clockify.newId(),
                tenant.workspace(),
                clockifyUser(tenant),
                null,
                day + "T10:00:00Z",
                day + "T11:00:00Z",
                "Meeting, logged by hand",
                List.of(),
                false));

    world.record(tenant, "m1", "alpha", day + "T09:00:00Z", day + "T12:00:00Z");
    world.record(tenant, "m2", "beta", day + "T13:00:00Z", day + "T14:00:00Z");

    PipelineWorld.eventually()
        .untilAsserted(
            () -> {
              List<SimEntry> ours = ours(tenant, meeting);
              assertThat(total(ours)).as("ours fill the rest of the 8 h day").isEqualTo(hours(7));
              assertThat(ours).noneMatch(e -> overlaps(e, meeting));
              assertThat(byProject(ours))
                  .as("3 h : 1 h of the 7 free hours")
                  .containsExactlyInAnyOrderEntriesOf(
                      Map.of(
                          "p-alpha", Duration.ofMinutes(315), "p-beta", Duration.ofMinutes(105)));
            });
    assertThat(clockify.entry(meeting.id())).contains(meeting);
    GatewayApi.Reply view = tenant.api().get("/api/v1/days/" + day);
    assertThat(view.json().get("manualEntries").toString()).contains(day + "T10:00:00Z");

    clockify.deleteAsUser(meeting.id());
    GatewayApi.Reply resync = tenant.api().post("/api/v1/days/" + day + "/resync", Map.of());
    assertThat(resync.status()).as(resync.body()).isEqualTo(202);

    PipelineWorld.eventually()
        .untilAsserted(
            () -> {
              List<SimEntry> ours = world.entries(tenant);
              assertThat(total(ours)).as("the whole day again").isEqualTo(hours(8));
              assertThat(byProject(ours))
                  .containsExactlyInAnyOrderEntriesOf(
                      Map.of("p-alpha", Duration.ofHours(6), "p-beta", Duration.ofHours(2)));
            });
  }

  @Test
  void aLockedPeriodGetsNoCallAndItsDayIsClosedWithTheReason() {
    Tenant tenant = world.newTenant("UTC", Map.of());
    LocalDate day = LocalDate.parse("2026-04-07");
    clockify.lockEntriesBefore(tenant.workspace(), Instant.parse("2026-04-09T00:00:00Z"), "UTC");

    world.record(tenant, "l1", "alpha", day + "T09:00:00Z", day + "T12:00:00Z");

    PipelineWorld.eventually()
        .untilAsserted(
            () -> {
              GatewayApi.Reply view = tenant.api().get("/api/v1/days/" + day);
              assertThat(view.json().get("status").asString()).isEqualTo("CLOSED");
              assertThat(view.body()).contains("2026-04-09");
            });
    assertThat(clockify.requests(r -> r.isEntryWrite() && r.path().contains(tenant.workspace())))
        .isEmpty();
  }

  @Test
  void aProjectIdTheWorkspaceDoesNotHaveIsRefusedNamingIt() {
    Tenant tenant = world.newTenant("UTC", Map.of());
    String alpha = clockify.addProject(tenant.workspace(), "Alpha", null, "#03A9F4", false).id();
    String old = clockify.addProject(tenant.workspace(), "Old", null, "#9E9E9E", true).id();

    GatewayApi.Reply unknown =
        tenant.api().put("/api/v1/settings/allocation", settings(alpha, "p-nowhere"));
    GatewayApi.Reply archived =
        tenant.api().put("/api/v1/settings/allocation", settings(alpha, old));
    GatewayApi.Reply known =
        tenant.api().put("/api/v1/settings/allocation", settings(alpha, alpha));

    assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
    assertThat(unknown.body()).contains("p-nowhere");
    assertThat(archived.status()).as(archived.body()).isEqualTo(400);
    assertThat(archived.body()).contains(old);
    assertThat(known.status()).as(known.body()).isEqualTo(200);
  }

  @Test
  void aMappingChangeLeavesSyncedPastDaysAloneUntilAReplanOfOneOfThem() {
    Tenant tenant = world.newTenant("UTC", Map.of());
    String alpha = clockify.addProject(tenant.workspace(), "Alpha", null, "#03A9F4", false).id();
    String gamma = clockify.addProject(tenant.workspace(), "Gamma", null, "#8BC34A", false).id();
    GatewayApi.Reply before =
        tenant.api().put("/api/v1/settings/allocation", settings(alpha, alpha));
    assertThat(before.status()).as(before.body()).isEqualTo(200);
    LocalDate monday =
        LocalDate.now(ZoneOffset.UTC)
            .minusWeeks(1)
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    LocalDate tuesday = monday.plusDays(1);
    world.record(tenant, "h1", "alpha", monday + "T09:00:00Z", monday + "T10:00:00Z");
    world.record(tenant, "h2", "alpha", tuesday + "T09:00:00Z", tuesday + "T10:00:00Z");
    PipelineWorld.eventually()
        .untilAsserted(
            () ->
                assertThat(world.entries(tenant))
                    .hasSize(2)
                    .allMatch(e -> alpha.equals(e.projectId())));
    long writesBefore = world.entryWrites(tenant);

    GatewayApi.Reply changed =
        tenant.api().put("/api/v1/settings/allocation", settings(gamma, gamma));
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    Awaitility.await("synced past days left alone after the settings change")
        .during(Duration.ofSeconds(5))
        .atMost(Duration.ofSeconds(10))
        .until(() -> world.entryWrites(tenant) == writesBefore);

    GatewayApi.Reply replan =
        tenant
            .api()
            .post(
                "/api/v1/days/replan", Map.of("from", monday.toString(), "to", monday.toString()));
    assertThat(replan.status()).as(replan.body()).isEqualTo(202);
    PipelineWorld.eventually()
        .untilAsserted(
            () ->
                assertThat(world.entries(tenant))
                    .extracting(e -> e.start().substring(0, 10), SimEntry::projectId)
                    .containsExactlyInAnyOrder(
                        tuple(monday.toString(), gamma), tuple(tuesday.toString(), alpha)));
  }

  private static Map<String, Object> settings(String alphaProject, String otherProject) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("timeZone", "UTC");
    settings.put("workdays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"));
    settings.put("workdayStart", "09:00");
    settings.put("workdayEnd", "17:00");
    settings.put("mode", "NORMALIZED");
    settings.put("granularityMinutes", 1);
    settings.put("description", "Development");
    settings.put("otherProjectId", otherProject);
    settings.put("projectMapping", Map.of("alpha", alphaProject));
    settings.put("rules", List.of());
    settings.put("pushPolicy", "LIVE");
    settings.put("holidays", List.of());
    return settings;
  }

  private List<SimEntry> ours(Tenant tenant, SimEntry manual) {
    return world.entries(tenant).stream().filter(e -> !e.id().equals(manual.id())).toList();
  }

  private static String clockifyUser(Tenant tenant) {
    return "cu-" + tenant.workspace().substring("ws-".length());
  }

  private static boolean overlaps(SimEntry a, SimEntry b) {
    return Instant.parse(a.start()).isBefore(Instant.parse(b.end()))
        && Instant.parse(b.start()).isBefore(Instant.parse(a.end()));
  }

  private static Duration length(SimEntry entry) {
    return PipelineWorld.length(entry);
  }

  private static Map<String, Duration> byProject(List<SimEntry> entries) {
    Map<String, Duration> totals = new java.util.TreeMap<>();
    entries.forEach(e -> totals.merge(e.projectId(), length(e), Duration::plus));
    return totals;
  }

  private static Duration total(List<SimEntry> entries) {
    return entries.stream().map(ClockifyAwareIT::length).reduce(Duration.ZERO, Duration::plus);
  }

  private static Duration hours(int hours) {
    return Duration.ofHours(hours);
  }
}
