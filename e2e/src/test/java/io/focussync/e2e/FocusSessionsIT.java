package io.focussync.e2e;

import static io.focussync.e2e.support.PipelineWorld.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.e2e.support.GatewayApi;
import io.focussync.e2e.support.PipelineWorld;
import io.focussync.e2e.support.PipelineWorld.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The focus-session shape (the Meelio API) through the gateway against the packaged services: the
 * same sessions as {@code /api/v1/sessions}, in the day plan, written at ingest and read at the
 * allocator.
 */
class FocusSessionsIT {

  private static final String DAY = "2026-11-23";

  private final PipelineWorld world = PipelineWorld.get();

  @Test
  void aFocusSessionIsTheSameSessionEverywhereFromPostThroughPatchToDelete() {
    Tenant cy = world.newTenant("UTC", Map.of());
    world.record(cy, "plain", "beta", DAY + "T13:00:00Z", DAY + "T14:00:00Z");

    GatewayApi.Reply created =
        cy.api()
            .post(
                "/api/v1/focus-sessions",
                Map.of(
                    "sessionStart",
                    DAY + "T09:00:00+00:00",
                    "sessionEnd",
                    DAY + "T12:00:00+00:00",
                    "duration",
                    60,
                    "projectKey",
                    "alpha",
                    "title",
                    "Pomodoros"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().get("id").asString();
    assertThat(id).startsWith("rest:");
    assertThat(created.json().get("duration").asLong()).isEqualTo(60);

    eventually()
        .untilAsserted(
            () -> {
              JsonNode focus = cy.api().get("/api/v1/focus-sessions?from=" + DAY).json();
              assertThat(byId(focus, id).get("duration").asLong()).isEqualTo(60);
              assertThat(byId(focus, "rest:plain").get("duration").asLong()).isEqualTo(60);
              JsonNode sessions = sessions(cy);
              assertThat(byId(sessions, id).get("trackedSeconds").asLong()).isEqualTo(3600);
              assertThat(projectHours(cy)).isEqualTo(Map.of("p-alpha", 4L, "p-beta", 4L));
            });
    JsonNode stored = cy.api().get("/api/v1/focus-sessions/" + id).json();
    assertThat(stored.get("title").asString()).isEqualTo("Pomodoros");
    assertThat(stored.get("userId").asString()).isEqualTo(cy.user().id());

    GatewayApi.Reply patched =
        cy.api().send("PATCH", "/api/v1/focus-sessions/" + id, Map.of("duration", 180));
    assertThat(patched.status()).as(patched.body()).isEqualTo(200);
    assertThat(patched.json().get("duration").asLong()).isEqualTo(180);
    assertThat(patched.json().get("title").asString()).isEqualTo("Pomodoros");
    assertThat(patched.json().get("createdAt").asString())
        .isEqualTo(stored.get("createdAt").asString());

    eventually()
        .untilAsserted(
            () -> {
              assertThat(projectHours(cy)).isEqualTo(Map.of("p-alpha", 6L, "p-beta", 2L));
              JsonNode again = cy.api().get("/api/v1/focus-sessions/" + id).json();
              assertThat(again.get("duration").asLong()).isEqualTo(180);
              assertThat(again.get("createdAt").asString())
                  .isEqualTo(stored.get("createdAt").asString());
              assertThat(Instant.parse(again.get("updatedAt").asString()))
                  .isAfter(Instant.parse(stored.get("updatedAt").asString()));
            });

    GatewayApi.Reply deleted = cy.api().delete("/api/v1/focus-sessions/" + id);
    assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);

    eventually()
        .untilAsserted(
            () -> {
              assertThat(cy.api().get("/api/v1/focus-sessions/" + id).status()).isEqualTo(404);
              assertThat(ids(cy.api().get("/api/v1/focus-sessions").json()))
                  .containsExactly("rest:plain");
              assertThat(ids(sessions(cy))).containsExactly("rest:plain");
              assertThat(projectHours(cy)).isEqualTo(Map.of("p-beta", 8L));
            });
  }

  private static JsonNode sessions(Tenant tenant) {
    return tenant.api().get("/api/v1/sessions?from=" + DAY + "&to=" + DAY).json().get("sessions");
  }

  /** Hours per project of the day's plan. */
  private static Map<String, Long> projectHours(Tenant tenant) {
    JsonNode plan = tenant.api().get("/api/v1/days/" + DAY).json().get("plan");
    Map<String, Long> hours = new HashMap<>();
    for (JsonNode entry : plan.get("entries")) {
      Duration length =
          Duration.between(
              Instant.parse(entry.get("start").asString()),
              Instant.parse(entry.get("end").asString()));
      hours.merge(entry.get("projectId").asString(), length.toHours(), Long::sum);
    }
    return hours;
  }

  private static JsonNode byId(JsonNode list, String id) {
    return StreamSupport.stream(list.spliterator(), false)
        .filter(node -> node.get("id").asString().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + id + " in " + list));
  }

  private static List<String> ids(JsonNode list) {
    return StreamSupport.stream(list.spliterator(), false)
        .map(node -> node.get("id").asString())
        .toList();
  }
}
