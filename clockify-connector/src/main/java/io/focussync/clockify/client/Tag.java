package io.focussync.clockify.client;

/** A Clockify tag of a workspace. */
public record Tag(String id, String name) {}
