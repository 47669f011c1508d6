package io.focussync.clockify.reconcile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Diffs the ledger of a day against its plan: the steps that make Clockify hold exactly the planned
 * entries of ours. Deletions come first, then updates, then creates, each by slot, so the same
 * inputs always give the same calls.
 */
public final class Reconciler {

  private static final List<ActionType> ORDER =
      List.of(
          ActionType.FORGET,
          ActionType.DELETE,
          ActionType.RESUME_DELETE,
          ActionType.UPDATE,
          ActionType.RESUME_CREATE,
          ActionType.CREATE,
          ActionType.KEEP,
          ActionType.BLOCKED);

  private Reconciler() {}

  /** The steps for a plan revision; a slot planned twice counts once (the first). */
  public static List<Action> reconcile(
      List<LedgerSlot> ledger, List<DesiredEntry> plan, long revision) {
    Map<String, LedgerSlot> bySlot = new LinkedHashMap<>();
    ledger.forEach(slot -> bySlot.putIfAbsent(slot.slot(), slot));
    Map<String, DesiredEntry> planned = new LinkedHashMap<>();
    plan.forEach(entry -> planned.putIfAbsent(entry.slot(), entry));

    List<Action> actions = new ArrayList<>();
    TreeSet<String> slots = new TreeSet<>(bySlot.keySet());
    slots.addAll(planned.keySet());
    for (String slot : slots) {
      actions.add(step(slot, planned.get(slot), bySlot.get(slot), revision));
    }
    actions.sort(
        Comparator.comparingInt((Action a) -> ORDER.indexOf(a.type())).thenComparing(Action::slot));
    return actions;
  }

  private static Action step(String slot, DesiredEntry desired, LedgerSlot current, long revision) {
    if (current == null) {
      return new Action(ActionType.CREATE, slot, desired, null);
    }
    if (current.blockedAt(revision)) {
      return new Action(ActionType.BLOCKED, slot, desired, current);
    }
    if (desired == null) {
      return new Action(removal(current.state()), slot, null, current);
    }
    return new Action(change(current, desired), slot, desired, current);
  }

  private static ActionType removal(SlotState state) {
    switch (state) {
      case PENDING:
        return ActionType.RESUME_DELETE;
      case DRIFTED:
        return ActionType.FORGET;
      default:
        return ActionType.DELETE;
    }
  }

  private static ActionType change(LedgerSlot current, DesiredEntry desired) {
    switch (current.state()) {
      case PENDING:
        return ActionType.RESUME_CREATE;
      case DRIFTED:
        // The user deleted the entry; a newer revision (a change or a resync) brings it back.
        return ActionType.CREATE;
      default:
        return current.hash().equals(desired.hash()) ? ActionType.KEEP : ActionType.UPDATE;
    }
  }
}
