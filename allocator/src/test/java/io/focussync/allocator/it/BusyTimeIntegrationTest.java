package io.focussync.allocator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.focussync.contracts.Topics;
import io.focussync.contracts.dayplans.v1.BusyInterval;
import io.focussync.contracts.dayplans.v1.DayPlanned;
import io.focussync.contracts.dayplans.v1.PlannedEntry;
import io.focussync.contracts.syncresults.v1.DayBusyObserved;
import io.focussync.contracts.syncresults.v1.DaySyncFailed;
import io.focussync.contracts.syncresults.v1.DaySynced;
import io.focussync.contracts.syncresults.v1.SyncedEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The clockify-connector's observations of the user's own Clockify entries (DayBusyObserved)
 * re-plan the day around them at once, and the day view shows them.
 */
class BusyTimeIntegrationTest extends AllocatorIntegrationTest {

  static final LocalDate FRIDAY = LocalDate.of(2026, 11, 20);

  static BusyInterval busy(String start, String end) {
    return new BusyInterval(Instant.parse(start), Instant.parse(end));
  }

  private DayBusyObserved observed(long revision, Instant at, BusyInterval... busy) {
    return new DayBusyObserved(user, FRIDAY, revision, List.of(busy), at);
  }

  private JsonNode day() {
    return get("/api/v1/days/2026-11-20");
  }

  private static List<String> spans(DayPlanned plan) {
    return plan.entries().stream()
        .map((PlannedEntry e) -> e.slot() + " " + e.start() + " " + e.end())
        .toList();
  }

  @Test
  void aManualHourIsPlannedAroundAtOnceEvenOnASyncedDay() {
    send(session("a", 1, "A", "2026-11-20T10:00:00Z", Duration.ofHours(2)));
    awaitPlan(FRIDAY, p -> p.revision() == 1);
    send(
        new DaySynced(
            user,
            FRIDAY,
            1,
            false,
            List.of(new SyncedEntry("other", "e-1", null, List.of("rest:a"))),
            1,
            0,
            0,
            Instant.now()));
    await().untilAsserted(() -> assertThat(day().get("status").asString()).isEqualTo("SYNCED"));

    BusyInterval manual = busy("2026-11-20T10:00:00Z", "2026-11-20T11:00:00Z");
    send(observed(1, Instant.now(), manual));

    DayPlanned second = awaitPlan(FRIDAY, p -> p.revision() == 2);
    assertThat(second.busy()).containsExactly(manual);
    assertThat(spans(second))
        .containsExactly(
            "other 2026-11-20T09:00:00Z 2026-11-20T10:00:00Z",
            "other~2 2026-11-20T11:00:00Z 2026-11-20T17:00:00Z");
    JsonNode day = day();
    assertThat(day.get("status").asString()).isEqualTo("PENDING");
    assertThat(day.get("manualEntries")).hasSize(1);
    assertThat(OffsetDateTime.parse(day.get("manualEntries").get(0).get("start").asString()))
        .isEqualTo(OffsetDateTime.parse("2026-11-20T10:00:00Z"));
    assertThat(day.get("plan").get("entries")).hasSize(2);
    assertThat(day.get("conflicts")).isEmpty();
    assertThat(day.has("reason")).isFalse();
  }

  @Test
  void manualTimeOverTheWholeWorkDayLeavesNothingToPush() {
    send(session("a", 1, "A", "2026-11-20T10:00:00Z", Duration.ofHours(2)));
    awaitPlan(FRIDAY, p -> p.revision() == 1);

    send(observed(1, Instant.now(), busy("2026-11-20T08:30:00Z", "2026-11-20T17:30:00Z")));

    DayPlanned second = awaitPlan(FRIDAY, p -> p.revision() == 2);
    assertThat(second.entries()).isEmpty();
    assertThat(second.busy()).hasSize(1);
    send(new DaySynced(user, FRIDAY, 2, false, List.of(), 0, 0, 0, Instant.now()));
    await().untilAsserted(() -> assertThat(day().get("status").asString()).isEqualTo("SYNCED"));
    assertThat(day().get("reason").asString()).contains("fill the work day");
    assertThat(day().get("plan").get("entries")).isEmpty();
  }

  @Test
  void anOlderObservationThanTheDayHoldsChangesNothing() {
    send(session("a", 1, "A", "2026-11-20T10:00:00Z", Duration.ofHours(2)));
    awaitPlan(FRIDAY, p -> p.revision() == 1);
    Instant now = Instant.now();
    BusyInterval newer = busy("2026-11-20T10:00:00Z", "2026-11-20T11:00:00Z");
    BusyInterval older = busy("2026-11-20T13:00:00Z", "2026-11-20T14:00:00Z");
    BusyInterval latest = busy("2026-11-20T15:00:00Z", "2026-11-20T16:00:00Z");

    send(observed(1, now, newer));
    send(observed(1, now.minusSeconds(60), older));
    send(observed(2, now.plusSeconds(60), latest));

    awaitPlan(FRIDAY, p -> p.busy().equals(List.of(latest)));
    // One poll may hold all three (its newest observation of the day wins), or each comes alone.
    assertThat(plansOf(FRIDAY))
        .extracting(DayPlanned::busy)
        .doesNotContain(List.of(older))
        .endsWith(List.of(latest));
    assertThat(byRevision(FRIDAY)).allSatisfy((revision, plans) -> assertThat(plans).hasSize(1));
  }

  @Test
  void actualSessionsOverlappingManualEntriesAreConflictsListedInTheDayView() {
    putSettings("{\"mode\": \"ACTUAL\"}");
    send(session("over", 1, "A", "2026-11-20T09:30:00Z", Duration.ofHours(1)));
    send(session("free", 1, "A", "2026-11-20T11:00:00Z", Duration.ofHours(1)));
    awaitPlan(FRIDAY, p -> p.entries().size() == 2);

    send(observed(1, Instant.now(), busy("2026-11-20T10:00:00Z", "2026-11-20T11:00:00Z")));

    DayPlanned plan = awaitPlan(FRIDAY, p -> !p.busy().isEmpty());
    assertThat(plan.entries()).extracting(PlannedEntry::slot).containsExactly("rest:free");
    JsonNode conflicts = day().get("conflicts");
    assertThat(conflicts).hasSize(1);
    assertThat(conflicts.get(0).get("sessionId").asString()).isEqualTo("rest:over");
    assertThat(OffsetDateTime.parse(conflicts.get(0).get("end").asString()))
        .isEqualTo(OffsetDateTime.parse("2026-11-20T10:30:00Z"));
  }

  @Test
  void aDayInAPeriodClockifyLocksIsClosedWithTheReason() {
    send(session("a", 1, "A", "2026-11-20T10:00:00Z", Duration.ofHours(2)));
    awaitPlan(FRIDAY, p -> p.revision() == 1);

    send(
        new DaySyncFailed(
            user,
            FRIDAY,
            1,
            "CLOSED",
            "Clockify locks entries before 2026-11-23",
            List.of(),
            Instant.now()));

    await().untilAsserted(() -> assertThat(day().get("status").asString()).isEqualTo("CLOSED"));
    assertThat(day().get("reason").asString())
        .isEqualTo("Clockify locks entries before 2026-11-23");
    assertThat(day().get("sync").get("lastError").asString())
        .isEqualTo("Clockify locks entries before 2026-11-23");
  }

  @Test
  void anObservationWithAReversedIntervalIsPoison() {
    send(observed(1, Instant.now(), busy("2026-11-20T11:00:00Z", "2026-11-20T10:00:00Z")));

    PlanCollector dlq = PlanCollector.of(Topics.SYNC_RESULTS + ".allocator.dlq");
    List<ConsumerRecord<String, byte[]>> dead =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> dlq.records(user), records -> records.size() == 1);
    assertThat(new String(dead.get(0).headers().lastHeader("x-exception-message").value()))
        .contains("busy interval");
  }
}
