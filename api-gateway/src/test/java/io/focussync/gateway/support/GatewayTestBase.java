package io.focussync.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.gateway.routing.core.Service;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One running gateway (one Spring context for the whole module) in front of {@link FakeServices},
 * with small limits so that tests can reach them, and helpers to call it over a real socket.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "focussync.gateway.auth.admin-token=" + GatewayTestBase.ADMIN_TOKEN,
      "focussync.gateway.rate-limit.requests-per-second=30",
      "focussync.gateway.rate-limit.burst=30",
      "focussync.gateway.limits.max-body-size=64KB",
      "focussync.gateway.limits.max-import-size=256KB",
      "focussync.gateway.cors.allowed-origins=https://app.example",
      "focussync.gateway.routes.read-timeout=6s",
      "focussync.gateway.routes.connect-timeout=1s"
    })
public abstract class GatewayTestBase {

  public static final String ADMIN_TOKEN = "test-admin-token-0123456789abcdef";
  protected static final FakeServices SERVICES = FakeServices.start();
  protected static final JsonMapper JSON = JsonMapper.builder().build();

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @LocalServerPort protected int port;

  @DynamicPropertySource
  static void serviceUrls(DynamicPropertyRegistry registry) {
    registry.add(
        "focussync.gateway.routes.tracker-ingest-url", () -> SERVICES.url(Service.TRACKER_INGEST));
    registry.add("focussync.gateway.routes.allocator-url", () -> SERVICES.url(Service.ALLOCATOR));
    registry.add(
        "focussync.gateway.routes.clockify-connector-url",
        () -> SERVICES.url(Service.CLOCKIFY_CONNECTOR));
    registry.add(
        "focussync.gateway.routes.notion-connector-url",
        () -> SERVICES.url(Service.NOTION_CONNECTOR));
  }

  protected String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /** A unique marker to find a request again at the stand-in. */
  protected static String probe() {
    return "probe=" + UUID.randomUUID();
  }

  /** Creates a user through the admin API. */
  protected TestUser createUser(String name) {
    Response created =
        call("POST", "/api/v1/admin/users", "{\"name\":\"" + name + "\"}", ADMIN_TOKEN);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode json = created.json();
    return new TestUser(
        json.get("id").asString(), json.get("name").asString(), json.get("token").asString());
  }

  protected Response call(String method, String path, String body, String token) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (token != null) {
      headers.put("Authorization", "Bearer " + token);
    }
    return send(method, path, body, headers);
  }

  protected Response send(String method, String path, String body, Map<String, String> headers) {
    byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
    Map<String, String> all = new LinkedHashMap<>(headers);
    if (bytes != null && all.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Content-Type"))) {
      all.put("Content-Type", "application/json");
    }
    return sendBytes(method, path, bytes, all, false);
  }

  /** Sends raw bytes; {@code chunked} sends them without a declared length. */
  protected Response sendBytes(
      String method, String path, byte[] body, Map<String, String> headers, boolean chunked) {
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url(path)))
            .timeout(Duration.ofSeconds(30))
            .method(method, publisher);
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A user made for a test, with their first token. */
  public record TestUser(String id, String name, String token) {}

  /** Status, headers and body of an answer. */
  public record Response(int status, Map<String, List<String>> headers, String body) {

    public String header(String name) {
      List<String> values = headers(name);
      return values.isEmpty() ? null : values.get(0);
    }

    public List<String> headers(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .toList();
    }

    public JsonNode json() {
      return JSON.readTree(body);
    }

    /** Whether this is an RFC 9457 problem of the given status. */
    public boolean isProblem(int expected) {
      String type = header("Content-Type");
      if (status != expected || type == null || !type.startsWith("application/problem+json")) {
        return false;
      }
      JsonNode json = json();
      return json.path("status").asInt() == expected
          && json.hasNonNull("title")
          && json.hasNonNull("type")
          && !body.contains("Exception")
          && !body.contains("\tat ");
    }
  }
}
