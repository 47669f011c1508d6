package io.focussync.gateway.routing.core;

import java.util.Locale;
import java.util.Set;

/**
 * One forwarding rule: requests with one of {@code methods} (any method when empty) on a path that
 * matches {@code pattern} go to {@code service} with the path unchanged. A pattern is an exact
 * path, a prefix ending in {@code /**} that matches the prefix itself and everything below it, or a
 * prefix ending in {@code /*} that matches exactly one segment below the prefix (not empty, {@code
 * .} or {@code ..}).
 *
 * @param authenticated whether a bearer token is needed and the user's identity is signed in
 */
public record Route(
    String id, Service service, Set<String> methods, String pattern, boolean authenticated) {

  public Route {
    methods = Set.copyOf(methods);
    if (!pattern.startsWith("/")) {
      throw new IllegalArgumentException("a pattern starts with '/': " + pattern);
    }
  }

  /** Whether the path is one of this route's paths, whatever the method. */
  public boolean matchesPath(String path) {
    if (pattern.endsWith("/**")) {
      String prefix = pattern.substring(0, pattern.length() - 3);
      return path.equals(prefix) || path.startsWith(prefix + "/");
    }
    if (pattern.endsWith("/*")) {
      String prefix = pattern.substring(0, pattern.length() - 1);
      String segment = path.startsWith(prefix) ? path.substring(prefix.length()) : "";
      return !segment.isEmpty()
          && segment.indexOf('/') < 0
          && !segment.equals(".")
          && !segment.equals("..");
    }
    return path.equals(pattern);
  }

  /** Whether a request with this method and path takes this route. */
  public boolean matches(String method, String path) {
    return matchesPath(path) && allows(method);
  }

  /** Whether the method is one this route forwards. */
  public boolean allows(String method) {
    return methods.isEmpty() || methods.contains(method.toUpperCase(Locale.ROOT));
  }
}
