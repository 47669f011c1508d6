package io.focussync.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.focussync.contracts.Topics;
import io.focussync.contracts.sessions.v1.SessionRecorded;
import io.focussync.gateway.routing.core.Service;
import io.focussync.platform.auth.InternalIdentity;
import io.focussync.testsupport.TestEvents;
import io.focussync.testsupport.TestInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stand-ins for the four services behind the gateway, on real sockets: each checks the gateway's
 * signed identity with the platform's {@link InternalIdentity} (401 problem without one, like a
 * real service), records what it received, and answers. The tracker-ingest stand-in publishes a
 * {@link SessionRecorded} to the real broker for {@code POST /api/v1/sessions}, like the real one.
 *
 * <p>Behaviour per request through the {@code X-Test-Behaviour} header: {@code problem} answers a
 * 404 problem+json, {@code slow} answers after 12 s (longer than the test read timeout).
 */
public final class FakeServices {

  public static final String BEHAVIOUR = "X-Test-Behaviour";
  public static final String DOWNSTREAM_PROBLEM =
      "{\"type\":\"https://focussync.io/problems/not-found\",\"title\":\"Not Found\","
          + "\"status\":404,\"detail\":\"No such day.\",\"instance\":\"/api/v1/days/x\"}";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Map<Service, HttpServer> servers = new EnumMap<>(Service.class);
  private final Map<Service, Integer> ports = new EnumMap<>(Service.class);
  private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
  private final InternalIdentity identity =
      new InternalIdentity(TestInfrastructure.INTERNAL_AUTH_KEY, Clock.systemUTC());

  private FakeServices() {}

  /** Starts all four on free ports. */
  public static FakeServices start() {
    FakeServices fakes = new FakeServices();
    for (Service service : Service.values()) {
      fakes.startOn(service, 0);
    }
    return fakes;
  }

  /** The base URL of a stand-in. */
  public String url(Service service) {
    return "http://127.0.0.1:" + ports.get(service);
  }

  /** Stops a stand-in so that connections to it are refused. */
  public void stop(Service service) {
    servers.remove(service).stop(0);
  }

  /** Starts a stopped stand-in again on its old port. */
  public void restart(Service service) {
    startOn(service, ports.get(service));
  }

  /** The request a stand-in received whose query carries the probe, if any. */
  public Optional<Received> find(String probe) {
    return received.stream()
        .filter(r -> r.query() != null && r.query().contains(probe))
        .findFirst();
  }

  /** Every request received on a path. */
  public List<Received> onPath(String path) {
    return received.stream().filter(r -> r.path().equals(path)).toList();
  }

  private void startOn(Service service, int port) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
      server.setExecutor(Executors.newCachedThreadPool());
      server.createContext("/", exchange -> handle(service, exchange));
      server.start();
      servers.put(service, server);
      ports.put(service, server.getAddress().getPort());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void handle(Service service, HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      Map<String, List<String>> headers = new TreeMap<>();
      exchange
          .getRequestHeaders()
          .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
      String path = exchange.getRequestURI().getRawPath();
      Received request =
          new Received(
              service,
              exchange.getRequestMethod(),
              path,
              exchange.getRequestURI().getRawQuery(),
              headers,
              body);
      received.add(request);

      String behaviour = request.header(BEHAVIOUR);
      if ("slow".equals(behaviour)) {
        pause(12_000);
      }
      boolean webhook = path.startsWith("/api/v1/webhooks/notion");
      Optional<String> user =
          identity.verify(
              request.header(InternalIdentity.USER_HEADER),
              request.header(InternalIdentity.TIMESTAMP_HEADER),
              request.header(InternalIdentity.SIGNATURE_HEADER));
      if (!webhook && user.isEmpty()) {
        answer(
            exchange,
            401,
            "application/problem+json",
            "{\"type\":\"https://focussync.io/problems/unauthorized\",\"title\":\"Unauthorized\","
                + "\"status\":401,\"detail\":\"unsigned\"}");
        return;
      }
      if ("problem".equals(behaviour)) {
        answer(exchange, 404, "application/problem+json", DOWNSTREAM_PROBLEM);
        return;
      }
      if (service == Service.TRACKER_INGEST
          && path.equals("/api/v1/sessions")
          && request.method().equals("POST")) {
        String id;
        try {
          id = recordSession(user.get(), body);
        } catch (RuntimeException e) {
          // like the real service: a body it cannot read is the client's 400, never a dropped line
          answer(
              exchange,
              400,
              "application/problem+json",
              "{\"type\":\"https://focussync.io/problems/bad-request\",\"title\":\"Invalid"
                  + " request\",\"status\":400,\"detail\":\"unreadable session\"}");
          return;
        }
        answer(exchange, 202, "application/json", "{\"id\":\"" + id + "\"}");
        return;
      }
      answer(
          exchange,
          200,
          "application/json",
          "{\"service\":\"" + service.displayName() + "\",\"user\":\"" + user.orElse("") + "\"}");
    }
  }

  private static String recordSession(String userId, byte[] body) {
    JsonNode json = JSON.readTree(body);
    String sourceId =
        json.hasNonNull("id") ? json.get("id").asString() : UUID.randomUUID().toString();
    SessionRecorded event =
        new SessionRecorded(
            userId,
            "api:" + sourceId,
            "api",
            sourceId,
            1,
            json.get("projectKey").asString(),
            Instant.parse(json.get("start").asString()),
            Instant.parse(json.get("end").asString()),
            null,
            json.hasNonNull("title") ? json.get("title").asString() : null,
            List.of(),
            Map.of(),
            Instant.now());
    TestEvents.send(Topics.SESSIONS, event);
    return event.sessionId();
  }

  private static void answer(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One request as a stand-in received it; header names in lower case. */
  public record Received(
      Service service,
      String method,
      String path,
      String query,
      Map<String, List<String>> headers,
      byte[] body) {

    /** The first value of a header, or null. */
    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Whether any header name starts with the prefix (case-insensitive). */
    public long countHeaders(String prefix) {
      String lower = prefix.toLowerCase(Locale.ROOT);
      return headers.entrySet().stream()
          .filter(e -> e.getKey().startsWith(lower))
          .mapToLong(e -> e.getValue().size())
          .sum();
    }
  }
}
