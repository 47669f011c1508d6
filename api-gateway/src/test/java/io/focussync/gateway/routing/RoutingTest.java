package io.focussync.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.focussync.gateway.routing.core.Service;
import io.focussync.gateway.support.FakeServices;
import io.focussync.gateway.support.FakeServices.Received;
import io.focussync.gateway.support.GatewayTestBase;
import io.focussync.platform.auth.InternalIdentity;
import io.focussync.testsupport.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoutingTest extends GatewayTestBase {

  private static final InternalIdentity IDENTITY =
      new InternalIdentity(TestInfrastructure.INTERNAL_AUTH_KEY, Clock.systemUTC());

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
    "POST, /api/v1/sessions, TRACKER_INGEST",
    "PUT, /api/v1/sessions/api:abc, TRACKER_INGEST",
    "DELETE, /api/v1/sessions/api:abc, TRACKER_INGEST",
    "POST, /api/v1/sessions/batch, TRACKER_INGEST",
    "POST, /api/v1/imports, TRACKER_INGEST",
    "GET, /api/v1/sessions, ALLOCATOR",
    "POST, /api/v1/focus-sessions, TRACKER_INGEST",
    "PATCH, /api/v1/focus-sessions/rest:abc, TRACKER_INGEST",
    "DELETE, /api/v1/focus-sessions/rest:abc, TRACKER_INGEST",
    "GET, /api/v1/focus-sessions, ALLOCATOR",
    "GET, /api/v1/focus-sessions/rest:abc, ALLOCATOR",
    "GET, /api/v1/days, ALLOCATOR",
    "GET, /api/v1/days/2026-11-20, ALLOCATOR",
    "POST, /api/v1/days/2026-11-20/approve, ALLOCATOR",
    "POST, /api/v1/days/2026-11-20/resync, ALLOCATOR",
    "GET, /api/v1/settings/allocation, ALLOCATOR",
    "PUT, /api/v1/settings/allocation, ALLOCATOR",
    "PUT, /api/v1/connections/clockify, CLOCKIFY_CONNECTOR",
    "GET, /api/v1/connections/clockify, CLOCKIFY_CONNECTOR",
    "DELETE, /api/v1/connections/clockify, CLOCKIFY_CONNECTOR",
    "GET, /api/v1/sync/history, CLOCKIFY_CONNECTOR",
    "PUT, /api/v1/connections/notion, NOTION_CONNECTOR",
    "GET, /api/v1/connections/notion, NOTION_CONNECTOR",
    "DELETE, /api/v1/connections/notion, NOTION_CONNECTOR"
  })
  void routesEachEndpointToItsServiceWithASignedIdentity(
      String method, String path, Service service) {
    TestUser ada = createUser("ada");
    String probe = probe();
    String body =
        method.equals("GET") || method.equals("DELETE")
            ? null
            : "{\"projectKey\":\"p\",\"start\":\"2026-11-20T09:00:00Z\",\"end\":\"2026-11-20T10:00:00Z\"}";

    Response answer = call(method, path + "?from=2026-11-01&" + probe, body, ada.token());

    assertThat(answer.status()).as(answer.body()).isBetween(200, 299);
    Received received = SERVICES.find(probe).orElseThrow();
    assertThat(received.service()).isEqualTo(service);
    assertThat(received.method()).isEqualTo(method);
    assertThat(received.path()).isEqualTo(path);
    // Spring Cloud Gateway rebuilds the query from the parameters: same pairs, maybe reordered.
    assertThat(received.query().split("&")).containsExactlyInAnyOrder("from=2026-11-01", probe);
    assertThat(
            IDENTITY.verify(
                received.header(InternalIdentity.USER_HEADER),
                received.header(InternalIdentity.TIMESTAMP_HEADER),
                received.header(InternalIdentity.SIGNATURE_HEADER)))
        .contains(ada.id());
    assertThat(received.header("Authorization")).isNull();
    if (body != null) {
      assertThat(new String(received.body(), StandardCharsets.UTF_8)).isEqualTo(body);
    }
  }

  @Test
  void clientSentIdentityHeadersNeverReachAService() {
    TestUser ada = createUser("ada");
    TestUser bob = createUser("bob");
    String probe = probe();
    var forged = IDENTITY.sign(bob.id());
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "Bearer " + ada.token());
    headers.put("X-FocusSync-User", bob.id());
    headers.put("X-FocusSync-Timestamp", forged.timestamp());
    headers.put("X-FocusSync-Signature", forged.signature());
    headers.put("x-focussync-anything", "smuggled");

    Response answer = send("GET", "/api/v1/days/2026-11-20?" + probe, null, headers);

    assertThat(answer.status()).isEqualTo(200);
    Received received = SERVICES.find(probe).orElseThrow();
    assertThat(received.headers().get("x-focussync-user")).containsExactly(ada.id());
    assertThat(received.headers().get("x-focussync-signature")).hasSize(1);
    assertThat(received.header("x-focussync-anything")).isNull();
    assertThat(answer.json().get("user").asString()).isEqualTo(ada.id());
  }

  private static final String WEBHOOK_URL =
      "/api/v1/webhooks/notion/Zm9jdXNzeW5jLXdlYmhvb2stdG9rZW4tZm9yLXRlc3Q";

  @Test
  void notionWebhookNeedsNoTokenAndPassesTheRawBodyThroughWithoutIdentity() {
    String probe = probe();
    byte[] raw =
        "{ \"type\" : \"page.created\",\n  \"entity\":{\"id\":\"é-\\u00e9\"}  }\r\n  "
            .getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("X-Notion-Signature", "sha256=abc123");
    headers.put("X-FocusSync-User", "someone-else");

    Response answer = sendBytes("POST", WEBHOOK_URL + "?" + probe, raw, headers, false);

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    Received received = SERVICES.find(probe).orElseThrow();
    assertThat(received.service()).isEqualTo(Service.NOTION_CONNECTOR);
    assertThat(received.path()).isEqualTo(WEBHOOK_URL);
    assertThat(received.body()).isEqualTo(raw);
    assertThat(received.header("X-Notion-Signature")).isEqualTo("sha256=abc123");
    assertThat(received.countHeaders("x-focussync-")).isZero();
  }

  @Test
  void chunkedWebhookBodyArrivesByteForByte() {
    String probe = probe();
    byte[] raw =
        ("{\"payload\":\"" + "ab\\n".repeat(5000) + "\"}").getBytes(StandardCharsets.UTF_8);

    Response answer =
        sendBytes(
            "POST",
            WEBHOOK_URL + "?" + probe,
            raw,
            Map.of("Content-Type", "application/json"),
            true);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(SERVICES.find(probe).orElseThrow().body()).isEqualTo(raw);
  }

  @Test
  void theUnscopedWebhookPathReachesTheConnectorToBeAnsweredThere() {
    String probe = probe();

    Response answer = call("POST", "/api/v1/webhooks/notion?" + probe, "{}", null);

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    Received received = SERVICES.find(probe).orElseThrow();
    assertThat(received.service()).isEqualTo(Service.NOTION_CONNECTOR);
    assertThat(received.countHeaders("x-focussync-")).isZero();
  }

  @Test
  void onlyOneSegmentBelowTheWebhookPathIsPublic() {
    String probe = probe();

    Response deeper = call("POST", WEBHOOK_URL + "/more?" + probe, "{}", null);
    Response get = call("GET", WEBHOOK_URL, null, null);

    assertThat(deeper.isProblem(401)).as(deeper.body()).isTrue();
    assertThat(SERVICES.find(probe)).isEmpty();
    assertThat(get.isProblem(405)).as(get.body()).isTrue();
    assertThat(get.header("Allow")).isEqualTo("POST");
  }

  @Test
  void downstreamProblemsPassThroughUnchanged() {
    TestUser ada = createUser("ada");

    Response answer =
        send(
            "GET",
            "/api/v1/days/2026-11-20",
            null,
            Map.of("Authorization", "Bearer " + ada.token(), FakeServices.BEHAVIOUR, "problem"));

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    assertThat(answer.body()).isEqualTo(FakeServices.DOWNSTREAM_PROBLEM);
  }

  @Test
  void serviceThatIsDownIs502Problem() {
    TestUser ada = createUser("ada");
    SERVICES.stop(Service.CLOCKIFY_CONNECTOR);
    try {
      Response answer = call("GET", "/api/v1/sync/history", null, ada.token());

      assertThat(answer.isProblem(502)).as(answer.body()).isTrue();
      assertThat(answer.json().get("detail").asString()).contains("clockify-connector");
    } finally {
      SERVICES.restart(Service.CLOCKIFY_CONNECTOR);
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> call("GET", "/api/v1/sync/history", null, ada.token()).status() == 200);
  }

  @Test
  void serviceThatDoesNotAnswerInTimeIs504Problem() {
    TestUser ada = createUser("ada");

    Response answer =
        send(
            "GET",
            "/api/v1/settings/allocation",
            null,
            Map.of("Authorization", "Bearer " + ada.token(), FakeServices.BEHAVIOUR, "slow"));

    assertThat(answer.isProblem(504)).as(answer.body()).isTrue();
    assertThat(answer.json().get("detail").asString()).contains("allocator");
  }

  @Test
  void unknownPathsAndWrongMethodsAreProblems() {
    TestUser ada = createUser("ada");

    Response unknown = call("GET", "/api/v1/nothing-here", null, ada.token());
    Response patch = call("PATCH", "/api/v1/sessions/api:abc", "{}", ada.token());
    Response getImports = call("GET", "/api/v1/imports", null, ada.token());
    Response getWebhook = call("GET", "/api/v1/webhooks/notion", null, null);
    Response outsideApi = call("GET", "/no/such/page", null, null);

    assertThat(unknown.isProblem(404)).as(unknown.body()).isTrue();
    assertThat(patch.isProblem(405)).as(patch.body()).isTrue();
    assertThat(patch.header("Allow")).contains("POST").contains("PUT").contains("DELETE");
    assertThat(getImports.isProblem(405)).isTrue();
    assertThat(getImports.header("Allow")).isEqualTo("POST");
    assertThat(getWebhook.isProblem(405)).isTrue();
    assertThat(outsideApi.isProblem(404)).as(outsideApi.body()).isTrue();
  }

  @Test
  void everyAnswerCarriesSecurityHeadersOnce() {
    TestUser ada = createUser("ada");
    for (Response answer :
        new Response[] {
          call("GET", "/api/v1/days/2026-11-20", null, ada.token()),
          call("GET", "/api/v1/users/me", null, ada.token()),
          call("GET", "/api/v1/users/me", null, null),
          call("GET", "/api/v1/nothing-here", null, ada.token())
        }) {
      assertThat(answer.headers("X-Content-Type-Options")).containsExactly("nosniff");
      assertThat(answer.headers("X-Frame-Options")).containsExactly("DENY");
      assertThat(answer.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
      assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
    }
  }
}
