package io.focussync.cli.claudetracker;

import io.focussync.cli.http.Json;
import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/** One session body as it is sent to {@code POST /api/v1/sessions/batch}. */
public record OutgoingSession(
    String id, String projectKey, Instant start, Instant end, String title, long trackedSeconds) {

  /** The JSON body; field order is fixed, so the same session always serializes the same. */
  public ObjectNode toJson() {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("id", id);
    node.put("projectKey", projectKey);
    node.put("start", start.toString());
    node.put("end", end.toString());
    if (title != null) {
      node.put("title", title);
    }
    node.put("trackedSeconds", trackedSeconds);
    return node;
  }
}
