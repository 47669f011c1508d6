package io.focussync.ingest.session;

import java.time.Instant;
import java.util.List;

/**
 * A session that passed every rule.
 *
 * @param sourceId the client's own id, or null when the server has to make one
 */
public record ValidSession(
    String sourceId,
    String projectKey,
    Instant start,
    Instant end,
    String title,
    List<String> tags,
    String timeZone) {

  public ValidSession {
    tags = tags == null ? List.of() : List.copyOf(tags);
  }
}
