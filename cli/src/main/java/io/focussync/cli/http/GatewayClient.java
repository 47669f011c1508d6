package io.focussync.cli.http;

import io.focussync.cli.CliException;
import io.focussync.cli.ExitCodes;
import io.focussync.cli.config.Login;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The gateway's REST API with the login's bearer token. Answers come back as JSON trees; errors as
 * {@link ApiException} (problem+json) or {@link GatewayUnreachableException}. Idempotent calls are
 * retried on 429 and 503, after the Retry-After the gateway asks for.
 */
public final class GatewayClient {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(30);
  private static final int ATTEMPTS = 5;
  private static final long MAX_RETRY_AFTER_SECONDS = 30;
  private static final String USER_AGENT = "focussync-cli/0.1.0";

  private final Login login;
  private final HttpClient http;

  public GatewayClient(Login login) {
    this(
        login,
        HttpClient.newBuilder()
            // Tomcat behind the gateway speaks HTTP/1.1; an h2c upgrade would only cost a round
            // trip
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .build());
  }

  public GatewayClient(Login login, HttpClient http) {
    this.login = login;
    this.http = http;
  }

  /** {@code GET path?query}. */
  public JsonNode get(String path, Map<String, String> query) {
    return send(request(path + queryString(query)).GET(), REQUEST_TIMEOUT, true);
  }

  /** {@code POST path} with a JSON body; {@code idempotent} allows retries on 429/503. */
  public JsonNode post(String path, JsonNode body, boolean idempotent) {
    byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
    return post(path, bytes, idempotent);
  }

  /** {@code POST path} with JSON already serialized. */
  public JsonNode post(String path, byte[] json, boolean idempotent) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(json)),
        REQUEST_TIMEOUT,
        idempotent);
  }

  /** {@code PUT path} with a JSON body; {@code retry} allows retries on 429/503. */
  public JsonNode put(String path, JsonNode body, boolean retry) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body))),
        REQUEST_TIMEOUT,
        retry);
  }

  /** {@code DELETE path}. */
  public JsonNode delete(String path) {
    return send(request(path).DELETE(), REQUEST_TIMEOUT, true);
  }

  /** {@code POST path} as multipart/form-data (a file upload); imports are idempotent by id. */
  public JsonNode postMultipart(String path, MultipartBody body) {
    return send(
        request(path).header("Content-Type", body.contentType()).POST(body.publisher()),
        UPLOAD_TIMEOUT,
        true);
  }

  /** A path segment, percent-encoded. */
  public static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create(login.url() + pathAndQuery))
        .header("Authorization", "Bearer " + login.token())
        .header("Accept", "application/json, application/problem+json")
        .header("User-Agent", USER_AGENT);
  }

  private JsonNode send(HttpRequest.Builder builder, Duration timeout, boolean retry) {
    HttpRequest request = builder.timeout(timeout).build();
    for (int attempt = 1; ; attempt++) {
      HttpResponse<String> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new GatewayUnreachableException(login.url(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CliException(ExitCodes.FAILED, "interrupted", e);
      }
      int status = response.statusCode();
      if (status >= 200 && status < 300) {
        return parse(response.body());
      }
      if (retry && (status == 429 || status == 503) && attempt < ATTEMPTS) {
        pause(retryAfter(response, attempt));
        continue;
      }
      throw new ApiException(Problem.parse(status, response.body()));
    }
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return Json.MAPPER.createObjectNode();
    }
    try {
      return Json.MAPPER.readTree(body);
    } catch (JacksonException e) {
      throw new CliException(
          ExitCodes.FAILED, "The gateway answered something that is not JSON: " + e.getMessage());
    }
  }

  private static Duration retryAfter(HttpResponse<?> response, int attempt) {
    long seconds =
        response
            .headers()
            .firstValue("Retry-After")
            .map(
                value -> {
                  try {
                    return Long.parseLong(value.trim());
                  } catch (NumberFormatException e) {
                    return (long) attempt;
                  }
                })
            .orElse((long) attempt);
    return Duration.ofSeconds(Math.max(1, Math.min(MAX_RETRY_AFTER_SECONDS, seconds)));
  }

  private static void pause(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(ExitCodes.FAILED, "interrupted", e);
    }
  }

  private static String queryString(Map<String, String> query) {
    if (query.isEmpty()) {
      return "";
    }
    StringJoiner joined = new StringJoiner("&", "?", "");
    query.forEach(
        (name, value) ->
            joined.add(
                URLEncoder.encode(name, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return joined.toString();
  }
}
