package io.focussync.clockify.simulator;

import java.util.List;

/** A time entry held by the simulator. */
public record SimEntry(
    String id,
    String workspaceId,
    String userId,
    String projectId,
    String start,
    String end,
    String description,
    List<String> tagIds,
    boolean locked) {

  SimEntry withLocked(boolean isLocked) {
    return new SimEntry(
        id, workspaceId, userId, projectId, start, end, description, tagIds, isLocked);
  }
}
