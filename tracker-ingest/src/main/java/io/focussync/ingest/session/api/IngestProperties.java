package io.focussync.ingest.session.api;

import io.focussync.ingest.session.SessionRules;
import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the session API.
 *
 * @param maxSessionDuration the longest session accepted (default 24 h)
 * @param maxFutureStart how far in the future a session may start (default 5 min)
 * @param maxBodySize the largest JSON body (default 1 MiB); larger is a 413
 * @param maxBatchSize the most sessions in one batch (default 1000); more is a 413
 */
@ConfigurationProperties("focussync.ingest")
public record IngestProperties(
    Duration maxSessionDuration, Duration maxFutureStart, DataSize maxBodySize, int maxBatchSize) {

  public IngestProperties {
    Objects.requireNonNull(maxSessionDuration, "focussync.ingest.max-session-duration is required");
    Objects.requireNonNull(maxFutureStart, "focussync.ingest.max-future-start is required");
    Objects.requireNonNull(maxBodySize, "focussync.ingest.max-body-size is required");
    if (maxBatchSize <= 0) {
      throw new IllegalArgumentException(
          "focussync.ingest.max-batch-size must be set and positive");
    }
  }

  /** The session rules these limits make. */
  public SessionRules rules() {
    return new SessionRules(maxSessionDuration, maxFutureStart);
  }
}
