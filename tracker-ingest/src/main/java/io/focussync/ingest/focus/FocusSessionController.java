package io.focussync.ingest.focus;

import io.focussync.contracts.sessions.v1.SessionIds;
import io.focussync.contracts.sessions.v1.SessionRecorded;
import io.focussync.ingest.focus.core.FocusChange;
import io.focussync.ingest.idempotency.IdempotencyService;
import io.focussync.ingest.idempotency.StoredResponse;
import io.focussync.ingest.session.SessionIdentity;
import io.focussync.ingest.session.api.JsonBodies;
import io.focussync.platform.auth.CurrentUser;
import io.focussync.platform.web.FieldProblem;
import io.focussync.platform.web.InvalidInputException;
import io.focussync.platform.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The write side of the focus-session API (the Meelio shape): {@code POST}, {@code PATCH} (JSON
 * merge patch) and {@code DELETE /api/v1/focus-sessions}. Reads are the allocator's.
 */
@RestController
class FocusSessionController {

  private static final String PATH = "/api/v1/focus-sessions";
  private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
  private static final String ANY_JSON = "application/*+json";
  private static final String REPLAYED_HEADER = "Idempotent-Replayed";

  private final JsonBodies bodies;
  private final FocusSessionService focus;
  private final IdempotencyService idempotency;

  FocusSessionController(
      JsonBodies bodies, FocusSessionService focus, IdempotencyService idempotency) {
    this.bodies = bodies;
    this.focus = focus;
    this.idempotency = idempotency;
  }

  @PostMapping(
      path = PATH,
      consumes = {JSON, ANY_JSON})
  ResponseEntity<String> create(
      CurrentUser user,
      @RequestHeader(name = IdempotencyService.HEADER, required = false) String key,
      HttpServletRequest request) {
    IdempotencyService.checkKey(key);
    byte[] body = bodies.read(request);
    FocusChange change = read(body);
    SessionRecorded event = focus.prepareCreate(user.id(), change, generatedId(user.id(), key));
    IdempotencyService.Outcome outcome =
        idempotency.execute(
            user.id(),
            key,
            fingerprint(key, "POST", PATH, body),
            () -> new StoredResponse(201, write(focus.publishCreated(event))));
    return respond(outcome, PATH + "/" + event.sessionId());
  }

  @PatchMapping(
      path = PATH + "/{id}",
      consumes = {JSON, ANY_JSON})
  ResponseEntity<String> patch(
      CurrentUser user,
      @PathVariable String id,
      @RequestHeader(name = IdempotencyService.HEADER, required = false) String key,
      HttpServletRequest request) {
    IdempotencyService.checkKey(key);
    String sessionId = writableId(id);
    byte[] body = bodies.read(request);
    FocusChange change = read(body);
    IdempotencyService.Outcome outcome =
        idempotency.execute(
            user.id(),
            key,
            fingerprint(key, "PATCH", PATH + "/" + sessionId, body),
            () -> new StoredResponse(200, write(focus.patch(user.id(), sessionId, change))));
    return respond(outcome, null);
  }

  @DeleteMapping(PATH + "/{id}")
  ResponseEntity<String> delete(
      CurrentUser user,
      @PathVariable String id,
      @RequestHeader(name = IdempotencyService.HEADER, required = false) String key) {
    IdempotencyService.checkKey(key);
    String sessionId = writableId(id);
    IdempotencyService.Outcome outcome =
        idempotency.execute(
            user.id(),
            key,
            fingerprint(key, "DELETE", PATH + "/" + sessionId, new byte[0]),
            () -> {
              focus.delete(user.id(), sessionId);
              return new StoredResponse(204, "");
            });
    ResponseEntity.BodyBuilder builder = ResponseEntity.status(204);
    if (outcome.replayed()) {
      builder.header(REPLAYED_HEADER, "true");
    }
    return builder.build();
  }

  /**
   * The full id of a session this API may change: one of tracker-ingest's ({@code rest:}, {@code
   * import:}; a bare id is a {@code rest:} one). Another source's session is changed there (409);
   * an id that cannot be a session's is not found.
   */
  static String writableId(String id) {
    String source = SessionIds.sourceOf(id);
    if (id.contains(":")
        && !source.equals(SessionIdentity.REST)
        && !source.equals(SessionIdentity.IMPORT)) {
      throw new InvalidInputException(
          409,
          List.of(
              new FieldProblem(
                  "id",
                  "the session is managed in its source ("
                      + source
                      + "): change or delete it there")));
    }
    return SessionIdentity.fromPath(id)
        .orElseThrow(() -> new NotFoundException("There is no focus session " + id + "."));
  }

  private FocusChange read(byte[] body) {
    FocusJson.Read read = FocusJson.read(bodies.parse(body));
    if (!read.violations().isEmpty()) {
      throw FocusSessionService.invalid(read.violations());
    }
    return read.change();
  }

  private static Supplier<String> generatedId(String userId, String key) {
    // With an Idempotency-Key the id is derived from it, so a retry after an unknown outcome
    // replaces the same session instead of adding one (as in the session API).
    return key == null
        ? SessionIdentity::random
        : () -> SessionIdentity.derived(userId + "\n" + key + "\n");
  }

  private static String fingerprint(String key, String method, String path, byte[] body) {
    return key == null ? null : IdempotencyService.fingerprint(method, path, body);
  }

  private static String write(Object value) {
    return JsonBodies.mapper().writeValueAsString(value);
  }

  private static ResponseEntity<String> respond(
      IdempotencyService.Outcome outcome, String location) {
    ResponseEntity.BodyBuilder builder =
        ResponseEntity.status(outcome.response().status()).contentType(MediaType.APPLICATION_JSON);
    if (location != null) {
      builder.header(HttpHeaders.LOCATION, location);
    }
    if (outcome.replayed()) {
      builder.header(REPLAYED_HEADER, "true");
    }
    return builder.body(outcome.response().body());
  }
}
