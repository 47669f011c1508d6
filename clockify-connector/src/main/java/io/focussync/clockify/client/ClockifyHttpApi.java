package io.focussync.clockify.client;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import io.github.resilience4j.retry.Retry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The Clockify REST client of one connection: every call goes through the workspace's retry,
 * circuit breaker and rate limiter (in that order, outermost first), and each attempt is counted by
 * operation and outcome.
 */
final class ClockifyHttpApi implements ClockifyApi {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(ClockifyHttpApi.class);

  private final HttpClient http;
  private final ClockifyTarget target;
  private final ClockifyClientProperties properties;
  private final Retry retry;
  private final CircuitBreaker circuitBreaker;
  private final RateLimiter rateLimiter;
  private final MeterRegistry meters;

  ClockifyHttpApi(
      HttpClient http,
      ClockifyTarget target,
      ClockifyClientProperties properties,
      Retry retry,
      CircuitBreaker circuitBreaker,
      RateLimiter rateLimiter,
      MeterRegistry meters) {
    this.http = http;
    this.target = target;
    this.properties = properties;
    this.retry = retry;
    this.circuitBreaker = circuitBreaker;
    this.rateLimiter = rateLimiter;
    this.meters = meters;
  }

  @Override
  public ClockifyUser currentUser() {
    return ClockifyJson.user(read(call("get_user", "GET", "/v1/user", null, true)));
  }

  @Override
  public Optional<Tag> findTag(String name) {
    String path =
        workspacePath("/tags")
            + "?name="
            + encode(name)
            + "&strict-name-search=true&archived=false&page=1&page-size=50";
    JsonNode tags = read(call("find_tag", "GET", path, null, true));
    List<Tag> found = new ArrayList<>();
    tags.forEach(node -> found.add(ClockifyJson.tag(node)));
    return found.stream().filter(tag -> name.equals(tag.name())).findFirst();
  }

  @Override
  public Tag createTag(String name) {
    return ClockifyJson.tag(
        read(call("create_tag", "POST", workspacePath("/tags"), ClockifyJson.tagBody(name), true)));
  }

  @Override
  public Optional<Project> project(String projectId) {
    // Clockify answers 400 "Project doesn't belong to Workspace" for deleted/foreign projects.
    return found(
        () ->
            ClockifyJson.project(
                read(
                    call(
                        "get_project",
                        "GET",
                        workspacePath("/projects/" + encode(projectId)),
                        null,
                        true))));
  }

  @Override
  public TimeEntry createEntry(EntryBody body) {
    return ClockifyJson.entry(
        read(
            call(
                "create_entry",
                "POST",
                workspacePath("/time-entries"),
                ClockifyJson.entryBody(body),
                true)));
  }

  @Override
  public TimeEntry updateEntry(String entryId, EntryBody body) {
    return ClockifyJson.entry(
        read(
            call(
                "update_entry",
                "PUT",
                workspacePath("/time-entries/" + encode(entryId)),
                ClockifyJson.entryBody(body),
                true)));
  }

  @Override
  public Optional<TimeEntry> getEntry(String entryId) {
    return found(
        () ->
            ClockifyJson.entry(
                read(
                    call(
                        "get_entry",
                        "GET",
                        workspacePath("/time-entries/" + encode(entryId)),
                        null,
                        true))));
  }

  /** The thing a GET reads, or empty when Clockify says it is not there (400 or 404). */
  private static <T> Optional<T> found(Supplier<T> get) {
    try {
      return Optional.of(get.get());
    } catch (ClockifyException e) {
      if (e.kind() == ClockifyException.Kind.BAD_REQUEST
          || e.kind() == ClockifyException.Kind.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public void deleteEntry(String entryId) {
    call("delete_entry", "DELETE", workspacePath("/time-entries/" + encode(entryId)), null, false);
  }

  @Override
  public List<TimeEntry> listEntries(String userId, Instant from, Instant to, String tagId) {
    StringBuilder path =
        new StringBuilder(workspacePath("/user/" + encode(userId) + "/time-entries"))
            .append("?start=")
            .append(encode(Timestamps.format(from)))
            .append("&end=")
            .append(encode(Timestamps.format(to)));
    if (tagId != null) {
      path.append("&tags=").append(encode(tagId));
    }
    return everyPage("list_entries", path.append('&').toString(), ClockifyJson::entries);
  }

  @Override
  public Workspace workspace() {
    return ClockifyJson.workspace(
        read(call("get_workspace", "GET", workspacePath(""), null, true)));
  }

  @Override
  public List<Workspace> workspaces() {
    return ClockifyJson.workspaces(
        read(call("list_workspaces", "GET", "/v1/workspaces", null, true)));
  }

  @Override
  public List<Project> projects() {
    // Without "archived": Clockify lists archived and active projects alike.
    return everyPage("list_projects", workspacePath("/projects") + "?", ClockifyJson::projects);
  }

  /**
   * Every page of a listing ({@code page} from 1, {@code page-size} as configured) until Clockify
   * says {@code Last-Page: true} or a page comes back short.
   *
   * @param pathAndQuery the path with its query so far, ending in {@code ?} or {@code &}
   */
  private <T> List<T> everyPage(
      String operation, String pathAndQuery, Function<JsonNode, List<T>> parse) {
    List<T> all = new ArrayList<>();
    for (int page = 1; page < 1000; page++) {
      String path = pathAndQuery + "page=" + page + "&page-size=" + properties.pageSize();
      Reply reply = callReply(operation, "GET", path, null, true);
      List<T> items = parse.apply(read(reply));
      all.addAll(items);
      if (reply.lastPage() || items.size() < properties.pageSize()) {
        break;
      }
    }
    return all;
  }

  private String workspacePath(String rest) {
    return "/v1/workspaces/" + encode(target.workspaceId()) + rest;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static JsonNode read(Reply reply) {
    try {
      return ClockifyJson.read(reply.body());
    } catch (JacksonException e) {
      throw new ClockifyException(
          ClockifyException.Kind.EMPTY_RESPONSE, reply.status(), "unreadable answer", null, false);
    }
  }

  private Reply call(String operation, String method, String path, String body, boolean needsBody) {
    return callReply(operation, method, path, body, needsBody);
  }

  private Reply callReply(
      String operation, String method, String path, String body, boolean needsBody) {
    Supplier<Reply> attempt = () -> attempt(operation, method, path, body, needsBody);
    Supplier<Reply> decorated =
        Retry.decorateSupplier(
            retry,
            CircuitBreaker.decorateSupplier(
                circuitBreaker, RateLimiter.decorateSupplier(rateLimiter, attempt)));
    try {
      return decorated.get();
    } catch (CallNotPermittedException e) {
      count(operation, "circuit_open");
      throw new ClockifyException(
          ClockifyException.Kind.CIRCUIT_OPEN,
          0,
          "circuit open for workspace " + target.workspaceId(),
          null,
          false);
    } catch (RequestNotPermitted e) {
      count(operation, "rate_limit_wait_exceeded");
      throw new ClockifyException(
          ClockifyException.Kind.RATE_LIMITED,
          0,
          "no rate-limit permit in time for workspace " + target.workspaceId(),
          untilNextPermit(),
          true);
    }
  }

  /** How long until the workspace's limiter has a permit again (the day waits off-thread). */
  private Duration untilNextPermit() {
    if (rateLimiter instanceof AtomicRateLimiter atomic) {
      return Duration.ofNanos(Math.max(atomic.getDetailedMetrics().getNanosToWait(), 1_000_000));
    }
    return properties.ratePeriod();
  }

  private Reply attempt(
      String operation, String method, String path, String body, boolean needsBody) {
    boolean idempotent = !"POST".equals(method);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(target.baseUrl() + path))
            .timeout(properties.requestTimeout())
            .header("X-Api-Key", target.apiKey())
            .header("Accept", "application/json");
    if (body != null) {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpConnectTimeoutException | ConnectException e) {
      // Nothing reached Clockify: safe to send again whatever the method.
      throw failure(operation, "io_error", ClockifyException.Kind.IO, 0, e.toString(), null, true);
    } catch (HttpTimeoutException e) {
      throw failure(
          operation, "timeout", ClockifyException.Kind.TIMEOUT, 0, "timed out", null, idempotent);
    } catch (IOException e) {
      throw failure(
          operation, "io_error", ClockifyException.Kind.IO, 0, e.toString(), null, idempotent);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClockifyException(ClockifyException.Kind.IO, 0, "interrupted", null, false);
    }
    int status = response.statusCode();
    logCall(method, path, status);
    if (status >= 200 && status < 300) {
      if (needsBody && response.body().isBlank()) {
        throw failure(
            operation,
            "empty_response",
            ClockifyException.Kind.EMPTY_RESPONSE,
            status,
            "empty answer",
            null,
            idempotent);
      }
      count(operation, "success");
      boolean lastPage =
          response.headers().firstValue("Last-Page").map("true"::equalsIgnoreCase).orElse(false);
      return new Reply(status, response.body(), lastPage);
    }
    String message = method + " " + stripQuery(path) + " answered " + status;
    if (status == 429) {
      Duration retryAfter = retryAfter(response.headers().firstValue("Retry-After").orElse(null));
      throw failure(
          operation,
          "rate_limited",
          ClockifyException.Kind.RATE_LIMITED,
          status,
          message,
          retryAfter,
          idempotent);
    }
    if (status >= 500) {
      throw failure(
          operation,
          "server_error",
          ClockifyException.Kind.SERVER_ERROR,
          status,
          message,
          null,
          idempotent);
    }
    throw failure(operation, "client_error", clientKind(status), status, message, null, false);
  }

  private static ClockifyException.Kind clientKind(int status) {
    switch (status) {
      case 400:
        return ClockifyException.Kind.BAD_REQUEST;
      case 401:
        return ClockifyException.Kind.UNAUTHORIZED;
      case 403:
        return ClockifyException.Kind.FORBIDDEN;
      case 404:
        return ClockifyException.Kind.NOT_FOUND;
      default:
        return ClockifyException.Kind.REJECTED;
    }
  }

  private ClockifyException failure(
      String operation,
      String outcome,
      ClockifyException.Kind kind,
      int status,
      String message,
      Duration retryAfter,
      boolean retrySafe) {
    count(operation, outcome);
    return new ClockifyException(kind, status, message, retryAfter, retrySafe);
  }

  private void count(String operation, String outcome) {
    Counter.builder("focussync.clockify.calls")
        .description("Clockify HTTP attempts by operation and outcome")
        .tag("operation", operation)
        .tag("outcome", outcome)
        .register(meters)
        .increment();
  }

  /** One line per call (writes at INFO, reads at DEBUG): method, path without query, status. */
  private static void logCall(String method, String path, int status) {
    if ("GET".equals(method)) {
      log.debug("{} {} {}", method, stripQuery(path), status);
    } else {
      log.info("{} {} {}", method, stripQuery(path), status);
    }
  }

  private static String stripQuery(String path) {
    int query = path.indexOf('?');
    return query < 0 ? path : path.substring(0, query);
  }

  static Duration retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
    } catch (NumberFormatException e) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration until = Duration.between(Instant.now(), at.toInstant());
        return until.isNegative() ? Duration.ZERO : until;
      } catch (RuntimeException unparseable) {
        return null;
      }
    }
  }

  private record Reply(int status, String body, boolean lastPage) {}
}
