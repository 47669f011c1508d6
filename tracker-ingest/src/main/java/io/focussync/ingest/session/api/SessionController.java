package io.focussync.ingest.session.api;

import io.focussync.contracts.sessions.v1.SessionDeleted;
import io.focussync.contracts.sessions.v1.SessionIds;
import io.focussync.contracts.sessions.v1.SessionRecorded;
import io.focussync.ingest.idempotency.IdempotencyService;
import io.focussync.ingest.idempotency.StoredResponse;
import io.focussync.ingest.messaging.SessionPublisher;
import io.focussync.ingest.session.ItemStatus;
import io.focussync.ingest.session.PreparedSession;
import io.focussync.ingest.session.SessionIdentity;
import io.focussync.ingest.session.SessionInput;
import io.focussync.ingest.session.Violation;
import io.focussync.platform.auth.CurrentUser;
import io.focussync.platform.web.FieldProblem;
import io.focussync.platform.web.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The session API: record, replace and delete sessions, one at a time or in batches. Every answer
 * 202 comes after Kafka acknowledged the events.
 */
@RestController
class SessionController {

  private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
  private static final String ANY_JSON = "application/*+json";
  static final String REPLAYED_HEADER = "Idempotent-Replayed";

  private final JsonBodies bodies;
  private final SessionIngest ingest;
  private final SessionBatches batches;
  private final SessionPublisher publisher;
  private final IdempotencyService idempotency;

  SessionController(
      JsonBodies bodies,
      SessionIngest ingest,
      SessionBatches batches,
      SessionPublisher publisher,
      IdempotencyService idempotency) {
    this.bodies = bodies;
    this.ingest = ingest;
    this.batches = batches;
    this.publisher = publisher;
    this.idempotency = idempotency;
  }

  @PostMapping(
      path = "/api/v1/sessions",
      consumes = {JSON, ANY_JSON})
  ResponseEntity<String> record(
      CurrentUser user,
      @RequestHeader(name = IdempotencyService.HEADER, required = false) String key,
      HttpServletRequest request) {
    IdempotencyService.checkKey(key);
    byte[] body = bodies.read(request);
    SessionInput input = readSingle(bodies.parse(body));
    String userId = user.id();
    Supplier<String> generatedId = SessionIdentity.generatedId(userId, key, "");
    return single(
        userId, key, "POST /api/v1/sessions", body, input, SessionIdentity.REST, generatedId);
  }

  @PutMapping(
      path = "/api/v1/sessions/{sessionId}",
      consumes = {JSON, ANY_JSON})
  ResponseEntity<String> replace(
      CurrentUser user,
      @PathVariable String sessionId,
      @RequestHeader(name = IdempotencyService.HEADER, required = false) String key,
      HttpServletRequest request) {
    IdempotencyService.checkKey(key);
    String fullId = pathSessionId(sessionId);
    String sourceId = SessionIds.sourceIdOf(fullId);
    byte[] body = bodies.read(request);
    SessionInput input = readSingle(bodies.parse(body));
    if (input.id() != null && !input.id().equals(sourceId) && !input.id().equals(fullId)) {
      throw InvalidInputException.of("id", "must be absent or equal to the session id of the path");
    }
    SessionInput withId =
        new SessionInput(
            sourceId,
            input.projectKey(),
            input.start(),
            input.end(),
            input.trackedSeconds(),
            input.title(),
            input.tags(),
            input.timeZone());
    return single(
        user.id(),
        key,
        "PUT /api/v1/sessions/" + fullId,
        body,
        withId,
        SessionIds.sourceOf(fullId),
        () -> sourceId);
  }

  @DeleteMapping("/api/v1/sessions/{sessionId}")
  ResponseEntity<String> delete(
      CurrentUser user,
      @PathVariable String sessionId,
      @RequestHeader(name = IdempotencyService.HEADER, required = false) String key) {
    IdempotencyService.checkKey(key);
    String fullId = pathSessionId(sessionId);
    String fingerprint =
        IdempotencyService.fingerprint("DELETE", "/api/v1/sessions/" + fullId, new byte[0]);
    return respond(
        idempotency.execute(
            user.id(),
            key,
            fingerprint,
            () -> {
              SessionDeleted deleted = ingest.events().deleted(user.id(), fullId);
              publisher.publish(List.of(deleted));
              Map<String, Object> answer = new LinkedHashMap<>();
              answer.put("id", deleted.sessionId());
              answer.put("version", deleted.version());
              answer.put("status", ItemStatus.DELETED.json());
              return new StoredResponse(202, write(answer));
            }));
  }

  @PostMapping(
      path = SessionBatches.PATH,
      consumes = {JSON, ANY_JSON})
  ResponseEntity<String> batch(
      CurrentUser user,
      @RequestHeader(name = IdempotencyService.HEADER, required = false) String key,
      HttpServletRequest request) {
    IdempotencyService.checkKey(key);
    return respond(batches.run(user.id(), key, bodies.read(request)));
  }

  private ResponseEntity<String> single(
      String userId,
      String key,
      String request,
      byte[] body,
      SessionInput input,
      String source,
      Supplier<String> generatedId) {
    PreparedSession prepared = ingest.prepare(userId, source, input, generatedId);
    if (!prepared.accepted()) {
      throw invalid(prepared.violations());
    }
    String[] methodAndPath = request.split(" ", 2);
    String fingerprint =
        IdempotencyService.fingerprintIfKeyed(key, methodAndPath[0], methodAndPath[1], body);
    return respond(
        idempotency.execute(
            userId,
            key,
            fingerprint,
            () -> {
              // Only the first run publishes; its version and ids are what a replay returns.
              publisher.publish(List.of(prepared.event()));
              return new StoredResponse(202, write(sessionJson(prepared.event())));
            }));
  }

  private static SessionInput readSingle(JsonNode tree) {
    SessionJson.Read read = SessionJson.read(tree);
    if (!read.violations().isEmpty()) {
      throw invalid(read.violations());
    }
    return read.input();
  }

  private static String pathSessionId(String sessionId) {
    return SessionIdentity.fromPath(sessionId)
        .orElseThrow(
            () ->
                InvalidInputException.of(
                    "sessionId", "must be a client id or a full id such as rest:<id>"));
  }

  private static InvalidInputException invalid(List<Violation> violations) {
    return new InvalidInputException(
        violations.stream()
            .map(v -> new FieldProblem(v.field().isEmpty() ? "body" : v.field(), v.message()))
            .toList());
  }

  static Map<String, Object> sessionJson(SessionRecorded event) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", event.sessionId());
    json.put("source", event.source());
    json.put("sourceId", event.sourceId());
    json.put("version", event.version());
    json.put("projectKey", event.projectKey());
    json.put("start", event.start().toString());
    json.put("end", event.end().toString());
    if (event.trackedSeconds() != null) {
      json.put("trackedSeconds", event.trackedSeconds());
    }
    if (event.title() != null) {
      json.put("title", event.title());
    }
    json.put("tags", event.tags());
    if (event.metadata().containsKey("timeZone")) {
      json.put("timeZone", event.metadata().get("timeZone"));
    }
    json.put("status", ItemStatus.ACCEPTED.json());
    return json;
  }

  private static String write(Object value) {
    return JsonBodies.mapper().writeValueAsString(value);
  }

  private static ResponseEntity<String> respond(IdempotencyService.Outcome outcome) {
    ResponseEntity.BodyBuilder builder =
        ResponseEntity.status(outcome.response().status()).contentType(MediaType.APPLICATION_JSON);
    if (outcome.replayed()) {
      builder.header(REPLAYED_HEADER, "true");
    }
    return builder.body(outcome.response().body());
  }
}
