package io.focussync.clockify.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.focussync.clockify.IntegrationTestBase;
import io.focussync.clockify.simulator.SimEntry;
import io.focussync.clockify.simulator.SimFault;
import io.focussync.contracts.syncresults.v1.DaySyncFailed;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 18: nothing is written into Clockify's locked period. */
class LockedPeriodTest extends IntegrationTestBase {

  @Autowired DayStore days;

  @Test
  void aDayInTheLockedPeriodGetsNoCallAndIsClosed() {
    String user = unique("closed");
    String workspace = connect(user);
    CLOCKIFY.lockEntriesBefore(workspace, Instant.parse("2026-11-21T00:00:00Z"), "UTC");

    publish(plan(user, 1, entry("project:a", "pa", "09:00", "17:00")));
    DaySyncFailed closed = awaitFailed(user, 1, "CLOSED");

    assertThat(closed.reason()).isEqualTo("Clockify locks entries before 2026-11-21");
    assertThat(closed.failedSlots()).containsExactly("project:a");
    await()
        .during(Duration.ofMillis(1500))
        .atMost(Duration.ofSeconds(4))
        .until(() -> entryWrites(workspace) == 0 && listings(workspace) == 0);
    assertThat(results(user)).hasSize(1);
    assertThat(days.find(user, DAY).orElseThrow().status()).isEqualTo(DayStatus.CLOSED);

    // The next day is open; the lock settings were read once for both days.
    publish(
        plan(
            user, DAY.plusDays(1), 1, entry(DAY.plusDays(1), "project:a", "pa", "09:00", "17:00")));
    awaitSynced(user, 1);
    assertThat(CLOCKIFY.entries(workspace)).hasSize(1);
    assertThat(
            CLOCKIFY.requests(
                r -> r.method().equals("GET") && r.path().equals("/v1/workspaces/" + workspace)))
        .hasSize(1);
  }

  @Test
  void aWriteIntoTheLockedPartOfAnOpenDayIsRefusedAsBefore() {
    String user = unique("half-locked");
    String workspace = connect(user);
    CLOCKIFY.lockEntriesBefore(workspace, at("12:00"), "UTC");

    publish(
        plan(
            user,
            1,
            entry("project:a", "pa", "09:00", "11:00"),
            entry("project:b", "pb", "13:00", "17:00")));
    DaySyncFailed failed = awaitFailed(user, 1, "NEEDS_ATTENTION");

    assertThat(failed.failedSlots()).containsExactly("project:a");
    assertThat(failed.reason()).contains("403");
    assertThat(CLOCKIFY.entries(workspace)).extracting(SimEntry::projectId).containsExactly("pb");
  }

  @Test
  void settingsClockifyRefusesToShowCountAsNoLock() {
    String user = unique("no-settings");
    String workspace = connect(user);
    CLOCKIFY.fail("GET", "^/v1/workspaces/" + workspace + "$", 1, SimFault.status(403));

    publish(plan(user, 1, entry("project:a", "pa", "09:00", "17:00")));

    awaitSynced(user, 1);
    assertThat(CLOCKIFY.entries(workspace)).hasSize(1);
  }
}
