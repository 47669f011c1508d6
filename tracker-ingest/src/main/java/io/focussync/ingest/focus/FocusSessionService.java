package io.focussync.ingest.focus;

import io.focussync.contracts.sessions.v1.SessionDeleted;
import io.focussync.contracts.sessions.v1.SessionIds;
import io.focussync.contracts.sessions.v1.SessionRecorded;
import io.focussync.ingest.focus.core.FocusChange;
import io.focussync.ingest.focus.core.FocusDraft;
import io.focussync.ingest.focus.core.FocusSession;
import io.focussync.ingest.messaging.SessionPublisher;
import io.focussync.ingest.session.PreparedSession;
import io.focussync.ingest.session.SessionIdentity;
import io.focussync.ingest.session.Violation;
import io.focussync.ingest.session.api.SessionIngest;
import io.focussync.platform.web.FieldProblem;
import io.focussync.platform.web.InvalidInputException;
import io.focussync.platform.web.NotFoundException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;

/**
 * Focus-session writes: each becomes the same {@code SessionRecorded} / {@code SessionDeleted} as
 * the session API's (source {@code rest}); a PATCH merges into the session the allocator holds.
 */
@Service
class FocusSessionService {

  private final SessionIngest ingest;
  private final SessionPublisher publisher;
  private final AllocatorClient allocator;

  FocusSessionService(SessionIngest ingest, SessionPublisher publisher, AllocatorClient allocator) {
    this.ingest = ingest;
    this.publisher = publisher;
    this.allocator = allocator;
  }

  /** The event of a new session, validated (400 otherwise) but not yet published. */
  SessionRecorded prepareCreate(String userId, FocusChange change, Supplier<String> generatedId) {
    FocusDraft.Result draft = FocusDraft.create(change, () -> allocator.defaultProjectKey(userId));
    return prepare(userId, SessionIdentity.REST, draft, generatedId);
  }

  /** Publishes a prepared session; its focus object, created now. */
  Map<String, Object> publishCreated(SessionRecorded event) {
    publisher.publish(List.of(event));
    String now = instant(event.recordedAt());
    return json(event, now);
  }

  /** Merges the patch into the stored session, publishes it and answers the merged object. */
  Map<String, Object> patch(String userId, String sessionId, FocusChange change) {
    FocusSession current = find(userId, sessionId);
    String sourceId = SessionIds.sourceIdOf(sessionId);
    FocusDraft.Result draft =
        FocusDraft.patch(current, change, sourceId, () -> allocator.defaultProjectKey(userId));
    SessionRecorded event = prepare(userId, SessionIds.sourceOf(sessionId), draft, () -> sourceId);
    publisher.publish(List.of(event));
    String createdAt =
        current.createdAt() == null ? instant(event.recordedAt()) : current.createdAt();
    return json(event, createdAt);
  }

  /** Deletes one of the user's stored sessions; someone else's or an unknown one is a 404. */
  void delete(String userId, String sessionId) {
    find(userId, sessionId);
    SessionDeleted deleted = ingest.events().deleted(userId, sessionId);
    publisher.publish(List.of(deleted));
  }

  private FocusSession find(String userId, String sessionId) {
    return allocator
        .find(userId, sessionId)
        .orElseThrow(() -> new NotFoundException("There is no focus session " + sessionId + "."));
  }

  private SessionRecorded prepare(
      String userId, String source, FocusDraft.Result draft, Supplier<String> generatedId) {
    List<Violation> violations = draft.violations();
    if (violations.isEmpty()) {
      PreparedSession prepared = ingest.prepare(userId, source, draft.input(), generatedId);
      if (prepared.accepted()) {
        return prepared.event();
      }
      violations = FocusDraft.renamed(prepared.violations());
    }
    throw invalid(violations);
  }

  static InvalidInputException invalid(List<Violation> violations) {
    return new InvalidInputException(
        violations.stream()
            .map(v -> new FieldProblem(v.field().isEmpty() ? "body" : v.field(), v.message()))
            .toList());
  }

  /** The focus object of a session as just recorded. */
  private static Map<String, Object> json(SessionRecorded event, String createdAt) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", event.sessionId());
    json.put("userId", event.userId());
    json.put("sessionStart", instant(event.start()));
    json.put("sessionEnd", instant(event.end()));
    json.put(
        "duration",
        FocusDraft.minutes(
            event.trackedSeconds(),
            event.start().truncatedTo(ChronoUnit.MILLIS),
            event.end().truncatedTo(ChronoUnit.MILLIS)));
    json.put("projectKey", event.projectKey());
    if (event.title() != null) {
      json.put("title", event.title());
    }
    if (event.trackedSeconds() != null) {
      json.put("trackedSeconds", event.trackedSeconds());
    }
    json.put("createdAt", createdAt);
    json.put("updatedAt", instant(event.recordedAt()));
    return json;
  }

  /** Instants as the allocator shows them: UTC, to the millisecond. */
  private static String instant(java.time.Instant instant) {
    return instant.truncatedTo(ChronoUnit.MILLIS).toString();
  }
}
