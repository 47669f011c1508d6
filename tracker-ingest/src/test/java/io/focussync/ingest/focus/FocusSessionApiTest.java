package io.focussync.ingest.focus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.focussync.contracts.FocusSyncEvent;
import io.focussync.contracts.sessions.v1.SessionDeleted;
import io.focussync.contracts.sessions.v1.SessionRecorded;
import io.focussync.ingest.IngestApi;
import io.focussync.platform.auth.InternalIdentity;
import io.focussync.testsupport.TestHttp;
import io.focussync.testsupport.TestInfrastructure;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The focus-session writes through the real broker; WireMock stands in for the allocator's HTTP API
 * (its focus read endpoint and settings), which the service calls with the user's signed identity.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "focussync.ingest.focus.not-found-wait=1500ms",
      "focussync.ingest.focus.not-found-poll=50ms"
    })
class FocusSessionApiTest {

  static final WireMockServer ALLOCATOR =
      new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final InternalIdentity IDENTITY =
      new InternalIdentity(TestInfrastructure.INTERNAL_AUTH_KEY, Clock.systemUTC());
  static final String PATH = "/api/v1/focus-sessions";
  static final String START = "2026-01-10T09:00:00+01:00";
  static final String END = "2026-01-10T09:25:00+01:00";

  static {
    ALLOCATOR.start();
  }

  @DynamicPropertySource
  static void allocator(DynamicPropertyRegistry registry) {
    registry.add("focussync.ingest.focus.allocator-url", ALLOCATOR::baseUrl);
  }

  @AfterAll
  static void stop() {
    ALLOCATOR.stop();
  }

  @LocalServerPort int port;
  IngestApi api;
  String user;

  @BeforeEach
  void setUp() {
    api = new IngestApi(port);
    user = IngestApi.newUser();
    ALLOCATOR.stubFor(
        get(urlPathEqualTo("/api/v1/settings/allocation"))
            .withHeader(InternalIdentity.USER_HEADER, equalTo(user))
            .willReturn(json("{\"timeZone\":\"UTC\",\"defaultProjectKey\":\"deep\"}")));
  }

  @Test
  void postAnswers201WithTheObjectAndPublishesTrackedSecondsAndTheDefaultProjectKey() {
    TestHttp.Response response =
        post("{\"sessionStart\":\"" + START + "\",\"sessionEnd\":\"" + END + "\",\"duration\":20}");

    assertThat(response.status()).as(response.body()).isEqualTo(201);
    JsonNode body = JSON.readTree(response.body());
    String id = body.get("id").asString();
    assertThat(id).startsWith("rest:").hasSizeGreaterThan(30);
    assertThat(response.header("Location")).isEqualTo(PATH + "/" + id);
    assertThat(body.get("userId").asString()).isEqualTo(user);
    assertThat(body.get("sessionStart").asString()).isEqualTo("2026-01-10T08:00:00Z");
    assertThat(body.get("sessionEnd").asString()).isEqualTo("2026-01-10T08:25:00Z");
    assertThat(body.get("duration").isIntegralNumber()).isTrue();
    assertThat(body.get("duration").asLong()).isEqualTo(20);
    assertThat(body.get("projectKey").asString()).isEqualTo("deep");
    assertThat(body.has("title")).isFalse();
    assertThat(body.get("createdAt").asString()).isEqualTo(body.get("updatedAt").asString());
    SessionRecorded event = onlyRecorded();
    assertThat(event.sessionId()).isEqualTo(id);
    assertThat(event.source()).isEqualTo("rest");
    assertThat(event.trackedSeconds()).isEqualTo(1200L);
    assertThat(event.projectKey()).isEqualTo("deep");
    assertThat(event.start()).isEqualTo(Instant.parse("2026-01-10T08:00:00Z"));
    assertThat(event.recordedAt().toString())
        .startsWith(body.get("createdAt").asString().replace("Z", ""));
    List<LoggedRequest> asked =
        ALLOCATOR.findAll(
            getRequestedFor(urlPathEqualTo("/api/v1/settings/allocation"))
                .withHeader(InternalIdentity.USER_HEADER, equalTo(user)));
    assertThat(asked).isNotEmpty();
    assertThat(
            IDENTITY.verify(
                asked.get(0).getHeader(InternalIdentity.USER_HEADER),
                asked.get(0).getHeader(InternalIdentity.TIMESTAMP_HEADER),
                asked.get(0).getHeader(InternalIdentity.SIGNATURE_HEADER)))
        .contains(user);
  }

  @Test
  void durationMinutesBecomeTrackedSecondsAndAGivenProjectKeyWins() {
    TestHttp.Response fraction =
        post(body(START, END, "12.5", "\"projectKey\":\"acme\",\"title\":\"Pomodoro\""));
    TestHttp.Response zero = post(body(START, END, "0", null));
    TestHttp.Response tiny = post(body(START, END, "0.001", null));
    TestHttp.Response absent =
        post("{\"sessionStart\":\"" + START + "\",\"sessionEnd\":\"" + END + "\"}");

    assertThat(List.of(fraction, zero, tiny, absent))
        .extracting(TestHttp.Response::status)
        .containsOnly(201);
    JsonNode first = JSON.readTree(fraction.body());
    assertThat(first.get("duration").asDouble()).isEqualTo(12.5);
    assertThat(first.get("projectKey").asString()).isEqualTo("acme");
    assertThat(first.get("title").asString()).isEqualTo("Pomodoro");
    assertThat(JSON.readTree(zero.body()).get("duration").asLong()).isEqualTo(25);
    assertThat(JSON.readTree(absent.body()).get("duration").asLong()).isEqualTo(25);
    assertThat(IngestApi.recorded(IngestApi.events(user)))
        .extracting(SessionRecorded::trackedSeconds, SessionRecorded::projectKey)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(750L, "acme"),
            org.assertj.core.groups.Tuple.tuple(null, "deep"),
            org.assertj.core.groups.Tuple.tuple(1L, "deep"),
            org.assertj.core.groups.Tuple.tuple(null, "deep"));
  }

  @Test
  void badInputIsA400NamingTheFieldAndPublishesNothing() {
    Map<String, String> cases =
        Map.ofEntries(
            Map.entry(body(START, END, "26", null), "duration"),
            Map.entry(body(START, END, "25.01", null), "duration"),
            Map.entry(body(START, END, "-1", null), "duration"),
            Map.entry(body(START, END, "\"20\"", null), "duration"),
            Map.entry(body(START, END, "true", null), "duration"),
            Map.entry(body(START, END, "[20]", null), "duration"),
            Map.entry(body(END, START, "5", null), "sessionEnd"),
            Map.entry("{\"sessionEnd\":\"" + END + "\",\"duration\":5}", "sessionStart"),
            Map.entry(body("2026-01-10T09:00:00", END, "5", null), "sessionStart"),
            Map.entry("{\"sessionStart\":42,\"sessionEnd\":\"" + END + "\"}", "sessionStart"),
            Map.entry(body(START, END, "5", "\"projectKey\":{}"), "projectKey"),
            Map.entry(body(START, END, "5", "\"projectKey\":\" \""), "projectKey"),
            Map.entry(body(START, END, "5", "\"title\":false"), "title"),
            Map.entry("[]", "body"),
            Map.entry("{\"sessionStart\":", "body"));
    cases.forEach(
        (body, field) -> {
          TestHttp.Response response = post(body);
          assertThat(response.status()).as(body + " -> " + response.body()).isEqualTo(400);
          assertThat(response.header("Content-Type")).contains("application/problem+json");
          assertThat(JSON.readTree(response.body()).get("errors").findValuesAsString("field"))
              .as(body)
              .contains(field);
        });
    TestHttp.Response huge = post(body(START, END, "1e400", null));
    assertThat(huge.status()).as(huge.body()).isEqualTo(400);
    assertThat(IngestApi.events(user)).isEmpty();
  }

  @Test
  void patchMergesIntoTheStoredSessionAndAnswersTheMergedObject() {
    stubStored("rest:abc", 200, stored("rest:abc", 600L, "p", "t"));

    TestHttp.Response response = patch("rest:abc", "{\"duration\":15,\"title\":null}");

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("id").asString()).isEqualTo("rest:abc");
    assertThat(body.get("sessionStart").asString()).isEqualTo("2026-01-10T08:00:00Z");
    assertThat(body.get("sessionEnd").asString()).isEqualTo("2026-01-10T08:25:00Z");
    assertThat(body.get("duration").asLong()).isEqualTo(15);
    assertThat(body.get("projectKey").asString()).isEqualTo("p");
    assertThat(body.has("title")).isFalse();
    assertThat(body.get("createdAt").asString()).isEqualTo("2026-01-10T07:00:00Z");
    assertThat(body.get("updatedAt").asString()).isNotEqualTo("2026-01-10T07:00:00Z");
    SessionRecorded event = onlyRecorded();
    assertThat(event.sessionId()).isEqualTo("rest:abc");
    assertThat(event.sourceId()).isEqualTo("abc");
    assertThat(event.trackedSeconds()).isEqualTo(900L);
    assertThat(event.title()).isNull();
    assertThat(event.projectKey()).isEqualTo("p");
    assertThat(event.end()).isEqualTo(Instant.parse("2026-01-10T08:25:00Z"));
  }

  @Test
  void patchKeepsWhatIsAbsentAndNullRemovesOptionalFields() {
    stubStored("import:x1", 200, stored("import:x1", 600L, "p", "t"));

    TestHttp.Response end = patch("import:x1", "{\"sessionEnd\":\"2026-01-10T08:20:00Z\"}");
    TestHttp.Response key = patch("import:x1", "{\"projectKey\":null,\"duration\":null}");

    assertThat(end.status()).as(end.body()).isEqualTo(200);
    assertThat(key.status()).as(key.body()).isEqualTo(200);
    assertThat(JSON.readTree(end.body()).get("duration").asLong()).isEqualTo(10);
    assertThat(JSON.readTree(key.body()).get("projectKey").asString()).isEqualTo("deep");
    assertThat(JSON.readTree(key.body()).get("duration").asLong()).isEqualTo(25);
    List<SessionRecorded> events = IngestApi.recorded(IngestApi.events(user));
    assertThat(events)
        .extracting(
            SessionRecorded::source, SessionRecorded::trackedSeconds, SessionRecorded::title)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("import", 600L, "t"),
            org.assertj.core.groups.Tuple.tuple("import", null, "t"));
  }

  @Test
  void aPatchThatBreaksTheRulesIsA400AndPublishesNothing() {
    stubStored("rest:abc", 200, stored("rest:abc", 600L, "p", "t"));

    TestHttp.Response shorter = patch("rest:abc", "{\"sessionEnd\":\"2026-01-10T08:05:00Z\"}");
    TestHttp.Response nullStart = patch("rest:abc", "{\"sessionStart\":null}");
    TestHttp.Response wrongType = patch("rest:abc", "{\"duration\":\"15\"}");

    assertThat(fields(shorter)).containsExactly("duration");
    assertThat(fields(nullStart)).containsExactly("sessionStart");
    assertThat(fields(wrongType)).containsExactly("duration");
    assertThat(IngestApi.events(user)).isEmpty();
  }

  @Test
  void aSessionTheAllocatorHasNotConsumedYetIsAskedForAgain() {
    String path = "/api/v1/focus-sessions/rest(:|%3A)fresh";
    ALLOCATOR.stubFor(
        get(urlPathMatching(path))
            .withHeader(InternalIdentity.USER_HEADER, equalTo(user))
            .inScenario("fresh-" + user)
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(404))
            .willSetStateTo("consumed"));
    ALLOCATOR.stubFor(
        get(urlPathMatching(path))
            .withHeader(InternalIdentity.USER_HEADER, equalTo(user))
            .inScenario("fresh-" + user)
            .whenScenarioStateIs("consumed")
            .willReturn(json(stored("rest:fresh", null, "p", null))));

    TestHttp.Response response = patch("rest:fresh", "{\"duration\":5}");

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(onlyRecorded().trackedSeconds()).isEqualTo(300L);
  }

  @Test
  void someoneElsesOrAnUnknownIdIsA404AndAnotherSourcesA409() {
    // The allocator answers for the caller only: another user's session is unknown to it.
    stubStored("rest:theirs", 404, "{}");

    TestHttp.Response patch = patch("rest:theirs", "{\"duration\":5}");
    TestHttp.Response delete = api.send("DELETE", PATH + "/rest:theirs", user, null, Map.of());
    TestHttp.Response notion = patch("notion:page-1", "{\"duration\":5}");
    TestHttp.Response notionDelete =
        api.send("DELETE", PATH + "/notion:page-1", user, null, Map.of());

    assertThat(patch.status()).isEqualTo(404);
    assertThat(patch.header("Content-Type")).contains("application/problem+json");
    assertThat(delete.status()).isEqualTo(404);
    assertThat(notion.status()).isEqualTo(409);
    assertThat(notion.body()).contains("managed in its source");
    assertThat(notionDelete.status()).isEqualTo(409);
    assertThat(IngestApi.events(user)).isEmpty();
  }

  @Test
  void deletePublishesSessionDeletedAndAnswers204() {
    stubStored("rest:gone", 200, stored("rest:gone", null, "p", null));

    TestHttp.Response response = api.send("DELETE", PATH + "/rest:gone", user, null, Map.of());

    assertThat(response.status()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
    List<FocusSyncEvent> events = IngestApi.events(user);
    assertThat(events).hasSize(1);
    assertThat(events.get(0)).isInstanceOf(SessionDeleted.class);
    assertThat(((SessionDeleted) events.get(0)).sessionId()).isEqualTo("rest:gone");
  }

  @Test
  void aRetriedPostWithItsIdempotencyKeyGetsTheSameAnswerAndPublishesOnce() {
    String body = body(START, END, "10", null);
    Map<String, String> key = Map.of("Idempotency-Key", "focus-" + user);

    TestHttp.Response first = api.send("POST", PATH, user, body, key);
    TestHttp.Response again = api.send("POST", PATH, user, body, key);

    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.header("Location")).isEqualTo(first.header("Location"));
    assertThat(IngestApi.events(user)).hasSize(1);
  }

  private TestHttp.Response post(String body) {
    return api.post(PATH, user, body);
  }

  private TestHttp.Response patch(String id, String body) {
    return api.send(
        "PATCH",
        PATH + "/" + id,
        user,
        body,
        Map.of("Content-Type", "application/merge-patch+json"));
  }

  private SessionRecorded onlyRecorded() {
    List<SessionRecorded> recorded = IngestApi.recorded(IngestApi.events(user));
    assertThat(recorded).hasSize(1);
    return recorded.get(0);
  }

  private void stubStored(String id, int status, String body) {
    ALLOCATOR.stubFor(
        get(urlPathMatching("/api/v1/focus-sessions/" + id.replace(":", "(:|%3A)")))
            .withHeader(InternalIdentity.USER_HEADER, equalTo(user))
            .willReturn(json(body).withStatus(status)));
  }

  private String stored(String id, Long trackedSeconds, String projectKey, String title) {
    return "{\"id\":\""
        + id
        + "\",\"userId\":\""
        + user
        + "\",\"sessionStart\":\"2026-01-10T08:00:00Z\",\"sessionEnd\":\"2026-01-10T08:25:00Z\","
        + "\"duration\":"
        + (trackedSeconds == null ? 25 : trackedSeconds / 60.0)
        + ",\"projectKey\":\""
        + projectKey
        + "\""
        + (title == null ? "" : ",\"title\":\"" + title + "\"")
        + (trackedSeconds == null ? "" : ",\"trackedSeconds\":" + trackedSeconds)
        + ",\"createdAt\":\"2026-01-10T07:00:00Z\",\"updatedAt\":\"2026-01-10T07:30:00Z\"}";
  }

  private static List<String> fields(TestHttp.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    return JSON.readTree(response.body()).get("errors").findValuesAsString("field");
  }

  private static String body(String start, String end, String duration, String extra) {
    return "{\"sessionStart\":\""
        + start
        + "\",\"sessionEnd\":\""
        + end
        + "\",\"duration\":"
        + duration
        + (extra == null ? "" : "," + extra)
        + "}";
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(
      String body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }
}
