package io.focussync.allocator.allocation;

import java.time.Instant;
import java.util.List;

/** One planned entry: a slot with its project, UTC interval, description and sessions. */
public record AllocatedEntry(
    String slot,
    String projectId,
    Instant start,
    Instant end,
    String description,
    List<String> sessionIds) {}
