package io.focussync.clockify.simulator;

/** A project held by the simulator; {@code clientId} and {@code clientName} are "" for none. */
public record SimProject(
    String id,
    String workspaceId,
    String name,
    String clientId,
    String clientName,
    String color,
    boolean archived) {}
