package io.focussync.ingest.idempotency;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Idempotency-Key settings.
 *
 * @param retention how long a key and its answer are kept (at least 24 hours)
 * @param lock how long a request in progress holds its key before it is considered abandoned
 */
@ConfigurationProperties("focussync.ingest.idempotency")
public record IdempotencyProperties(Duration retention, Duration lock) {

  private static final Duration MINIMUM_RETENTION = Duration.ofHours(24);

  public IdempotencyProperties {
    Objects.requireNonNull(retention, "focussync.ingest.idempotency.retention is required");
    Objects.requireNonNull(lock, "focussync.ingest.idempotency.lock is required");
    if (retention.compareTo(MINIMUM_RETENTION) < 0) {
      throw new IllegalArgumentException("idempotency keys must be kept at least 24 hours");
    }
  }
}
