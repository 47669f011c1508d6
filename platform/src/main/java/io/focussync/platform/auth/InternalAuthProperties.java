package io.focussync.platform.auth;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the gateway-to-service identity check.
 *
 * @param key the shared HMAC key, from {@code FOCUSSYNC_INTERNAL_AUTH_KEY}
 * @param protectedPaths path patterns that need a signed identity
 * @param publicPaths patterns inside them that do not (they authenticate otherwise)
 */
@ConfigurationProperties("focussync.internal-auth")
public record InternalAuthProperties(
    String key, List<String> protectedPaths, List<String> publicPaths) {

  public InternalAuthProperties {
    protectedPaths = protectedPaths == null ? List.of("/api/**") : List.copyOf(protectedPaths);
    publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
  }
}
