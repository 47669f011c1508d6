package io.focussync.allocator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.focussync.allocator.day.DaySweeper;
import io.focussync.contracts.dayplans.v1.DayPlanned;
import io.focussync.testsupport.TestHttp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class PolicyIntegrationTest extends AllocatorIntegrationTest {

  static final LocalDate FRIDAY = LocalDate.of(2026, 11, 20);

  @Autowired DaySweeper sweeper;

  private String status() {
    return get("/api/v1/days/2026-11-20").get("status").asString();
  }

  @Test
  void dayEndPushesOnlyOnceTheDayAndItsGraceAreOver() {
    clock.set(Instant.parse("2026-11-20T12:00:00Z"));
    putSettings("{\"timeZone\": \"Europe/Berlin\", \"pushPolicy\": \"DAY_END\"}");
    send(session("a", 1, "A", "2026-11-20T09:00:00Z", Duration.ofHours(1)));
    await().untilAsserted(() -> assertThat(status()).isEqualTo("PLANNED"));
    awaitProcessed();
    assertThat(plansOf(FRIDAY)).isEmpty();

    // Berlin's day ends at 23:00Z; with 2 h grace the day is due at 01:00Z.
    clock.set(Instant.parse("2026-11-21T00:59:00Z"));
    sweeper.sweep();
    assertThat(plansOf(FRIDAY)).isEmpty();
    clock.set(Instant.parse("2026-11-21T01:00:00Z"));
    sweeper.sweep();

    DayPlanned plan = awaitPlan(FRIDAY, p -> true);
    assertThat(plan.revision()).isEqualTo(1);
    assertThat(status()).isEqualTo("PENDING");
  }

  @Test
  void approvalPushesOnlyApprovedContentAndAChangeNeedsANewApproval() {
    putSettings("{\"pushPolicy\": \"APPROVAL\"}");
    send(session("a", 1, "A", "2026-11-20T09:00:00Z", Duration.ofHours(1)));
    await().untilAsserted(() -> assertThat(status()).isEqualTo("AWAITING_APPROVAL"));
    awaitProcessed();
    assertThat(plansOf(FRIDAY)).isEmpty();

    assertThat(call("POST", "/api/v1/days/2026-11-20/approve", null).status()).isEqualTo(202);
    awaitPlan(FRIDAY, p -> p.revision() == 1);
    assertThat(status()).isEqualTo("PENDING");

    send(session("b", 1, "B", "2026-11-20T11:00:00Z", Duration.ofHours(1)));
    await().untilAsserted(() -> assertThat(status()).isEqualTo("AWAITING_APPROVAL"));
    awaitProcessed();
    assertThat(plansOf(FRIDAY)).hasSize(1);
    TestHttp.Response refused = call("POST", "/api/v1/days/2026-11-20/resync", null);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body())
        .contains("\"status\":409")
        .contains(
            "{\"field\":\"date\",\"message\":\"the day's plan awaits approval: approve it"
                + " instead\"}");

    call("POST", "/api/v1/days/2026-11-20/approve", null);
    DayPlanned second = awaitPlan(FRIDAY, p -> p.revision() == 2);
    assertThat(second.entries()).hasSize(1);
    assertThat(second.entries().get(0).sessionIds()).containsExactly("rest:a", "rest:b");
  }

  @Test
  void closedDaysAreNeverPlannedButLateChangesAreFlagged() {
    putSettings("{\"closedBefore\": \"2026-11-21\"}");
    send(session("late", 1, "A", "2026-11-20T09:00:00Z", Duration.ofHours(1)));
    await()
        .untilAsserted(
            () ->
                assertThat(get("/api/v1/days/2026-11-20").get("lateChanges").asBoolean()).isTrue());
    awaitProcessed();

    assertThat(plansOf(FRIDAY)).isEmpty();
    assertThat(status()).isEqualTo("CLOSED");
    TestHttp.Response refused = call("POST", "/api/v1/days/2026-11-20/resync", null);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.body())
        .contains("\"type\":\"https://focussync.io/problems/conflict\"")
        .contains("\"title\":\"Invalid request\"")
        .contains(
            "{\"field\":\"date\",\"message\":\"2026-11-20 is before closedBefore: the day is"
                + " closed\"}");
    assertThat(call("POST", "/api/v1/days/2026-11-20/approve", null).status()).isEqualTo(409);
    assertThat(get("/api/v1/sessions?from=2026-11-20&to=2026-11-20").get("sessions")).hasSize(1);
  }

  @Test
  void aSettingsChangeReplansTheOpenDays() {
    send(session("a", 1, "A", "2026-11-20T09:00:00Z", Duration.ofHours(1)));
    DayPlanned first = awaitPlan(FRIDAY, p -> p.revision() == 1);
    assertThat(first.entries().get(0).slot()).isEqualTo("other");

    putSettings("{\"projectMapping\": {\"A\": \"pA\"}, \"granularityMinutes\": 15}");

    DayPlanned second = awaitPlan(FRIDAY, p -> p.revision() == 2);
    assertThat(second.entries().get(0).slot()).isEqualTo("project:pA");
  }

  @Test
  void aNewTimeZoneMovesSessionsToTheirNewLocalDays() {
    // 23:30Z Thursday is Friday 08:30 in Tokyo.
    send(session("tz", 1, "A", "2026-11-19T23:30:00Z", Duration.ofMinutes(20)));
    awaitPlan(LocalDate.of(2026, 11, 19), p -> p.revision() == 1);

    putSettings("{\"timeZone\": \"Asia/Tokyo\"}");

    awaitPlan(LocalDate.of(2026, 11, 19), p -> p.revision() == 2 && p.entries().isEmpty());
    DayPlanned friday = awaitPlan(FRIDAY, p -> p.revision() == 1);
    assertThat(friday.timeZone()).isEqualTo("Asia/Tokyo");
    assertThat(friday.entries().get(0).start()).isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
  }

  @Test
  void resyncEmitsANewRevisionWithTheSameContent() {
    send(session("r", 1, "A", "2026-11-20T09:00:00Z", Duration.ofHours(1)));
    DayPlanned first = awaitPlan(FRIDAY, p -> p.revision() == 1);

    assertThat(call("POST", "/api/v1/days/2026-11-20/resync", null).status()).isEqualTo(202);

    DayPlanned second = awaitPlan(FRIDAY, p -> p.revision() == 2);
    assertThat(second.entries()).isEqualTo(first.entries());
  }
}
