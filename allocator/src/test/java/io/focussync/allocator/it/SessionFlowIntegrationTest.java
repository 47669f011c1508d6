package io.focussync.allocator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import io.focussync.allocator.day.DaySweeper;
import io.focussync.contracts.dayplans.v1.DayPlanned;
import io.focussync.contracts.dayplans.v1.PlannedEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class SessionFlowIntegrationTest extends AllocatorIntegrationTest {

  static final LocalDate FRIDAY = LocalDate.of(2026, 11, 20);

  @Autowired DaySweeper sweeper;

  @Test
  void sessionsAreAggregatedPlannedAndEmittedWithGrowingRevisions() {
    putSettings(
        """
        {"projectMapping": {"A": "pA", "B": "pB"}, "otherProjectId": "pOther"}
        """);
    send(session("a", 1, "A", "2026-11-20T08:00:00Z", Duration.ofHours(3)));
    send(session("b", 1, "B", "2026-11-20T12:00:00Z", Duration.ofHours(1)));
    send(session("c", 1, "misc", "2026-11-20T15:00:00Z", Duration.ofHours(1)));

    DayPlanned plan = awaitPlan(FRIDAY, p -> p.entries().size() == 3);

    assertThat(plan.entries())
        .containsExactly(
            new PlannedEntry(
                "project:pA",
                "pA",
                Instant.parse("2026-11-20T09:00:00Z"),
                Instant.parse("2026-11-20T13:48:00Z"),
                "Development",
                List.of("rest:a")),
            new PlannedEntry(
                "project:pB",
                "pB",
                Instant.parse("2026-11-20T13:48:00Z"),
                Instant.parse("2026-11-20T15:24:00Z"),
                "Development",
                List.of("rest:b")),
            new PlannedEntry(
                "other",
                "pOther",
                Instant.parse("2026-11-20T15:24:00Z"),
                Instant.parse("2026-11-20T17:00:00Z"),
                "Development",
                List.of("rest:c")));
    assertThat(plan.mode()).isEqualTo("NORMALIZED");
    assertThat(plan.timeZone()).isEqualTo("UTC");
    // Events of one poll are planned together, so there may be fewer revisions than events.
    List<Long> revisions = plansOf(FRIDAY).stream().map(DayPlanned::revision).toList();
    assertThat(revisions)
        .startsWith(1L)
        .isSorted()
        .doesNotHaveDuplicates()
        .endsWith(plan.revision());

    JsonNode day = get("/api/v1/days/2026-11-20");
    assertThat(day.get("status").asString()).isEqualTo("PENDING");
    assertThat(day.get("plan").get("revision").asLong()).isEqualTo(plan.revision());
    assertThat(day.get("buckets")).hasSize(3);
    assertThat(day.get("buckets").get(0).get("rule").asString()).contains("Other");
    assertThat(day.get("plan").get("entries").get(0).get("start").asString())
        .isEqualTo("2026-11-20T09:00:00Z");
    JsonNode sessions = get("/api/v1/sessions?from=2026-11-20&to=2026-11-20");
    assertThat(sessions.get("sessions")).hasSize(3);
  }

  @Test
  void anUnchangedPlanIsNotEmittedAgain() {
    send(session("a", 1, "A", "2026-11-20T08:00:00Z", Duration.ofHours(3)));
    awaitPlan(FRIDAY, p -> p.revision() == 1);
    // Same content under a new version: the session changed (title) but the plan did not.
    send(session("a", 2, "A", "2026-11-20T08:00:00Z", Duration.ofHours(3)));
    send(session("a", 2, "A", "2026-11-20T08:00:00Z", Duration.ofHours(3)));
    awaitProcessed();

    assertThat(plansOf(FRIDAY)).hasSize(1);
  }

  @Test
  void outOfOrderAndDuplicateNotionVersionsAreHarmless() {
    send(notionSession("x", 5, "B", "2026-11-20T10:00:00Z", Duration.ofHours(1)));
    send(notionSession("x", 3, "A", "2026-11-19T10:00:00Z", Duration.ofHours(1)));
    send(notionSession("x", 5, "B", "2026-11-20T10:00:00Z", Duration.ofHours(1)));
    awaitProcessed();

    assertThat(plansOf(FRIDAY)).hasSize(1);
    assertThat(plansOf(LocalDate.of(2026, 11, 19))).isEmpty();
    JsonNode sessions = get("/api/v1/sessions?from=2026-11-19&to=2026-11-20");
    assertThat(sessions.get("sessions")).hasSize(1);
    assertThat(sessions.get("sessions").get(0).get("version").asLong()).isEqualTo(5);
    assertThat(sessions.get("sessions").get(0).get("projectKey").asString()).isEqualTo("B");
  }

  @Test
  void aMovedSessionReplansBothDays() {
    LocalDate thursday = LocalDate.of(2026, 11, 19);
    send(session("m", 1, "A", "2026-11-19T10:00:00Z", Duration.ofHours(1)));
    awaitPlan(thursday, p -> p.revision() == 1);
    send(session("m", 2, "A", "2026-11-20T10:00:00Z", Duration.ofHours(1)));

    awaitPlan(thursday, p -> p.revision() == 2 && p.entries().isEmpty());
    awaitPlan(FRIDAY, p -> p.revision() == 1 && p.entries().size() == 1);
  }

  @Test
  void aDeletionEmitsAnEmptyPlanAndALateOlderNotionChangeDoesNotResurrectIt() {
    send(notionSession("d", 1, "A", "2026-11-20T10:00:00Z", Duration.ofHours(1)));
    awaitPlan(FRIDAY, p -> p.revision() == 1);

    send(notionDeletion("d", 2));
    awaitPlan(FRIDAY, p -> p.revision() == 2 && p.entries().isEmpty());
    send(notionSession("d", 1, "A", "2026-11-20T10:00:00Z", Duration.ofHours(1)));
    awaitProcessed();

    assertThat(plansOf(FRIDAY)).hasSize(2);
    assertThat(get("/api/v1/days/2026-11-20").get("buckets")).isEmpty();
  }

  @Test
  void aSessionAcrossLocalMidnightPlansBothDays() {
    putSettings("{\"timeZone\": \"Europe/Berlin\"}");
    // 22:00 Thursday to 02:00 Friday Berlin time.
    send(session("n", 1, "A", "2026-11-19T21:00:00Z", Duration.ofHours(4)));

    DayPlanned thursday = awaitPlan(LocalDate.of(2026, 11, 19), p -> true);
    DayPlanned friday = awaitPlan(FRIDAY, p -> true);
    assertThat(thursday.entries().get(0).start()).isEqualTo(Instant.parse("2026-11-19T08:00:00Z"));
    assertThat(friday.entries().get(0).end()).isEqualTo(Instant.parse("2026-11-20T16:00:00Z"));
    assertThat(friday.timeZone()).isEqualTo("Europe/Berlin");
  }

  @Test
  void aCrashBetweenStoringAndEmittingEmitsTheSamePlanOnRedelivery() {
    doThrow(new IllegalStateException("broker unreachable"))
        .doCallRealMethod()
        .when(publisher)
        .publishAll(argThat(this::holdsAPlanOfThisUser));

    send(session("c", 1, "A", "2026-11-20T10:00:00Z", Duration.ofHours(1)));
    DayPlanned plan = awaitPlan(FRIDAY, p -> true);
    awaitProcessed();

    assertThat(plan.revision()).isEqualTo(1);
    Map<Long, List<DayPlanned>> byRevision = byRevision(FRIDAY);
    assertThat(byRevision).containsOnlyKeys(1L);
    assertThat(byRevision.get(1L).stream().map(DayPlanned::entries).distinct()).hasSize(1);
    await()
        .untilAsserted(
            () ->
                assertThat(get("/api/v1/days/2026-11-20").get("status").asString())
                    .isEqualTo("PENDING"));
  }

  @Test
  void theSweepEmitsAPlanThatWasStoredButNeverEmitted() {
    doThrow(new IllegalStateException("broker unreachable"))
        .when(publisher)
        .publishAll(argThat(this::holdsAPlanOfThisUser));
    send(session("s", 1, "A", "2026-11-20T10:00:00Z", Duration.ofHours(1)));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(get("/api/v1/days/2026-11-20").get("plan").get("pushed").asBoolean())
                    .isFalse());
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(() -> plansOf(FRIDAY).isEmpty());

    doCallRealMethod().when(publisher).publishAll(argThat(this::holdsAPlanOfThisUser));
    sweeper.sweep();

    DayPlanned plan = awaitPlan(FRIDAY, p -> true);
    assertThat(plan.revision()).isEqualTo(1);
    assertThat(get("/api/v1/days/2026-11-20").get("plan").get("pushed").asBoolean()).isTrue();
  }

  private boolean holdsAPlanOfThisUser(List<DayPlanned> plans) {
    return plans != null && plans.stream().anyMatch(p -> user.equals(p.userId()));
  }
}
