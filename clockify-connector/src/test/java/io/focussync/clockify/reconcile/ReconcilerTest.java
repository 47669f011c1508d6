package io.focussync.clockify.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconcilerTest {

  private static final Instant NINE = Instant.parse("2026-11-20T09:00:00Z");

  private static DesiredEntry desired(String slot, int hours) {
    return new DesiredEntry(
        slot, "p-" + slot, NINE, NINE.plusSeconds(3600L * hours), "Development", List.of());
  }

  @Test
  void createsMissingUpdatesChangedKeepsSameAndDeletesUnplanned() {
    List<LedgerSlot> ledger =
        List.of(
            LedgerSlot.synced(desired("same", 1), "e1"),
            LedgerSlot.synced(desired("changed", 1), "e2"),
            LedgerSlot.synced(desired("gone", 1), "e3"));
    List<DesiredEntry> plan = List.of(desired("same", 1), desired("changed", 2), desired("new", 1));

    List<Action> actions = Reconciler.reconcile(ledger, plan, 2);

    assertThat(actions)
        .extracting(Action::type, Action::slot)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ActionType.DELETE, "gone"),
            org.assertj.core.groups.Tuple.tuple(ActionType.UPDATE, "changed"),
            org.assertj.core.groups.Tuple.tuple(ActionType.CREATE, "new"),
            org.assertj.core.groups.Tuple.tuple(ActionType.KEEP, "same"));
  }

  @Test
  void pendingSlotsAreLookedUpBeforeAnything() {
    List<LedgerSlot> ledger =
        List.of(
            LedgerSlot.pending(desired("planned", 1), NINE),
            LedgerSlot.pending(desired("dropped", 1), NINE));

    List<Action> actions = Reconciler.reconcile(ledger, List.of(desired("planned", 1)), 3);

    assertThat(actions)
        .extracting(Action::type)
        .containsExactly(ActionType.RESUME_DELETE, ActionType.RESUME_CREATE);
  }

  @Test
  void blockedSlotsWaitForANewerRevision() {
    LedgerSlot drifted = LedgerSlot.synced(desired("a", 1), "e1").blocked(SlotState.DRIFTED, 2);
    LedgerSlot locked = LedgerSlot.synced(desired("b", 1), "e2").blocked(SlotState.LOCKED, 2);
    List<DesiredEntry> plan = List.of(desired("a", 2), desired("b", 2));

    assertThat(Reconciler.reconcile(List.of(drifted, locked), plan, 2))
        .extracting(Action::type)
        .containsOnly(ActionType.BLOCKED);
    assertThat(Reconciler.reconcile(List.of(drifted, locked), plan, 3))
        .extracting(Action::type, Action::slot)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ActionType.UPDATE, "b"),
            org.assertj.core.groups.Tuple.tuple(ActionType.CREATE, "a"));
    assertThat(Reconciler.reconcile(List.of(drifted), List.of(), 3))
        .extracting(Action::type)
        .containsExactly(ActionType.FORGET);
  }

  @Test
  void emptyPlanDeletesEverythingOfOurs() {
    List<LedgerSlot> ledger =
        List.of(LedgerSlot.synced(desired("a", 1), "e1"), LedgerSlot.synced(desired("b", 1), "e2"));

    assertThat(Reconciler.reconcile(ledger, List.of(), 5))
        .extracting(Action::type)
        .containsOnly(ActionType.DELETE);
  }

  @Test
  void hashCoversWhatIsWrittenAtClockifysPrecision() {
    DesiredEntry a = desired("a", 1);
    DesiredEntry sameToTheSecond =
        new DesiredEntry("a", "p-a", NINE.plusMillis(400), a.end(), "Development", List.of("s1"));
    DesiredEntry otherDescription =
        new DesiredEntry("a", "p-a", NINE, a.end(), "Review", List.of());

    assertThat(sameToTheSecond.hash()).isEqualTo(a.hash());
    assertThat(otherDescription.hash()).isNotEqualTo(a.hash());
  }
}
