package io.focussync.gateway.user.core;

import java.time.Instant;

/**
 * A personal access token as stored: its hash, a public id to list and revoke it by, and its user.
 */
public record StoredToken(String hash, String tokenId, String userId, Instant createdAt) {}
