package io.focussync.contracts.sessions.v1;

import io.focussync.contracts.FocusSyncEvent;
import java.time.Instant;

/**
 * A work session was deleted at its source (or trashed in Notion); ordered among the session's
 * changes by {@link SessionOrder}.
 */
public record SessionDeleted(
    String userId, String sessionId, String source, long version, Instant deletedAt)
    implements FocusSyncEvent {

  @Override
  public String subject() {
    return sessionId;
  }
}
