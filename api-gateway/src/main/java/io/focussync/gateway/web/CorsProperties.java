package io.focussync.gateway.web;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Cross-origin access to {@code /api} from browsers. With no allowed origins (the default) no CORS
 * headers are sent and browsers keep other origins out.
 *
 * @param allowedOrigins origins (scheme://host[:port]) whose pages may call the API
 * @param allowedMethods methods such pages may use
 * @param allowedHeaders request headers they may send
 * @param exposedHeaders response headers they may read
 * @param maxAge how long a browser may cache a preflight answer
 */
@ConfigurationProperties("focussync.gateway.cors")
public record CorsProperties(
    List<String> allowedOrigins,
    List<String> allowedMethods,
    List<String> allowedHeaders,
    List<String> exposedHeaders,
    Duration maxAge) {

  public CorsProperties {
    allowedOrigins =
        allowedOrigins == null
            ? List.of()
            : allowedOrigins.stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
    allowedMethods = required(allowedMethods, "allowed-methods");
    allowedHeaders = required(allowedHeaders, "allowed-headers");
    exposedHeaders = required(exposedHeaders, "exposed-headers");
    Objects.requireNonNull(maxAge, "focussync.gateway.cors.max-age is required");
  }

  private static List<String> required(List<String> values, String key) {
    if (values == null || values.isEmpty()) {
      throw new IllegalArgumentException("focussync.gateway.cors." + key + " is required");
    }
    return List.copyOf(values);
  }
}
