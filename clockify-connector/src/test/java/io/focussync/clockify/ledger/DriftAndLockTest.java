package io.focussync.clockify.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.focussync.clockify.IntegrationTestBase;
import io.focussync.clockify.simulator.SimEntry;
import io.focussync.contracts.syncresults.v1.DaySyncFailed;
import io.focussync.contracts.syncresults.v1.DaySynced;
import io.focussync.testsupport.TestHttp;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Issue tests 6 and 7: the user deleted our entry; an approved (locked) entry. */
class DriftAndLockTest extends IntegrationTestBase {

  @Test
  void entryDeletedByTheUserIsReportedAsDriftWithoutACrashLoop() {
    String user = unique("drift");
    String workspace = connect(user);
    publish(plan(user, 1, entry("project:a", "pa", "09:00", "17:00")));
    String entryId = awaitSynced(user, 1).entries().get(0).clockifyEntryId();
    CLOCKIFY.deleteAsUser(entryId);

    publish(plan(user, 2, entry("project:a", "pa", "09:00", "16:00")));
    DaySyncFailed failed = awaitFailed(user, 2, "NEEDS_ATTENTION");

    assertThat(failed.reason()).contains("drift").contains(entryId);
    assertThat(failed.failedSlots()).containsExactly("project:a");
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(4))
        .untilAsserted(
            () ->
                // The refused PUT and the GET that confirms the entry is gone; nothing after.
                assertThat(CLOCKIFY.requests(r -> r.path().endsWith("/time-entries/" + entryId)))
                    .extracting(r -> r.method())
                    .containsExactly("PUT", "GET"));
    assertThat(CLOCKIFY.entries(workspace)).isEmpty();
    TestHttp.Response history =
        call("GET", "/api/v1/sync/history?from=" + DAY + "&to=" + DAY, null, user);
    assertThat(history.body()).contains("\"status\":\"NEEDS_ATTENTION\"").contains("drift");

    // A later revision (a change or a resync) brings the entry back.
    publish(plan(user, 3, entry("project:a", "pa", "09:00", "16:00")));
    DaySynced resynced = awaitSynced(user, 3);
    assertThat(resynced.created()).isEqualTo(1);
    assertThat(CLOCKIFY.entries(workspace)).hasSize(1);
  }

  @Test
  void lockedEntryNeedsAttentionAndIsNotRetried() {
    String user = unique("locked");
    String workspace = connect(user);
    publish(
        plan(
            user,
            1,
            entry("project:a", "pa", "09:00", "13:00"),
            entry("project:b", "pb", "13:00", "17:00")));
    DaySynced synced = awaitSynced(user, 1);
    String lockedId =
        synced.entries().stream()
            .filter(e -> e.slot().equals("project:a"))
            .findFirst()
            .orElseThrow()
            .clockifyEntryId();
    CLOCKIFY.lock(lockedId);

    publish(
        plan(
            user,
            2,
            entry("project:a", "pa", "09:00", "12:00"),
            entry("project:b", "pb", "12:00", "17:00")));
    DaySyncFailed failed = awaitFailed(user, 2, "NEEDS_ATTENTION");

    assertThat(failed.failedSlots()).containsExactly("project:a");
    assertThat(failed.reason()).contains("locked");
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(4))
        .untilAsserted(
            () ->
                assertThat(
                        CLOCKIFY.requests(
                            r ->
                                r.method().equals("PUT")
                                    && r.path().endsWith("/time-entries/" + lockedId)))
                    .hasSize(1));
    assertThat(CLOCKIFY.entries(workspace))
        .extracting(SimEntry::projectId, SimEntry::start)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("pa", DAY + "T09:00:00Z"),
            org.assertj.core.groups.Tuple.tuple("pb", DAY + "T12:00:00Z"));
  }
}
