package io.focussync.allocator.day.core;

import io.focussync.allocator.day.BusyObservation;
import io.focussync.allocator.day.DayRef;
import io.focussync.allocator.day.SyncResult;
import io.focussync.allocator.day.SyncState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a batch of the clockify-connector's reports does to days: sync results grouped by day and
 * applied in their order, busy observations reduced to the newest per day.
 */
public final class SyncResults {

  private SyncResults() {}

  /** The results per day, each day's in their order (days in the order first seen). */
  public static Map<DayRef, List<SyncResult>> byDay(List<SyncResult> results) {
    Map<DayRef, List<SyncResult>> byDay = new LinkedHashMap<>();
    for (SyncResult result : results) {
      byDay.computeIfAbsent(result.day(), ref -> new ArrayList<>()).add(result);
    }
    return byDay;
  }

  /** The sync state after applying the results in order to the held one (ignored ones skipped). */
  public static SyncState fold(SyncState held, List<SyncResult> results) {
    SyncState state = held;
    for (SyncResult result : results) {
      SyncState next = result.applyTo(state);
      if (next != null) {
        state = next;
      }
    }
    return state;
  }

  /** Per day the newest observation (of two observed at the same instant, the first). */
  public static List<BusyObservation> newestPerDay(List<BusyObservation> observations) {
    Map<DayRef, BusyObservation> newest = new LinkedHashMap<>();
    for (BusyObservation o : observations) {
      newest.merge(o.day(), o, (a, b) -> b.observedAt().isAfter(a.observedAt()) ? b : a);
    }
    return List.copyOf(newest.values());
  }
}
