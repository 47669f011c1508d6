package io.focussync.allocator.allocation;

import java.time.Instant;

/** What the allocation needs of one session: its id, key, UTC interval and title. */
public record SessionSpan(
    String sessionId, String projectKey, Instant start, Instant end, String title) {}
