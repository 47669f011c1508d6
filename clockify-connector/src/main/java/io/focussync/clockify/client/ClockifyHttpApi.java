package io.focussync.clockify.client;

import io.focussync.platform.time.TimestampReader;
import io.focussync.platform.web.RawResponse;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The Clockify REST client of one connection: every call goes through the workspace's retry,
 * circuit breaker and request limit ({@link PermitLog}; in that order, outermost first), and each
 * attempt is counted by operation and outcome. Calls are Spring {@link RestClient} exchanges on URI
 * templates ({@code /v1/workspaces/{workspaceId}/time-entries}), so the observed client's {@code
 * http.client.requests} metrics and spans name the template, never ids or keys.
 */
final class ClockifyHttpApi implements ClockifyApi {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(ClockifyHttpApi.class);

  /** The path template of the connection's workspace. */
  private static final String WORKSPACE = "/v1/workspaces/{workspaceId}";

  private final RestClient rest;
  private final ClockifyTarget target;
  private final ClockifyClientProperties properties;
  private final Retry retry;
  private final CircuitBreaker circuitBreaker;
  private final PermitLog permits;
  private final MeterRegistry meters;

  ClockifyHttpApi(
      RestClient rest,
      ClockifyTarget target,
      ClockifyClientProperties properties,
      Retry retry,
      CircuitBreaker circuitBreaker,
      PermitLog permits,
      MeterRegistry meters) {
    this.rest = rest;
    this.target = target;
    this.properties = properties;
    this.retry = retry;
    this.circuitBreaker = circuitBreaker;
    this.permits = permits;
    this.meters = meters;
  }

  @Override
  public ClockifyUser currentUser() {
    return ClockifyJson.user(read(call("get_user", "GET", "/v1/user", null, true)));
  }

  @Override
  public Optional<Tag> findTag(String name) {
    String path =
        WORKSPACE + "/tags?name={name}&strict-name-search=true&archived=false&page=1&page-size=50";
    JsonNode tags = read(call("find_tag", "GET", path, null, true, target.workspaceId(), name));
    List<Tag> found = new ArrayList<>();
    tags.forEach(node -> found.add(ClockifyJson.tag(node)));
    return found.stream().filter(tag -> name.equals(tag.name())).findFirst();
  }

  @Override
  public Tag createTag(String name) {
    return ClockifyJson.tag(
        read(
            call(
                "create_tag",
                "POST",
                WORKSPACE + "/tags",
                ClockifyJson.tagBody(name),
                true,
                target.workspaceId())));
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
                        WORKSPACE + "/projects/{projectId}",
                        null,
                        true,
                        target.workspaceId(),
                        projectId))));
  }

  @Override
  public TimeEntry createEntry(EntryBody body) {
    return ClockifyJson.entry(
        read(
            call(
                "create_entry",
                "POST",
                WORKSPACE + "/time-entries",
                ClockifyJson.entryBody(body),
                true,
                target.workspaceId())));
  }

  @Override
  public TimeEntry updateEntry(String entryId, EntryBody body) {
    return ClockifyJson.entry(
        read(
            call(
                "update_entry",
                "PUT",
                WORKSPACE + "/time-entries/{entryId}",
                ClockifyJson.entryBody(body),
                true,
                target.workspaceId(),
                entryId)));
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
                        WORKSPACE + "/time-entries/{entryId}",
                        null,
                        true,
                        target.workspaceId(),
                        entryId))));
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
    call(
        "delete_entry",
        "DELETE",
        WORKSPACE + "/time-entries/{entryId}",
        null,
        false,
        target.workspaceId(),
        entryId);
  }

  @Override
  public List<TimeEntry> listEntries(String userId, Instant from, Instant to, String tagId) {
    String path = WORKSPACE + "/user/{userId}/time-entries?start={start}&end={end}&";
    List<Object> vars =
        new ArrayList<>(
            List.of(target.workspaceId(), userId, Timestamps.format(from), Timestamps.format(to)));
    if (tagId != null) {
      path += "tags={tagId}&";
      vars.add(tagId);
    }
    return everyPage("list_entries", path, vars, ClockifyJson::entries);
  }

  @Override
  public Workspace workspace() {
    return ClockifyJson.workspace(
        read(call("get_workspace", "GET", WORKSPACE, null, true, target.workspaceId())));
  }

  @Override
  public List<Workspace> workspaces() {
    return ClockifyJson.workspaces(
        read(call("list_workspaces", "GET", "/v1/workspaces", null, true)));
  }

  @Override
  public List<Project> projects() {
    // Without "archived": Clockify lists archived and active projects alike.
    return everyPage(
        "list_projects",
        WORKSPACE + "/projects?",
        List.of(target.workspaceId()),
        ClockifyJson::projects);
  }

  /**
   * Every page of a listing ({@code page} from 1, {@code page-size} as configured) until Clockify
   * says {@code Last-Page: true} or a page comes back short.
   *
   * @param pathAndQuery the path template with its query so far, ending in {@code ?} or {@code &}
   * @param vars the values of its variables, in order
   */
  private <T> List<T> everyPage(
      String operation, String pathAndQuery, List<Object> vars, Function<JsonNode, List<T>> parse) {
    List<T> all = new ArrayList<>();
    String path = pathAndQuery + "page={page}&page-size={pageSize}";
    for (int page = 1; page < 1000; page++) {
      Object[] values = vars.toArray(new Object[vars.size() + 2]);
      values[vars.size()] = page;
      values[vars.size() + 1] = properties.pageSize();
      Reply reply = call(operation, "GET", path, null, true, values);
      List<T> items = parse.apply(read(reply));
      all.addAll(items);
      if (reply.lastPage() || items.size() < properties.pageSize()) {
        break;
      }
    }
    return all;
  }

  private static JsonNode read(Reply reply) {
    try {
      return ClockifyJson.read(reply.body());
    } catch (JacksonException e) {
      throw new ClockifyException(
          ClockifyException.Kind.EMPTY_RESPONSE, reply.status(), "unreadable answer", null, false);
    }
  }

  /**
   * One call through the workspace's resilience.
   *
   * @param path the URI template under the base URL, e.g. {@code /v1/workspaces/{workspaceId}}
   * @param vars the values of its variables, in order (encoded by the client)
   */
  private Reply call(
      String operation,
      String method,
      String path,
      String body,
      boolean needsBody,
      Object... vars) {
    Supplier<Reply> attempt =
        () -> {
          awaitPermit();
          return attempt(operation, method, path, vars, body, needsBody);
        };
    Supplier<Reply> decorated =
        Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(circuitBreaker, attempt));
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
    } catch (NoPermitInTime e) {
      count(operation, "rate_limit_wait_exceeded");
      Duration untilFree = permits.untilFree();
      throw new ClockifyException(
          ClockifyException.Kind.RATE_LIMITED,
          0,
          "no rate-limit permit in time for workspace " + target.workspaceId(),
          untilFree.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : untilFree,
          true);
    }
  }

  /**
   * Waits on this thread for the workspace's next permit, at most {@code max-permit-wait}; a later
   * permit sends the day back to wait off-thread instead.
   */
  private void awaitPermit() {
    Duration wait = permits.reserve(properties.maxPermitWait());
    if (wait.isNegative()) {
      throw new NoPermitInTime();
    }
    if (!wait.isZero()) {
      try {
        Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ClockifyException(ClockifyException.Kind.IO, 0, "interrupted", null, false);
      }
    }
  }

  /** The workspace's next permit would come later than {@code max-permit-wait}. */
  private static final class NoPermitInTime extends RuntimeException {

    NoPermitInTime() {
      super(null, null, false, false);
    }
  }

  private Reply attempt(
      String operation,
      String method,
      String template,
      Object[] vars,
      String body,
      boolean needsBody) {
    boolean idempotent = !"POST".equals(method);
    RawResponse response;
    try {
      RestClient.RequestBodySpec request =
          rest.method(HttpMethod.valueOf(method))
              .uri(target.baseUrl() + template, vars)
              .header("X-Api-Key", target.apiKey())
              .header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE);
      if (body != null) {
        request.contentType(MediaType.APPLICATION_JSON).body(body.getBytes(StandardCharsets.UTF_8));
      }
      response = RawResponse.exchange(request);
    } catch (ResourceAccessException e) {
      throw ioFailure(operation, e.getCause() == null ? e : e.getCause(), idempotent);
    }
    String path = response.path();
    int status = response.status();
    logCall(method, path, status);
    if (response.successful()) {
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
      boolean lastPage = "true".equalsIgnoreCase(response.header("Last-Page"));
      return new Reply(status, response.body(), lastPage);
    }
    String message = method + " " + path + " answered " + status;
    if (status == 429) {
      Duration retryAfter = retryAfter(response.header(HttpHeaders.RETRY_AFTER));
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

  /** A call that got no answer: what it means depends on how far it got. */
  private ClockifyException ioFailure(String operation, Throwable cause, boolean idempotent) {
    if (causedBy(cause, InterruptedException.class)) {
      return new ClockifyException(ClockifyException.Kind.IO, 0, "interrupted", null, false);
    }
    if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
      // Nothing reached Clockify: safe to send again whatever the method.
      return failure(
          operation, "io_error", ClockifyException.Kind.IO, 0, cause.toString(), null, true);
    }
    if (cause instanceof HttpTimeoutException) {
      return failure(
          operation, "timeout", ClockifyException.Kind.TIMEOUT, 0, "timed out", null, idempotent);
    }
    return failure(
        operation, "io_error", ClockifyException.Kind.IO, 0, cause.toString(), null, idempotent);
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
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
      log.debug("{} {} {}", method, path, status);
    } else {
      log.info("{} {} {}", method, path, status);
    }
  }

  static Duration retryAfter(String header) {
    return TimestampReader.retryAfter(header, Instant.now());
  }

  private record Reply(int status, String body, boolean lastPage) {}
}
