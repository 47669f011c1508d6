package io.focussync.clockify.reconcile;

import io.focussync.clockify.client.TimeEntry;
import io.focussync.contracts.dayplans.v1.BusyInterval;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The time of a day the user's own Clockify entries take, and whether a plan was made around it. An
 * entry is ours when a ledger of the day holds it or it carries our marker tag; every other entry
 * is the user's (manual), and is only ever read.
 */
public final class BusyTime {

  private BusyTime() {}

  /** Whether a listed entry is ours: in a ledger of the day, or carrying the marker tag. */
  public static boolean ours(TimeEntry entry, Set<String> ledgerEntryIds, String markerTagId) {
    return ledgerEntryIds.contains(entry.id())
        || (markerTagId != null && entry.tagIds().contains(markerTagId));
  }

  /**
   * The busy time of the day [start, end): the finished entries that are not ours (a running timer
   * has no end yet and takes no time until it stops), {@linkplain #normalized normalized}.
   */
  public static List<BusyInterval> observed(
      Collection<TimeEntry> listed,
      Set<String> ledgerEntryIds,
      String markerTagId,
      Instant start,
      Instant end) {
    List<BusyInterval> manual = new ArrayList<>();
    for (TimeEntry entry : listed) {
      if (!ours(entry, ledgerEntryIds, markerTagId)) {
        manual.add(new BusyInterval(entry.start(), entry.end()));
      }
    }
    return normalized(manual, start, end);
  }

  /**
   * The intervals at whole seconds (Clockify's precision), clipped to the day [start, end),
   * overlapping or touching ones merged, in order; empty or open ones dropped.
   */
  public static List<BusyInterval> normalized(
      Collection<BusyInterval> intervals, Instant start, Instant end) {
    List<BusyInterval> clipped = new ArrayList<>();
    for (BusyInterval interval : intervals) {
      if (interval == null || interval.start() == null || interval.end() == null) {
        continue;
      }
      Instant from = latest(interval.start().truncatedTo(ChronoUnit.SECONDS), start);
      Instant to = earliest(interval.end().truncatedTo(ChronoUnit.SECONDS), end);
      if (from.isBefore(to)) {
        clipped.add(new BusyInterval(from, to));
      }
    }
    clipped.sort(Comparator.comparing(BusyInterval::start).thenComparing(BusyInterval::end));
    List<BusyInterval> merged = new ArrayList<>();
    for (BusyInterval next : clipped) {
      BusyInterval last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && !next.start().isAfter(last.end())) {
        merged.set(
            merged.size() - 1, new BusyInterval(last.start(), latest(last.end(), next.end())));
      } else {
        merged.add(next);
      }
    }
    return List.copyOf(merged);
  }

  /** Whether the plan was made around exactly the busy time observed on the day [start, end). */
  public static boolean plannedAround(
      Collection<BusyInterval> planned, List<BusyInterval> observed, Instant start, Instant end) {
    return normalized(planned, start, end).equals(normalized(observed, start, end));
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant earliest(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
