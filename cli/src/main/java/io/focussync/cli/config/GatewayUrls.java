package io.focussync.cli.config;

import io.focussync.cli.CliException;
import java.net.URI;
import java.net.URISyntaxException;

/** Reads a gateway base URL as the user types it. */
public final class GatewayUrls {

  private GatewayUrls() {}

  /** {@code http(s)://host[:port][/prefix]}, without a trailing slash. */
  public static URI parse(String text) {
    String trimmed = text.strip();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    try {
      URI uri = new URI(trimmed);
      if (uri.getScheme() == null
          || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
          || uri.getHost() == null
          || uri.getQuery() != null
          || uri.getFragment() != null) {
        throw CliException.usage("'" + text + "' is not a gateway URL like http://localhost:8080");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw CliException.usage("'" + text + "' is not a gateway URL like http://localhost:8080");
    }
  }
}
