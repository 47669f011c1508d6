package io.focussync.clockify.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.clockify.client.Workspace;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Which days Clockify's lock closes, and how the lock is told: no Spring, no Clockify. */
class WorkspaceLockTest {

  private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

  private static Instant dayEnd(String date, ZoneId zone) {
    return LocalDate.parse(date).plusDays(1).atStartOfDay(zone).toInstant();
  }

  @Test
  void aDayThatEndsByTheLockIsClosedOneThatEndsAfterItIsNot() {
    WorkspaceLock lock =
        WorkspaceLock.of(
                new Workspace(
                    "ws", "W", Instant.parse("2026-10-31T23:00:00Z"), "Europe/Belgrade", null))
            .orElseThrow();

    assertThat(lock.closes(dayEnd("2026-10-31", MADRID))).isTrue();
    assertThat(lock.closes(dayEnd("2026-11-01", MADRID))).isFalse();
    // Midnight in London comes an hour after the lock: the day is (partly) open.
    assertThat(lock.closes(dayEnd("2026-10-31", ZoneId.of("Europe/London")))).isFalse();
    assertThat(lock.reason()).isEqualTo("Clockify locks entries before 2026-11-01");
  }

  @Test
  void aWorkspaceWithoutALockDateLocksNothing() {
    assertThat(WorkspaceLock.of(new Workspace("ws", "W", null, "UTC", "WEEKLY"))).isEmpty();
  }

  @Test
  void aLockAtAnotherTimeThanMidnightOrMovedAutomaticallySaysSo() {
    WorkspaceLock lock =
        WorkspaceLock.of(
                new Workspace("ws", "W", Instant.parse("2026-11-01T11:00:00Z"), null, "OLDER_THAN"))
            .orElseThrow();

    assertThat(lock.reason())
        .isEqualTo(
            "Clockify locks entries before 2026-11-01T11:00 (UTC); the lock date moves forward by"
                + " itself (OLDER_THAN)");
  }
}
