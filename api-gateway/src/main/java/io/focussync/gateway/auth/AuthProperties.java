package io.focussync.gateway.auth;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the bearer check.
 *
 * @param adminToken the administrator's bootstrap token, from {@code FOCUSSYNC_ADMIN_TOKEN}; when
 *     empty, the admin API is closed
 * @param publicPaths paths under {@code /api} that need no bearer token (they authenticate
 *     otherwise, e.g. Notion's signed webhook deliveries)
 */
@ConfigurationProperties("focussync.gateway.auth")
public record AuthProperties(String adminToken, List<String> publicPaths) {

  public AuthProperties {
    adminToken = adminToken == null ? "" : adminToken;
    publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
  }
}
