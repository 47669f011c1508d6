package io.focussync.ingest.session.api;

import io.focussync.ingest.session.SessionRules;
import java.time.Duration;
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
    maxSessionDuration = maxSessionDuration == null ? Duration.ofHours(24) : maxSessionDuration;
    maxFutureStart = maxFutureStart == null ? Duration.ofMinutes(5) : maxFutureStart;
    maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(1) : maxBodySize;
    maxBatchSize = maxBatchSize <= 0 ? 1000 : maxBatchSize;
  }

  /** The session rules these limits make. */
  public SessionRules rules() {
    return new SessionRules(maxSessionDuration, maxFutureStart);
  }
}
