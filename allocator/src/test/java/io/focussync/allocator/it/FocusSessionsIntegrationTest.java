package io.focussync.allocator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.focussync.contracts.sessions.v1.SessionDeleted;
import io.focussync.contracts.sessions.v1.SessionRecorded;
import io.focussync.testsupport.TestHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The focus-session read endpoints over sessions the consumer really stored. */
class FocusSessionsIntegrationTest extends AllocatorIntegrationTest {

  static final Instant FIRST_RECORDED = Instant.parse("2026-11-20T11:00:00.123Z");
  static final Instant SECOND_RECORDED = Instant.parse("2026-11-20T12:30:00Z");

  @Test
  void createdAtStaysWhileUpdatedAtAndDurationFollowTheChanges() {
    send(recorded("a", "2026-11-20T09:00:00Z", Duration.ofMinutes(50), null, FIRST_RECORDED));
    JsonNode first = awaitFocus("rest:a", node -> true);

    assertThat(first.get("id").asString()).isEqualTo("rest:a");
    assertThat(first.get("userId").asString()).isEqualTo(user);
    assertThat(first.get("sessionStart").asString()).isEqualTo("2026-11-20T09:00:00Z");
    assertThat(first.get("sessionEnd").asString()).isEqualTo("2026-11-20T09:50:00Z");
    assertThat(first.get("duration").isIntegralNumber()).isTrue();
    assertThat(first.get("duration").asLong()).isEqualTo(50);
    assertThat(first.get("projectKey").asString()).isEqualTo("focus");
    assertThat(first.get("title").asString()).isEqualTo("title a");
    assertThat(first.get("createdAt").asString()).isEqualTo("2026-11-20T11:00:00.123Z");
    assertThat(first.get("updatedAt").asString()).isEqualTo("2026-11-20T11:00:00.123Z");
    assertThat(first.has("trackedSeconds")).isFalse();

    send(recorded("a", "2026-11-20T09:00:00Z", Duration.ofMinutes(50), 90L, SECOND_RECORDED));
    JsonNode second =
        awaitFocus(
            "rest:a", node -> node.get("updatedAt").asString().equals("2026-11-20T12:30:00Z"));

    assertThat(second.get("createdAt").asString()).isEqualTo("2026-11-20T11:00:00.123Z");
    assertThat(second.get("duration").isIntegralNumber()).isFalse();
    assertThat(second.get("duration").asDouble()).isEqualTo(1.5);
    assertThat(second.get("trackedSeconds").asLong()).isEqualTo(90);
  }

  @Test
  void aSessionRecordedAgainAfterItsDeletionStartsAnew() {
    send(recorded("b", "2026-11-20T09:00:00Z", Duration.ofMinutes(25), null, FIRST_RECORDED));
    awaitFocus("rest:b", node -> true);
    send(new SessionDeleted(user, "rest:b", "rest", 2, Instant.parse("2026-11-20T11:30:00Z")));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> call("GET", "/api/v1/focus-sessions/rest:b", null).status() == 404);

    send(recorded("b", "2026-11-20T09:00:00Z", Duration.ofMinutes(25), null, SECOND_RECORDED));
    JsonNode back = awaitFocus("rest:b", node -> true);

    assertThat(back.get("createdAt").asString()).isEqualTo("2026-11-20T12:30:00Z");
  }

  @Test
  void theListFiltersByDatesOrInstantsAndWithoutBoundsShowsEverything() {
    send(recorded("thu", "2026-11-19T10:00:00Z", Duration.ofHours(1), null, FIRST_RECORDED));
    send(recorded("fri", "2026-11-20T10:00:00Z", Duration.ofHours(1), 1800L, FIRST_RECORDED));
    send(recorded("sat", "2026-11-21T10:00:00Z", Duration.ofMinutes(1), null, FIRST_RECORDED));
    awaitFocus("rest:sat", node -> true);

    assertThat(ids(list(""))).containsExactly("rest:thu", "rest:fri", "rest:sat");
    assertThat(ids(list("?from=2026-11-20&to=2026-11-20"))).containsExactly("rest:fri");
    assertThat(ids(list("?from=2026-11-20"))).containsExactly("rest:fri", "rest:sat");
    assertThat(ids(list("?to=2026-11-19"))).containsExactly("rest:thu");
    assertThat(ids(list("?from=2026-11-19T10:30:00Z&to=2026-11-20T10:00:00%2B00:00")))
        .containsExactly("rest:thu");
    assertThat(ids(list("?from=2026-11-20T11:30:00%2B01:00&to=2026-11-21T00:00:00Z")))
        .containsExactly("rest:fri");
    JsonNode fri = list("?from=2026-11-20&to=2026-11-20").get(0);
    assertThat(fri.get("duration").asLong()).isEqualTo(30);
    assertThat(fri.get("duration").isIntegralNumber()).isTrue();
  }

  @Test
  void anotherUsersSessionIsNotFoundAndNotListed() {
    send(recorded("mine", "2026-11-20T10:00:00Z", Duration.ofHours(1), null, FIRST_RECORDED));
    awaitFocus("rest:mine", node -> true);
    String other = "someone-else-" + user;

    TestHttp.Response theirs = callAs(other, "GET", "/api/v1/focus-sessions/rest:mine", null);

    assertThat(theirs.status()).isEqualTo(404);
    assertThat(theirs.header("Content-Type")).contains("application/problem+json");
    assertThat(JSON.readTree(callAs(other, "GET", "/api/v1/focus-sessions", null).body()))
        .isEmpty();
    assertThat(call("GET", "/api/v1/focus-sessions/rest:never", null).status()).isEqualTo(404);
  }

  @Test
  void badBoundsAre400sNamingTheParameter() {
    for (String query :
        List.of(
            "?from=yesterday",
            "?to=2026-13-01",
            "?from=2026-11-20T10:00:00",
            "?from=2026-11-21&to=2026-11-20",
            "?from=0001-01-01")) {
      TestHttp.Response response = call("GET", "/api/v1/focus-sessions" + query, null);
      assertThat(response.status()).as(query).isEqualTo(400);
      assertThat(JSON.readTree(response.body()).get("errors").findValuesAsString("field"))
          .as(query)
          .containsAnyOf("from", "to");
    }
  }

  @Test
  void theDefaultProjectKeyIsASettingWithTheDefaultFocus() {
    assertThat(get("/api/v1/settings/allocation").get("defaultProjectKey").asString())
        .isEqualTo("focus");

    putSettings("{\"defaultProjectKey\": \"acme/deep\"}");
    assertThat(get("/api/v1/settings/allocation").get("defaultProjectKey").asString())
        .isEqualTo("acme/deep");

    TestHttp.Response bad =
        call("PUT", "/api/v1/settings/allocation", "{\"defaultProjectKey\": 7}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).get("errors").findValuesAsString("field"))
        .containsExactly("defaultProjectKey");
    assertThat(
            call("PUT", "/api/v1/settings/allocation", "{\"defaultProjectKey\": \" \"}").status())
        .isEqualTo(400);
    assertThat(get("/api/v1/settings/allocation").get("defaultProjectKey").asString())
        .isEqualTo("acme/deep");
  }

  private SessionRecorded recorded(
      String id, String start, Duration length, Long trackedSeconds, Instant recordedAt) {
    Instant from = Instant.parse(start);
    return new SessionRecorded(
        user,
        "rest:" + id,
        "rest",
        id,
        1,
        "focus",
        from,
        from.plus(length),
        trackedSeconds,
        "title " + id,
        List.of(),
        Map.of(),
        recordedAt);
  }

  private JsonNode awaitFocus(String id, java.util.function.Predicate<JsonNode> condition) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              TestHttp.Response response = call("GET", "/api/v1/focus-sessions/" + id, null);
              return response.status() == 200 ? JSON.readTree(response.body()) : null;
            },
            node -> node != null && condition.test(node));
  }

  private JsonNode list(String query) {
    JsonNode list = get("/api/v1/focus-sessions" + query);
    assertThat(list.isArray()).as(list.toString()).isTrue();
    return list;
  }

  private static List<String> ids(JsonNode list) {
    return StreamSupport.stream(list.spliterator(), false)
        .map(node -> node.get("id").asString())
        .toList();
  }
}
