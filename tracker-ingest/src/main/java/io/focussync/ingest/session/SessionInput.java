package io.focussync.ingest.session;

import java.util.List;

/**
 * A session as a client or a file sent it, before validation: every field as text, null when
 * absent.
 *
 * @param trackedSeconds the active time within the session, as the digits of a whole number
 */
public record SessionInput(
    String id,
    String projectKey,
    String start,
    String end,
    String trackedSeconds,
    String title,
    List<String> tags,
    String timeZone) {}
