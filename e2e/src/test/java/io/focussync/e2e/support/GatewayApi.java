package io.focussync.e2e.support;

import io.focussync.testsupport.TestHttp;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The public REST API as a client sees it: JSON over HTTP with a bearer token. */
public final class GatewayApi {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String baseUrl;
  private final String token;

  public GatewayApi(String baseUrl, String token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  /** Creates a user as the admin and returns a client acting as that user. */
  public User createUser(String name) {
    Reply reply = send("POST", "/api/v1/admin/users", Map.of("name", name));
    if (reply.status() != 201) {
      throw new IllegalStateException("creating a user answered " + reply);
    }
    JsonNode body = reply.json();
    return new User(
        body.get("id").asString(), new GatewayApi(baseUrl, body.get("token").asString()));
  }

  public Reply get(String path) {
    return send("GET", path, null);
  }

  public Reply post(String path, Object body) {
    return send("POST", path, body);
  }

  public Reply put(String path, Object body) {
    return send("PUT", path, body);
  }

  public Reply delete(String path) {
    return send("DELETE", path, null);
  }

  /** Sends a request; a body object is written as JSON, a string is sent as it is. */
  public Reply send(String method, String path, Object body) {
    return send(method, path, body, Map.of());
  }

  /** Sends a request with more headers (e.g. a client's {@code traceparent}). */
  public Reply send(String method, String path, Object body, Map<String, String> headers) {
    String text =
        body == null ? null : body instanceof String raw ? raw : JSON.writeValueAsString(body);
    Map<String, String> all = new java.util.LinkedHashMap<>(headers);
    all.put("Authorization", "Bearer " + token);
    TestHttp.Response response = TestHttp.send(method, baseUrl + path, text, all);
    return new Reply(response.status(), response.body());
  }

  /** A created user and a client acting as them. */
  public record User(String id, GatewayApi api) {}

  /** Status and body of an answer. */
  public record Reply(int status, String body) {

    public JsonNode json() {
      return JSON.readTree(body);
    }
  }
}
