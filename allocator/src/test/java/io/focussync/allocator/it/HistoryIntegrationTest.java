package io.focussync.allocator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.focussync.contracts.dayplans.v1.DayPlanned;
import io.focussync.contracts.syncresults.v1.DaySynced;
import io.focussync.contracts.syncresults.v1.SyncedEntry;
import io.focussync.testsupport.TestHttp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * History stays put: on a Thursday a settings change re-plans Thursday and days never synced, while
 * Monday to Wednesday keep what Clockify holds until they are re-planned explicitly.
 */
class HistoryIntegrationTest extends AllocatorIntegrationTest {

  static final LocalDate LAST_FRIDAY = LocalDate.of(2026, 11, 13);
  static final LocalDate MONDAY = LocalDate.of(2026, 11, 16);
  static final LocalDate TUESDAY = LocalDate.of(2026, 11, 17);
  static final LocalDate WEDNESDAY = LocalDate.of(2026, 11, 18);
  static final LocalDate THURSDAY = LocalDate.of(2026, 11, 19);
  static final List<LocalDate> SYNCED = List.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY);

  @BeforeEach
  void aWeekPlannedAndSyncedUpToThursdayNoon() {
    clock.set(Instant.parse("2026-11-19T12:00:00Z"));
    for (LocalDate date : List.of(LAST_FRIDAY, MONDAY, TUESDAY, WEDNESDAY, THURSDAY)) {
      send(session("s-" + date, 1, "A", date + "T10:00:00Z", Duration.ofHours(2)));
    }
    for (LocalDate date : SYNCED) {
      awaitPlan(date, p -> p.revision() == 1);
      send(
          new DaySynced(
              user,
              date,
              1,
              false,
              List.of(new SyncedEntry("other", "e-" + date, null, List.of("rest:s-" + date))),
              1,
              0,
              0,
              Instant.now()));
    }
    awaitPlan(LAST_FRIDAY, p -> p.revision() == 1);
    for (LocalDate date : SYNCED) {
      await().untilAsserted(() -> assertThat(status(date)).isEqualTo("SYNCED"));
    }
  }

  private String status(LocalDate date) {
    return get("/api/v1/days/" + date).get("status").asString();
  }

  private static String slot(DayPlanned plan) {
    return plan.entries().get(0).slot();
  }

  @Test
  void aMappingChangeOnThursdayLeavesMondayToWednesdayAsClockifyHoldsThem() {
    putSettings("{\"projectMapping\": {\"A\": \"pA\"}}");

    // Replans are emitted in date order, one partition per user: once Thursday's is here, any of
    // Monday to Wednesday would be too.
    assertThat(slot(awaitPlan(THURSDAY, p -> p.revision() == 2))).isEqualTo("project:pA");
    assertThat(slot(awaitPlan(LAST_FRIDAY, p -> p.revision() == 2))).isEqualTo("project:pA");
    for (LocalDate date : List.of(MONDAY, TUESDAY, WEDNESDAY)) {
      assertThat(plansOf(date)).as(date.toString()).hasSize(1);
      JsonNode day = get("/api/v1/days/" + date);
      assertThat(day.get("status").asString()).isEqualTo("SYNCED");
      assertThat(day.get("outdated").asBoolean()).isTrue();
      assertThat(day.get("plan").get("revision").asLong()).isEqualTo(1);
      assertThat(day.get("plan").get("entries").get(0).get("slot").asString()).isEqualTo("other");
    }
    assertThat(get("/api/v1/days/" + THURSDAY).get("outdated").asBoolean()).isFalse();
  }

  @Test
  void anExplicitReplanOfMondayReplansMondayOnlyAndItsPreviewChangesNothing() {
    putSettings("{\"projectMapping\": {\"A\": \"pA\"}}");
    awaitPlan(THURSDAY, p -> p.revision() == 2);

    TestHttp.Response preview =
        call(
            "POST",
            "/api/v1/days/replan",
            "{\"from\": \"2026-11-16\", \"to\": \"2026-11-19\", \"preview\": true}");
    assertThat(preview.status()).as(preview.body()).isEqualTo(200);
    JsonNode days = JSON.readTree(preview.body()).get("days");
    assertThat(days.findValuesAsString("date"))
        .containsExactly("2026-11-16", "2026-11-17", "2026-11-18");
    assertThat(days.get(0).get("current").get("revision").asLong()).isEqualTo(1);
    assertThat(days.get(0).get("current").get("entries").get(0).get("slot").asString())
        .isEqualTo("other");
    assertThat(days.get(0).get("proposed").get("entries").get(0).get("slot").asString())
        .isEqualTo("project:pA");

    TestHttp.Response replan =
        call("POST", "/api/v1/days/replan", "{\"from\": \"2026-11-16\", \"to\": \"2026-11-16\"}");
    assertThat(replan.status()).as(replan.body()).isEqualTo(202);
    assertThat(JSON.readTree(replan.body()).get("replanned").toString())
        .isEqualTo("[\"2026-11-16\"]");

    assertThat(slot(awaitPlan(MONDAY, p -> p.revision() == 2))).isEqualTo("project:pA");
    // A later plan of the same user: once it is here, nothing else was emitted before it.
    call("POST", "/api/v1/days/" + THURSDAY + "/resync", null);
    awaitPlan(THURSDAY, p -> p.revision() == 3);
    assertThat(plansOf(TUESDAY)).hasSize(1);
    assertThat(plansOf(WEDNESDAY)).hasSize(1);
    assertThat(plansOf(MONDAY)).hasSize(2);
    assertThat(get("/api/v1/days/" + MONDAY).get("outdated").asBoolean()).isFalse();
  }

  @Test
  void badReplanRangesAre400sNamingTheField() {
    assertProblem("{\"to\": \"2026-11-16\"}", "from");
    assertProblem("{\"from\": \"2026-11-16\"}", "to");
    assertProblem("{\"from\": \"2026-11-31\", \"to\": \"2026-12-01\"}", "from");
    assertProblem("{\"from\": 20261116, \"to\": \"2026-11-16\"}", "from");
    assertProblem("{\"from\": \"2026-11-17\", \"to\": \"2026-11-16\"}", "to");
    assertProblem("{\"from\": \"2025-01-01\", \"to\": \"2026-11-16\"}", "to");
    assertProblem("{\"from\": \"2026-11-16\", \"to\": \"2026-11-16\", \"preview\": 1}", "preview");
    assertThat(call("POST", "/api/v1/days/replan", "[]").status()).isEqualTo(400);
    assertThat(plansOf(MONDAY)).hasSize(1);
  }

  private void assertProblem(String body, String field) {
    TestHttp.Response response = call("POST", "/api/v1/days/replan", body);
    assertThat(response.status()).as(body).isEqualTo(400);
    assertThat(response.header("Content-Type")).contains("application/problem+json");
    assertThat(JSON.readTree(response.body()).get("errors").findValuesAsString("field"))
        .as(body)
        .containsExactly(field);
  }
}
