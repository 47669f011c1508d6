package io.focussync.clockify.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import io.focussync.clockify.simulator.ClockifySimulator;
import io.focussync.clockify.simulator.SimRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every request the client can send validates against Clockify's published OpenAPI spec, read from
 * {@code ../shared/reference/} beside the repository (skipped where that folder is absent).
 */
class ClockifyContractTest {

  private static final String SPEC = "shared/reference/clockify-openapi.json";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Instant NINE = Instant.parse("2026-11-20T09:00:00Z");

  @Test
  void everyRequestTheClientSendsMatchesClockifysSpec() {
    Optional<Path> spec = findSpec();
    Assumptions.assumeTrue(
        spec.isPresent(),
        "Clockify's OpenAPI spec (" + SPEC + ") is not beside this checkout: contract not checked");
    // Clockify's spec gives many schemas defaults of the wrong type ("default": null on objects),
    // which the validator refuses to load; defaults say nothing about requests, so they go.
    OpenApiInteractionValidator validator =
        OpenApiInteractionValidator.createForInlineApiSpecification(withoutDefaults(spec.get()))
            .build();

    List<SimRequest> sent = exerciseEveryCall();
    List<RecordedCall> dryRun = exerciseDryRun();

    assertThat(sent).extracting(SimRequest::method).contains("GET", "POST", "PUT", "DELETE");
    for (SimRequest request : sent) {
      String query = request.query().isEmpty() ? "" : "?" + request.query();
      assertValid(validator, request.method(), request.path() + query, request.body());
    }
    for (RecordedCall call : dryRun) {
      assertValid(validator, call.method(), call.path(), call.body());
    }
    // The check can fail: a PUT without the required start is refused.
    assertThat(
            errors(
                validator,
                "PUT",
                "/v1/workspaces/w/time-entries/e",
                "{\"end\":\"2026-11-20T10:00:00Z\"}"))
        .isNotEmpty();
  }

  private static List<SimRequest> exerciseEveryCall() {
    try (ClockifySimulator clockify = ClockifySimulator.start()) {
      String workspace = "5f1e0a5f1e0a5f1e0a5f1e0a";
      clockify.addKey("contract-key", "64c777ddd3fcab07cfbb2100", "UTC", workspace);
      ClockifyApi api =
          TestClients.create(2)
              .forTarget(new ClockifyTarget(clockify.baseUrl(), "contract-key", workspace));
      api.currentUser();
      api.findTag("focus-sync");
      Tag tag = api.createTag("focus-sync");
      api.project("5f1e0a5f1e0a5f1e0a5f1e0b");
      TimeEntry withProject =
          api.createEntry(
              new EntryBody(
                  NINE,
                  NINE.plusSeconds(3600),
                  "5f1e0a5f1e0a5f1e0a5f1e0b",
                  "Development",
                  List.of(tag.id())));
      TimeEntry withoutProject =
          api.createEntry(
              new EntryBody(
                  NINE.plusSeconds(3600), NINE.plusSeconds(7200), null, "", List.of(tag.id())));
      api.createEntry(
          new EntryBody(
              NINE.plusSeconds(7200), NINE.plusSeconds(9000), null, "x", List.of(tag.id())));
      api.updateEntry(
          withProject.id(),
          new EntryBody(
              NINE,
              NINE.plusSeconds(5400),
              "5f1e0a5f1e0a5f1e0a5f1e0b",
              "Review",
              List.of(tag.id())));
      api.listEntries(
          "64c777ddd3fcab07cfbb2100", NINE.minusSeconds(86400), NINE.plusSeconds(86400), tag.id());
      api.listEntries(
          "64c777ddd3fcab07cfbb2100", NINE.minusSeconds(86400), NINE.plusSeconds(86400), null);
      api.deleteEntry(withoutProject.id());
      clockify.addProject(workspace, "Website", "Acme", "#03A9F4", true);
      api.projects();
      api.workspace();
      api.workspaces();
      return clockify.requests();
    }
  }

  private static List<RecordedCall> exerciseDryRun() {
    RecordingClockify api = new RecordingClockify("5f1e0a5f1e0a5f1e0a5f1e0a");
    api.findTag("focus-sync");
    api.createTag("focus-sync");
    TimeEntry created =
        api.createEntry(
            new EntryBody(NINE, NINE.plusSeconds(60), "p", "Development", List.of("t")));
    api.updateEntry(
        created.id(), new EntryBody(NINE, NINE.plusSeconds(120), null, "d", List.of("t")));
    api.deleteEntry(created.id());
    return api.calls();
  }

  private static void assertValid(
      OpenApiInteractionValidator validator, String method, String pathAndQuery, String body) {
    assertThat(errors(validator, method, pathAndQuery, body))
        .as(method + " " + pathAndQuery + " " + body)
        .isEmpty();
  }

  private static List<ValidationReport.Message> errors(
      OpenApiInteractionValidator validator, String method, String pathAndQuery, String body) {
    int q = pathAndQuery.indexOf('?');
    String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    SimpleRequest.Builder request =
        new SimpleRequest.Builder(method, path).withHeader("x-api-key", "contract-key");
    if (q >= 0) {
      List<String[]> params = new ArrayList<>();
      for (String pair : pathAndQuery.substring(q + 1).split("&")) {
        String[] parts = pair.split("=", 2);
        params.add(
            new String[] {
              URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
              parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : ""
            });
      }
      params.stream()
          .map(p -> p[0])
          .distinct()
          .forEach(
              name ->
                  request.withQueryParam(
                      name,
                      params.stream().filter(p -> p[0].equals(name)).map(p -> p[1]).toList()));
    }
    if (body != null && !body.isEmpty()) {
      request.withContentType("application/json").withBody(body);
    }
    return validator.validateRequest(request.build()).getMessages().stream()
        .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
        .toList();
  }

  private static String withoutDefaults(Path spec) {
    try {
      JsonNode root = JSON.readTree(Files.readString(spec));
      dropDefaults(root);
      return JSON.writeValueAsString(root);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void dropDefaults(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove("default");
      object.values().forEach(ClockifyContractTest::dropDefaults);
    } else if (node.isArray()) {
      node.forEach(ClockifyContractTest::dropDefaults);
    }
  }

  private static Optional<Path> findSpec() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(SPEC);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
