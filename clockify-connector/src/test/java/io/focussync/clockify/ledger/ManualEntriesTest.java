package io.focussync.clockify.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.focussync.clockify.IntegrationTestBase;
import io.focussync.clockify.simulator.SimEntry;
import io.focussync.contracts.syncresults.v1.DayBusyObserved;
import io.focussync.contracts.syncresults.v1.DaySynced;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 18: plans are made around the user's own Clockify entries, which are never touched. */
class ManualEntriesTest extends IntegrationTestBase {

  @Autowired DayStore days;

  private static SimEntry manual(String user, String workspace, String from, String to) {
    return CLOCKIFY.putEntry(
        new SimEntry(
            CLOCKIFY.newId(),
            workspace,
            "cu-" + user,
            null,
            at(from).toString(),
            at(to).toString(),
            "Dentist",
            List.of(),
            false));
  }

  @Test
  void aManualEntryIsReportedWithoutAWriteAndThePlanMadeAroundItLeavesItAlone() {
    String user = unique("manual");
    String workspace = connect(user);
    SimEntry dentist = manual(user, workspace, "10:00", "11:00");

    publish(plan(user, 1, entry("project:a", "pa", "09:00", "17:00")));
    DayBusyObserved observed = awaitBusyObserved(user, 1);

    assertThat(observed.busy()).containsExactly(busy("10:00", "11:00"));
    // Settled for revision 1: not retried, not failed, waiting for the plan made around it.
    await()
        .during(Duration.ofMillis(1500))
        .atMost(Duration.ofSeconds(4))
        .until(() -> entryWrites(workspace) == 0 && listings(workspace) == 1);
    assertThat(results(user)).hasSize(1);
    assertThat(days.find(user, DAY).orElseThrow().status()).isEqualTo(DayStatus.WAITING_FOR_PLAN);

    publish(
        planAround(
            user,
            2,
            observed.busy(),
            entry("project:a", "pa", "09:00", "10:00"),
            entry("project:b", "pb", "11:00", "17:00")));
    DaySynced synced = awaitSynced(user, 2);

    assertThat(synced.created()).isEqualTo(2);
    assertThat(CLOCKIFY.entry(dentist.id())).contains(dentist);
    assertThat(CLOCKIFY.requests(r -> dentist.id().equals(r.entryId()))).isEmpty();
    assertThat(CLOCKIFY.entries(workspace)).hasSize(3);
    assertThat(listings(workspace)).isEqualTo(2);
  }

  @Test
  void aManualEntryTheUserDeletedIsReportedAsNoBusyTime() {
    String user = unique("manual-gone");
    String workspace = connect(user);
    SimEntry dentist = manual(user, workspace, "10:00", "11:00");
    publish(
        planAround(
            user,
            1,
            List.of(busy("10:00", "11:00")),
            entry("project:a", "pa", "09:00", "10:00"),
            entry("project:b", "pb", "11:00", "17:00")));
    awaitSynced(user, 1);
    long writes = entryWrites(workspace);

    CLOCKIFY.deleteAsUser(dentist.id());
    publish(
        planAround(
            user,
            2,
            List.of(busy("10:00", "11:00")),
            entry("project:a", "pa", "09:00", "10:00"),
            entry("project:b", "pb", "11:00", "16:00")));
    DayBusyObserved observed = awaitBusyObserved(user, 2);

    assertThat(observed.busy()).isEmpty();
    assertThat(entryWrites(workspace)).isEqualTo(writes);

    publish(plan(user, 3, entry("project:a", "pa", "09:00", "16:00")));
    DaySynced synced = awaitSynced(user, 3);
    assertThat(synced.updated()).isEqualTo(1);
    assertThat(synced.deleted()).isEqualTo(1);
    assertThat(CLOCKIFY.entries(workspace)).extracting(SimEntry::projectId).containsExactly("pa");
  }
}
