package io.focussync.allocator.day;

import io.focussync.allocator.allocation.AllocatedEntry;
import io.focussync.allocator.allocation.BusySpan;
import java.time.Instant;
import java.util.List;

/**
 * A revision of a user-day's plan, stored before it is emitted; a revision is bound to one content
 * (the hash) forever, so emitting it again after a crash repeats the same plan.
 *
 * @param busy the user's own Clockify entries the plan was made around (empty: none known)
 */
public record StoredPlan(
    long revision,
    String hash,
    String mode,
    String timeZone,
    List<AllocatedEntry> entries,
    Instant plannedAt,
    boolean emitted,
    List<BusySpan> busy) {

  public StoredPlan {
    entries = List.copyOf(entries);
    busy = busy == null ? List.of() : List.copyOf(busy);
  }

  /** The same plan, marked as emitted. */
  public StoredPlan asEmitted() {
    return new StoredPlan(revision, hash, mode, timeZone, entries, plannedAt, true, busy);
  }
}
