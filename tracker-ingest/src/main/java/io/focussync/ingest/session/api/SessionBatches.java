package io.focussync.ingest.session.api;

import io.focussync.ingest.idempotency.IdempotencyService;
import io.focussync.ingest.idempotency.StoredResponse;
import io.focussync.ingest.messaging.SessionPublisher;
import io.focussync.ingest.session.SessionBatch;
import io.focussync.ingest.session.SessionIdentity;
import io.focussync.platform.web.FieldProblem;
import io.focussync.platform.web.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Runs {@code POST /api/v1/sessions/batch}: checks the body's shape and size, reads each item, lets
 * {@link SessionBatch} judge them, publishes the accepted events together and stores the answer
 * under the Idempotency-Key.
 */
@Service
class SessionBatches {

  static final String PATH = "/api/v1/sessions/batch";

  private final JsonBodies bodies;
  private final SessionIngest ingest;
  private final SessionPublisher publisher;
  private final IdempotencyService idempotency;
  private final IngestProperties properties;

  SessionBatches(
      JsonBodies bodies,
      SessionIngest ingest,
      SessionPublisher publisher,
      IdempotencyService idempotency,
      IngestProperties properties) {
    this.bodies = bodies;
    this.ingest = ingest;
    this.publisher = publisher;
    this.idempotency = idempotency;
    this.properties = properties;
  }

  /** The batch's outcome (a replay of the first one for a used Idempotency-Key). */
  IdempotencyService.Outcome run(String userId, String key, byte[] body) {
    JsonNode sessions = sessionsOf(bodies.parse(body));
    String fingerprint = IdempotencyService.fingerprintIfKeyed(key, "POST", PATH, body);
    return idempotency.execute(
        userId, key, fingerprint, () -> judgeAndPublish(userId, key, sessions));
  }

  /** The body's sessions array; another shape is a 400, too many items a 413. */
  private JsonNode sessionsOf(JsonNode tree) {
    if (!tree.isObject()) {
      throw InvalidInputException.of("body", "must be a JSON object with a sessions array");
    }
    JsonNode sessions = tree.get("sessions");
    if (sessions == null || !sessions.isArray()) {
      throw InvalidInputException.of("sessions", "is required and must be an array");
    }
    if (sessions.size() > properties.maxBatchSize()) {
      throw new InvalidInputException(
          413,
          List.of(
              new FieldProblem(
                  "sessions", "must have at most " + properties.maxBatchSize() + " items")));
    }
    return sessions;
  }

  private StoredResponse judgeAndPublish(String userId, String key, JsonNode sessions) {
    List<SessionBatch.Item> items = new ArrayList<>(sessions.size());
    for (JsonNode node : sessions) {
      SessionJson.Read read = SessionJson.read(node);
      items.add(new SessionBatch.Item(read.input(), read.violations()));
    }
    SessionBatch.Outcome outcome =
        SessionBatch.judge(
            items,
            (index, input) ->
                ingest.prepare(
                    userId,
                    SessionIdentity.REST,
                    input,
                    SessionIdentity.generatedId(userId, key, "#" + index)));
    if (outcome.publishes()) {
      publisher.publish(outcome.events());
    }
    return new StoredResponse(202, JsonBodies.mapper().writeValueAsString(outcome.toJson()));
  }
}
