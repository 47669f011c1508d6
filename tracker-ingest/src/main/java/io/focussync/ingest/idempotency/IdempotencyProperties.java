package io.focussync.ingest.idempotency;

import java.time.Duration;
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
    retention = retention == null ? MINIMUM_RETENTION : retention;
    lock = lock == null ? Duration.ofSeconds(60) : lock;
    if (retention.compareTo(MINIMUM_RETENTION) < 0) {
      throw new IllegalArgumentException("idempotency keys must be kept at least 24 hours");
    }
  }
}
