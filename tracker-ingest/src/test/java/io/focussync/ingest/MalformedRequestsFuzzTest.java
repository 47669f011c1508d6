package io.focussync.ingest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.focussync.testsupport.fuzz.Fuzzer;
import io.focussync.testsupport.fuzz.MalformedRequests.Endpoint;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The malformed shapes the gateway's fuzz sends (see test-support's {@code MalformedRequests}),
 * straight at this service's own controllers with a signed identity (one in ten without): never a
 * 5xx, and every 4xx a problem+json body. WireMock stands in for the allocator that the
 * focus-session PATCH and DELETE ask (it knows no session: without it they would rightly answer
 * 503, the allocator being down).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "focussync.ingest.focus.not-found-wait=1ms",
      "focussync.ingest.focus.not-found-poll=1ms"
    })
class MalformedRequestsFuzzTest {

  static final WireMockServer ALLOCATOR =
      new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

  static {
    ALLOCATOR.start();
    ALLOCATOR.stubFor(
        get(urlPathEqualTo("/api/v1/settings/allocation"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"timeZone\":\"UTC\",\"defaultProjectKey\":\"deep\"}")));
    ALLOCATOR.stubFor(
        any(anyUrl())
            .atPriority(10)
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody(
                        "{\"type\":\"https://focussync.io/problems/not-found\","
                            + "\"title\":\"Not Found\",\"status\":404,\"detail\":\"No such"
                            + " session.\"}")));
  }

  @DynamicPropertySource
  static void allocator(DynamicPropertyRegistry registry) {
    registry.add("focussync.ingest.focus.allocator-url", ALLOCATOR::baseUrl);
  }

  @AfterAll
  static void stop() {
    ALLOCATOR.stop();
  }

  private static final int REQUESTS = 3000;
  private static final String SESSION =
      "{\"id\":\"s1\",\"projectKey\":\"p\",\"start\":\"2026-01-20T09:00:00Z\","
          + "\"end\":\"2026-01-20T10:00:00Z\",\"title\":\"t\",\"tags\":[\"a\"]}";
  private static final String FOCUS =
      "{\"title\":\"t\",\"projectKey\":\"p\",\"startedAt\":\"2026-01-20T09:00:00Z\","
          + "\"endedAt\":\"2026-01-20T10:00:00Z\"}";

  @LocalServerPort int port;

  @Test
  void malformedRequestsToEveryEndpointAreNever5xxAndEvery4xxIsAProblem() {
    List<Endpoint> endpoints =
        List.of(
            new Endpoint("POST", "/api/v1/sessions", SESSION),
            new Endpoint("PUT", "/api/v1/sessions/rest:s1", SESSION),
            new Endpoint("DELETE", "/api/v1/sessions/rest:s1", null),
            new Endpoint("POST", "/api/v1/sessions/batch", "[" + SESSION + "]"),
            new Endpoint(
                "POST",
                "/api/v1/imports",
                "--fz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
                    + "Content-Type: text/csv\r\n\r\nprojectKey,start,end\r\n"
                    + "p,2026-01-20T09:00:00Z,2026-01-20T10:00:00Z\r\n--fz--\r\n"),
            new Endpoint("POST", "/api/v1/focus-sessions", FOCUS),
            new Endpoint("PATCH", "/api/v1/focus-sessions/rest:s1", FOCUS),
            new Endpoint("DELETE", "/api/v1/focus-sessions/rest:s1", null));
    AtomicInteger n = new AtomicInteger();

    Fuzzer.Report report =
        Fuzzer.run(
            "tracker-ingest",
            port,
            Fuzzer.seed(),
            REQUESTS,
            endpoints,
            endpoint ->
                n.incrementAndGet() % 10 == 0 ? Map.of() : IngestApi.signed(IngestApi.newUser()));

    assertThat(report.failures()).as(report.summary()).isEmpty();
    assertThat(report.count(200, 299)).as(report.summary()).isPositive();
  }
}
