package io.focussync.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.contracts.sessions.v1.SessionRecorded;
import io.focussync.testsupport.TestHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdempotencyTest {

  @LocalServerPort int port;
  @Autowired MongoTemplate mongo;
  IngestApi api;

  @BeforeEach
  void setUp() {
    api = new IngestApi(port);
  }

  private TestHttp.Response post(String path, String user, String key, String body) {
    return api.send("POST", path, user, body, Map.of("Idempotency-Key", key));
  }

  @Test
  void sameKeyAndBodyGiveTheSameAnswerAndPublishOnce() {
    String user = IngestApi.newUser();
    String body = IngestApi.session(null, "p");

    TestHttp.Response first = post("/api/v1/sessions", user, "key-1", body);
    TestHttp.Response second = post("/api/v1/sessions", user, "key-1", body);

    assertThat(first.status()).isEqualTo(202);
    assertThat(second.status()).isEqualTo(202);
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(IngestApi.events(user)).hasSize(1);
  }

  @Test
  void sameKeyWithAnotherBodyIs422AndPublishesNothingMore() {
    String user = IngestApi.newUser();
    post("/api/v1/sessions", user, "key-1", IngestApi.session("a", "p"));

    TestHttp.Response other = post("/api/v1/sessions", user, "key-1", IngestApi.session("b", "p"));

    assertThat(other.status()).isEqualTo(422);
    assertThat(other.header("Content-Type")).startsWith("application/problem+json");
    assertThat(other.body()).contains("Idempotency-Key");
    assertThat(IngestApi.recorded(IngestApi.events(user)))
        .extracting(SessionRecorded::sessionId)
        .containsExactly("rest:a");
  }

  @Test
  void keysArePerUser() {
    String ada = IngestApi.newUser();
    String bob = IngestApi.newUser();

    TestHttp.Response first = post("/api/v1/sessions", ada, "shared", IngestApi.session("a", "p"));
    TestHttp.Response second = post("/api/v1/sessions", bob, "shared", IngestApi.session("b", "p"));

    assertThat(first.status()).isEqualTo(202);
    assertThat(second.status()).isEqualTo(202);
    assertThat(second.header("Idempotent-Replayed")).isNull();
    assertThat(IngestApi.events(Set.of(ada, bob), Duration.ofMillis(1500))).hasSize(2);
  }

  @Test
  void aRejectedRequestKeepsNothingSoTheKeyStaysUsable() {
    String user = IngestApi.newUser();
    TestHttp.Response bad = post("/api/v1/sessions", user, "k", "{\"projectKey\":\"p\"}");

    TestHttp.Response good = post("/api/v1/sessions", user, "k", IngestApi.session("a", "p"));

    assertThat(bad.status()).isEqualTo(400);
    assertThat(good.status()).isEqualTo(202);
    assertThat(IngestApi.events(user)).hasSize(1);
  }

  @Test
  void batchesAndDeletesAreIdempotentToo() {
    String user = IngestApi.newUser();
    String batch =
        "{\"sessions\":[" + IngestApi.session(null, "p") + "," + IngestApi.session("x", "q") + "]}";

    TestHttp.Response first = post("/api/v1/sessions/batch", user, "b-1", batch);
    TestHttp.Response again = post("/api/v1/sessions/batch", user, "b-1", batch);
    TestHttp.Response delete =
        api.send("DELETE", "/api/v1/sessions/x", user, null, Map.of("Idempotency-Key", "d-1"));
    TestHttp.Response deleteAgain =
        api.send("DELETE", "/api/v1/sessions/x", user, null, Map.of("Idempotency-Key", "d-1"));

    assertThat(first.status()).isEqualTo(202);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(deleteAgain.status()).isEqualTo(202);
    assertThat(deleteAgain.body()).isEqualTo(delete.body());
    assertThat(IngestApi.events(user)).hasSize(3);
  }

  @Test
  void keysAreKeptAtLeast24Hours() {
    String user = IngestApi.newUser();
    Instant before = Instant.now();
    post("/api/v1/sessions", user, "kept", IngestApi.session("a", "p"));

    List<Document> records =
        mongo
            .getCollection("idempotency_keys")
            .find(new Document("userId", user))
            .into(new java.util.ArrayList<>());

    assertThat(records).hasSize(1);
    Date expiresAt = records.get(0).getDate("expiresAt");
    assertThat(expiresAt.toInstant()).isAfterOrEqualTo(before.plus(Duration.ofHours(24)));
    assertThat(records.get(0).getInteger("status")).isEqualTo(202);
  }
}
