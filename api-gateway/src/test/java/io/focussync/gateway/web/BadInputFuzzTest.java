package io.focussync.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.gateway.routing.core.Route;
import io.focussync.gateway.routing.core.RouteTable;
import io.focussync.gateway.support.GatewayTestBase;
import io.focussync.testsupport.fuzz.Fuzzer;
import io.focussync.testsupport.fuzz.MalformedRequests.Endpoint;
import io.focussync.testsupport.fuzz.MalformedRequests.Shape;
import io.focussync.testsupport.fuzz.RawHttp;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The property of the "Bad input, everywhere": for every public route of the gateway (each
 * route of the {@link RouteTable}, its own user, token and admin endpoints, and the pages it
 * serves), malformed requests (mutated methods, paths, query strings, headers, content types,
 * bodies and framings, see {@code MalformedRequests}) sent over raw sockets, with a valid token and
 * with none, never get a 5xx, and every 4xx is a problem+json body. The services behind are the
 * module's stand-ins ({@code FakeServices}); each service module fuzzes its own controllers.
 */
class BadInputFuzzTest extends GatewayTestBase {

  private static final int WITH_TOKEN = 3000;
  private static final int WITHOUT_TOKEN = 1000;
  private static final String SESSION =
      "{\"id\":\"s1\",\"projectKey\":\"p\",\"start\":\"2026-11-20T09:00:00Z\","
          + "\"end\":\"2026-11-20T10:00:00Z\",\"tags\":[\"a\"]}";

  @Test
  void malformedRequestsToEveryRouteAreNever5xxAndEvery4xxIsAProblem() {
    List<Endpoint> endpoints = endpoints();
    TokenPool pool = new TokenPool(16);

    Fuzzer.Report withToken =
        Fuzzer.run("api-gateway, with a token", port, Fuzzer.seed(), WITH_TOKEN, endpoints, pool);
    Fuzzer.Report withoutToken =
        Fuzzer.run(
            "api-gateway, without a token",
            port,
            Fuzzer.seed() + 1,
            WITHOUT_TOKEN,
            endpoints,
            endpoint -> Map.of());

    assertThat(withToken.failures()).as(withToken.summary()).isEmpty();
    assertThat(withoutToken.failures()).as(withoutToken.summary()).isEmpty();
    // the fuzz reaches past the bearer check and the rate limit: routes and services answer
    assertThat(withToken.count(200, 299)).isGreaterThan(WITH_TOKEN / 20);
    assertThat(withToken.statuses().getOrDefault(429, 0)).isLessThan(WITH_TOKEN / 10);
  }

  @Test
  void aBrokenPercentEncodingInTheQueryIsA400ProblemThatNeverReachesTheService() {
    TestUser ada = createUser("ada");
    String probe = probe();

    RawHttp.Answer answer =
        raw(
            "GET /api/v1/days?from=%E2%82&to=%E2%82&" + probe + " HTTP/1.1",
            "Authorization: Bearer " + ada.token());

    assertThat(answer.status()).as(answer.text()).isEqualTo(400);
    assertThat(answer.isProblemJson()).isTrue();
    assertThat(answer.text()).contains("\"status\":400").contains("percent-encoded UTF-8");
    assertThat(SERVICES.find(probe)).isEmpty();
  }

  @Test
  void whatTomcatRejectsBeforeSpringIsA400ProblemToo() {
    for (String requestLine :
        List.of(
            "GET /api/v1/days/%zz HTTP/1.1",
            "GET /api/v1/days/%E2%82 HTTP/1.1",
            "GET /api/v1/days/%C0%AF HTTP/1.1",
            "GET /api/v1/days/a|b HTTP/1.1",
            "G(T /api/v1/days HTTP/1.1",
            "GET /api/v1/days HTTP/9.9")) {
      RawHttp.Answer answer = raw(requestLine);

      assertThat(answer.status()).as(requestLine + " -> " + answer.text()).isEqualTo(400);
      assertThat(answer.isProblemJson()).as(requestLine).isTrue();
      assertThat(answer.text()).as(requestLine).contains("\"status\":400");
    }
    RawHttp.Answer hugeHeader = raw("GET /api/v1/days HTTP/1.1", "X-Big: " + "b".repeat(20_000));
    assertThat(hugeHeader.status()).isEqualTo(400);
    assertThat(hugeHeader.isProblemJson()).isTrue();
  }

  @Test
  void oddContentTypesAndAcceptHeadersAreAnsweredOrA4xxProblem() {
    TestUser ada = createUser("ada");
    String auth = "Authorization: Bearer " + ada.token();

    RawHttp.Answer wildcard =
        raw("GET /api/v1/settings/allocation HTTP/1.1", auth, "Content-Type: */*");
    RawHttp.Answer page = raw("GET / HTTP/1.1", "Accept: image/png", "If-None-Match: *");
    RawHttp.Answer unparseable = raw("GET / HTTP/1.1", "Accept: ;;;");

    assertThat(wildcard.status()).as(wildcard.text()).isEqualTo(415);
    assertThat(wildcard.isProblemJson()).isTrue();
    for (RawHttp.Answer answer : List.of(page, unparseable)) {
      assertThat(answer.status()).as(answer.text()).isLessThan(500);
      if (answer.status() >= 400) {
        assertThat(answer.isProblemJson()).as(answer.status() + " " + answer.text()).isTrue();
      }
    }
  }

  @Test
  void traceAndUnknownMethodsAreA405Problem() {
    TestUser ada = createUser("ada");

    RawHttp.Answer trace =
        raw("TRACE /api/v1/days HTTP/1.1", "Authorization: Bearer " + ada.token());
    RawHttp.Answer unknown =
        raw("FOO /api/v1/sessions HTTP/1.1", "Authorization: Bearer " + ada.token());

    assertThat(trace.status()).as(trace.text()).isEqualTo(405);
    assertThat(trace.isProblemJson()).isTrue();
    assertThat(unknown.status()).as(unknown.text()).isEqualTo(405);
    assertThat(unknown.isProblemJson()).isTrue();
  }

  private RawHttp.Answer raw(String requestLine, String... headers) {
    StringBuilder request = new StringBuilder(requestLine).append("\r\n");
    request.append("Host: 127.0.0.1:").append(port).append("\r\n");
    for (String header : headers) {
      request.append(header).append("\r\n");
    }
    request.append("Connection: close\r\n\r\n");
    try {
      return RawHttp.exchange(
          port,
          request.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
          false,
          java.time.Duration.ofSeconds(20));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Every route of the table with each of its methods, the gateway's own endpoints, its pages. */
  private static List<Endpoint> endpoints() {
    Set<Endpoint> endpoints = new LinkedHashSet<>();
    for (Route route : RouteTable.routes()) {
      Set<String> methods =
          route.methods().isEmpty()
              ? Set.of("GET", "POST", "PUT", "PATCH", "DELETE")
              : route.methods();
      for (String path : examplePaths(route.pattern())) {
        for (String method : methods) {
          endpoints.add(new Endpoint(method, path, sampleBody(path)));
        }
      }
    }
    endpoints.add(new Endpoint("POST", "/api/v1/admin/users", "{\"name\":\"fuzz\"}"));
    endpoints.add(new Endpoint("POST", "/api/v1/admin/users/u-unknown/tokens", null));
    endpoints.add(new Endpoint("GET", "/api/v1/users/me", null));
    endpoints.add(new Endpoint("GET", "/api/v1/tokens", null));
    endpoints.add(new Endpoint("DELETE", "/api/v1/tokens/current", null));
    endpoints.add(new Endpoint("DELETE", "/api/v1/tokens/t-unknown", null));
    endpoints.add(new Endpoint("GET", "/", null));
    endpoints.add(new Endpoint("GET", "/actuator/health", null));
    List<Endpoint> all = new ArrayList<>(endpoints);
    System.out.println("api-gateway fuzz: " + all.size() + " endpoints");
    return all;
  }

  private static List<String> examplePaths(String pattern) {
    if (pattern.endsWith("/**")) {
      String prefix = pattern.substring(0, pattern.length() - 3);
      return List.of(prefix, prefix + "/2026-11-20");
    }
    if (pattern.endsWith("/*")) {
      return List.of(pattern.substring(0, pattern.length() - 1) + "Zm9jdXNzeW5jLWZ1eno");
    }
    return List.of(pattern);
  }

  private static String sampleBody(String path) {
    if (path.contains("sessions")) {
      return SESSION;
    }
    if (path.contains("settings")) {
      return "{\"timeZone\":\"UTC\",\"workdays\":[\"MONDAY\"],\"mode\":\"NORMALIZED\"}";
    }
    if (path.contains("connections")) {
      return "{\"apiKey\":\"k\",\"workspaceId\":\"w\",\"token\":\"t\",\"databaseId\":\"d\"}";
    }
    return "{\"type\":\"page.created\",\"entity\":{\"id\":\"e\"}}";
  }

  /** User tokens taken in turn (so no token meets its rate limit), the admin token for admin. */
  private final class TokenPool implements Fuzzer.Caller {

    private final List<String> tokens = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private int lastIndex;

    TokenPool(int size) {
      for (int i = 0; i < size; i++) {
        tokens.add(createUser("fuzz-" + i).token());
      }
    }

    @Override
    public Map<String, String> headers(Endpoint endpoint) {
      if (endpoint.path().startsWith("/api/v1/admin")) {
        return Map.of("Authorization", "Bearer " + ADMIN_TOKEN);
      }
      lastIndex = Math.floorMod(next.getAndIncrement(), tokens.size());
      return Map.of("Authorization", "Bearer " + tokens.get(lastIndex));
    }

    @Override
    public void answered(Endpoint endpoint, Shape shape, RawHttp.Answer answer) {
      boolean revoked =
          shape.method().equals("DELETE")
              && shape.target().startsWith("/api/v1/tokens/current")
              && answer.status() == 204;
      if (revoked || answer.status() == 401 && !endpoint.path().startsWith("/api/v1/admin")) {
        // the fuzz revoked this token (DELETE /tokens/current): go on with a new user's
        tokens.set(lastIndex, createUser("fuzz-again").token());
      }
    }
  }
}
