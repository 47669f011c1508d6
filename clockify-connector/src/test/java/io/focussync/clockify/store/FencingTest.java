package io.focussync.clockify.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.clockify.IntegrationTestBase;
import io.focussync.clockify.ledger.DayKey;
import io.focussync.clockify.ledger.DayRecord;
import io.focussync.clockify.ledger.DayStatus;
import io.focussync.clockify.ledger.DayStore;
import io.focussync.clockify.ledger.ReceivedPlan;
import io.focussync.clockify.reconcile.DesiredEntry;
import io.focussync.clockify.reconcile.LedgerSlot;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two replicas on one stored day: once the second claims it, every write of the first (ledger,
 * settlement, lease) is refused, in the same single-document write that would have made it.
 */
class FencingTest extends IntegrationTestBase {

  @Autowired DayStore days;

  @Test
  void aReplicaThatLostItsDayCanChangeNothing() {
    String user = unique("fence");
    days.offer(List.of(ReceivedPlan.of(plan(user, 1, entry("a", "pa", "09:00", "17:00")))));
    DayKey key = new DayKey(user, DAY);
    Instant soon = Instant.now().plusSeconds(60);

    DayRecord first =
        days.claim(days.find(user, DAY).orElseThrow(), "replica-a", soon).orElseThrow();
    // The second replica read the day before the first claimed it: its compare-and-set fails.
    DayRecord staleRead = first;
    DayRecord second = days.claim(staleRead, "replica-b", soon).orElseThrow();
    assertThat(days.claim(staleRead, "replica-c", soon)).isEmpty();

    LedgerSlot slot =
        LedgerSlot.synced(
            new DesiredEntry("a", "pa", at("09:00"), at("17:00"), "x", List.of()), "e-1");
    assertThat(days.saveLedger(key, first.fence(), "ws", List.of(slot))).isFalse();
    assertThat(days.renew(key, first.fence(), soon)).isFalse();
    assertThat(
            days.settle(
                key,
                first.fence(),
                new DayStore.Settlement(1, true, DayStatus.SYNCED, null, 0, 0, null)))
        .isFalse();
    DayRecord stored = days.find(user, DAY).orElseThrow();
    assertThat(stored.ledger("ws")).isEmpty();
    assertThat(stored.appliedRevision()).isZero();
    assertThat(stored.leaseOwner()).isEqualTo("replica-b");

    assertThat(days.saveLedger(key, second.fence(), "ws", List.of(slot))).isTrue();
    assertThat(
            days.settle(
                key,
                second.fence(),
                new DayStore.Settlement(1, true, DayStatus.SYNCED, null, 0, 0, null)))
        .isTrue();
    DayRecord settled = days.find(user, DAY).orElseThrow();
    assertThat(settled.ledger("ws")).containsExactly(slot);
    assertThat(settled.appliedRevision()).isEqualTo(1);
    assertThat(settled.status()).isEqualTo(DayStatus.SYNCED);
    assertThat(settled.leaseUntil()).isBefore(Instant.now());
  }

  @Test
  void aSettlementOfAnOlderRevisionNeverLowersTheAppliedOneAndLeavesTheNewerPending() {
    String user = unique("fence-rev");
    days.offer(List.of(ReceivedPlan.of(plan(user, 1, entry("a", "pa", "09:00", "17:00")))));
    DayKey key = new DayKey(user, DAY);
    DayRecord claimed =
        days.claim(days.find(user, DAY).orElseThrow(), "replica-a", Instant.now().plusSeconds(60))
            .orElseThrow();
    days.offer(List.of(ReceivedPlan.of(plan(user, 2, entry("a", "pa", "09:00", "16:00")))));

    assertThat(
            days.settle(
                key,
                claimed.fence(),
                new DayStore.Settlement(1, true, DayStatus.SYNCED, null, 0, 0, null)))
        .isTrue();

    DayRecord stored = days.find(user, DAY).orElseThrow();
    assertThat(stored.appliedRevision()).isEqualTo(1);
    assertThat(stored.status()).isEqualTo(DayStatus.PENDING);
    assertThat(stored.pending()).isTrue();
  }

  @Test
  void reopeningADayFencesOutItsHolderAndLosesToAnyChangeSinceTheRead() {
    String user = unique("fence-reopen");
    days.offer(List.of(ReceivedPlan.of(plan(user, 1, entry("a", "pa", "09:00", "17:00")))));
    DayKey key = new DayKey(user, DAY);
    Instant soon = Instant.now().plusSeconds(60);
    DayRecord held =
        days.claim(days.find(user, DAY).orElseThrow(), "replica-a", soon).orElseThrow();
    days.settle(
        key, held.fence(), new DayStore.Settlement(1, true, DayStatus.SYNCED, null, 0, 0, null));
    DayRecord settled = days.find(user, DAY).orElseThrow();
    DayRecord publishing = days.claim(settled, "replica-a", soon).orElseThrow();

    assertThat(days.reopen(settled)).as("the read is stale: the day was claimed since").isFalse();
    DayRecord current = days.find(user, DAY).orElseThrow();
    assertThat(days.reopen(current)).isTrue();

    DayRecord reopened = days.find(user, DAY).orElseThrow();
    assertThat(reopened.pending()).isTrue();
    assertThat(reopened.status()).isEqualTo(DayStatus.PENDING);
    assertThat(reopened.leaseUntil()).isBefore(Instant.now());
    assertThat(days.renew(key, publishing.fence(), soon)).as("the holder is fenced out").isFalse();
    assertThat(days.reopen(current)).as("a second reopen of the same read").isFalse();
  }
}
