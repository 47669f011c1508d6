package io.focussync.clockify.locks;

import io.focussync.clockify.client.ClockifyApi;
import io.focussync.clockify.reconcile.WorkspaceLock;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The lock of each workspace ({@code workspaceSettings.lockTimeEntries}), read from Clockify at
 * most once per workspace and cache period. Clockify moves the lock date itself when its automatic
 * lock is on, so the date read is the lock.
 */
@Component
public class WorkspaceLocks {

  private final LockProperties properties;
  private final Clock clock;
  private final Map<String, Read> byWorkspace = new ConcurrentHashMap<>();

  public WorkspaceLocks(LockProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  /** The workspace's lock; reads it through the client when the cached one is too old. */
  public Optional<WorkspaceLock> of(String workspaceId, ClockifyApi api) {
    Instant now = clock.instant();
    Read read = byWorkspace.get(workspaceId);
    if (read == null || !read.until().isAfter(now)) {
      read = new Read(WorkspaceLock.of(api.workspace()), now.plus(properties.cacheFor()));
      byWorkspace.put(workspaceId, read);
    }
    return read.lock();
  }

  private record Read(Optional<WorkspaceLock> lock, Instant until) {}
}
