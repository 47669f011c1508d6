package io.focussync.allocator.day;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A user-day as {@code GET /api/v1/days/{date}} shows it. */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record DayView(
    LocalDate date,
    String timeZone,
    boolean workday,
    String status,
    boolean lateChanges,
    List<BucketView> buckets,
    PlanView plan,
    SyncView sync) {

  /** The same view without buckets, for lists. */
  public DayView withoutBuckets() {
    return new DayView(date, timeZone, workday, status, lateChanges, null, plan, sync);
  }

  /** One bucket, with the project keys in it and the rule that put each there. */
  public record BucketView(
      String bucket,
      String projectId,
      long trackedSeconds,
      double share,
      String rule,
      List<KeyView> keys) {}

  /** One project key in a bucket. */
  public record KeyView(String projectKey, long trackedSeconds, String rule) {}

  /**
   * The plan: the pushed revision, or (revision null, {@code pushed=false}) content that waits for
   * the day end or for approval.
   */
  public record PlanView(Long revision, String mode, boolean pushed, List<EntryView> entries) {}

  /** One planned entry in the user's zone. */
  public record EntryView(
      String slot,
      String projectId,
      OffsetDateTime start,
      OffsetDateTime end,
      String description,
      List<String> sessionIds) {}

  /** The last sync result. */
  public record SyncView(
      long appliedRevision, boolean dryRun, List<SyncState.SyncedSlot> entries, String lastError) {}
}
