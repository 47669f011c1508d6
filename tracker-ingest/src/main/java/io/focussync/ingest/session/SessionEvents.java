package io.focussync.ingest.session;

import io.focussync.contracts.sessions.v1.SessionDeleted;
import io.focussync.contracts.sessions.v1.SessionIds;
import io.focussync.contracts.sessions.v1.SessionRecorded;
import java.time.Clock;
import java.util.Map;

/** Makes the events of this service, each with a fresh version from the sequence. */
public final class SessionEvents {

  private final VersionSequence versions;
  private final Clock clock;

  public SessionEvents(VersionSequence versions, Clock clock) {
    this.versions = versions;
    this.clock = clock;
  }

  /** A session recorded by a user from a source under the given source id. */
  public SessionRecorded recorded(
      String userId, String source, String sourceId, ValidSession session) {
    Map<String, String> metadata =
        session.timeZone() == null ? Map.of() : Map.of("timeZone", session.timeZone());
    return new SessionRecorded(
        userId,
        SessionIds.of(source, sourceId),
        source,
        sourceId,
        versions.next(),
        session.projectKey(),
        session.start(),
        session.end(),
        session.trackedSeconds(),
        session.title(),
        session.tags(),
        metadata,
        clock.instant());
  }

  /** A session of a user deleted, by its full id. */
  public SessionDeleted deleted(String userId, String sessionId) {
    return new SessionDeleted(
        userId, sessionId, SessionIds.sourceOf(sessionId), versions.next(), clock.instant());
  }
}
