package io.focussync.ingest.focus.core;

import java.math.BigDecimal;

/**
 * A focus-session body as the client sent it: the whole session for a POST, a merge patch for a
 * PATCH.
 *
 * @param duration minutes of tracked time
 */
public record FocusChange(
    Field<String> sessionStart,
    Field<String> sessionEnd,
    Field<BigDecimal> duration,
    Field<String> projectKey,
    Field<String> title) {}
