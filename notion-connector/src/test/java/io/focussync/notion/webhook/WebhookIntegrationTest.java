package io.focussync.notion.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.focussync.contracts.FocusSyncEvent;
import io.focussync.contracts.sessions.v1.SessionDeleted;
import io.focussync.contracts.sessions.v1.SessionRecorded;
import io.focussync.notion.IntegrationTestBase;
import io.focussync.notion.simulator.NotionSimulator;
import io.focussync.testsupport.TestHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class WebhookIntegrationTest extends IntegrationTestBase {

  static final String OLD_WEBHOOK = "/api/v1/webhooks/notion";
  static final String CONNECTION = "/api/v1/connections/notion";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MongoClient mongo;

  @Test
  void aSignedPageEventOnTheConnectionsUrlFetchesItsPageAtOnce() {
    Active a = activeUser();
    String pageId = NOTION.createPage(a.user().dataSourceId(), session("from webhook"));
    String body = NOTION.pageEvent("page.created", pageId, NOTION.personUserId(a.user().token()));

    TestHttp.Response response = deliver(a.path(), body, NotionSimulator.sign(a.key(), body));

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).contains("accepted");
    SessionRecorded recorded = (SessionRecorded) a.user().events().awaitCount(1).get(0);
    assertThat(recorded.sessionId()).isEqualTo("notion:" + pageId);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(NOTION.requests("GET", "/v1/pages/" + pageId)).isNotEmpty());

    NOTION.trash(pageId);
    String deleted =
        NOTION.pageEvent("page.deleted", pageId, NOTION.personUserId(a.user().token()));
    assertThat(deliver(a.path(), deleted, NotionSimulator.sign(a.key(), deleted)).status())
        .isEqualTo(200);
    List<FocusSyncEvent> events = a.user().events().awaitCount(2);
    assertThat(events.get(1)).isInstanceOf(SessionDeleted.class);
  }

  @Test
  void aDeliverySignedWithAnotherConnectionsKeyIs401AndFetchesNothing() {
    Active a = activeUser();
    Active b = activeUser();
    String pageId = NOTION.createPage(a.user().dataSourceId(), session("A's page"));
    String body = NOTION.pageEvent("page.created", pageId, NOTION.personUserId(a.user().token()));

    TestHttp.Response aKeyOnB = deliver(b.path(), body, NotionSimulator.sign(a.key(), body));
    TestHttp.Response bKeyOnB = deliver(b.path(), body, NotionSimulator.sign(b.key(), body));

    assertThat(aKeyOnB.status()).isEqualTo(401);
    assertThat(aKeyOnB.header("Content-Type")).contains("application/problem+json");
    assertThat(bKeyOnB.status()).isEqualTo(200);
    assertThat(bKeyOnB.body()).contains("ignored");
    assertThat(NOTION.requests("GET", "/v1/pages/" + pageId)).isEmpty();

    TestHttp.Response onA = deliver(a.path(), body, NotionSimulator.sign(a.key(), body));

    assertThat(onA.body()).contains("accepted");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(NOTION.requests("GET", "/v1/pages/" + pageId)).isNotEmpty());
    assertThat(a.user().events().awaitCount(1).get(0).userId()).isEqualTo(a.user().userId());
  }

  @Test
  void invalidOrMissingSignaturesAre401() {
    Active a = activeUser();
    String pageId = NOTION.createPage(a.user().dataSourceId(), session("x"));
    String body = NOTION.pageEvent("page.created", pageId, NOTION.personUserId(a.user().token()));

    TestHttp.Response wrongKey =
        deliver(a.path(), body, NotionSimulator.sign("secret_wrong", body));
    TestHttp.Response tampered =
        deliver(
            a.path(),
            body.replace("page.created", "page.deleted"),
            NotionSimulator.sign(a.key(), body));
    TestHttp.Response missing = deliver(a.path(), body, null);

    assertThat(wrongKey.status()).isEqualTo(401);
    assertThat(tampered.status()).isEqualTo(401);
    assertThat(missing.status()).isEqualTo(401);
    assertThat(missing.header("Content-Type")).contains("application/problem+json");
    assertThat(NOTION.requests("GET", "/v1/pages/" + pageId)).isEmpty();
  }

  @Test
  void eventsAuthoredOnlyByOurOwnBotAreIgnored() {
    Active a = activeUser();
    String pageId = NOTION.createPage(a.user().dataSourceId(), session("ours"));
    String body =
        NOTION.pageEvent(
            "page.properties_updated", pageId, "bot:" + NOTION.botUserId(a.user().token()));

    TestHttp.Response response = deliver(a.path(), body, NotionSimulator.sign(a.key(), body));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).contains("ignored");
    assertThat(NOTION.requests("GET", "/v1/pages/" + pageId)).isEmpty();
  }

  @Test
  void anUnsignedHandshakeOnTheOldPathRegistersNothing() {
    Fixture user = connectedUser();
    String path = webhook(view(user.userId())).get("url").asString();
    String forged = newVerificationToken();
    String pageId = NOTION.createPage(user.dataSourceId(), session("target"));
    String event = NOTION.pageEvent("page.created", pageId, NOTION.personUserId(user.token()));

    TestHttp.Response handshake = deliver(OLD_WEBHOOK, NotionSimulator.handshakeBody(forged), null);
    TestHttp.Response oldEvent = deliver(OLD_WEBHOOK, event, NotionSimulator.sign(forged, event));
    TestHttp.Response onTheConnection = deliver(path, event, NotionSimulator.sign(forged, event));

    assertThat(handshake.status()).isEqualTo(410);
    assertThat(handshake.header("Content-Type")).contains("application/problem+json");
    assertThat(handshake.body()).contains("own address");
    assertThat(oldEvent.status()).isEqualTo(410);
    assertThat(onTheConnection.status()).isEqualTo(401);
    JsonNode webhook = webhook(view(user.userId()));
    assertThat(webhook.get("status").asString()).isEqualTo("AWAITING_HANDSHAKE");
    assertThat(webhook.has("verificationToken")).isFalse();
    assertThat(store().getCollection("webhook_secrets").countDocuments()).isZero();
    assertThat(
            store()
                .getCollection("webhooks")
                .find(new Document("_id", user.userId()))
                .first()
                .getString("encryptedVerificationToken"))
        .isNull();
    assertThat(NOTION.requests("GET", "/v1/pages/" + pageId)).isEmpty();
  }

  @Test
  void unknownMalformedAndRemovedWebhooksAre404WithNoHint() {
    Fixture user = connectedUser();
    String removed = webhook(view(user.userId())).get("url").asString();
    assertThat(TestHttp.send("DELETE", url(CONNECTION), null, identity(user.userId())).status())
        .isEqualTo(204);
    String handshake = NotionSimulator.handshakeBody(newVerificationToken());
    String unknownToken = WebhookTokens.newToken();

    TestHttp.Response unknown = deliver(OLD_WEBHOOK + "/" + unknownToken, handshake, null);
    TestHttp.Response malformed = deliver(OLD_WEBHOOK + "/not-a-token", handshake, null);
    TestHttp.Response gone = deliver(removed, handshake, null);

    for (TestHttp.Response response : List.of(unknown, malformed, gone)) {
      assertThat(response.status()).as(response.body()).isEqualTo(404);
      assertThat(response.header("Content-Type")).contains("application/problem+json");
      assertThat(response.body()).isEqualTo(unknown.body());
    }
    assertThat(unknown.body()).doesNotContain(unknownToken);
  }

  @Test
  void aSecondHandshakeIsRefusedAndTheFirstKeyKept() {
    Fixture user = connectedUser();
    String path = webhook(view(user.userId())).get("url").asString();
    String first = newVerificationToken();
    String second = newVerificationToken();
    String third = newVerificationToken();
    assertThat(deliver(path, NotionSimulator.handshakeBody(first), null).status()).isEqualTo(200);

    String secondBody = NotionSimulator.handshakeBody(second);
    TestHttp.Response unsigned = deliver(path, secondBody, null);
    TestHttp.Response signed = deliver(path, secondBody, NotionSimulator.sign(second, secondBody));
    JsonNode revealed = webhook(view(user.userId()));
    TestHttp.Response afterReveal = deliver(path, NotionSimulator.handshakeBody(third), null);

    assertThat(unsigned.status()).isEqualTo(409);
    assertThat(unsigned.header("Content-Type")).contains("application/problem+json");
    assertThat(signed.status()).isEqualTo(409);
    assertThat(revealed.get("verificationToken").asString()).isEqualTo(first);
    assertThat(afterReveal.status()).isEqualTo(409);
    String pageId = NOTION.createPage(user.dataSourceId(), session("kept"));
    String event = NOTION.pageEvent("page.created", pageId, NOTION.personUserId(user.token()));
    assertThat(deliver(path, event, NotionSimulator.sign(second, event)).status()).isEqualTo(401);
    assertThat(deliver(path, event, NotionSimulator.sign(third, event)).status()).isEqualTo(401);
    assertThat(deliver(path, event, NotionSimulator.sign(first, event)).body())
        .contains("accepted");
  }

  @Test
  void aHandshakeSignedWithAnotherKeyOrBrokenIsRefused() {
    Fixture user = connectedUser();
    String path = webhook(view(user.userId())).get("url").asString();
    String body = NotionSimulator.handshakeBody(newVerificationToken());

    TestHttp.Response otherKey = deliver(path, body, NotionSimulator.sign("secret_other", body));
    TestHttp.Response notJson = deliver(path, "not json", null);
    TestHttp.Response blank = deliver(path, NotionSimulator.handshakeBody(" "), null);

    assertThat(otherKey.status()).isEqualTo(401);
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.header("Content-Type")).contains("application/problem+json");
    assertThat(blank.status()).isEqualTo(400);
    assertThat(blank.body()).contains("verification_token");
    assertThat(webhook(view(user.userId())).get("status").asString())
        .isEqualTo("AWAITING_HANDSHAKE");
  }

  @Test
  void theVerificationTokenIsShownOnceAndNowhereElse() {
    CapturedLogs logs = CapturedLogs.attach();
    try {
      List<String> otherResponses = new ArrayList<>();
      Fixture user = connectedUser();
      JsonNode before = webhook(view(user.userId()));
      String path = before.get("url").asString();
      String urlToken = path.substring(path.lastIndexOf('/') + 1);
      String key = newVerificationToken();
      String handshake = NotionSimulator.handshakeBody(key);

      TestHttp.Response accepted = deliver(path, handshake, NotionSimulator.sign(key, handshake));
      TestHttp.Response put =
          putConnection(user.userId(), connectionBody(user.token(), user.db().databaseId()));
      TestHttp.Response reveal = get(user.userId());
      TestHttp.Response later = get(user.userId());
      otherResponses.addAll(List.of(accepted.body(), put.body(), later.body()));
      otherResponses.add(deliver(path, handshake, null).body());
      otherResponses.add(deliver(path, "{\"type\":\"page.created\"}", "sha256=00").body());

      assertThat(before.get("status").asString()).isEqualTo("AWAITING_HANDSHAKE");
      assertThat(path).matches(OLD_WEBHOOK + "/[A-Za-z0-9_-]{43}");
      assertThat(accepted.body()).contains("verified");
      JsonNode afterPut = webhook(JSON.readTree(put.body()));
      assertThat(afterPut.get("status").asString()).isEqualTo("VERIFICATION_TOKEN_READY");
      assertThat(afterPut.get("url").asString()).isEqualTo(path);
      assertThat(afterPut.has("verificationToken")).isFalse();
      JsonNode revealed = webhook(JSON.readTree(reveal.body()));
      assertThat(revealed.get("status").asString()).isEqualTo("VERIFICATION_TOKEN_READY");
      assertThat(revealed.get("verificationToken").asString()).isEqualTo(key);
      JsonNode afterwards = webhook(JSON.readTree(later.body()));
      assertThat(afterwards.get("status").asString()).isEqualTo("ACTIVE");
      assertThat(afterwards.get("url").asString()).isEqualTo(path);
      assertThat(afterwards.has("verificationToken")).isFalse();
      assertThat(otherResponses).noneMatch(body -> body.contains(key));
      Document stored =
          store().getCollection("webhooks").find(new Document("_id", user.userId())).first();
      assertThat(stored.toJson()).doesNotContain(key).doesNotContain(urlToken);
      assertThat(logs.lines()).anyMatch(line -> line.contains("received its handshake"));
      assertThat(logs.lines()).noneMatch(line -> line.contains(key) || line.contains(urlToken));
    } finally {
      logs.detach();
    }
  }

  @Test
  void concurrentFirstViewsRevealTheTokenToOneOfThemOnly() throws Exception {
    Fixture user = connectedUser();
    String path = webhook(view(user.userId())).get("url").asString();
    String key = newVerificationToken();
    assertThat(deliver(path, NotionSimulator.handshakeBody(key), null).status()).isEqualTo(200);
    int views = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(views);
    try {
      List<Future<TestHttp.Response>> answers = new ArrayList<>();
      for (int i = 0; i < views; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return get(user.userId());
                }));
      }
      start.countDown();
      List<String> bodies = new ArrayList<>();
      for (Future<TestHttp.Response> answer : answers) {
        TestHttp.Response response = answer.get();
        assertThat(response.status()).isEqualTo(200);
        bodies.add(response.body());
      }

      assertThat(bodies.stream().filter(body -> body.contains(key))).hasSize(1);
      assertThat(bodies.stream().filter(body -> body.contains("\"ACTIVE\""))).hasSize(views - 1);
    } finally {
      pool.shutdownNow();
    }
  }

  /** A connected user whose webhook completed its handshake and showed its key once. */
  private Active activeUser() {
    Fixture user = connectedUser();
    String path = webhook(view(user.userId())).get("url").asString();
    String key = newVerificationToken();
    String handshake = NotionSimulator.handshakeBody(key);
    TestHttp.Response response = deliver(path, handshake, NotionSimulator.sign(key, handshake));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(webhook(view(user.userId())).get("verificationToken").asString()).isEqualTo(key);
    return new Active(user, path, key);
  }

  private record Active(Fixture user, String path, String key) {}

  private static String newVerificationToken() {
    return "secret_" + UUID.randomUUID().toString().replace("-", "");
  }

  private JsonNode view(String userId) {
    TestHttp.Response response = get(userId);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private TestHttp.Response get(String userId) {
    return TestHttp.send("GET", url(CONNECTION), null, identity(userId));
  }

  private static JsonNode webhook(JsonNode view) {
    return view.get("webhook");
  }

  private MongoDatabase store() {
    return mongo.getDatabase("focussync-notion-connector");
  }

  private TestHttp.Response deliver(String path, String body, String signature) {
    return TestHttp.send(
        "POST",
        url(path),
        body,
        signature == null ? Map.of() : Map.of("X-Notion-Signature", signature));
  }
}
