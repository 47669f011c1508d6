package io.focussync.clockify.client;

/** A Clockify project of a workspace; client name and color may be null. */
public record Project(String id, String name, String clientName, String color, boolean archived) {}
