package io.focussync.ingest.session;

import java.time.Instant;
import java.util.List;

/**
 * A session that passed every rule.
 *
 * @param sourceId the client's own id, or null when the server has to make one
 * @param trackedSeconds the active time within [start, end], or null when not given
 */
public record ValidSession(
    String sourceId,
    String projectKey,
    Instant start,
    Instant end,
    Long trackedSeconds,
    String title,
    List<String> tags,
    String timeZone) {

  public ValidSession {
    tags = tags == null ? List.of() : List.copyOf(tags);
  }
}
