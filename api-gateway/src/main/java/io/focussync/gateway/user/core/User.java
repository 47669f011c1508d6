package io.focussync.gateway.user.core;

import java.time.Instant;

/** A user of Focus Sync, as the gateway knows them. */
public record User(String id, String name, Instant createdAt) {}
