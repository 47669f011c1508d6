package io.focussync.allocator.session;

import java.time.Instant;

/**
 * The allocator's read model of one session; a deleted session stays as a tombstone with its
 * version so that a late older change cannot bring it back.
 */
public record StoredSession(
    String userId,
    String sessionId,
    String source,
    long version,
    boolean deleted,
    String projectKey,
    Instant start,
    Instant end,
    String title) {}
