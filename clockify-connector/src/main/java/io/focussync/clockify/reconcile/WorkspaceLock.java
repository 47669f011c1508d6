package io.focussync.clockify.reconcile;

import io.focussync.clockify.client.Workspace;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Clockify's lock of a workspace: entries that start before {@code before} can be neither created,
 * changed nor deleted, so a day that ends by then is closed to the sync.
 *
 * @param zone the lock's time zone, in which the lock date is shown
 * @param automatic how Clockify moves the lock date forward by itself ({@code WEEKLY}, {@code
 *     MONTHLY}, {@code OLDER_THAN}), null when it does not
 */
public record WorkspaceLock(Instant before, ZoneId zone, String automatic) {

  /** The lock of a workspace, empty when it locks nothing. */
  public static Optional<WorkspaceLock> of(Workspace workspace) {
    if (workspace.lockedBefore() == null) {
      return Optional.empty();
    }
    return Optional.of(
        new WorkspaceLock(
            workspace.lockedBefore(),
            DayPlan.zoneOf(workspace.lockTimeZone()),
            workspace.automaticLock()));
  }

  /** Whether a day that ends at {@code dayEnd} lies wholly in the locked period. */
  public boolean closes(Instant dayEnd) {
    return !dayEnd.isAfter(before);
  }

  /** Why a day is closed, e.g. "Clockify locks entries before 2026-11-01". */
  public String reason() {
    ZonedDateTime local = before.atZone(zone);
    String date =
        local.toLocalTime().equals(LocalTime.MIDNIGHT)
            ? local.toLocalDate().toString()
            : local.toLocalDateTime() + " (" + (zone.equals(ZoneOffset.UTC) ? "UTC" : zone) + ")";
    String reason = "Clockify locks entries before " + date;
    return automatic == null
        ? reason
        : reason + "; the lock date moves forward by itself (" + automatic + ")";
  }
}
