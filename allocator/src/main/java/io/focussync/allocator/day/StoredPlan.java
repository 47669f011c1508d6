package io.focussync.allocator.day;

import io.focussync.allocator.allocation.AllocatedEntry;
import java.time.Instant;
import java.util.List;

/**
 * A revision of a user-day's plan, stored before it is emitted; a revision is bound to one content
 * (the hash) forever, so emitting it again after a crash repeats the same plan.
 */
public record StoredPlan(
    long revision,
    String hash,
    String mode,
    String timeZone,
    List<AllocatedEntry> entries,
    Instant plannedAt,
    boolean emitted) {

  public StoredPlan {
    entries = List.copyOf(entries);
  }

  /** The same plan, marked as emitted. */
  public StoredPlan asEmitted() {
    return new StoredPlan(revision, hash, mode, timeZone, entries, plannedAt, true);
  }
}
