package io.focussync.clockify.ledger;

import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.focussync.clockify.connection.ConnectionService;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** When accepted plans are applied: a day's first plan at once, edits once the day is quiet. */
class DaySchedulerTest {

  private final Set<DayKey> applied = ConcurrentHashMap.newKeySet();
  private final DayScheduler scheduler = scheduler(Duration.ofHours(1));

  @AfterEach
  void stop() {
    scheduler.stop();
  }

  @Test
  void aDaysFirstPlanIsAppliedWithoutWaitingForQuiet() {
    DayKey day = new DayKey("u-1", LocalDate.of(2026, 7, 6));
    scheduler.planAccepted(day, 1);
    await().atMost(Duration.ofSeconds(10)).until(() -> applied.contains(day));
  }

  @Test
  void anEditWaitsForTheDayToBeQuiet() {
    DayKey edited = new DayKey("u-1", LocalDate.of(2026, 7, 7));
    DayKey fresh = new DayKey("u-1", LocalDate.of(2026, 7, 8));
    scheduler.planAccepted(edited, 2);
    scheduler.planAccepted(fresh, 1);
    // The same lane applies both in order of arrival unless the edit is still waiting.
    await().atMost(Duration.ofSeconds(10)).until(() -> applied.contains(fresh));
    org.assertj.core.api.Assertions.assertThat(applied).doesNotContain(edited);
  }

  private DayScheduler scheduler(Duration coalesceDelay) {
    ConnectionService connections = mock(ConnectionService.class);
    when(connections.lastKnownScope(anyString())).thenReturn(Optional.of("workspace-1"));
    DayApplier applier = mock(DayApplier.class);
    when(applier.apply(any(), anyString()))
        .thenAnswer(
            call -> {
              applied.add(call.getArgument(0));
              return Optional.empty();
            });
    ApplyProperties properties =
        new ApplyProperties(
            2,
            coalesceDelay,
            Duration.ofHours(2),
            Duration.ZERO,
            Duration.ofSeconds(5),
            Duration.ofMinutes(10),
            Duration.ofSeconds(10),
            Duration.ofSeconds(90),
            Duration.ofSeconds(1),
            Duration.ofSeconds(15),
            "replica-1");
    DayScheduler scheduler =
        new DayScheduler(
            mock(DayStore.class), new Ownership(properties), connections, applier, properties);
    scheduler.start();
    return scheduler;
  }
}
