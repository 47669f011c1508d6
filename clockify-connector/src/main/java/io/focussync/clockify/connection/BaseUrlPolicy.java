package io.focussync.clockify.connection;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Accepts a base URL only when it is a plain http(s) URL under one of the allowed prefixes, where a
 * prefix matches whole path segments and hosts ({@code https://api.clockify.me} does not allow
 * {@code https://api.clockify.me.evil.example}).
 */
final class BaseUrlPolicy {

  private final List<String> allowed;

  BaseUrlPolicy(List<String> allowed) {
    this.allowed = allowed.stream().map(BaseUrlPolicy::normalize).toList();
  }

  /** The normalized URL if allowed, else why not. */
  Optional<String> problem(String baseUrl) {
    URI uri;
    try {
      uri = new URI(baseUrl);
    } catch (URISyntaxException e) {
      return Optional.of("is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      return Optional.of("must be an http(s) URL");
    }
    if (uri.getHost() == null
        || uri.getRawUserInfo() != null
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      return Optional.of("must be a plain URL with a host, no user info, query or fragment");
    }
    String candidate = normalize(baseUrl);
    boolean ok =
        allowed.stream()
            .anyMatch(prefix -> candidate.equals(prefix) || candidate.startsWith(prefix + "/"));
    return ok ? Optional.empty() : Optional.of("is not on the allowed list of Clockify base URLs");
  }

  static String normalize(String url) {
    String trimmed = url.trim();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    int schemeEnd = trimmed.indexOf("://");
    if (schemeEnd < 0) {
      return trimmed;
    }
    int pathStart = trimmed.indexOf('/', schemeEnd + 3);
    String head = pathStart < 0 ? trimmed : trimmed.substring(0, pathStart);
    String path = pathStart < 0 ? "" : trimmed.substring(pathStart);
    return head.toLowerCase(Locale.ROOT) + path;
  }
}
