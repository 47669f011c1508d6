package io.focussync.clockify.client;

import java.time.Instant;
import java.util.List;

/** The full body of a time entry as we create or replace it. */
public record EntryBody(
    Instant start, Instant end, String projectId, String description, List<String> tagIds) {

  public EntryBody {
    tagIds = tagIds == null ? List.of() : List.copyOf(tagIds);
  }
}
