package io.focussync.clockify.projects;

import io.focussync.clockify.client.ClockifyApi;
import io.focussync.clockify.client.ClockifyException;
import io.focussync.clockify.connection.Connection;
import io.focussync.clockify.connection.ConnectionService;
import io.focussync.platform.web.FieldProblem;
import io.focussync.platform.web.InvalidInputException;
import io.focussync.platform.web.NotFoundException;
import io.focussync.platform.web.ServiceUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/**
 * A user's Clockify projects (archived ones too) and workspaces, read through the user's connection
 * and kept for a while per workspace and user: Clockify shows each member the projects they may
 * see. A connection saved again reads afresh.
 */
@Service
public class ClockifyCatalog {

  private static final int REMEMBERED_LISTS = 10_000;
  private static final Duration UNREACHABLE_RETRY = Duration.ofSeconds(30);

  private final ConnectionService connections;
  private final ProjectsProperties properties;
  private final Clock clock;
  private final Map<String, Read> cache =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Read> eldest) {
              return size() > REMEMBERED_LISTS;
            }
          });

  public ClockifyCatalog(
      ConnectionService connections, ProjectsProperties properties, Clock clock) {
    this.connections = connections;
    this.properties = properties;
    this.clock = clock;
  }

  /** The projects of the connection's workspace. */
  public List<ProjectView> projects(String userId, boolean refresh) {
    return read(
        userId,
        "projects",
        refresh,
        api ->
            api.projects().stream()
                .map(
                    p -> new ProjectView(p.id(), p.name(), p.clientName(), p.color(), p.archived()))
                .toList());
  }

  /** The workspaces the connection's key may use. */
  public List<WorkspaceView> workspaces(String userId, boolean refresh) {
    return read(
        userId,
        "workspaces",
        refresh,
        api -> api.workspaces().stream().map(w -> new WorkspaceView(w.id(), w.name())).toList());
  }

  /** A project as the API shows it. */
  public record ProjectView(
      String id, String name, String clientName, String color, boolean archived) {}

  /** A workspace as the API shows it. */
  public record WorkspaceView(String id, String name) {}

  @SuppressWarnings("unchecked")
  private <T> List<T> read(
      String userId, String what, boolean refresh, Function<ClockifyApi, List<T>> call) {
    Connection connection =
        connections
            .find(userId)
            .orElseThrow(() -> new NotFoundException("No Clockify connection."));
    // A connection saved again (another key, base URL or workspace) has another updatedAt.
    String key =
        what + "|" + connection.workspaceId() + "|" + userId + "|" + connection.updatedAt();
    Instant now = clock.instant();
    Read cached = cache.get(key);
    if (!refresh && cached != null && cached.until().isAfter(now)) {
      return (List<T>) cached.items();
    }
    List<T> items = List.copyOf(call(connection, call));
    cache.put(key, new Read(items, now.plus(properties.cacheFor())));
    return items;
  }

  private <T> T call(Connection connection, Function<ClockifyApi, T> call) {
    if (!connection.usable()) {
      throw conflict("needs attention: " + connection.attention());
    }
    ClockifyApi api =
        connections
            .readerFor(connection)
            .orElseThrow(
                () ->
                    conflict(
                        "is a dry run without an API key: reading Clockify's projects and"
                            + " workspaces needs an API key (save the connection with one)"));
    try {
      return call.apply(api);
    } catch (ClockifyException e) {
      if (e.isTransient()) {
        Duration retryAfter =
            e.retryAfter() == null || e.retryAfter().toSeconds() < 1
                ? UNREACHABLE_RETRY
                : e.retryAfter();
        throw new ServiceUnavailableException(
            "Clockify could not be reached; try again later.", retryAfter, e);
      }
      if (e.kind() == ClockifyException.Kind.UNAUTHORIZED) {
        String reason =
            "Clockify refused the API key (" + e.status() + "): connect again with a valid key";
        if (!connection.dryRun()) {
          // As when an apply is refused: the user's days wait until a new key is saved.
          connections.keyRefused(connection, reason);
        }
        throw conflict(reason);
      }
      throw conflict("Clockify refused the request (" + e.status() + "): " + e.getMessage());
    }
  }

  private static InvalidInputException conflict(String message) {
    return new InvalidInputException(409, List.of(new FieldProblem("connection", message)));
  }

  private record Read(List<?> items, Instant until) {}
}
