package io.focussync.allocator.allocation;

/** A project of the user's Clockify workspace, as the clockify-connector lists it. */
public record ClockifyProject(String id, String name, boolean archived) {}
