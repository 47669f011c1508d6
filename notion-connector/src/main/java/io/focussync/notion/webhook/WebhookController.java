package io.focussync.notion.webhook;

import io.focussync.platform.web.FieldProblem;
import io.focussync.platform.web.Problems;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Notion's webhook deliveries, each to its connection's own URL: public (no gateway identity),
 * authenticated by the unguessable URL and the HMAC signature over the raw body bytes. Answers at
 * once; pages are fetched in the background. Problems name the path without the URL's token.
 */
@RestController
public class WebhookController {

  static final String SIGNATURE_HEADER = "X-Notion-Signature";
  static final String OLD_PATH = "/api/v1/webhooks/notion";

  private static final URI INSTANCE = URI.create(OLD_PATH);

  private final JsonMapper json = JsonMapper.builder().build();
  private final WebhookService service;

  public WebhookController(WebhookService service) {
    this.service = service;
  }

  @PostMapping(path = OLD_PATH + "/{webhookToken}")
  ResponseEntity<?> receive(
      @PathVariable String webhookToken,
      @RequestBody(required = false) byte[] body,
      @RequestHeader(name = SIGNATURE_HEADER, required = false) String signature) {
    byte[] raw = body == null ? new byte[0] : body;
    JsonNode event;
    try {
      event = json.readTree(raw);
    } catch (JacksonException e) {
      return invalid("body", "is not JSON");
    }
    if (event == null || !event.isObject()) {
      return invalid("body", "is not a JSON object");
    }
    WebhookService.Outcome outcome = service.receive(webhookToken, raw, signature, event);
    return switch (outcome) {
      case UNKNOWN_WEBHOOK ->
          problem(HttpStatus.NOT_FOUND, "Not Found", "No webhook at this address.");
      case HANDSHAKE_NOT_EXPECTED ->
          problem(
              HttpStatus.CONFLICT,
              "Conflict",
              "This webhook address already received Notion's handshake. To subscribe again,"
                  + " disconnect and reconnect Notion: the connection then gets a new address.");
      case INVALID_HANDSHAKE ->
          invalid(
              "verification_token",
              "must be a non-blank string of at most "
                  + WebhookService.MAX_VERIFICATION_TOKEN_LENGTH
                  + " characters");
      case UNAUTHORIZED ->
          problem(
              HttpStatus.UNAUTHORIZED,
              "Unauthorized",
              "The X-Notion-Signature header is missing or does not match the body.");
      case VERIFIED, ACCEPTED, IGNORED ->
          ResponseEntity.ok(Map.of("status", outcome.name().toLowerCase(Locale.ROOT)));
    };
  }

  /** The unscoped address of earlier versions: it accepts nothing any more. */
  @PostMapping(path = OLD_PATH)
  ResponseEntity<ProblemDetail> gone() {
    return problem(
        HttpStatus.GONE,
        "Gone",
        "Notion webhooks are received at each connection's own address: copy it from the"
            + " connections page (webhook.url of GET /api/v1/connections/notion).");
  }

  private static ResponseEntity<ProblemDetail> invalid(String field, String message) {
    ResponseEntity<ProblemDetail> response =
        problem(HttpStatus.BAD_REQUEST, "Invalid request", field + ": " + message);
    response.getBody().setProperty("errors", List.of(new FieldProblem(field, message)));
    return response;
  }

  private static ResponseEntity<ProblemDetail> problem(
      HttpStatus status, String title, String detail) {
    ProblemDetail problem = Problems.of(status, title, detail);
    problem.setInstance(INSTANCE);
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
