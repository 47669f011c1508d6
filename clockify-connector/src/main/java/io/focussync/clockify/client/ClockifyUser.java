package io.focussync.clockify.client;

/** The owner of an API key, from {@code GET /v1/user}; the time zone may be null. */
public record ClockifyUser(String id, String name, String timeZone) {}
