package io.focussync.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.gateway.support.GatewayTestBase;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LimitsAndCorsTest extends GatewayTestBase {

  @Test
  void bodiesAboveTheLimitAre413ProblemAndNeverReachAService() {
    TestUser ada = createUser("ada");
    byte[] big = new byte[100 * 1024];
    Arrays.fill(big, (byte) 'a');
    String probe = probe();
    Map<String, String> headers =
        Map.of("Authorization", "Bearer " + ada.token(), "Content-Type", "application/json");

    Response declared = sendBytes("POST", "/api/v1/sessions/batch?" + probe, big, headers, false);
    Response chunked = sendBytes("POST", "/api/v1/sessions/batch?" + probe, big, headers, true);

    assertThat(declared.isProblem(413)).as(declared.body()).isTrue();
    assertThat(chunked.isProblem(413)).as(chunked.body()).isTrue();
    assertThat(SERVICES.find(probe)).isEmpty();
  }

  @Test
  void importsMayBeLargerThanOrdinaryBodies() {
    TestUser ada = createUser("ada");
    byte[] csv = "start,end,projectKey\n".repeat(5000).getBytes(StandardCharsets.UTF_8);
    String probe = probe();

    Response answer =
        sendBytes(
            "POST",
            "/api/v1/imports?" + probe,
            csv,
            Map.of("Authorization", "Bearer " + ada.token(), "Content-Type", "text/csv"),
            false);

    assertThat(csv.length).isGreaterThan(64 * 1024);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(SERVICES.find(probe).orElseThrow().body()).isEqualTo(csv);
  }

  @Test
  void multipartImportsPassThroughByteForByte() {
    TestUser ada = createUser("ada");
    String boundary = "----focussync" + System.nanoTime();
    byte[] multipart =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"table\"\r\n\r\nsessions\r\n--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"s.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nstart,end,projectKey\r\n"
                + "2026-11-20T09:00:00Z,2026-11-20T10:00:00Z,p\r\n--"
                + boundary
                + "--\r\n")
            .getBytes(StandardCharsets.UTF_8);
    String probe = probe();

    Response answer =
        sendBytes(
            "POST",
            "/api/v1/imports?" + probe,
            multipart,
            Map.of(
                "Authorization",
                "Bearer " + ada.token(),
                "Content-Type",
                "multipart/form-data; boundary=" + boundary),
            false);

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    var received = SERVICES.find(probe).orElseThrow();
    assertThat(received.body()).isEqualTo(multipart);
    assertThat(received.header("Content-Type")).contains(boundary);
  }

  @Test
  void allowedOriginGetsCorsHeadersAndOthersA403Problem() {
    Map<String, String> preflight =
        Map.of(
            "Origin", "https://app.example",
            "Access-Control-Request-Method", "POST",
            "Access-Control-Request-Headers", "authorization,content-type");

    Response allowed = send("OPTIONS", "/api/v1/sessions", null, preflight);
    Response denied =
        send(
            "OPTIONS",
            "/api/v1/sessions",
            null,
            Map.of("Origin", "https://evil.example", "Access-Control-Request-Method", "POST"));
    Response actual =
        send(
            "GET",
            "/api/v1/users/me",
            null,
            Map.of(
                "Origin",
                "https://app.example",
                "Authorization",
                "Bearer " + createUser("ada").token()));

    assertThat(allowed.status()).isEqualTo(200);
    assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example");
    assertThat(allowed.header("Access-Control-Allow-Methods")).contains("POST");
    Response patch =
        send(
            "OPTIONS",
            "/api/v1/focus-sessions/rest:a",
            null,
            Map.of("Origin", "https://app.example", "Access-Control-Request-Method", "PATCH"));
    assertThat(patch.status()).as(patch.body()).isEqualTo(200);
    assertThat(patch.header("Access-Control-Allow-Methods")).contains("PATCH");
    assertThat(denied.isProblem(403)).as(denied.body()).isTrue();
    assertThat(denied.header("Access-Control-Allow-Origin")).isNull();
    assertThat(actual.status()).isEqualTo(200);
    assertThat(actual.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example");
  }

  @Test
  void tooManyRequestsWithOneTokenAre429ProblemWithRetryAfterButOtherTokensGoOn() {
    TestUser ada = createUser("ada");
    TestUser bob = createUser("bob");

    Response limited = null;
    for (int i = 0; i < 500 && limited == null; i++) {
      Response answer = call("GET", "/api/v1/users/me", null, ada.token());
      if (answer.status() == 429) {
        limited = answer;
      } else {
        assertThat(answer.status()).isEqualTo(200);
      }
    }

    assertThat(limited).isNotNull();
    assertThat(limited.isProblem(429)).isTrue();
    assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
    assertThat(call("GET", "/api/v1/users/me", null, bob.token()).status()).isEqualTo(200);
  }
}
