package io.focussync.notion.connection;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import io.focussync.notion.IntegrationTestBase;
import io.focussync.notion.simulator.NotionSimulator;
import io.focussync.testsupport.TestHttp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ConnectionApiTest extends IntegrationTestBase {

  @Autowired MongoClient mongo;

  @Test
  void putChecksTheDatabaseStoresTheTokenEncryptedAndShowsItMasked() {
    String userId = "u-" + UUID.randomUUID();
    String token = NOTION.newIntegration();
    NotionSimulator.Db db = NOTION.createDatabase(token, NotionSimulator.focusSessionsSchema());

    TestHttp.Response put =
        putConnection(userId, connectionBody(token, db.databaseId().replace("-", "")));

    assertThat(put.status()).as(put.body()).isEqualTo(200);
    assertThat(put.body())
        .contains("\"token\":\"…" + token.substring(token.length() - 4) + "\"")
        .doesNotContain(token)
        .contains("\"dataSourceId\":\"" + db.dataSourceId() + "\"")
        .contains("\"databaseId\":\"" + db.databaseId() + "\"")
        .contains("\"title\":\"Name\"", "\"date\":\"Date\"", "\"project\":\"Project\"")
        .contains("\"flowScore\":\"Flow score\"", "\"synced\":\"Synced\"")
        .contains("\"entryUrl\":\"Clockify entry\"", "\"syncedAt\":\"Synced at\"")
        .contains("\"checklist\":[\"Goal written\",\"Phone away\"]");
    assertThat(NOTION.requests("GET", "/v1/databases/" + db.databaseId()))
        .allSatisfy(r -> assertThat(r.getHeader("Notion-Version")).isEqualTo("2025-09-03"));
    Document stored =
        mongo
            .getDatabase("focussync-notion-connector")
            .getCollection("connections")
            .find(new Document("_id", userId))
            .first();
    assertThat(stored.toJson()).doesNotContain(token);

    TestHttp.Response get =
        TestHttp.send("GET", url("/api/v1/connections/notion"), null, identity(userId));
    assertThat(get.status()).isEqualTo(200);
    assertThat(get.body()).doesNotContain(token).contains(db.dataSourceId());

    TestHttp.Response delete =
        TestHttp.send("DELETE", url("/api/v1/connections/notion"), null, identity(userId));
    assertThat(delete.status()).isEqualTo(204);
    assertThat(
            TestHttp.send("GET", url("/api/v1/connections/notion"), null, identity(userId))
                .status())
        .isEqualTo(404);
  }

  @Test
  void missingOrMistypedPropertiesAreA400NamingThem() {
    Map<String, String> schema = new LinkedHashMap<>();
    schema.put("Title", "title");
    schema.put("Start", "date");
    schema.put("Finish", "date");
    schema.put("Project", "people");
    String token = NOTION.newIntegration();
    NotionSimulator.Db db = NOTION.createDatabase(token, schema);
    String body =
        """
        {"token": "%s", "databaseId": "%s", "baseUrl": "%s",
         "properties": {"flowScore": "Title", "synced": "Done"}}
        """
            .formatted(token, db.databaseId(), NOTION.baseUrl());

    TestHttp.Response response = putConnection("u-" + UUID.randomUUID(), body);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.header("Content-Type")).contains("application/problem+json");
    assertThat(response.body())
        .contains("\"field\":\"properties.date\"")
        .contains("\"field\":\"properties.project\"")
        .contains("people")
        .contains("\"field\":\"properties.flowScore\"")
        .contains("\"field\":\"properties.synced\"")
        .contains("Done");
  }

  @Test
  void badTokensDatabasesAndBaseUrlsAre400s() {
    String token = NOTION.newIntegration();
    NotionSimulator.Db db = NOTION.createDatabase(token, NotionSimulator.focusSessionsSchema());
    String userId = "u-" + UUID.randomUUID();

    TestHttp.Response badToken =
        putConnection(userId, connectionBody("ntn_wrong", db.databaseId()));
    TestHttp.Response unknownDb =
        putConnection(userId, connectionBody(token, UUID.randomUUID().toString()));
    TestHttp.Response notAnId = putConnection(userId, connectionBody(token, "my-db"));
    TestHttp.Response badBase =
        putConnection(
            userId,
            """
            {"token": "%s", "databaseId": "%s", "baseUrl": "%s.evil.example"}
            """
                .formatted(token, db.databaseId(), NOTION.baseUrl()));
    String otherToken = NOTION.newIntegration();
    TestHttp.Response notShared =
        putConnection(userId, connectionBody(otherToken, db.databaseId()));

    assertThat(badToken.status()).isEqualTo(400);
    assertThat(badToken.body()).contains("\"field\":\"token\"");
    assertThat(unknownDb.status()).isEqualTo(400);
    assertThat(unknownDb.body()).contains("\"field\":\"databaseId\"");
    assertThat(notAnId.status()).isEqualTo(400);
    assertThat(badBase.status()).isEqualTo(400);
    assertThat(badBase.body()).contains("\"field\":\"baseUrl\"");
    assertThat(notShared.status()).isEqualTo(400);
    assertThat(
            TestHttp.send("GET", url("/api/v1/connections/notion"), null, identity(userId))
                .status())
        .isEqualTo(404);
  }

  @Test
  void aDatabaseWithSeveralDataSourcesNeedsTheOneNamed() {
    String token = NOTION.newIntegration();
    NotionSimulator.Db db = NOTION.createDatabase(token, NotionSimulator.focusSessionsSchema());
    NOTION.addDataSource(db.databaseId());
    String userId = "u-" + UUID.randomUUID();

    TestHttp.Response ambiguous = putConnection(userId, connectionBody(token, db.databaseId()));
    TestHttp.Response named =
        putConnection(
            userId,
            """
            {"token": "%s", "databaseId": "%s", "dataSourceId": "%s", "baseUrl": "%s"}
            """
                .formatted(token, db.databaseId(), db.dataSourceId(), NOTION.baseUrl()));

    assertThat(ambiguous.status()).isEqualTo(400);
    assertThat(ambiguous.body()).contains("\"field\":\"dataSourceId\"");
    assertThat(named.status()).as(named.body()).isEqualTo(200);
  }

  @Test
  void eachConnectionHasItsOwnWebhookUrlKeptAcrossPutsAndNewAfterADelete() {
    String token = NOTION.newIntegration();
    NotionSimulator.Db db = NOTION.createDatabase(token, NotionSimulator.focusSessionsSchema());
    String ada = "u-" + UUID.randomUUID();
    String bob = "u-" + UUID.randomUUID();

    JsonNode first = webhookOf(putConnection(ada, connectionBody(token, db.databaseId())));
    JsonNode again = webhookOf(putConnection(ada, connectionBody(token, db.databaseId())));
    JsonNode viewed =
        webhookOf(TestHttp.send("GET", url("/api/v1/connections/notion"), null, identity(ada)));
    JsonNode bobs = webhookOf(putConnection(bob, connectionBody(token, db.databaseId())));
    TestHttp.send("DELETE", url("/api/v1/connections/notion"), null, identity(ada));
    JsonNode reconnected = webhookOf(putConnection(ada, connectionBody(token, db.databaseId())));

    String url = first.get("url").asString();
    assertThat(url).matches("/api/v1/webhooks/notion/[A-Za-z0-9_-]{43}");
    assertThat(first.get("status").asString()).isEqualTo("AWAITING_HANDSHAKE");
    assertThat(first.has("verificationToken")).isFalse();
    assertThat(again.get("url").asString()).isEqualTo(url);
    assertThat(viewed.get("url").asString()).isEqualTo(url);
    assertThat(bobs.get("url").asString()).isNotEqualTo(url);
    assertThat(reconnected.get("url").asString()).isNotEqualTo(url);
    Document stored =
        mongo
            .getDatabase("focussync-notion-connector")
            .getCollection("webhooks")
            .find(new Document("_id", ada))
            .first();
    String urlToken = reconnected.get("url").asString().substring(url.lastIndexOf('/') + 1);
    assertThat(stored.toJson()).doesNotContain(urlToken);
    assertThat(stored.getString("tokenHash")).hasSize(64);
  }

  private static JsonNode webhookOf(TestHttp.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return JsonMapper.builder().build().readTree(response.body()).get("webhook");
  }

  @Test
  void withoutTheGatewaysIdentityItIs401() {
    TestHttp.Response response =
        TestHttp.send("PUT", url("/api/v1/connections/notion"), "{}", Map.of());

    assertThat(response.status()).isEqualTo(401);
  }

  @Test
  void anUnreachableNotionIsA503NotA500() {
    String token = NOTION.newIntegration();
    NotionSimulator.Db db = NOTION.createDatabase(token, NotionSimulator.focusSessionsSchema());
    NOTION.failNext(token, 503, null, 10);

    TestHttp.Response response =
        putConnection("u-" + UUID.randomUUID(), connectionBody(token, db.databaseId()));

    assertThat(response.status()).isEqualTo(503);
    assertThat(response.header("Retry-After")).isNotNull();
  }
}
