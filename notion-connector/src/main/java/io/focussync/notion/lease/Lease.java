package io.focussync.notion.lease;

import java.time.Duration;
import java.time.Instant;

/**
 * The right to poll one connection: its holder (a replica id, null when free), the epoch (the
 * fencing token, one higher with every change of hands) and when it runs out.
 *
 * @param owner the replica holding the lease, null if nobody does
 * @param epoch 0 before anyone held it; every take-over adds one, renewals and releases keep it
 * @param expiresAt when the lease runs out unless renewed, null when free
 */
public record Lease(String owner, long epoch, Instant expiresAt) {

  /** A connection nobody ever held. */
  public static final Lease NONE = new Lease(null, 0, null);

  public boolean isHeldBy(String replica) {
    return owner != null && owner.equals(replica);
  }

  /** True if nobody may count on it any more: free, or not renewed in time. */
  public boolean isExpired(Instant now) {
    return owner == null || expiresAt == null || !expiresAt.isAfter(now);
  }

  /** The lease after the replica took it over: the next epoch. */
  public Lease takenOverBy(String replica, Instant now, Duration duration) {
    return new Lease(replica, epoch + 1, now.plus(duration));
  }

  /** The same holder and epoch, running for another duration from now. */
  public Lease renewed(Instant now, Duration duration) {
    return new Lease(owner, epoch, now.plus(duration));
  }

  /** Handed back: free at once; the epoch stays, so the next holder's is higher. */
  public Lease released() {
    return new Lease(null, epoch, null);
  }
}
