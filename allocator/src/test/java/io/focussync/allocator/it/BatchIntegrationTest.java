package io.focussync.allocator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doReturn;

import io.focussync.contracts.EventTypes;
import io.focussync.contracts.Topics;
import io.focussync.contracts.dayplans.v1.DayPlanned;
import io.focussync.contracts.dayplans.v1.PlannedEntry;
import io.focussync.testsupport.TestEvents;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.cloud.stream.binding.BindingsLifecycleController.State;
import tools.jackson.databind.JsonNode;

/**
 * The batch consumer: the sessions binding is stopped while events pile up, so that they arrive in
 * one poll when it starts again.
 */
class BatchIntegrationTest extends AllocatorIntegrationTest {

  static final LocalDate FRIDAY = LocalDate.of(2026, 11, 20);
  static final String BINDING = "sessions-in-0";

  @Autowired BindingsLifecycleController bindings;

  @AfterEach
  void startConsumer() {
    bindings.changeState(BINDING, State.STARTED);
  }

  @Test
  void aPollOfEventsForOneDayIsPlannedOnceWithTheNewestVersionOfEachSession() {
    putSettings("{\"projectMapping\": {\"P9\": \"p9\"}}");
    bindings.changeState(BINDING, State.STOPPED);
    for (int i = 0; i < 30; i++) {
      send(session("s" + i, 1, "P" + (i % 3), "2026-11-20T08:00:00Z", Duration.ofMinutes(10)));
    }
    send(session("s0", 2, "P9", "2026-11-20T08:00:00Z", Duration.ofMinutes(10)));
    send(deletion("s1", 2));
    bindings.changeState(BINDING, State.STARTED);

    DayPlanned plan = awaitPlan(FRIDAY, p -> sessionIds(p).size() == 29);
    awaitProcessed();

    assertThat(plansOf(FRIDAY)).hasSize(1);
    assertThat(plan.revision()).isEqualTo(1);
    assertThat(sessionIds(plan)).contains("rest:s0").doesNotContain("rest:s1");
    assertThat(plan.entries())
        .anySatisfy(e -> assertThat(e.sessionIds()).containsExactly("rest:s0"));
  }

  @Test
  void aPoisonEventInsideABatchIsDeadLetteredAndTheEventsAroundItAreApplied() {
    bindings.changeState(BINDING, State.STOPPED);
    send(session("before", 1, "A", "2026-11-20T09:00:00Z", Duration.ofHours(1)));
    send(
        Topics.SESSIONS,
        user,
        "{broken".getBytes(StandardCharsets.UTF_8),
        TestEvents.headers(EventTypes.SESSION_RECORDED));
    send(session("after", 1, "B", "2026-11-20T11:00:00Z", Duration.ofHours(1)));
    bindings.changeState(BINDING, State.STARTED);

    DayPlanned plan = awaitPlan(FRIDAY, p -> sessionIds(p).size() == 2);
    PlanCollector dlq = PlanCollector.of(Topics.SESSIONS + ".allocator.dlq");
    await().atMost(Duration.ofSeconds(30)).until(() -> dlq.records(user).size() == 1);

    assertThat(sessionIds(plan)).containsExactly("rest:after", "rest:before");
    assertThat(new String(dlq.records(user).get(0).value(), StandardCharsets.UTF_8))
        .isEqualTo("{broken");
  }

  @Test
  void aDayWrittenByOthersMeanwhileIsRedoneOnItsOwnAndKeepsTheChange() {
    doReturn(false)
        .doCallRealMethod()
        .when(dayRepository)
        .saveAll(argThat(days -> days.stream().anyMatch(d -> user.equals(d.userId()))));
    try {
      send(session("c", 1, "A", "2026-11-20T10:00:00Z", Duration.ofHours(1)));

      DayPlanned plan = awaitPlan(FRIDAY, p -> true);
      awaitProcessed();

      assertThat(sessionIds(plan)).containsExactly("rest:c");
      assertThat(byRevision(FRIDAY)).containsOnlyKeys(1L);
      JsonNode day = get("/api/v1/days/2026-11-20");
      assertThat(day.get("plan").get("revision").asLong()).isEqualTo(1);
      assertThat(day.get("plan").get("pushed").asBoolean()).isTrue();
    } finally {
      doCallRealMethod().when(dayRepository).saveAll(argThat(days -> true));
    }
  }

  private static Set<String> sessionIds(DayPlanned plan) {
    Set<String> ids = new TreeSet<>();
    for (PlannedEntry e : plan.entries()) {
      ids.addAll(e.sessionIds());
    }
    return ids;
  }
}
