package io.focussync.clockify.client;

/** A call a dry-run connection would have made: method, path (with query) and JSON body. */
public record RecordedCall(String method, String path, String body) {}
