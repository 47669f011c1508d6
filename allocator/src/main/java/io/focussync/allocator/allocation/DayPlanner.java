package io.focussync.allocator.allocation;

import io.focussync.allocator.rules.KeyMapping;
import io.focussync.allocator.rules.ProjectMapping;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Plans one local day from the sessions that overlap it (DESIGN section 1). Deterministic: the same
 * sessions in any order give the same plan. A session weighs its tracked time where its source gave
 * one, else its span: in a day that holds part of it, that part's share of the weight. Plans go
 * around the user's own Clockify entries (busy spans): normalized entries fill only the work day's
 * free time, actual sessions that overlap busy time are conflicts, not entries.
 */
public final class DayPlanner {

  public static final String OTHER_SLOT = "other";
  public static final String PROJECT_SLOT_PREFIX = "project:";

  /** Between a slot and the number of its part, for an entry split by busy time. */
  public static final String PART_SEPARATOR = "~";

  private DayPlanner() {}

  /** The day's plan under the settings, from any sessions (those not overlapping are ignored). */
  public static DayAllocation plan(
      AllocationSettings settings, LocalDate date, Collection<SessionSpan> sessions) {
    return plan(settings, date, sessions, List.of());
  }

  /**
   * The day's plan made around the busy spans (the user's own Clockify entries). Normalized: the
   * work day minus the busy time is split by the shares, and the entries are laid out in their
   * order into the free windows (an entry across busy time is split into parts, slot {@code
   * <slot>~2}, {@code ~3}...). Actual: a session overlapping busy time is a conflict, not an entry.
   */
  public static DayAllocation plan(
      AllocationSettings settings,
      LocalDate date,
      Collection<SessionSpan> sessions,
      List<BusySpan> busy) {
    ProjectMapping mapping = settings.mapping();
    DayWindow window =
        DayWindow.of(date, settings.timeZone(), settings.workdayStart(), settings.workdayEnd());
    List<Clipped> clipped = clip(sessions, window);
    List<Bucket> buckets = buckets(settings, mapping, clipped);
    boolean workday = settings.isWorkday(date);
    FreeTime free = FreeTime.of(window.workStart(), window.workEnd(), busy);
    List<AllocatedEntry> entries = List.of();
    List<Conflict> conflicts = List.of();
    if (workday && !clipped.isEmpty()) {
      if (settings.mode() == AllocationMode.ACTUAL) {
        conflicts = conflicts(clipped, busy);
        entries = actual(settings, mapping, clipped, busy);
      } else {
        entries = normalized(settings, free, buckets);
      }
    }
    return new DayAllocation(
        workday,
        settings.mode(),
        settings.timeZone().getId(),
        clipped.size(),
        buckets,
        entries,
        busy,
        conflicts,
        workday && !busy.isEmpty() && free.seconds() == 0);
  }

  private record Clipped(SessionSpan session, Instant start, Instant end) {
    long millis() {
      return end.toEpochMilli() - start.toEpochMilli();
    }

    /**
     * The session's weight in the day: the clipped span, or with tracked time trackedMillis ×
     * clippedMillis / spanMillis rounded up to the millisecond, so that a tracked session with time
     * in the day weighs at least 1 ms as an untracked one does (the parts of a session over
     * midnight add up to its tracked time, or up to 1 ms more per day).
     */
    long weight() {
      if (session.trackedSeconds() == null) {
        return millis();
      }
      long spanMillis = session.end().toEpochMilli() - session.start().toEpochMilli();
      // Kept within [0, span] as the producers promise, which also keeps the product below 2^63
      // for every span the consumer accepts (31 days = 2.7e9 ms, squared 7.2e18).
      long trackedSeconds = Math.max(0, Math.min(session.trackedSeconds(), spanMillis / 1000));
      long trackedMillis = trackedSeconds * 1000;
      return (trackedMillis * millis() + spanMillis - 1) / spanMillis;
    }
  }

  private static List<Clipped> clip(Collection<SessionSpan> sessions, DayWindow window) {
    List<Clipped> result = new ArrayList<>();
    for (SessionSpan s : sessions) {
      Instant start = s.start().isBefore(window.dayStart()) ? window.dayStart() : s.start();
      Instant end = s.end().isAfter(window.dayEnd()) ? window.dayEnd() : s.end();
      if (end.toEpochMilli() > start.toEpochMilli()) {
        result.add(new Clipped(s, start, end));
      }
    }
    result.sort(
        Comparator.comparing((Clipped c) -> c.start)
            .thenComparing(c -> c.session.sessionId())
            .thenComparing(c -> c.end));
    return result;
  }

  private static List<Bucket> buckets(
      AllocationSettings settings, ProjectMapping mapping, List<Clipped> clipped) {
    Map<String, BucketBuilder> bySlot = new TreeMap<>();
    Map<String, KeyMapping> byKey = new LinkedHashMap<>();
    for (Clipped c : clipped) {
      String key = c.session.projectKey() == null ? "" : c.session.projectKey();
      KeyMapping keyMapping = byKey.computeIfAbsent(key, mapping::map);
      String slot = keyMapping.mapped() ? PROJECT_SLOT_PREFIX + keyMapping.projectId() : OTHER_SLOT;
      String projectId = keyMapping.mapped() ? keyMapping.projectId() : settings.otherProjectId();
      bySlot
          .computeIfAbsent(slot, s -> new BucketBuilder(s, projectId))
          .add(key, keyMapping.rule(), c.session.sessionId(), c.weight());
    }
    long total = 0;
    for (BucketBuilder b : bySlot.values()) {
      total += b.millis;
    }
    List<Bucket> buckets = new ArrayList<>();
    for (BucketBuilder b : bySlot.values()) {
      buckets.add(b.build(total));
    }
    return buckets;
  }

  private static List<AllocatedEntry> normalized(
      AllocationSettings settings, FreeTime free, List<Bucket> buckets) {
    long workSeconds = free.seconds();
    long unitSeconds = settings.granularityMinutes() * 60L;
    if (workSeconds <= 0) {
      return List.of();
    }
    if (workSeconds % unitSeconds != 0) {
      // A DST day or busy time can make the free time no multiple of the granularity (e.g. a
      // 30-minute shift, a manual entry of 50 minutes): fall back to the largest unit that divides
      // both, so the sum stays exact.
      unitSeconds = gcd(unitSeconds, workSeconds);
    }
    long[] weights = new long[buckets.size()];
    for (int i = 0; i < buckets.size(); i++) {
      weights[i] = buckets.get(i).trackedMillis();
    }
    long[] units = LargestRemainder.allocate(workSeconds / unitSeconds, weights);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < buckets.size(); i++) {
      if (units[i] > 0) {
        order.add(i);
      }
    }
    // Stacking order: mapped buckets by allocated time (largest first), then slot; Other last.
    order.sort(
        Comparator.comparing((Integer i) -> OTHER_SLOT.equals(buckets.get(i).slot()))
            .thenComparing(i -> -units[i])
            .thenComparing(i -> buckets.get(i).slot()));
    long[] lengths = new long[order.size()];
    for (int k = 0; k < order.size(); k++) {
      lengths[k] = units[order.get(k)] * unitSeconds;
    }
    List<List<FreeTime.Piece>> laid = free.layout(lengths);
    List<AllocatedEntry> entries = new ArrayList<>();
    for (int k = 0; k < order.size(); k++) {
      Bucket b = buckets.get(order.get(k));
      for (FreeTime.Piece piece : laid.get(k)) {
        String slot = piece.part() == 1 ? b.slot() : b.slot() + PART_SEPARATOR + piece.part();
        entries.add(
            new AllocatedEntry(
                slot,
                b.projectId(),
                piece.start(),
                piece.end(),
                settings.description(),
                b.sessionIds()));
      }
    }
    return entries;
  }

  private static List<AllocatedEntry> actual(
      AllocationSettings settings,
      ProjectMapping mapping,
      List<Clipped> clipped,
      List<BusySpan> busy) {
    List<AllocatedEntry> entries = new ArrayList<>();
    for (Clipped c : clipped) {
      if (FreeTime.overlaps(c.start, c.end, busy)) {
        continue;
      }
      KeyMapping keyMapping = mapping.map(c.session.projectKey());
      String projectId = keyMapping.mapped() ? keyMapping.projectId() : settings.otherProjectId();
      String title = c.session.title();
      String description = title == null || title.isBlank() ? settings.description() : title;
      entries.add(
          new AllocatedEntry(
              c.session.sessionId(),
              projectId,
              c.start,
              c.end,
              description,
              List.of(c.session.sessionId())));
    }
    return entries;
  }

  /** The sessions (in the day) that overlap busy time, in the clipped sessions' order. */
  private static List<Conflict> conflicts(List<Clipped> clipped, List<BusySpan> busy) {
    List<Conflict> conflicts = new ArrayList<>();
    for (Clipped c : clipped) {
      if (FreeTime.overlaps(c.start, c.end, busy)) {
        conflicts.add(new Conflict(c.session.sessionId(), c.start, c.end, c.session.title()));
      }
    }
    return conflicts;
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  private static final class BucketBuilder {
    private final String slot;
    private final String projectId;
    private final Map<String, long[]> keyMillis = new TreeMap<>();
    private final Map<String, String> keyRules = new TreeMap<>();
    private final TreeSet<String> sessionIds = new TreeSet<>();
    private long millis;

    BucketBuilder(String slot, String projectId) {
      this.slot = slot;
      this.projectId = projectId;
    }

    void add(String key, String rule, String sessionId, long ms) {
      keyMillis.computeIfAbsent(key, k -> new long[1])[0] += ms;
      keyRules.put(key, rule);
      sessionIds.add(sessionId);
      millis += ms;
    }

    Bucket build(long total) {
      List<Bucket.KeyShare> keys = new ArrayList<>();
      keyMillis.forEach((k, ms) -> keys.add(new Bucket.KeyShare(k, ms[0], keyRules.get(k))));
      return new Bucket(
          slot,
          projectId,
          millis,
          total == 0 ? 0 : (double) millis / total,
          List.copyOf(keys),
          List.copyOf(sessionIds));
    }
  }
}
