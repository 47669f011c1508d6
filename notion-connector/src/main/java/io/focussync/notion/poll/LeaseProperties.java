package io.focussync.notion.poll;

import io.focussync.notion.lease.LeaseTerms;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The poll leases: which replica polls which connection.
 *
 * @param duration how long a lease lasts without renewal: a replica that dies hands its connections
 *     over after at most this long
 * @param renewInterval how often a replica renews the leases it holds; below {@code duration} (else
 *     a third of it)
 */
@ConfigurationProperties("focussync.notion.lease")
public record LeaseProperties(Duration duration, Duration renewInterval) {

  public LeaseProperties {
    duration = duration == null ? Duration.ofSeconds(30) : duration;
    renewInterval = renewInterval == null ? Duration.ofSeconds(10) : renewInterval;
  }

  public LeaseTerms terms() {
    return new LeaseTerms(duration, renewInterval);
  }
}
