package io.focussync.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

class BlockingJdkRequestsTest {

  private final Map<String, String> seen = new ConcurrentHashMap<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private HttpServer server;
  private RestClient rest;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1", this::answer);
    server.start();
    rest =
        RestClient.builder()
            .requestFactory(BlockingJdkRequests.of(Duration.ofSeconds(2), Duration.ofMillis(300)))
            .baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
            .build();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    seen.put("method", exchange.getRequestMethod());
    seen.put(
        "uri",
        exchange.getRequestURI().getRawPath() + "?" + exchange.getRequestURI().getRawQuery());
    seen.put("key", String.valueOf(exchange.getRequestHeaders().getFirst("X-Api-Key")));
    seen.put("type", String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
    seen.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    if (exchange.getRequestURI().getPath().endsWith("/slow")) {
      awaitRelease();
    }
    boolean missing = exchange.getRequestURI().getPath().endsWith("/missing");
    byte[] body = (missing ? "{\"code\":404}" : "{\"id\":\"e1\"}").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().put("Last-Page", List.of("true"));
    exchange.sendResponseHeaders(missing ? 404 : 201, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  private void awaitRelease() {
    try {
      release.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void sendsTheMethodEncodedUriHeadersAndBodyAndReadsTheWholeAnswer() {
    RawResponse response =
        RawResponse.exchange(
            rest.method(HttpMethod.POST)
                .uri("/v1/workspaces/{ws}/time-entries?name={name}", "w 1", "a&b")
                .header("X-Api-Key", "k-1")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"start\":\"2026-12-01T10:00:00Z\"}".getBytes(StandardCharsets.UTF_8)));

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.body()).isEqualTo("{\"id\":\"e1\"}");
    assertThat(response.header("last-page")).isEqualTo("true");
    assertThat(response.path()).isEqualTo("/v1/workspaces/w%201/time-entries");
    assertThat(seen)
        .containsEntry("method", "POST")
        .containsEntry("uri", "/v1/workspaces/w%201/time-entries?name=a%26b")
        .containsEntry("key", "k-1")
        .containsEntry("type", "application/json")
        .containsEntry("body", "{\"start\":\"2026-12-01T10:00:00Z\"}");
  }

  @Test
  void anErrorStatusIsAnAnswerWithItsBody() {
    RawResponse response = RawResponse.exchange(rest.get().uri("/v1/missing"));

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.successful()).isFalse();
    assertThat(response.body()).isEqualTo("{\"code\":404}");
    assertThat(seen).containsEntry("method", "GET").containsEntry("body", "");
  }

  @Test
  void anAnswerLaterThanTheReadTimeoutIsTheJdksTimeout() {
    assertThatThrownBy(() -> RawResponse.exchange(rest.get().uri("/v1/slow")))
        .isInstanceOf(ResourceAccessException.class)
        .hasCauseInstanceOf(HttpTimeoutException.class);
  }

  @Test
  void aRefusedConnectionIsTheJdksConnectException() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    RestClient nowhere =
        RestClient.builder()
            .requestFactory(BlockingJdkRequests.of(Duration.ofSeconds(2), Duration.ofSeconds(2)))
            .build();

    assertThatThrownBy(
            () -> RawResponse.exchange(nowhere.get().uri("http://127.0.0.1:" + closedPort + "/v1")))
        .isInstanceOf(ResourceAccessException.class)
        .hasCauseInstanceOf(ConnectException.class);
  }
}
