package io.focussync.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.testsupport.TestHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every bad input of the issue: a clear 4xx problem naming the field, and nothing published. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BadInputTest {

  private static final Instant END =
      Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(2));
  private static final String START = END.minus(Duration.ofHours(1)).toString();
  private static final String STOP = END.toString();

  @LocalServerPort int port;
  IngestApi api;

  @BeforeEach
  void setUp() {
    api = new IngestApi(port);
  }

  record Case(String name, String method, String path, String body, int status, String field) {}

  static List<Case> cases() {
    String longKey = "k".repeat(513);
    String future = Instant.now().plus(Duration.ofMinutes(10)).toString();
    String futureEnd = Instant.now().plus(Duration.ofMinutes(40)).toString();
    String tooLarge =
        "{\"projectKey\":\"p\",\"start\":\""
            + START
            + "\",\"end\":\""
            + STOP
            + "\",\"padding\":\""
            + "x".repeat(1024 * 1024)
            + "\"}";
    List<Case> cases = new ArrayList<>();
    cases.add(
        new Case("malformed JSON", "POST", "/api/v1/sessions", "{\"projectKey\":", 400, "body"));
    cases.add(
        new Case(
            "trailing garbage",
            "POST",
            "/api/v1/sessions",
            body("p", START, STOP) + "x",
            400,
            "body"));
    cases.add(new Case("empty body", "POST", "/api/v1/sessions", "", 400, "body"));
    cases.add(new Case("not an object", "POST", "/api/v1/sessions", "[1,2]", 400, "body"));
    cases.add(
        new Case(
            "duplicate key",
            "POST",
            "/api/v1/sessions",
            "{\"projectKey\":\"a\",\"projectKey\":\"b\",\"start\":\""
                + START
                + "\",\"end\":\""
                + STOP
                + "\"}",
            400,
            "body"));
    cases.add(
        new Case(
            "projectKey wrong type",
            "POST",
            "/api/v1/sessions",
            "{\"projectKey\":42,\"start\":\"" + START + "\",\"end\":\"" + STOP + "\"}",
            400,
            "projectKey"));
    cases.add(
        new Case(
            "start wrong type",
            "POST",
            "/api/v1/sessions",
            "{\"projectKey\":\"p\",\"start\":1700000000,\"end\":\"" + STOP + "\"}",
            400,
            "start"));
    cases.add(
        new Case(
            "tags wrong type",
            "POST",
            "/api/v1/sessions",
            "{\"projectKey\":\"p\",\"start\":\""
                + START
                + "\",\"end\":\""
                + STOP
                + "\",\"tags\":\"a\"}",
            400,
            "tags"));
    cases.add(
        new Case(
            "tag wrong type",
            "POST",
            "/api/v1/sessions",
            "{\"projectKey\":\"p\",\"start\":\""
                + START
                + "\",\"end\":\""
                + STOP
                + "\",\"tags\":[true]}",
            400,
            "tags[0]"));
    cases.add(
        new Case(
            "id wrong type",
            "POST",
            "/api/v1/sessions",
            "{\"id\":{},\"projectKey\":\"p\",\"start\":\"" + START + "\",\"end\":\"" + STOP + "\"}",
            400,
            "id"));
    cases.add(
        new Case(
            "id bad characters",
            "POST",
            "/api/v1/sessions",
            "{\"id\":\"a b/c\",\"projectKey\":\"p\",\"start\":\""
                + START
                + "\",\"end\":\""
                + STOP
                + "\"}",
            400,
            "id"));
    cases.add(
        new Case(
            "missing projectKey",
            "POST",
            "/api/v1/sessions",
            "{\"start\":\"" + START + "\",\"end\":\"" + STOP + "\"}",
            400,
            "projectKey"));
    cases.add(
        new Case(
            "missing start",
            "POST",
            "/api/v1/sessions",
            "{\"projectKey\":\"p\",\"end\":\"" + STOP + "\"}",
            400,
            "start"));
    cases.add(
        new Case(
            "missing end",
            "POST",
            "/api/v1/sessions",
            "{\"projectKey\":\"p\",\"start\":\"" + START + "\"}",
            400,
            "end"));
    cases.add(
        new Case(
            "end before start", "POST", "/api/v1/sessions", body("p", STOP, START), 400, "end"));
    cases.add(
        new Case(
            "end equals start", "POST", "/api/v1/sessions", body("p", START, START), 400, "end"));
    cases.add(
        new Case(
            "longer than 24 h",
            "POST",
            "/api/v1/sessions",
            body("p", END.minus(Duration.ofHours(24)).minusSeconds(1).toString(), STOP),
            400,
            "end"));
    cases.add(
        new Case(
            "start 10 min in the future",
            "POST",
            "/api/v1/sessions",
            body("p", future, futureEnd),
            400,
            "start"));
    cases.add(
        new Case(
            "no offset",
            "POST",
            "/api/v1/sessions",
            body("p", "2026-01-10T09:00:00", "2026-01-10T10:00:00+01:00"),
            400,
            "start"));
    cases.add(
        new Case(
            "not a date", "POST", "/api/v1/sessions", body("p", START, "yesterday"), 400, "end"));
    cases.add(
        new Case(
            "impossible date",
            "POST",
            "/api/v1/sessions",
            body("p", "2026-02-30T09:00:00Z", "2026-02-30T10:00:00Z"),
            400,
            "start"));
    cases.add(
        new Case(
            "blank projectKey",
            "POST",
            "/api/v1/sessions",
            body("  ", START, STOP),
            400,
            "projectKey"));
    cases.add(
        new Case(
            "empty projectKey",
            "POST",
            "/api/v1/sessions",
            body("", START, STOP),
            400,
            "projectKey"));
    cases.add(
        new Case(
            "over-long projectKey",
            "POST",
            "/api/v1/sessions",
            body(longKey, START, STOP),
            400,
            "projectKey"));
    cases.add(
        new Case(
            "projectKey with control character",
            "POST",
            "/api/v1/sessions",
            body("a\\u0000b", START, STOP),
            400,
            "projectKey"));
    cases.add(
        new Case(
            "broken surrogate",
            "POST",
            "/api/v1/sessions",
            body("a\\ud800b", START, STOP),
            400,
            "projectKey"));
    cases.add(
        new Case(
            "unknown time zone",
            "POST",
            "/api/v1/sessions",
            "{\"projectKey\":\"p\",\"start\":\""
                + START
                + "\",\"end\":\""
                + STOP
                + "\",\"timeZone\":\"Mars/Olympus\"}",
            400,
            "timeZone"));
    cases.add(
        new Case(
            "too many tags",
            "POST",
            "/api/v1/sessions",
            "{\"projectKey\":\"p\",\"start\":\""
                + START
                + "\",\"end\":\""
                + STOP
                + "\",\"tags\":["
                + "\"t\",".repeat(40)
                + "\"t\"]}",
            400,
            "tags"));
    for (String tracked : List.of("1.5", "\"abc\"", "0", "-60", "3601", "true")) {
      cases.add(
          new Case(
              "trackedSeconds " + tracked,
              "POST",
              "/api/v1/sessions",
              tracked(START, STOP, tracked),
              400,
              "trackedSeconds"));
    }
    cases.add(
        new Case(
            "PUT with trackedSeconds over the span",
            "PUT",
            "/api/v1/sessions/abc",
            tracked(START, STOP, "7200"),
            400,
            "trackedSeconds"));
    cases.add(new Case("body over the limit", "POST", "/api/v1/sessions", tooLarge, 413, "body"));
    cases.add(
        new Case(
            "PUT with a bad path id",
            "PUT",
            "/api/v1/sessions/rest:",
            body("p", START, STOP),
            400,
            "sessionId"));
    cases.add(
        new Case(
            "PUT with an invalid body",
            "PUT",
            "/api/v1/sessions/abc",
            body("p", STOP, START),
            400,
            "end"));
    cases.add(
        new Case(
            "DELETE with a bad path id",
            "DELETE",
            "/api/v1/sessions/a%20b",
            null,
            400,
            "sessionId"));
    cases.add(
        new Case(
            "batch without sessions",
            "POST",
            "/api/v1/sessions/batch",
            "{\"items\":[]}",
            400,
            "sessions"));
    cases.add(new Case("batch not an object", "POST", "/api/v1/sessions/batch", "[]", 400, "body"));
    cases.add(
        new Case(
            "batch over the limit",
            "POST",
            "/api/v1/sessions/batch",
            "{\"sessions\":["
                + (body("p", START, STOP) + ",").repeat(1000)
                + body("p", START, STOP)
                + "]}",
            413,
            "sessions"));
    return cases;
  }

  private static String tracked(String start, String end, String trackedSeconds) {
    return "{\"projectKey\":\"p\",\"start\":\""
        + start
        + "\",\"end\":\""
        + end
        + "\",\"trackedSeconds\":"
        + trackedSeconds
        + "}";
  }

  private static String body(String projectKey, String start, String end) {
    return "{\"projectKey\":\""
        + projectKey
        + "\",\"start\":\""
        + start
        + "\",\"end\":\""
        + end
        + "\"}";
  }

  @Test
  void everyBadInputIsAClear4xxProblemAndPublishesNothing() {
    Set<String> users = new HashSet<>();
    SoftAssertions softly = new SoftAssertions();
    for (Case c : cases()) {
      String user = IngestApi.newUser();
      users.add(user);
      TestHttp.Response response = api.send(c.method(), c.path(), user, c.body(), Map.of());
      softly.assertThat(response.status()).as(c.name()).isEqualTo(c.status());
      softly
          .assertThat(response.header("Content-Type"))
          .as(c.name())
          .startsWith("application/problem+json");
      softly
          .assertThat(response.body())
          .as(c.name())
          .contains("\"field\":\"" + c.field() + "\"")
          .doesNotContain("Exception");
    }
    softly.assertAll();
    assertThat(IngestApi.events(users, Duration.ofSeconds(2))).isEmpty();
  }

  @Test
  void invalidUtf8IsA400AndPublishesNothing() throws IOException, InterruptedException {
    String user = IngestApi.newUser();
    byte[] prefix = ("{\"projectKey\":\"caf").getBytes();
    byte[] suffix = ("\",\"start\":\"" + START + "\",\"end\":\"" + STOP + "\"}").getBytes();
    byte[] body = new byte[prefix.length + 2 + suffix.length];
    System.arraycopy(prefix, 0, body, 0, prefix.length);
    body[prefix.length] = (byte) 0xC3; // a lead byte followed by no continuation
    body[prefix.length + 1] = (byte) 0x28;
    System.arraycopy(suffix, 0, body, prefix.length + 2, suffix.length);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(api.url("/api/v1/sessions")))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .header("Content-Type", "application/json");
    IngestApi.signed(user).forEach(request::header);

    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("UTF-8");
    assertThat(IngestApi.events(user)).isEmpty();
  }

  @Test
  void otherContentTypesAre415AndBadIdempotencyKeysAre400() {
    String user = IngestApi.newUser();
    TestHttp.Response text =
        api.send(
            "POST",
            "/api/v1/sessions",
            user,
            body("p", START, STOP),
            Map.of("Content-Type", "text/plain"));
    TestHttp.Response key =
        api.send(
            "POST",
            "/api/v1/sessions",
            user,
            body("p", START, STOP),
            Map.of("Idempotency-Key", "k".repeat(300)));

    assertThat(text.status()).isEqualTo(415);
    assertThat(key.status()).isEqualTo(400);
    assertThat(key.body()).contains("Idempotency-Key");
    assertThat(IngestApi.events(user)).isEmpty();
  }
}
