package io.focussync.gateway.web;

import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Request body size limits of {@code /api}.
 *
 * @param maxBodySize the largest body of an ordinary (JSON) request
 * @param maxImportSize the largest body of an import upload ({@code POST /api/v1/imports})
 */
@ConfigurationProperties("focussync.gateway.limits")
public record LimitsProperties(DataSize maxBodySize, DataSize maxImportSize) {

  public LimitsProperties {
    Objects.requireNonNull(maxBodySize, "focussync.gateway.limits.max-body-size is required");
    Objects.requireNonNull(maxImportSize, "focussync.gateway.limits.max-import-size is required");
  }
}
