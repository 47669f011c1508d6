package io.focussync.ingest.session;

import java.util.List;

/**
 * A session as a client or a file sent it, before validation: every field as text, null when
 * absent.
 */
public record SessionInput(
    String id,
    String projectKey,
    String start,
    String end,
    String title,
    List<String> tags,
    String timeZone) {}
