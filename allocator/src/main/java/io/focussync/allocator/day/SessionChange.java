package io.focussync.allocator.day;

/**
 * One session's change as a day sees it: the session's new contribution to the day, or null when
 * the session no longer touches the day (moved away or deleted).
 */
public record SessionChange(String sessionId, long version, Contribution contribution) {}
