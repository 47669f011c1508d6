package io.focussync.allocator.day;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A user-day as {@code GET /api/v1/days/{date}} shows it.
 *
 * @param reason why the day is as it is, where that needs saying: closed (before {@code
 *     closedBefore}, or in a period Clockify locks), or the user's own Clockify entries fill the
 *     work day
 * @param outdated the plan Clockify holds was made before a settings change that left this past day
 *     alone ({@code POST /api/v1/days/replan} re-plans it)
 * @param manualEntries the user's own Clockify entries on the day, as last observed
 * @param conflicts sessions of an {@code ACTUAL} day left out because they overlap manual entries
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record DayView(
    LocalDate date,
    String timeZone,
    boolean workday,
    DayStatus status,
    String reason,
    boolean lateChanges,
    boolean outdated,
    List<BucketView> buckets,
    PlanView plan,
    SyncView sync,
    List<SpanView> manualEntries,
    List<ConflictView> conflicts) {

  /** The same view without buckets, for lists. */
  public DayView withoutBuckets() {
    return new DayView(
        date,
        timeZone,
        workday,
        status,
        reason,
        lateChanges,
        outdated,
        null,
        plan,
        sync,
        manualEntries,
        conflicts);
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

  /** A span of time in the user's zone. */
  public record SpanView(OffsetDateTime start, OffsetDateTime end) {}

  /** A session not planned because it overlaps manual entries (its part within the day). */
  public record ConflictView(
      String sessionId, OffsetDateTime start, OffsetDateTime end, String title) {}
}
