package io.focussync.notion.webhook;

import io.focussync.platform.web.InvalidInputException;
import io.focussync.platform.web.Problems;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Notion's webhook deliveries: public (no gateway identity), authenticated by the HMAC signature
 * over the raw body bytes instead. Answers at once; the pages are fetched in the background.
 */
@RestController
public class WebhookController {

  static final String SIGNATURE_HEADER = "X-Notion-Signature";

  private final JsonMapper json = JsonMapper.builder().build();
  private final WebhookService service;

  public WebhookController(WebhookService service) {
    this.service = service;
  }

  @PostMapping(path = "/api/v1/webhooks/notion")
  ResponseEntity<?> receive(
      @RequestBody(required = false) byte[] body,
      @RequestHeader(name = SIGNATURE_HEADER, required = false) String signature) {
    byte[] raw = body == null ? new byte[0] : body;
    JsonNode event;
    try {
      event = json.readTree(raw);
    } catch (JacksonException e) {
      throw InvalidInputException.of("body", "is not JSON");
    }
    if (event == null || !event.isObject()) {
      throw InvalidInputException.of("body", "is not a JSON object");
    }
    WebhookService.Outcome outcome = service.receive(raw, signature, event);
    if (outcome == WebhookService.Outcome.UNAUTHORIZED) {
      ProblemDetail problem =
          Problems.of(
              HttpStatus.UNAUTHORIZED,
              "Unauthorized",
              "The X-Notion-Signature header is missing or does not match the body.");
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
    }
    return ResponseEntity.ok(Map.of("status", outcome.name().toLowerCase()));
  }
}
