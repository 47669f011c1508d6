package io.focussync.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.focussync.contracts.CloudEventHeaders;
import io.focussync.contracts.EventTypes;
import io.focussync.contracts.FocusSyncEvent;
import io.focussync.contracts.sessions.v1.SessionDeleted;
import io.focussync.contracts.sessions.v1.SessionRecorded;
import io.focussync.testsupport.TestHttp;
import io.focussync.testsupport.TestTopics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionApiTest {

  @LocalServerPort int port;
  IngestApi api;

  @BeforeEach
  void setUp() {
    api = new IngestApi(port);
  }

  @Test
  void postPublishesSessionRecordedKeyedByUserAfterTheAck() {
    String user = IngestApi.newUser();

    TestHttp.Response response =
        api.post(
            "/api/v1/sessions",
            user,
            IngestApi.session(
                "pomodoro-1",
                "acme/web",
                "2026-01-10T09:00:00+01:00",
                "2026-01-10T09:25:00+01:00"));

    assertThat(response.status()).isEqualTo(202);
    assertThat(response.body()).contains("\"id\":\"rest:pomodoro-1\"");
    List<ConsumerRecord<String, byte[]>> records = IngestApi.records(user);
    assertThat(records).hasSize(1);
    assertThat(records.get(0).key()).isEqualTo(user);
    assertThat(TestTopics.header(records.get(0), CloudEventHeaders.TYPE))
        .isEqualTo(EventTypes.SESSION_RECORDED);
    assertThat(TestTopics.header(records.get(0), CloudEventHeaders.SOURCE))
        .isEqualTo("/focussync/tracker-ingest");
    SessionRecorded event = (SessionRecorded) IngestApi.decode(records.get(0));
    assertThat(event.userId()).isEqualTo(user);
    assertThat(event.sessionId()).isEqualTo("rest:pomodoro-1");
    assertThat(event.source()).isEqualTo("rest");
    assertThat(event.sourceId()).isEqualTo("pomodoro-1");
    assertThat(event.projectKey()).isEqualTo("acme/web");
    assertThat(event.start()).isEqualTo(Instant.parse("2026-01-10T08:00:00Z"));
    assertThat(event.end()).isEqualTo(Instant.parse("2026-01-10T08:25:00Z"));
    assertThat(event.title()).isEqualTo("Deep work");
    assertThat(event.tags()).containsExactly("focus");
    assertThat(event.version()).isPositive();
    assertThat(event.trackedSeconds()).isNull();
    assertThat(response.body()).doesNotContain("trackedSeconds");
  }

  @Test
  void trackedSecondsAreCarriedIntoTheEventAndEchoed() {
    String user = IngestApi.newUser();

    TestHttp.Response post =
        api.post(
            "/api/v1/sessions",
            user,
            tracked("claude-1", "2026-01-10T09:00:00Z", "2026-01-10T10:00:00Z", 1800));
    TestHttp.Response put =
        api.send(
            "PUT",
            "/api/v1/sessions/claude-1",
            user,
            tracked(null, "2026-01-10T09:00:00Z", "2026-01-10T10:00:00Z", 3600),
            Map.of());
    TestHttp.Response batch =
        api.post(
            "/api/v1/sessions/batch",
            user,
            "{\"sessions\":["
                + tracked("claude-2", "2026-01-10T11:00:00Z", "2026-01-10T11:30:00Z", 1)
                + ","
                + tracked("claude-3", "2026-01-10T11:00:00Z", "2026-01-10T11:30:00Z", 1801)
                + "]}");

    assertThat(post.status()).isEqualTo(202);
    assertThat(post.body()).contains("\"trackedSeconds\":1800");
    assertThat(put.status()).isEqualTo(202);
    assertThat(put.body()).contains("\"trackedSeconds\":3600");
    assertThat(batch.status()).isEqualTo(202);
    assertThat(batch.body()).contains("\"accepted\":1").contains("\"field\":\"trackedSeconds\"");
    List<SessionRecorded> events = IngestApi.recorded(IngestApi.events(user));
    assertThat(events)
        .extracting(SessionRecorded::sessionId, SessionRecorded::trackedSeconds)
        .containsExactly(
            tuple("rest:claude-1", 1800L),
            tuple("rest:claude-1", 3600L),
            tuple("rest:claude-2", 1L));
  }

  private static String tracked(String id, String start, String end, long trackedSeconds) {
    return "{"
        + (id == null ? "" : "\"id\":\"" + id + "\",")
        + "\"projectKey\":\"claude\",\"start\":\""
        + start
        + "\",\"end\":\""
        + end
        + "\",\"trackedSeconds\":"
        + trackedSeconds
        + "}";
  }

  @Test
  void postWithoutIdGetsAServerId() {
    String user = IngestApi.newUser();

    TestHttp.Response response = api.post("/api/v1/sessions", user, IngestApi.session(null, "p"));

    assertThat(response.status()).isEqualTo(202);
    SessionRecorded event = IngestApi.recorded(IngestApi.events(user)).get(0);
    assertThat(event.sessionId()).startsWith("rest:").hasSizeGreaterThan(30);
    assertThat(response.body()).contains("\"id\":\"" + event.sessionId() + "\"");
  }

  @Test
  void putReplacesTheSessionWithANewerVersionAndAcceptsBareOrFullIds() {
    String user = IngestApi.newUser();
    api.post("/api/v1/sessions", user, IngestApi.session("s1", "first"));

    TestHttp.Response bare =
        api.send("PUT", "/api/v1/sessions/s1", user, IngestApi.session(null, "second"), Map.of());
    TestHttp.Response full =
        api.send(
            "PUT", "/api/v1/sessions/rest:s1", user, IngestApi.session("s1", "third"), Map.of());

    assertThat(bare.status()).isEqualTo(202);
    assertThat(full.status()).isEqualTo(202);
    List<SessionRecorded> events = IngestApi.recorded(IngestApi.events(user));
    assertThat(events)
        .extracting(SessionRecorded::sessionId)
        .containsExactly("rest:s1", "rest:s1", "rest:s1");
    assertThat(events)
        .extracting(SessionRecorded::projectKey)
        .containsExactly("first", "second", "third");
    assertThat(events.get(1).version()).isGreaterThan(events.get(0).version());
    assertThat(events.get(2).version()).isGreaterThan(events.get(1).version());
  }

  @Test
  void putWithAnotherIdInTheBodyIsRejected() {
    String user = IngestApi.newUser();

    TestHttp.Response response =
        api.send("PUT", "/api/v1/sessions/s1", user, IngestApi.session("s2", "p"), Map.of());

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("\"field\":\"id\"");
    assertThat(IngestApi.events(user)).isEmpty();
  }

  @Test
  void deletePublishesSessionDeleted() {
    String user = IngestApi.newUser();

    TestHttp.Response response = api.send("DELETE", "/api/v1/sessions/s9", user, null, Map.of());

    assertThat(response.status()).isEqualTo(202);
    List<FocusSyncEvent> events = IngestApi.events(user);
    assertThat(events).hasSize(1);
    SessionDeleted deleted = (SessionDeleted) events.get(0);
    assertThat(deleted.sessionId()).isEqualTo("rest:s9");
    assertThat(deleted.source()).isEqualTo("rest");
    assertThat(deleted.userId()).isEqualTo(user);
  }

  @Test
  void timeZoneIsKeptInTheMetadata() {
    String user = IngestApi.newUser();
    String body =
        "{\"projectKey\":\"p\",\"start\":\"2026-01-10T09:00:00+01:00\","
            + "\"end\":\"2026-01-10T10:00:00+01:00\",\"timeZone\":\"Europe/Madrid\","
            + "\"unknownField\":{\"x\":[1,2]}}";

    TestHttp.Response response = api.post("/api/v1/sessions", user, body);

    assertThat(response.status()).isEqualTo(202);
    assertThat(IngestApi.recorded(IngestApi.events(user)).get(0).metadata())
        .containsEntry("timeZone", "Europe/Madrid");
  }

  @Test
  void requestsWithoutTheGatewaySignatureAre401() {
    TestHttp.Response response =
        TestHttp.send("POST", api.url("/api/v1/sessions"), IngestApi.session("x", "p"), Map.of());

    assertThat(response.status()).isEqualTo(401);
  }
}
