package io.focussync.clockify.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Applying the reconciliation makes Clockify equal the plan, and a second pass does nothing. */
class ReconcilerProperties {

  private static final Instant DAY = Instant.parse("2026-11-20T08:00:00Z");

  @Property(tries = 300)
  void applyingTheActionsConvergesAndIsIdempotent(
      @ForAll("entries") List<DesiredEntry> before, @ForAll("entries") List<DesiredEntry> plan) {
    Map<String, String> clockify = new HashMap<>(); // entryId -> hash
    List<LedgerSlot> ledger = new ArrayList<>();
    int[] ids = {0};
    for (DesiredEntry entry : before) {
      String id = "e" + ids[0]++;
      clockify.put(id, entry.hash());
      ledger.add(LedgerSlot.synced(entry, id));
    }

    Map<String, LedgerSlot> after = new HashMap<>();
    ledger.forEach(slot -> after.put(slot.slot(), slot));
    for (Action action : Reconciler.reconcile(ledger, plan, 2)) {
      switch (action.type()) {
        case CREATE:
          String id = "e" + ids[0]++;
          clockify.put(id, action.desired().hash());
          after.put(action.slot(), LedgerSlot.synced(action.desired(), id));
          break;
        case UPDATE:
          clockify.put(action.current().entryId(), action.desired().hash());
          after.put(action.slot(), LedgerSlot.synced(action.desired(), action.current().entryId()));
          break;
        case DELETE:
          clockify.remove(action.current().entryId());
          after.remove(action.slot());
          break;
        case KEEP:
          break;
        default:
          throw new AssertionError("unexpected " + action);
      }
    }

    assertThat(clockify.values())
        .containsExactlyInAnyOrderElementsOf(plan.stream().map(DesiredEntry::hash).toList());
    assertThat(Reconciler.reconcile(new ArrayList<>(after.values()), plan, 3))
        .allMatch(action -> action.type() == ActionType.KEEP);
  }

  @Provide
  Arbitrary<List<DesiredEntry>> entries() {
    Arbitrary<DesiredEntry> entry =
        Combinators.combine(
                Arbitraries.of("a", "b", "c", "d", "e"),
                Arbitraries.of("p1", "p2"),
                Arbitraries.integers().between(0, 8 * 60),
                Arbitraries.integers().between(1, 120))
            .as(
                (slot, project, offset, minutes) ->
                    new DesiredEntry(
                        slot,
                        project,
                        DAY.plusSeconds(60L * offset),
                        DAY.plusSeconds(60L * (offset + minutes)),
                        "Development",
                        List.of()));
    return entry
        .list()
        .ofMaxSize(5)
        .map(
            list ->
                new ArrayList<>(
                    list.stream()
                        .collect(
                            Collectors.toMap(
                                DesiredEntry::slot, e -> e, (x, y) -> x, java.util.TreeMap::new))
                        .values()));
  }
}
