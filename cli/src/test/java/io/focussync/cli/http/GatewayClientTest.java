package io.focussync.cli.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.focussync.cli.config.Login;
import io.focussync.cli.support.FakeGateway;
import io.focussync.cli.support.FakeGateway.Response;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GatewayClientTest {

  private FakeGateway gateway;
  private GatewayClient client;

  @BeforeEach
  void start() throws Exception {
    gateway = new FakeGateway();
    client = new GatewayClient(new Login(gateway.url(), FakeGateway.USER_TOKEN));
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  @Test
  void anIdempotentCallIsRetriedAfterRetryAfterOn429() {
    AtomicInteger calls = new AtomicInteger();
    gateway.on(
        "GET",
        "/api/v1/sessions",
        request ->
            calls.incrementAndGet() == 1
                ? new Response(
                    429,
                    "application/problem+json",
                    "{\"title\":\"Too Many Requests\",\"status\":429}",
                    Map.of("Retry-After", "1"))
                : Response.json(200, "{\"sessions\":[]}"));

    assertThat(client.get("/api/v1/sessions", Map.of("from", "2026-03-02")).has("sessions"))
        .isTrue();
    assertThat(gateway.requests()).hasSize(2);
  }

  @Test
  void aCreationIsNotRetried() {
    gateway.on(
        "POST",
        "/api/v1/sessions/batch",
        request ->
            new Response(
                503,
                "application/problem+json",
                "{\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"Kafka is down\"}",
                Map.of("Retry-After", "1")));

    assertThatThrownBy(() -> client.post("/api/v1/sessions/batch", "{}".getBytes(), false))
        .isInstanceOf(ApiException.class)
        .hasMessage("Service Unavailable (503): Kafka is down");
    assertThat(gateway.requests()).hasSize(1);
  }

  @Test
  void problemsAreReadableAndNonJsonErrorsStillSaySomething() {
    Problem single =
        Problem.parse(
            400,
            "{\"title\":\"Invalid request\",\"status\":400,\"detail\":\"to: must not be before"
                + " from\",\"errors\":[{\"field\":\"to\",\"message\":\"must not be before from\"}]}");
    assertThat(single.lines())
        .containsExactly("Invalid request (400): to: must not be before from");

    Problem html = Problem.parse(502, "<html>Bad gateway</html>");
    assertThat(html.lines()).containsExactly("HTTP 502 (502): <html>Bad gateway</html>");
  }
}
