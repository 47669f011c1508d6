package io.focussync.clockify.connection;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import io.focussync.clockify.IntegrationTestBase;
import io.focussync.clockify.simulator.SimFault;
import io.focussync.clockify.simulator.SimRequest;
import io.focussync.testsupport.TestHttp;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code PUT|GET|DELETE /api/v1/connections/clockify}. */
class ConnectionApiTest extends IntegrationTestBase {

  private static final String PATH = "/api/v1/connections/clockify";

  @Autowired MongoClient mongo;

  @Test
  void putChecksTheKeyStoresItEncryptedAndShowsItMasked() {
    String user = unique("conn");
    String workspace = unique("ws");
    CLOCKIFY.addKey("secret-key-9876", "cu-1", "Europe/Madrid", workspace);

    TestHttp.Response put =
        call("PUT", PATH, body("secret-key-9876", workspace, CLOCKIFY.baseUrl()), user);

    assertThat(put.status()).isEqualTo(200);
    assertThat(put.body())
        .contains("\"workspaceId\":\"" + workspace + "\"")
        .contains("\"userId\":\"cu-1\"")
        .contains("\"dryRun\":false")
        .contains("\"apiKey\":\"…9876\"")
        .doesNotContain("secret-key");
    assertThat(call("GET", PATH, null, user).body()).isEqualTo(put.body());
    Document stored =
        mongo
            .getDatabase("focussync-clockify-connector")
            .getCollection("connections")
            .find(new Document("_id", user))
            .first();
    assertThat(stored.toJson()).doesNotContain("secret-key-9876");
    assertThat(CLOCKIFY.tagId(workspace, "focus-sync")).isPresent();

    assertThat(call("GET", PATH, null, unique("someone-else")).status()).isEqualTo(404);
    assertThat(call("DELETE", PATH, null, user).status()).isEqualTo(204);
    assertThat(call("GET", PATH, null, user).status()).isEqualTo(404);
  }

  @Test
  void theMarkerTagCostsOneCallInANewWorkspaceAndIsFoundWhereItExists() {
    String workspace = unique("ws-tag");
    CLOCKIFY.addKey("tag-key-1", "cu-t1", "UTC", workspace);
    CLOCKIFY.addKey("tag-key-2", "cu-t2", "UTC", workspace);

    String first = unique("tag-a");
    assertThat(call("PUT", PATH, body("tag-key-1", workspace, CLOCKIFY.baseUrl()), first).status())
        .isEqualTo(200);
    assertThat(tagCalls(workspace)).containsExactly("POST");
    String tagId = CLOCKIFY.tagId(workspace, "focus-sync").orElseThrow();

    String second = unique("tag-b");
    assertThat(call("PUT", PATH, body("tag-key-2", workspace, CLOCKIFY.baseUrl()), second).status())
        .isEqualTo(200);
    assertThat(tagCalls(workspace)).containsExactly("POST", "POST", "GET");
    for (String user : new String[] {first, second}) {
      Document stored =
          mongo
              .getDatabase("focussync-clockify-connector")
              .getCollection("connections")
              .find(new Document("_id", user))
              .first();
      assertThat(stored.getString("markerTagId")).as(user).isEqualTo(tagId);
    }
  }

  private static List<String> tagCalls(String workspace) {
    return CLOCKIFY
        .requests(r -> r.path().startsWith("/v1/workspaces/" + workspace + "/tags"))
        .stream()
        .map(SimRequest::method)
        .toList();
  }

  @Test
  void rejectsBaseUrlsOffTheAllowListAndMissingFields() {
    String user = unique("conn-bad");
    for (String url :
        new String[] {
          "https://evil.example/api",
          CLOCKIFY.rootUrl() + ".evil.example/api",
          "http://169.254.169.254/latest",
          "file:///etc/passwd",
          "not a url"
        }) {
      TestHttp.Response put = call("PUT", PATH, body("k", "ws1", url), user);
      assertThat(put.status()).as(url).isEqualTo(400);
      assertThat(put.header("Content-Type")).contains("application/problem+json");
      assertThat(put.body()).contains("\"field\":\"baseUrl\"");
    }
    TestHttp.Response missing =
        call("PUT", PATH, "{\"baseUrl\": \"" + CLOCKIFY.baseUrl() + "\"}", user);
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body())
        .contains("\"field\":\"apiKey\"")
        .contains("\"field\":\"workspaceId\"");
    assertThat(call("PUT", PATH, "{not json", user).status()).isEqualTo(400);
  }

  @Test
  void keyRejectedByClockifyIsAClientErrorAndUnreachableClockifyIsUnavailable() {
    String user = unique("conn-key");
    TestHttp.Response rejected =
        call("PUT", PATH, body("wrong-key", "ws1", CLOCKIFY.baseUrl()), user);
    assertThat(rejected.status()).isEqualTo(422);
    assertThat(rejected.body()).contains("\"field\":\"apiKey\"").contains("rejected the API key");

    String workspace = unique("ws-down");
    CLOCKIFY.addKey("down-key", "cu-down", "UTC", workspace);
    CLOCKIFY.failAlways("GET", "^/v1/user$", SimFault.connectionReset());
    TestHttp.Response down;
    try {
      down = call("PUT", PATH, body("down-key", workspace, CLOCKIFY.baseUrl()), user);
    } finally {
      CLOCKIFY.clearFaults();
    }
    assertThat(down.status()).isEqualTo(503);
    assertThat(down.body()).contains("Clockify could not be reached");
  }

  @Test
  void requestsWithoutTheGatewaysIdentityAreRejected() {
    TestHttp.Response response = TestHttp.send("GET", url(PATH), null, Map.of());
    assertThat(response.status()).isEqualTo(401);
  }

  @Test
  void plansWaitForTheConnectionAndGoWhenItIsPut() {
    String user = unique("waiting");
    publish(plan(user, 1, entry("project:a", "pa", "09:00", "17:00")));
    org.awaitility.Awaitility.await()
        .during(java.time.Duration.ofMillis(800))
        .atMost(java.time.Duration.ofSeconds(3))
        .until(() -> results(user).isEmpty());

    String workspace = connect(user);

    awaitSynced(user, 1);
    assertThat(CLOCKIFY.entries(workspace)).hasSize(1);
  }

  private static String body(String apiKey, String workspace, String baseUrl) {
    return """
        {"apiKey": "%s", "workspaceId": "%s", "baseUrl": "%s"}
        """
        .formatted(apiKey, workspace, baseUrl);
  }
}
