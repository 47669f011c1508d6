package io.focussync.notion.connection;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a base URL against the allow-list by its parts (scheme, host, port, path prefix), so that
 * {@code https://api.notion.com.evil.example} never passes as {@code https://api.notion.com}.
 */
final class BaseUrls {

  private BaseUrls() {}

  /** The normalised URL (no trailing slash) if it is allowed, else empty. */
  static Optional<String> allowed(String candidate, List<String> allowList) {
    URI uri = parse(candidate);
    if (uri == null
        || uri.getHost() == null
        || uri.getUserInfo() != null
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      return Optional.empty();
    }
    for (String entry : allowList) {
      URI allowed = parse(entry.trim());
      if (allowed != null && allowed.getHost() != null && matches(uri, allowed)) {
        return Optional.of(strip(candidate.trim()));
      }
    }
    return Optional.empty();
  }

  private static boolean matches(URI uri, URI allowed) {
    return lower(uri.getScheme()).equals(lower(allowed.getScheme()))
        && lower(uri.getHost()).equals(lower(allowed.getHost()))
        && port(uri) == port(allowed)
        && (path(uri) + "/").startsWith(path(allowed) + "/");
  }

  private static URI parse(String text) {
    try {
      return text == null ? null : new URI(text.trim());
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  private static String path(URI uri) {
    return strip(uri.getPath() == null ? "" : uri.getPath());
  }

  private static String strip(String text) {
    String result = text;
    while (result.endsWith("/")) {
      result = result.substring(0, result.length() - 1);
    }
    return result;
  }

  private static String lower(String text) {
    return text == null ? "" : text.toLowerCase(Locale.ROOT);
  }
}
