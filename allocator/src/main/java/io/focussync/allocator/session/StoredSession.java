package io.focussync.allocator.session;

import io.focussync.allocator.ordering.ChangeOrder;
import io.focussync.contracts.sessions.v1.SessionDeleted;
import io.focussync.contracts.sessions.v1.SessionRecorded;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The allocator's read model of one session; a deleted session stays as a tombstone with its
 * version so that a late older change cannot bring it back.
 *
 * @param version what the change is ordered by ({@link ChangeOrder#versionOf}: the topic position
 *     of a tracker-ingest change, the source version of a Notion one)
 * @param eventVersion the {@code version} the event carried, as the source stamped it
 * @param trackedSeconds the source's active time within [start, end], or null when not given
 * @param createdAt when the allocator first stored the live session (the {@code recordedAt} of that
 *     change); null for documents written before the field existed
 * @param updatedAt the {@code recordedAt} of the change stored last
 */
public record StoredSession(
    String userId,
    String sessionId,
    String source,
    long version,
    long eventVersion,
    boolean deleted,
    String projectKey,
    Instant start,
    Instant end,
    Long trackedSeconds,
    String title,
    Instant createdAt,
    Instant updatedAt) {

  /**
   * The session as recorded (times to the millisecond, as the store keeps them), from the record at
   * {@code offset}.
   */
  public static StoredSession of(SessionRecorded event, long offset) {
    return new StoredSession(
        event.userId(),
        event.sessionId(),
        event.source(),
        ChangeOrder.versionOf(event.sessionId(), event.version(), offset),
        event.version(),
        false,
        event.projectKey(),
        event.start().truncatedTo(ChronoUnit.MILLIS),
        event.end().truncatedTo(ChronoUnit.MILLIS),
        event.trackedSeconds(),
        event.title(),
        millis(event.recordedAt()),
        millis(event.recordedAt()));
  }

  /** The tombstone of a deleted session, from the record at {@code offset}. */
  public static StoredSession tombstone(SessionDeleted event, long offset) {
    return new StoredSession(
        event.userId(),
        event.sessionId(),
        event.source(),
        ChangeOrder.versionOf(event.sessionId(), event.version(), offset),
        event.version(),
        true,
        null,
        null,
        null,
        null,
        null,
        null,
        millis(event.deletedAt()));
  }

  /**
   * This change stored over {@code held}: a session that stays live keeps the time it was first
   * stored; one that comes back after a deletion starts anew.
   */
  public StoredSession over(StoredSession held) {
    if (deleted || held == null || held.deleted() || held.createdAt() == null) {
      return this;
    }
    Instant first =
        createdAt == null || held.createdAt().isBefore(createdAt) ? held.createdAt() : createdAt;
    return new StoredSession(
        userId,
        sessionId,
        source,
        version,
        eventVersion,
        false,
        projectKey,
        start,
        end,
        trackedSeconds,
        title,
        first,
        updatedAt);
  }

  private static Instant millis(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
  }

  public SessionRef ref() {
    return new SessionRef(userId, sessionId);
  }
}
