package io.focussync.clockify.connection;

import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rules for Clockify connections.
 *
 * @param allowedBaseUrls prefixes a connection's base URL must start with (from {@code
 *     FOCUSSYNC_CLOCKIFY_ALLOWED_BASE_URLS}), so the service cannot be aimed at internal hosts
 * @param defaultBaseUrl the base URL of a connection that names none
 * @param markerTag the tag every entry of ours carries in Clockify
 */
@ConfigurationProperties("focussync.clockify.connections")
public record ConnectionProperties(
    List<String> allowedBaseUrls, String defaultBaseUrl, String markerTag) {

  public ConnectionProperties {
    allowedBaseUrls =
        allowedBaseUrls == null
            ? List.of()
            : allowedBaseUrls.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    Objects.requireNonNull(
        defaultBaseUrl, "focussync.clockify.connections.default-base-url is required");
    if (markerTag == null || markerTag.isBlank()) {
      throw new IllegalArgumentException("focussync.clockify.connections.marker-tag is required");
    }
  }
}
