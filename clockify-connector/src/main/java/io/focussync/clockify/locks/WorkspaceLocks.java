package io.focussync.clockify.locks;

import io.focussync.clockify.client.ClockifyApi;
import io.focussync.clockify.client.ClockifyException;
import io.focussync.clockify.reconcile.WorkspaceLock;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The lock of each workspace ({@code workspaceSettings.lockTimeEntries}), read from Clockify at
 * most once per workspace and cache period. Clockify moves the lock date itself when its automatic
 * lock is on, so the date read is the lock.
 */
@Component
public class WorkspaceLocks {

  private static final Logger log = LoggerFactory.getLogger(WorkspaceLocks.class);

  private final LockProperties properties;
  private final Clock clock;
  private final Map<String, Read> byWorkspace = new ConcurrentHashMap<>();

  public WorkspaceLocks(LockProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * The workspace's lock; reads it through the client when the cached one is too old. Settings
   * Clockify refuses to show (403, 400, 404) count as no lock: a write into a locked period is
   * still refused with 403 and handled as such. A refused key or an unreachable Clockify is thrown.
   */
  public Optional<WorkspaceLock> of(String workspaceId, ClockifyApi api) {
    Instant now = clock.instant();
    Read read = byWorkspace.get(workspaceId);
    if (read == null || !read.until().isAfter(now)) {
      read = new Read(read(workspaceId, api), now.plus(properties.cacheFor()));
      byWorkspace.put(workspaceId, read);
    }
    return read.lock();
  }

  private static Optional<WorkspaceLock> read(String workspaceId, ClockifyApi api) {
    try {
      return WorkspaceLock.of(api.workspace());
    } catch (ClockifyException e) {
      if (e.isTransient() || e.kind() == ClockifyException.Kind.UNAUTHORIZED) {
        throw e;
      }
      log.warn(
          "Clockify refused the settings of workspace {} ({}): no lock known",
          workspaceId,
          e.status());
      return Optional.empty();
    }
  }

  private record Read(Optional<WorkspaceLock> lock, Instant until) {}
}
