package io.focussync.allocator.session;

/** Names one session of one user. */
public record SessionRef(String userId, String sessionId) {}
