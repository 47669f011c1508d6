package io.focussync.allocator.session;

import io.focussync.contracts.sessions.v1.SessionDeleted;
import io.focussync.contracts.sessions.v1.SessionRecorded;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The allocator's read model of one session; a deleted session stays as a tombstone with its
 * version so that a late older change cannot bring it back.
 */
public record StoredSession(
    String userId,
    String sessionId,
    String source,
    long version,
    boolean deleted,
    String projectKey,
    Instant start,
    Instant end,
    String title) {

  /** The session as recorded (times to the millisecond, as the store keeps them). */
  public static StoredSession of(SessionRecorded event) {
    return new StoredSession(
        event.userId(),
        event.sessionId(),
        event.source(),
        event.version(),
        false,
        event.projectKey(),
        event.start().truncatedTo(ChronoUnit.MILLIS),
        event.end().truncatedTo(ChronoUnit.MILLIS),
        event.title());
  }

  /** The tombstone of a deleted session. */
  public static StoredSession tombstone(SessionDeleted event) {
    return new StoredSession(
        event.userId(),
        event.sessionId(),
        event.source(),
        event.version(),
        true,
        null,
        null,
        null,
        null);
  }

  public SessionRef ref() {
    return new SessionRef(userId, sessionId);
  }
}
