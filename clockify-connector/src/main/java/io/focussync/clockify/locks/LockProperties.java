package io.focussync.clockify.locks;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How Clockify's workspace locks are read.
 *
 * @param cacheFor how long a workspace's lock settings are used before they are read again (one
 *     {@code GET /v1/workspaces/{id}} per workspace and period)
 */
@ConfigurationProperties("focussync.clockify.locks")
public record LockProperties(Duration cacheFor) {

  public LockProperties {
    Objects.requireNonNull(cacheFor, "focussync.clockify.locks.cache-for is required");
  }
}
