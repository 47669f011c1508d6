package io.focussync.cli.config;

import java.net.URI;

/**
 * Where the gateway is and the bearer token to send it. {@link #toString()} never shows the token.
 */
public record Login(URI url, String token) {

  @Override
  public String toString() {
    return "Login[url=" + url + ", token=(hidden)]";
  }
}
