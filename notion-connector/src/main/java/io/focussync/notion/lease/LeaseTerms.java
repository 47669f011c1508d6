package io.focussync.notion.lease;

import java.time.Duration;
import java.time.Instant;

/**
 * The lease rules: a lease lasts {@code duration} from its last renewal and its holder renews it
 * every {@code renewInterval}, so a replica that dies loses its connections within one duration.
 */
public record LeaseTerms(Duration duration, Duration renewInterval) {

  public LeaseTerms {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("a lease must last a positive duration");
    }
    if (renewInterval == null
        || renewInterval.isNegative()
        || renewInterval.isZero()
        || renewInterval.compareTo(duration) >= 0) {
      renewInterval = duration.dividedBy(3);
    }
  }

  /** What the replica may do with the lease as it is now, and the lease it then writes. */
  public LeaseClaim decide(Lease current, String replica, Instant now) {
    if (current.isHeldBy(replica)) {
      // Renewing is safe even after the expiry: a take-over would have changed the owner.
      return new LeaseClaim(LeaseDecision.KEEP, current.renewed(now, duration));
    }
    if (current.isExpired(now)) {
      return new LeaseClaim(LeaseDecision.TAKE, current.takenOverBy(replica, now, duration));
    }
    return new LeaseClaim(LeaseDecision.LEAVE, current);
  }

  /** True once a renewal interval has passed since the held lease was last renewed. */
  public boolean renewalDue(Lease held, Instant now) {
    if (held.expiresAt() == null) {
      return true;
    }
    Instant lastRenewed = held.expiresAt().minus(duration);
    return !now.isBefore(lastRenewed.plus(renewInterval));
  }
}
