package io.focussync.allocator.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.testsupport.TestHttp;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ApiIntegrationTest extends AllocatorIntegrationTest {

  @Test
  void aNewUserGetsTheDefaultSettings() {
    JsonNode settings = get("/api/v1/settings/allocation");

    assertThat(settings.get("timeZone").asString()).isEqualTo("UTC");
    assertThat(settings.get("workdays")).hasSize(5);
    assertThat(settings.get("workdayStart").asString()).isEqualTo("09:00");
    assertThat(settings.get("workdayEnd").asString()).isEqualTo("17:00");
    assertThat(settings.get("mode").asString()).isEqualTo("NORMALIZED");
    assertThat(settings.get("granularityMinutes").asInt()).isEqualTo(1);
    assertThat(settings.get("description").asString()).isEqualTo("Development");
    assertThat(settings.get("pushPolicy").asString()).isEqualTo("LIVE");
    assertThat(settings.get("holidays")).isEmpty();
  }

  @Test
  void savedSettingsAreReadBack() {
    putSettings(
        """
        {"timeZone": "Pacific/Chatham", "workdays": ["MONDAY"], "workdayStart": "08:00",
         "workdayEnd": "12:00", "mode": "ACTUAL", "granularityMinutes": 30,
         "description": "Deep work", "otherProjectId": "p0",
         "projectMapping": {"a.b": "p1", "$x": "p2"},
         "rules": [{"match": "GLOB", "pattern": "web-*", "projectId": "p3"}],
         "pushPolicy": "APPROVAL", "holidays": ["2026-12-25"], "closedBefore": "2026-01-01"}
        """);

    JsonNode settings = get("/api/v1/settings/allocation");
    assertThat(settings.get("timeZone").asString()).isEqualTo("Pacific/Chatham");
    assertThat(settings.get("projectMapping").get("a.b").asString()).isEqualTo("p1");
    assertThat(settings.get("projectMapping").get("$x").asString()).isEqualTo("p2");
    assertThat(settings.get("rules").get(0).get("pattern").asString()).isEqualTo("web-*");
    assertThat(settings.get("closedBefore").asString()).isEqualTo("2026-01-01");
  }

  @Test
  void invalidSettingsAreA400WithEveryFieldError() {
    TestHttp.Response response =
        call(
            "PUT",
            "/api/v1/settings/allocation",
            """
            {"timeZone": "Nowhere/Else", "workdays": [], "workdayStart": "10:00",
             "workdayEnd": "09:00", "mode": "FAST", "projectMapping": {"k": 7},
             "rules": [{"match": "REGEX", "pattern": "(", "projectId": "p"}]}
            """);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.header("Content-Type")).contains("application/problem+json");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("errors").findValuesAsString("field"))
        .contains(
            "timeZone",
            "workdays",
            "workdayEnd",
            "mode",
            "projectMapping[\"k\"]",
            "rules[0].pattern");
    assertThat(call("PUT", "/api/v1/settings/allocation", "{\"granularityMinutes\": 7}").status())
        .isEqualTo(400);
    assertThat(
            call("PUT", "/api/v1/settings/allocation", "{\"granularityMinutes\": \"x\"}").status())
        .isEqualTo(400);
    assertThat(call("PUT", "/api/v1/settings/allocation", "[").status()).isEqualTo(400);
    assertThat(get("/api/v1/settings/allocation").get("timeZone").asString()).isEqualTo("UTC");
  }

  @Test
  void badDatesAndRangesAre400s() {
    assertThat(call("GET", "/api/v1/days/2026-13-01", null).status()).isEqualTo(400);
    assertThat(call("GET", "/api/v1/days/today", null).status()).isEqualTo(400);
    assertThat(call("GET", "/api/v1/days?from=2026-11-20&to=2026-11-19", null).status())
        .isEqualTo(400);
    assertThat(call("GET", "/api/v1/days?from=2026-01-01&to=2027-06-01", null).status())
        .isEqualTo(400);
    assertThat(call("GET", "/api/v1/days?from=2026-01-01", null).status()).isEqualTo(400);
    assertThat(call("GET", "/api/v1/sessions?from=x&to=2026-01-01", null).status()).isEqualTo(400);
    assertThat(call("POST", "/api/v1/days/2026-02-30/approve", null).status()).isEqualTo(400);
    assertThat(call("POST", "/api/v1/days/2026-02-30/resync", null).status()).isEqualTo(400);
  }

  @Test
  void requestsWithoutTheGatewaysSignatureAre401() {
    TestHttp.Response response =
        TestHttp.get("http://127.0.0.1:" + port + "/api/v1/settings/allocation");

    assertThat(response.status()).isEqualTo(401);
  }

  @Test
  void usersSeeOnlyTheirOwnDaysAndSessions() {
    send(session("mine", 1, "A", "2026-11-20T10:00:00Z", Duration.ofHours(1)));
    awaitPlan(LocalDate.of(2026, 11, 20), p -> true);

    JsonNode days = get("/api/v1/days?from=2026-11-01&to=2026-11-30");
    assertThat(days.get("days")).hasSize(1);
    assertThat(days.get("days").get(0).has("buckets")).isFalse();
    String other = "someone-else-" + user;
    assertThat(
            JSON.readTree(
                    callAs(other, "GET", "/api/v1/days?from=2026-11-01&to=2026-11-30", null).body())
                .get("days"))
        .isEmpty();
    assertThat(
            JSON.readTree(
                    callAs(other, "GET", "/api/v1/sessions?from=2026-11-20&to=2026-11-20", null)
                        .body())
                .get("sessions"))
        .isEmpty();
    JsonNode otherDay = JSON.readTree(callAs(other, "GET", "/api/v1/days/2026-11-20", null).body());
    assertThat(otherDay.get("status").asString()).isEqualTo("NO_SESSIONS");
  }
}
