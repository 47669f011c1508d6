package io.focussync.allocator.allocation;

import java.time.Instant;

/**
 * A session of an {@code ACTUAL} day that overlaps the user's own Clockify entries: it is not
 * planned (Clockify already holds that time).
 *
 * @param start the session's start within the local day
 * @param end the session's end within the local day
 */
public record Conflict(String sessionId, Instant start, Instant end, String title) {}
