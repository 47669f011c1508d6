package io.focussync.clockify.client;

import java.time.Instant;
import java.util.List;

/** A time entry as Clockify returns it, read leniently (nullable ids, lists and end). */
public record TimeEntry(
    String id,
    String projectId,
    Instant start,
    Instant end,
    String description,
    List<String> tagIds,
    boolean locked) {

  public TimeEntry {
    tagIds = tagIds == null ? List.of() : List.copyOf(tagIds);
  }
}
