package io.focussync.platform.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The one allow-list of the base URLs a user's connection may call: a plain http(s) URL is allowed
 * when its scheme, host and port (443 or 80 when not given) equal an entry's and its path starts
 * with the entry's path on whole segments, so {@code https://api.notion.com.evil.example}, {@code
 * https://api.notion.com:8443} or {@code https://api.clockify.me/apix} never pass for an entry
 * {@code https://api.notion.com} or {@code https://api.clockify.me/api}.
 */
public final class BaseUrlAllowList {

  private final String service;
  private final List<URI> allowed;

  /**
   * @param service whose base URLs these are, for the problem's wording ("Clockify")
   * @param allowed the entries; one that is no URL with a host allows nothing
   */
  public BaseUrlAllowList(String service, List<String> allowed) {
    this.service = service;
    this.allowed =
        allowed.stream()
            .map(BaseUrlAllowList::parse)
            .filter(Objects::nonNull)
            .filter(uri -> uri.getHost() != null)
            .toList();
  }

  /** Empty if the URL is allowed, else what is wrong with it (a field problem's message). */
  public Optional<String> problem(String candidate) {
    URI uri = parse(candidate);
    if (uri == null) {
      return Optional.of("is not a valid URL");
    }
    String scheme = lower(uri.getScheme());
    if (!scheme.equals("https") && !scheme.equals("http")) {
      return Optional.of("must be an http(s) URL");
    }
    if (uri.getHost() == null
        || uri.getRawUserInfo() != null
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      return Optional.of("must be a plain URL with a host, no user info, query or fragment");
    }
    return allowed.stream().anyMatch(entry -> matches(uri, entry))
        ? Optional.empty()
        : Optional.of("is not on the allowed list of " + service + " base URLs");
  }

  /** The URL as it is stored: scheme and host in lower case, no trailing slash. */
  public static String normalize(String url) {
    String trimmed = strip(url.trim());
    int schemeEnd = trimmed.indexOf("://");
    if (schemeEnd < 0) {
      return trimmed;
    }
    int pathStart = trimmed.indexOf('/', schemeEnd + 3);
    String head = pathStart < 0 ? trimmed : trimmed.substring(0, pathStart);
    String path = pathStart < 0 ? "" : trimmed.substring(pathStart);
    return head.toLowerCase(Locale.ROOT) + path;
  }

  private static boolean matches(URI uri, URI entry) {
    return lower(uri.getScheme()).equals(lower(entry.getScheme()))
        && lower(uri.getHost()).equals(lower(entry.getHost()))
        && port(uri) == port(entry)
        && (path(uri) + "/").startsWith(path(entry) + "/");
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
