package io.focussync.notion.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.focussync.contracts.FocusSyncEvent;
import io.focussync.contracts.sessions.v1.SessionDeleted;
import io.focussync.contracts.sessions.v1.SessionRecorded;
import io.focussync.notion.IntegrationTestBase;
import io.focussync.notion.simulator.NotionSimulator;
import io.focussync.testsupport.TestHttp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookIntegrationTest extends IntegrationTestBase {

  static final String WEBHOOK = "/api/v1/webhooks/notion";

  @Test
  void aSignedPageEventFetchesThePageAtOnce() {
    String verificationToken = handshake();
    Fixture user = connectedUser();
    String pageId = NOTION.createPage(user.dataSourceId(), session("from webhook"));
    String body = NOTION.pageEvent("page.created", pageId, NOTION.personUserId(user.token()));

    TestHttp.Response response = deliver(body, NotionSimulator.sign(verificationToken, body));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).contains("accepted");
    SessionRecorded recorded = (SessionRecorded) user.events().awaitCount(1).get(0);
    assertThat(recorded.sessionId()).isEqualTo("notion:" + pageId);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(NOTION.requests("GET", "/v1/pages/" + pageId)).isNotEmpty());

    NOTION.trash(pageId);
    String deleted = NOTION.pageEvent("page.deleted", pageId, NOTION.personUserId(user.token()));
    assertThat(deliver(deleted, NotionSimulator.sign(verificationToken, deleted)).status())
        .isEqualTo(200);
    List<FocusSyncEvent> events = user.events().awaitCount(2);
    assertThat(events.get(1)).isInstanceOf(SessionDeleted.class);
  }

  @Test
  void invalidOrMissingSignaturesAre401() {
    String verificationToken = handshake();
    Fixture user = connectedUser();
    String pageId = NOTION.createPage(user.dataSourceId(), session("x"));
    String body = NOTION.pageEvent("page.created", pageId, NOTION.personUserId(user.token()));

    TestHttp.Response wrongKey = deliver(body, NotionSimulator.sign("secret_wrong", body));
    TestHttp.Response tampered =
        deliver(
            body.replace("page.created", "page.deleted"),
            NotionSimulator.sign(verificationToken, body));
    TestHttp.Response missing = deliver(body, null);

    assertThat(wrongKey.status()).isEqualTo(401);
    assertThat(tampered.status()).isEqualTo(401);
    assertThat(missing.status()).isEqualTo(401);
    assertThat(missing.header("Content-Type")).contains("application/problem+json");
    assertThat(NOTION.requests("GET", "/v1/pages/" + pageId)).isEmpty();
  }

  @Test
  void eventsAuthoredOnlyByOurOwnBotAreIgnored() {
    String verificationToken = handshake();
    Fixture user = connectedUser();
    String pageId = NOTION.createPage(user.dataSourceId(), session("ours"));
    String body =
        NOTION.pageEvent(
            "page.properties_updated", pageId, "bot:" + NOTION.botUserId(user.token()));

    TestHttp.Response response = deliver(body, NotionSimulator.sign(verificationToken, body));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).contains("ignored");
    assertThat(NOTION.requests("GET", "/v1/pages/" + pageId)).isEmpty();
  }

  @Test
  void aHandshakeSignedWithAnotherKeyIsRefused() {
    String token = "secret_" + UUID.randomUUID();
    String body = NotionSimulator.handshakeBody(token);

    assertThat(deliver(body, NotionSimulator.sign("secret_other", body)).status()).isEqualTo(401);
    assertThat(deliver("not json", null).status()).isEqualTo(400);
  }

  private String handshake() {
    String token = "secret_" + UUID.randomUUID().toString().replace("-", "");
    TestHttp.Response response = deliver(NotionSimulator.handshakeBody(token), null);
    assertThat(response.status()).isEqualTo(200);
    return token;
  }

  private TestHttp.Response deliver(String body, String signature) {
    return TestHttp.send(
        "POST",
        url(WEBHOOK),
        body,
        signature == null ? Map.of() : Map.of("X-Notion-Signature", signature));
  }
}
