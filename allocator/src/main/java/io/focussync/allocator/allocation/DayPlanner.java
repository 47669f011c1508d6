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
 * one, else its span: in a day that holds part of it, that part's share of the weight.
 */
public final class DayPlanner {

  public static final String OTHER_SLOT = "other";
  public static final String PROJECT_SLOT_PREFIX = "project:";

  private DayPlanner() {}

  /** The day's plan under the settings, from any sessions (those not overlapping are ignored). */
  public static DayAllocation plan(
      AllocationSettings settings, LocalDate date, Collection<SessionSpan> sessions) {
    ProjectMapping mapping = settings.mapping();
    DayWindow window =
        DayWindow.of(date, settings.timeZone(), settings.workdayStart(), settings.workdayEnd());
    List<Clipped> clipped = clip(sessions, window);
    List<Bucket> buckets = buckets(settings, mapping, clipped);
    boolean workday = settings.isWorkday(date);
    List<AllocatedEntry> entries;
    if (!workday || clipped.isEmpty()) {
      entries = List.of();
    } else if (settings.mode() == AllocationMode.ACTUAL) {
      entries = actual(settings, mapping, clipped);
    } else {
      entries = normalized(settings, window, buckets);
    }
    return new DayAllocation(
        workday, settings.mode(), settings.timeZone().getId(), clipped.size(), buckets, entries);
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
      AllocationSettings settings, DayWindow window, List<Bucket> buckets) {
    long workSeconds = window.workEnd().getEpochSecond() - window.workStart().getEpochSecond();
    long unitSeconds = settings.granularityMinutes() * 60L;
    if (workSeconds <= 0) {
      return List.of();
    }
    if (workSeconds % unitSeconds != 0) {
      // A DST day can make the work day no multiple of the granularity (e.g. a 30-minute shift):
      // fall back to the largest unit that divides both, so the sum stays exact.
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
    List<AllocatedEntry> entries = new ArrayList<>();
    Instant cursor = window.workStart();
    for (int i : order) {
      Bucket b = buckets.get(i);
      Instant end = cursor.plusSeconds(units[i] * unitSeconds);
      entries.add(
          new AllocatedEntry(
              b.slot(), b.projectId(), cursor, end, settings.description(), b.sessionIds()));
      cursor = end;
    }
    return entries;
  }

  private static List<AllocatedEntry> actual(
      AllocationSettings settings, ProjectMapping mapping, List<Clipped> clipped) {
    List<AllocatedEntry> entries = new ArrayList<>();
    for (Clipped c : clipped) {
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
