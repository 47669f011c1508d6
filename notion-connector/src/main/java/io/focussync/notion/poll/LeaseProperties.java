package io.focussync.notion.poll;

import io.focussync.notion.lease.LeaseTerms;
import java.time.Duration;
import java.util.Objects;
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
    Objects.requireNonNull(duration, "focussync.notion.lease.duration is required");
    Objects.requireNonNull(renewInterval, "focussync.notion.lease.renew-interval is required");
  }

  public LeaseTerms terms() {
    return new LeaseTerms(duration, renewInterval);
  }
}
