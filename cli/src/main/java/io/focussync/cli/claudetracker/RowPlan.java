package io.focussync.cli.claudetracker;

import java.util.List;

/**
 * What one tracker row becomes: its sessions (one, or one per UTC day when clipped), their
 * serialized bodies, and a hash of those bodies that tells whether the row changed since it was
 * last sent. No sessions means the row has nothing to send yet (an empty span).
 */
public record RowPlan(
    String sourcePath, List<OutgoingSession> sessions, List<byte[]> bodies, String hash) {

  /** The ids this row is sent under. */
  public List<String> ids() {
    return sessions.stream().map(OutgoingSession::id).toList();
  }

  /** The serialized size of the bodies. */
  public int size() {
    return bodies.stream().mapToInt(body -> body.length + 1).sum();
  }
}
