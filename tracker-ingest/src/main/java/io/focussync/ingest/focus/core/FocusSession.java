package io.focussync.ingest.focus.core;

import java.time.Instant;

/**
 * A stored session as the allocator's focus view shows it: what a PATCH merges into.
 *
 * @param id the full session id, e.g. {@code rest:<uuid>}
 * @param trackedSeconds null when the session has no tracked time
 * @param createdAt when the session was first stored, as the allocator shows it
 */
public record FocusSession(
    String id,
    Instant start,
    Instant end,
    Long trackedSeconds,
    String projectKey,
    String title,
    String createdAt) {}
