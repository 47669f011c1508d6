package io.focussync.allocator.day;

import io.focussync.allocator.allocation.SessionSpan;
import java.time.Instant;

/**
 * A session as one user-day holds it, with the version it was applied at.
 *
 * @param trackedSeconds the session's tracked time (all of it, not the day's part), or null
 */
public record Contribution(
    String sessionId,
    long version,
    String projectKey,
    Instant start,
    Instant end,
    Long trackedSeconds,
    String title) {

  /** The session as the planner sees it. */
  public SessionSpan span() {
    return new SessionSpan(sessionId, projectKey, start, end, trackedSeconds, title);
  }
}
