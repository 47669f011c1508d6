package io.focussync.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The platform's error handling on a real Tomcat, for every place a malformed request can surface:
 * a controller reading a query string with broken percent-encoding, a filter reading it, Tomcat
 * rejecting the request line, URI or headers before Spring, a method Tomcat refuses. Each is a 4xx
 * problem+json, whatever the Accept header; a real fault of the server stays a 500.
 */
@SpringBootTest(
    classes = MalformedRequestsTest.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "focussync.internal-auth.key=platform-test-key-0123456789")
class MalformedRequestsTest {

  @LocalServerPort int port;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/t/days?from=%E2%82&to=%E2%82",
        "/t/days?from=%zz&to=2026-01-01",
        "/t/days?from=%&to=%",
        "/t/days?from=%C0%AE&to=x",
        "/t/filtered?x=%E2%82"
      })
  void aQueryStringWithBrokenPercentEncodingIsA400Problem(String target) {
    Answer answer = send("GET " + target + " HTTP/1.1");

    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.isProblem()).as(answer.toString()).isTrue();
    assertThat(answer.body()).contains("https://focussync.io/problems/bad-request");
  }

  @Test
  void tooManyParametersAreA400Problem() {
    Answer answer = send("GET /t/days?" + "a=1&".repeat(1100) + " HTTP/1.1");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.isProblem()).isTrue();
  }

  @Test
  void aFormBodyWithBrokenPercentEncodingIsA400Problem() {
    Answer answer =
        send(
            "POST /t/days HTTP/1.1",
            "a=%zz&from=%E2%82",
            "Content-Type: application/x-www-form-urlencoded");

    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.isProblem()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "GET /t/%zz HTTP/1.1",
        "GET /t/% HTTP/1.1",
        "GET /t/%E2%82 HTTP/1.1",
        "GET /t/%C0%AF HTTP/1.1",
        "GET /t/%00 HTTP/1.1",
        "GET /t/a%2Fb HTTP/1.1",
        "GET /t/../../etc HTTP/1.1",
        "GET /t/a|b HTTP/1.1",
        "GET /t/{x} HTTP/1.1",
        "G(T /t/days HTTP/1.1",
        "GET /t/days HTTP/9.9",
        "GET * HTTP/1.1"
      })
  void whatTomcatRejectsBeforeSpringIsA400Problem(String requestLine) {
    Answer answer = send(requestLine);

    assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
    assertThat(answer.isProblem()).as(answer.toString()).isTrue();
  }

  @Test
  void malformedHeadersAreA400Problem() {
    Answer huge = send("GET /t/days HTTP/1.1", null, "X-Big: " + "b".repeat(20_000));
    Answer badName = send("GET /t/days HTTP/1.1", null, "X Bad: y");

    assertThat(huge.status()).isEqualTo(400);
    assertThat(huge.isProblem()).as(huge.toString()).isTrue();
    assertThat(badName.status()).isEqualTo(400);
    assertThat(badName.isProblem()).as(badName.toString()).isTrue();
  }

  @Test
  void traceIsA405Problem() {
    Answer answer = send("TRACE /t/days HTTP/1.1");

    assertThat(answer.status()).isEqualTo(405);
    assertThat(answer.isProblem()).as(answer.toString()).isTrue();
  }

  @Test
  void aBodyWithBrokenChunkedFramingIsA400Problem() {
    Answer answer =
        sendRaw(
            "POST /t/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n");

    assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
    assertThat(answer.isProblem()).as(answer.toString()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"text/html", "application/xml", ";;;", "image/png"})
  void problemsAreProblemJsonWhateverTheAcceptHeader(String accept) {
    Answer invalid = send("GET /t/days?from=%E2%82 HTTP/1.1", null, "Accept: " + accept);
    Answer unreadable =
        send(
            "POST /t/echo HTTP/1.1",
            "{\"a\":",
            "Accept: " + accept,
            "Content-Type: application/json");
    Answer fault = send("GET /t/fault HTTP/1.1", null, "Accept: " + accept);

    assertThat(invalid.status()).as(invalid.toString()).isEqualTo(400);
    assertThat(invalid.isProblem()).as(invalid.toString()).isTrue();
    assertThat(unreadable.status()).as(unreadable.toString()).isEqualTo(400);
    assertThat(unreadable.isProblem()).as(unreadable.toString()).isTrue();
    assertThat(fault.status()).as(fault.toString()).isEqualTo(500);
    assertThat(fault.isProblem()).as(fault.toString()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"*/*", "application/*", ";;;", "application/json, text/plain", "x"})
  void aContentTypeThatIsNoConcreteMediaTypeIsA415Problem(String type) {
    Answer answer = send("POST /t/echo HTTP/1.1", "{}", "Content-Type: " + type);

    assertThat(answer.status()).as(answer.toString()).isEqualTo(415);
    assertThat(answer.isProblem()).as(answer.toString()).isTrue();
  }

  @Test
  void anAnswerTheClientDoesNotAcceptIsA406Problem() {
    Answer answer = send("GET /t/json HTTP/1.1", null, "Accept: image/png");

    assertThat(answer.status()).as(answer.toString()).isEqualTo(406);
    assertThat(answer.isProblem()).as(answer.toString()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"image/png", "application/json;q=0", ";;;", "text/html"})
  void errorDispatchesAreProblemJsonWhateverTheAcceptHeader(String accept) {
    for (String requestLine :
        List.of(
            "TRACE /t/days HTTP/1.1",
            "GET /t/filter-fault HTTP/1.1",
            "get /t/days HTTP/1.1",
            "GET /nothing-here HTTP/1.1")) {
      Answer answer =
          send(
              requestLine,
              null,
              "Accept: " + accept,
              "If-None-Match: *",
              "Content-Type: application/json; charset=");

      if (answer.status() >= 400) {
        assertThat(answer.isProblem()).as(requestLine + " " + answer).isTrue();
      }
    }
  }

  @Test
  void anErrorAnsweredWithoutABodyGetsItsProblemBody() {
    Answer bare = send("GET /t/bare HTTP/1.1");
    Answer form =
        send("PUT /t/days HTTP/1.1", "a=%zz", "Content-Type: application/x-www-form-urlencoded");

    assertThat(bare.status()).isEqualTo(404);
    assertThat(bare.isProblem()).as(bare.toString()).isTrue();
    assertThat(form.status()).as(form.toString()).isEqualTo(400);
    assertThat(form.isProblem()).as(form.toString()).isTrue();
  }

  @Test
  void aRealFaultOfTheServerStaysA500WithoutInternals() {
    Answer inController = send("GET /t/fault HTTP/1.1");
    Answer inFilter = send("GET /t/filter-fault HTTP/1.1");

    assertThat(inController.status()).isEqualTo(500);
    assertThat(inController.isProblem()).as(inController.toString()).isTrue();
    assertThat(inController.body()).doesNotContain("boom");
    assertThat(inFilter.status()).isEqualTo(500);
    assertThat(inFilter.isProblem()).as(inFilter.toString()).isTrue();
    assertThat(inFilter.body()).doesNotContain("boom");
  }

  @Test
  void aValidRequestIsStillAnswered() {
    Answer answer = send("GET /t/days?from=2026-01-01&to=2026-01-02 HTTP/1.1");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("2026-01-01..2026-01-02");
  }

  // ---- a raw HTTP/1.1 exchange: these requests are beyond what HTTP clients agree to send ----

  record Answer(int status, String head, String body) {
    boolean isProblem() {
      return head.toLowerCase().contains("content-type: application/problem+json")
          && body.contains("\"status\":" + status)
          && body.contains("\"type\":\"https://focussync.io/problems/")
          && !body.contains("Exception");
    }
  }

  private Answer send(String requestLine, String body, String... headers) {
    StringBuilder request = new StringBuilder(requestLine).append("\r\nHost: 127.0.0.1\r\n");
    for (String header : headers) {
      request.append(header).append("\r\n");
    }
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    if (body != null) {
      request.append("Content-Length: ").append(bytes.length).append("\r\n");
    }
    request.append("Connection: close\r\n\r\n");
    return sendRaw(request + (body == null ? "" : body));
  }

  private Answer send(String requestLine) {
    return send(requestLine, null);
  }

  private Answer sendRaw(String request) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      socket.shutdownOutput();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      String text = all.toString(StandardCharsets.UTF_8);
      int split = text.indexOf("\r\n\r\n");
      String head = text.substring(0, split);
      String body = text.substring(split + 4);
      if (head.toLowerCase().contains("transfer-encoding: chunked")) {
        body = dechunk(body);
      }
      return new Answer(Integer.parseInt(head.split(" ")[1]), head, body);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String dechunk(String chunked) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (true) {
      int lineEnd = chunked.indexOf("\r\n", at);
      int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
      if (size == 0) {
        return out.toString();
      }
      out.append(chunked, lineEnd + 2, lineEnd + 2 + size);
      at = lineEnd + 2 + size + 2;
    }
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {

    @Bean
    TestController testController() {
      return new TestController();
    }

    /** A filter that reads the parameters before MVC, as some filters do. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> parameterReadingFilter() {
      return new FilterRegistrationBean<>(
          new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(
                HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
              if (request.getRequestURI().equals("/t/filtered")) {
                request.getParameter("x");
              }
              if (request.getRequestURI().equals("/t/filter-fault")) {
                throw new IllegalStateException("boom in a filter");
              }
              chain.doFilter(request, response);
            }
          });
    }
  }

  @RestController
  static class TestController {

    @GetMapping("/t/days")
    String days(@RequestParam String from, @RequestParam String to) {
      return from + ".." + to;
    }

    @org.springframework.web.bind.annotation.PostMapping("/t/days")
    String postDays(@RequestParam Map<String, String> parameters) {
      return parameters.toString();
    }

    @GetMapping("/t/bare")
    org.springframework.http.ResponseEntity<Void> bare() {
      return org.springframework.http.ResponseEntity.notFound().build();
    }

    @org.springframework.web.bind.annotation.PutMapping("/t/days")
    String putDays(@RequestParam Map<String, String> parameters) {
      return parameters.toString();
    }

    @GetMapping("/t/filtered")
    String filtered() {
      return "ok";
    }

    @GetMapping(value = "/t/json", produces = "application/json")
    Map<String, String> json() {
      return Map.of("a", "b");
    }

    @GetMapping("/t/fault")
    String fault() {
      throw new IllegalStateException("boom");
    }

    @PostMapping("/t/echo")
    Map<String, Object> echo(@RequestBody Map<String, Object> body) {
      return body;
    }
  }
}
