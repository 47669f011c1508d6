package io.focussync.clockify.connection;

/** A user's Clockify connection was created or replaced: plans waiting for it can go. */
public record ConnectionSaved(String userId) {}
