package io.focussync.clockify.client;

/** A Clockify project of a workspace. */
public record Project(String id, String name, boolean archived) {}
