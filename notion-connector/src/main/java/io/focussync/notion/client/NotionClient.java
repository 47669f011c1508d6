package io.focussync.notion.client;

import io.focussync.notion.mapping.NotionPage;
import io.focussync.platform.time.TimestampReader;
import io.focussync.platform.web.BlockingJdkRequests;
import io.focussync.platform.web.RawResponse;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A thin client of Notion's API at {@code Notion-Version 2025-09-03}: a Resilience4j rate limiter
 * per integration token, retries that wait Notion's {@code Retry-After} on 429/529 and back off on
 * 5xx, 409 and I/O failures. Every call it makes is a read or an idempotent PATCH, so all of them
 * may be repeated. Calls are Spring {@link RestClient} exchanges over the JDK client on URI
 * templates ({@code /v1/pages/{pageId}}), so an observed builder's {@code http.client.requests}
 * metrics and spans name the template, never ids or tokens.
 */
public class NotionClient {

  /** The API version the connector is written against. */
  public static final String NOTION_VERSION = "2025-09-03";

  private static final Logger log = LoggerFactory.getLogger(NotionClient.class);
  private static final int PAGE_SIZE = 100;

  private final RestClient rest;
  private final JsonMapper json = JsonMapper.builder().build();
  private final ClientProperties properties;
  private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();
  private final Retry retry;

  /** A client on a plain, unobserved RestClient (tests without Spring). */
  public NotionClient(ClientProperties properties) {
    this(properties, RestClient.builder());
  }

  /** A client built on the given (e.g. Boot's observed) RestClient builder. */
  public NotionClient(ClientProperties properties, RestClient.Builder restClients) {
    this.properties = properties;
    this.rest =
        restClients
            .requestFactory(BlockingJdkRequests.of(Duration.ofSeconds(10), properties.timeout()))
            .build();
    this.retry =
        Retry.of(
            "notion",
            RetryConfig.<JsonNode>custom()
                .maxAttempts(properties.maxAttempts())
                .retryOnException(NotionClient::retryable)
                .intervalBiFunction(interval())
                .build());
  }

  /** The data sources of a database: {@code GET /v1/databases/{id}}. */
  public List<String> dataSourceIds(NotionAccess access, String databaseId) {
    JsonNode database = call(access, "GET", "/v1/databases/{databaseId}", null, databaseId);
    List<String> ids = new ArrayList<>();
    for (JsonNode source : database.path("data_sources")) {
      String id = NotionJson.text(source.path("id"));
      if (id != null) {
        ids.add(id);
      }
    }
    return ids;
  }

  /** The property schema of a data source: {@code GET /v1/data_sources/{id}}. */
  public DataSourceSchema dataSource(NotionAccess access, String dataSourceId) {
    JsonNode source = call(access, "GET", "/v1/data_sources/{dataSourceId}", null, dataSourceId);
    Map<String, String> types = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> property : source.path("properties").properties()) {
      String type = NotionJson.text(property.getValue().path("type"));
      types.put(property.getKey(), type == null ? "unknown" : type);
    }
    return new DataSourceSchema(dataSourceId, types);
  }

  /** The integration's own bot user id: {@code GET /v1/users/me}. */
  public String botUserId(NotionAccess access) {
    return NotionJson.text(call(access, "GET", "/v1/users/me", null).path("id"));
  }

  /**
   * One result page of the pages edited on or after a time (all pages when null), oldest edit
   * first: {@code POST /v1/data_sources/{id}/query}.
   */
  public QueryResult query(
      NotionAccess access, String dataSourceId, Instant editedOnOrAfter, String cursor) {
    ObjectNode body = json.createObjectNode();
    if (editedOnOrAfter != null) {
      ObjectNode filter = body.putObject("filter");
      filter.put("timestamp", "last_edited_time");
      filter.putObject("last_edited_time").put("on_or_after", editedOnOrAfter.toString());
    }
    ArrayNode sorts = body.putArray("sorts");
    sorts.addObject().put("timestamp", "last_edited_time").put("direction", "ascending");
    body.put("page_size", PAGE_SIZE);
    if (cursor != null) {
      body.put("start_cursor", cursor);
    }
    JsonNode answer =
        call(access, "POST", "/v1/data_sources/{dataSourceId}/query", body, dataSourceId);
    List<NotionPage> pages = new ArrayList<>();
    List<String> partial = new ArrayList<>();
    for (JsonNode result : answer.path("results")) {
      if (!"page".equals(NotionJson.text(result.path("object")))) {
        continue;
      }
      NotionPage page = NotionJson.page(result);
      if (page == null) {
        partial.add(NotionJson.text(result.path("id")));
      } else {
        pages.add(page);
      }
    }
    return new QueryResult(
        pages,
        partial,
        answer.path("has_more").asBoolean(false),
        NotionJson.text(answer.path("next_cursor")),
        "incomplete".equals(NotionJson.text(answer.path("request_status").path("type"))));
  }

  /** A page (also a trashed one): {@code GET /v1/pages/{id}}. */
  public NotionPage page(NotionAccess access, String pageId) {
    return NotionJson.page(call(access, "GET", "/v1/pages/{pageId}", null, pageId));
  }

  /** Sets property values of a page: {@code PATCH /v1/pages/{id}}; returns the updated page. */
  public NotionPage update(NotionAccess access, String pageId, PagePatch patch) {
    ObjectNode body = json.createObjectNode();
    ObjectNode values = body.putObject("properties");
    patch
        .values()
        .forEach(
            (name, value) -> {
              ObjectNode property = values.putObject(name);
              switch (value.type()) {
                case "checkbox" -> property.put("checkbox", (Boolean) value.value());
                case "url" -> property.put("url", (String) value.value());
                case "rich_text" ->
                    property
                        .putArray("rich_text")
                        .addObject()
                        .put("type", "text")
                        .putObject("text")
                        .put("content", (String) value.value());
                case "date" -> property.putObject("date").put("start", value.value().toString());
                default -> throw new IllegalArgumentException("unsupported type " + value.type());
              }
            });
    return NotionJson.page(call(access, "PATCH", "/v1/pages/{pageId}", body, pageId));
  }

  /**
   * One call through the token's rate limiter and the retries.
   *
   * @param path the URI template under the base URL, e.g. {@code /v1/pages/{pageId}}
   * @param vars the values of its variables, in order
   */
  private JsonNode call(
      NotionAccess access, String method, String path, JsonNode body, Object... vars) {
    RateLimiter limiter = limiters.computeIfAbsent(tokenKey(access.token()), this::newLimiter);
    try {
      return retry.executeCheckedSupplier(
          () -> {
            RateLimiter.waitForPermission(limiter);
            return send(access, method, path, body, vars);
          });
    } catch (NotionApiException e) {
      throw e;
    } catch (Throwable e) {
      throw new NotionApiException(0, "io_error", "Notion call failed: " + e.getMessage(), null);
    }
  }

  private JsonNode send(
      NotionAccess access, String method, String path, JsonNode body, Object[] vars) {
    RawResponse response;
    try {
      RestClient.RequestBodySpec request =
          rest.method(HttpMethod.valueOf(method))
              .uri(stripSlash(access.baseUrl()) + path, vars)
              .header(HttpHeaders.AUTHORIZATION, "Bearer " + access.token())
              .header("Notion-Version", NOTION_VERSION)
              .header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE);
      if (body != null) {
        request
            .contentType(MediaType.APPLICATION_JSON)
            .body(json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
      }
      response = RawResponse.exchange(request);
    } catch (ResourceAccessException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause.getCause() instanceof InterruptedException) {
        throw new NotionApiException(0, "interrupted", "interrupted", null);
      }
      throw new NotionApiException(
          0, "io_error", "Notion unreachable: " + cause.getMessage(), null);
    }
    if (response.successful()) {
      return json.readTree(response.body());
    }
    throw error(response);
  }

  private NotionApiException error(RawResponse response) {
    String code = "http_" + response.status();
    String message = "Notion answered " + response.status();
    try {
      JsonNode problem = json.readTree(response.body());
      code = NotionJson.text(problem.path("code")) == null ? code : problem.path("code").asString();
      if (NotionJson.text(problem.path("message")) != null) {
        message = problem.path("message").asString();
      }
    } catch (RuntimeException unreadable) {
      // not JSON: keep the status as the message
    }
    String retryAfterHeader = response.header(HttpHeaders.RETRY_AFTER);
    Duration retryAfter = retryAfterHeader == null ? null : retryAfter(retryAfterHeader);
    return new NotionApiException(response.status(), code, message, retryAfter);
  }

  static Duration retryAfter(String header) {
    return TimestampReader.retryAfter(header, Instant.now());
  }

  private static boolean retryable(Throwable e) {
    return e instanceof NotionApiException api && (api.isThrottled() || api.isTransient());
  }

  private IntervalBiFunction<JsonNode> interval() {
    return (attempt, outcome) -> {
      Throwable failure = outcome.isLeft() ? outcome.getLeft() : null;
      if (failure instanceof NotionApiException api && api.retryAfter() != null) {
        if (api.retryAfter().compareTo(properties.maxRetryAfter()) > 0) {
          log.warn("Notion asked to wait {}: longer than we wait in place", api.retryAfter());
        }
        long wait = Math.min(api.retryAfter().toMillis(), properties.maxRetryAfter().toMillis());
        log.info("Notion answered {}, retrying after {} ms", api.status(), wait);
        return Math.max(wait, 1);
      }
      long base = properties.backoff().toMillis() << Math.min(attempt - 1, 6);
      return base + ThreadLocalRandom.current().nextLong(Math.max(1, base / 2));
    };
  }

  private RateLimiter newLimiter(String key) {
    return RateLimiter.of(
        "notion-" + key,
        RateLimiterConfig.custom()
            .limitForPeriod(properties.requestsPerSecond())
            .limitRefreshPeriod(Duration.ofSeconds(1))
            .timeoutDuration(Duration.ofMinutes(2))
            .build());
  }

  private static String tokenKey(String token) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String stripSlash(String baseUrl) {
    return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }
}
