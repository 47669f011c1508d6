package io.focussync.clockify.client;

import java.time.Instant;

/**
 * A Clockify workspace as {@code GET /v1/workspaces[/{id}]} shows it, with its lock settings.
 *
 * @param lockedBefore {@code workspaceSettings.lockTimeEntries}: entries that start before it are
 *     locked; null when the workspace locks nothing
 * @param lockTimeZone {@code workspaceSettings.lockTimeZone}, may be null
 * @param automaticLock {@code workspaceSettings.automaticLock.type} ({@code WEEKLY}, {@code
 *     MONTHLY}, {@code OLDER_THAN}) when Clockify moves the lock date by itself, else null
 */
public record Workspace(
    String id, String name, Instant lockedBefore, String lockTimeZone, String automaticLock) {}
