package io.focussync.gateway.routing.core;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Which service answers which part of the public API (see API.md); the first match wins. */
public final class RouteTable {

  private static final Set<String> ANY = Set.of();

  private static final List<Route> ROUTES =
      List.of(
          new Route(
              "sessions-write",
              Service.TRACKER_INGEST,
              Set.of("POST", "PUT", "DELETE"),
              "/api/v1/sessions/**",
              true),
          new Route("imports", Service.TRACKER_INGEST, Set.of("POST"), "/api/v1/imports", true),
          new Route("sessions-read", Service.ALLOCATOR, Set.of("GET"), "/api/v1/sessions", true),
          // The focus-session shape: the same sessions, written at ingest, read at the allocator.
          new Route(
              "focus-sessions-write",
              Service.TRACKER_INGEST,
              Set.of("POST", "PATCH", "DELETE"),
              "/api/v1/focus-sessions/**",
              true),
          new Route(
              "focus-sessions-read",
              Service.ALLOCATOR,
              Set.of("GET"),
              "/api/v1/focus-sessions/**",
              true),
          new Route("days", Service.ALLOCATOR, ANY, "/api/v1/days/**", true),
          new Route("settings", Service.ALLOCATOR, ANY, "/api/v1/settings/allocation", true),
          new Route(
              "clockify-connection",
              Service.CLOCKIFY_CONNECTOR,
              ANY,
              "/api/v1/connections/clockify/**",
              true),
          // The user's Clockify projects and workspaces, read through the connection.
          new Route(
              "clockify-catalog",
              Service.CLOCKIFY_CONNECTOR,
              Set.of("GET"),
              "/api/v1/clockify/**",
              true),
          new Route("sync", Service.CLOCKIFY_CONNECTOR, ANY, "/api/v1/sync/**", true),
          new Route(
              "notion-connection",
              Service.NOTION_CONNECTOR,
              ANY,
              "/api/v1/connections/notion/**",
              true),
          // Each Notion connection's own webhook URL; the unscoped path only answers 410 there.
          new Route(
              "notion-webhook",
              Service.NOTION_CONNECTOR,
              Set.of("POST"),
              "/api/v1/webhooks/notion/*",
              false),
          new Route(
              "notion-webhook-unscoped",
              Service.NOTION_CONNECTOR,
              Set.of("POST"),
              "/api/v1/webhooks/notion",
              false));

  private RouteTable() {}

  /** Every route, in matching order. */
  public static List<Route> routes() {
    return ROUTES;
  }

  /** The route a request takes, if any. */
  public static Optional<Route> find(String method, String path) {
    return ROUTES.stream().filter(route -> route.matches(method, path)).findFirst();
  }

  /**
   * The methods forwarded for a path, when some route has the path but none takes the method: the
   * Allow header of a 405. Empty when the path is no route's or a route takes any method.
   */
  public static Set<String> allowedMethods(String path) {
    Set<String> allowed = new TreeSet<>();
    for (Route route : ROUTES) {
      if (route.matchesPath(path)) {
        if (route.methods().isEmpty()) {
          return Set.of();
        }
        allowed.addAll(route.methods());
      }
    }
    return allowed;
  }
}
