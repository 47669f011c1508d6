package io.focussync.contracts.dayplans.v1;

import java.time.Instant;
import java.util.List;

/**
 * One planned Clockify entry.
 *
 * @param slot stable identity within the day: the bucket key (normalized) or the sessionId (actual)
 * @param projectId the Clockify project, null for an entry without a project
 * @param sessionIds the sessions that contributed to this entry
 */
public record PlannedEntry(
    String slot,
    String projectId,
    Instant start,
    Instant end,
    String description,
    List<String> sessionIds) {

  public PlannedEntry {
    sessionIds = sessionIds == null ? List.of() : List.copyOf(sessionIds);
  }
}
