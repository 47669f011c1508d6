package io.focussync.allocator.allocation;

import java.time.Instant;

/**
 * What the allocation needs of one session: its id, key, UTC interval, tracked time and title.
 *
 * @param trackedSeconds the source's active time within [start, end], or null: the interval counts
 */
public record SessionSpan(
    String sessionId,
    String projectKey,
    Instant start,
    Instant end,
    Long trackedSeconds,
    String title) {

  /** A session whose source gave no tracked time. */
  public SessionSpan(
      String sessionId, String projectKey, Instant start, Instant end, String title) {
    this(sessionId, projectKey, start, end, null, title);
  }
}
