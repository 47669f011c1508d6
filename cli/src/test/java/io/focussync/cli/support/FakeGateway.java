package io.focussync.cli.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stand-in for the gateway on a loopback port: records every request and answers like the real
 * one for the calls the command line makes. Tokens: {@value #USER_TOKEN} is the user ada, {@value
 * #ADMIN_TOKEN} the administrator, a token issued by {@code POST /api/v1/admin/users} the user
 * created, anything else is refused (401). A batch item whose projectKey contains "reject" is
 * rejected. Tests override single routes with {@link #on}.
 */
public final class FakeGateway implements AutoCloseable {

  public static final String USER_TOKEN = "user-token-1";
  public static final String ADMIN_TOKEN = "admin-token-1";
  static final JsonMapper JSON = JsonMapper.builder().build();

  /** One recorded request. */
  public record Request(
      String method, String path, String query, Map<String, List<String>> headers, byte[] body) {

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public JsonNode json() {
      return JSON.readTree(body);
    }

    public String header(String name) {
      return headers.entrySet().stream()
          .filter(entry -> entry.getKey().equalsIgnoreCase(name))
          .map(entry -> entry.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  /** An answer. */
  public record Response(int status, String contentType, String body, Map<String, String> headers) {
    public static Response json(int status, String body) {
      return new Response(status, "application/json", body, Map.of());
    }

    public static Response problem(int status, String title, String detail) {
      return new Response(
          status,
          "application/problem+json",
          "{\"type\":\"about:blank\",\"title\":\""
              + title
              + "\",\"status\":"
              + status
              + ",\"detail\":\""
              + detail
              + "\"}",
          Map.of());
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Function<Request, Response>> routes = new ConcurrentHashMap<>();
  private final Map<String, String> issuedTokens = new ConcurrentHashMap<>();
  private volatile boolean refuseUser;

  public FakeGateway() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Answers {@code METHOD path} (exact path) with the function instead of the default. */
  public FakeGateway on(String method, String path, Function<Request, Response> answer) {
    routes.put(method + " " + path, answer);
    return this;
  }

  /** From now on the user's token is refused (401), as after a revocation. */
  public void refuseUserToken() {
    refuseUser = true;
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Requests other than the token check of login/watch. */
  public List<Request> changes() {
    return requests.stream().filter(r -> !r.method().equals("GET")).toList();
  }

  /** Every session item sent in batches, in order. */
  public List<JsonNode> batchSessions() {
    List<JsonNode> sessions = new ArrayList<>();
    for (Request request : requests) {
      if (request.method().equals("POST") && request.path().equals("/api/v1/sessions/batch")) {
        request.json().path("sessions").forEach(sessions::add);
      }
    }
    return sessions;
  }

  /** The ids of every DELETE /api/v1/sessions/{id}, in order. */
  public List<String> deletedIds() {
    return requests.stream()
        .filter(r -> r.method().equals("DELETE") && r.path().startsWith("/api/v1/sessions/"))
        .map(r -> r.path().substring("/api/v1/sessions/".length()))
        .toList();
  }

  public long batchCount() {
    return requests.stream().filter(r -> r.path().equals("/api/v1/sessions/batch")).count();
  }

  public void clear() {
    requests.clear();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Request request =
          new Request(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getRawPath(),
              exchange.getRequestURI().getRawQuery(),
              Map.copyOf(exchange.getRequestHeaders()),
              exchange.getRequestBody().readAllBytes());
      requests.add(request);
      Response response = answer(request);
      byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", response.contentType());
      response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
      exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        exchange.getResponseBody().write(body);
      }
    }
  }

  private Response answer(Request request) {
    Function<Request, Response> route = routes.get(request.method() + " " + request.path());
    String auth = request.header("Authorization");
    String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : null;
    String issuedTo = token == null ? null : issuedTokens.get(token);
    boolean user = (USER_TOKEN.equals(token) || issuedTo != null) && !refuseUser;
    boolean admin = ADMIN_TOKEN.equals(token);
    if (!user && !admin) {
      return Response.problem(401, "Unauthorized", "The token is unknown or has been revoked.");
    }
    boolean adminPath = request.path().startsWith("/api/v1/admin/");
    if (admin && !adminPath) {
      return Response.problem(
          403, "Forbidden", "The admin token belongs to no user; use a user's token.");
    }
    if (route != null) {
      return route.apply(request);
    }
    if (adminPath && !admin) {
      return Response.problem(403, "Forbidden", "This needs the admin token.");
    }
    String key = request.method() + " " + request.path();
    if (key.equals("GET /api/v1/users/me")) {
      return issuedTo != null
          ? Response.json(200, "{\"id\":\"u-new\",\"name\":\"" + issuedTo + "\"}")
          : Response.json(200, "{\"id\":\"u-ada\",\"name\":\"ada\"}");
    }
    if (key.equals("POST /api/v1/admin/users")) {
      String name = request.json().path("name").asString();
      issuedTokens.put("fresh-token-42", name);
      return Response.json(
          201, "{\"id\":\"u-new\",\"name\":\"" + name + "\",\"token\":\"fresh-token-42\"}");
    }
    if (key.equals("POST /api/v1/sessions/batch")) {
      return batch(request);
    }
    if (request.method().equals("DELETE") && request.path().startsWith("/api/v1/sessions/")) {
      String id = request.path().substring("/api/v1/sessions/".length());
      return Response.json(202, "{\"id\":\"rest:" + id + "\",\"status\":\"deleted\"}");
    }
    return Response.problem(404, "Not Found", "no route " + key);
  }

  private static Response batch(Request request) {
    ObjectNode answer = JSON.createObjectNode();
    ArrayNode results = answer.putArray("results");
    int index = 0;
    int accepted = 0;
    for (JsonNode session : request.json().path("sessions")) {
      ObjectNode result = results.addObject();
      result.put("index", index++);
      if (session.path("projectKey").asString().contains("reject")) {
        result.put("status", "rejected");
        ObjectNode error = result.putArray("errors").addObject();
        error.put("field", "projectKey");
        error.put("message", "refused by the fake gateway");
      } else {
        accepted++;
        result.put("id", "rest:" + session.path("id").asString());
        result.put("status", "accepted");
      }
    }
    answer.put("accepted", accepted);
    answer.put("rejected", index - accepted);
    return Response.json(202, answer.toString());
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
