package io.focussync.notion.poll;

import io.focussync.notion.lease.Lease;
import io.focussync.notion.lease.LeaseClaim;
import io.focussync.notion.lease.LeaseDecision;
import io.focussync.notion.lease.LeaseTerms;
import io.focussync.notion.store.LeaseStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leases of one replica: claims a connection's lease before a poll, renews the ones it holds
 * and hands them all back when the replica stops. Closed (claims nothing) until opened.
 */
public class ConnectionLeases {

  private static final Logger log = LoggerFactory.getLogger(ConnectionLeases.class);

  /** How long a stopping replica tries to hand its leases back before letting them run out. */
  private static final Duration RELEASE_WITHIN = Duration.ofSeconds(2);

  private final LeaseStore store;
  private final String replica;
  private final LeaseTerms terms;
  private final Clock clock;
  private final Map<String, Lease> held = new ConcurrentHashMap<>();
  // Claims share the lock, closing takes it alone: no claim slips in after the release.
  private final ReadWriteLock closing = new ReentrantReadWriteLock();
  private boolean open;

  public ConnectionLeases(LeaseStore store, String replica, LeaseTerms terms, Clock clock) {
    this.store = store;
    this.replica = replica;
    this.terms = terms;
    this.clock = clock;
  }

  public String replica() {
    return replica;
  }

  public LeaseTerms terms() {
    return terms;
  }

  /** Starts claiming leases. */
  public void open() {
    closing.writeLock().lock();
    try {
      open = true;
    } finally {
      closing.writeLock().unlock();
    }
  }

  /**
   * The lease to poll the user's connection with, if this replica holds it or could take it over;
   * empty if another replica holds it, the connection is gone or the leases are closed.
   */
  public Optional<Lease> claim(String userId) {
    closing.readLock().lock();
    try {
      if (!open) {
        return Optional.empty();
      }
      Optional<Lease> current = store.find(userId);
      if (current.isEmpty()) {
        held.remove(userId);
        return Optional.empty();
      }
      LeaseClaim claim = terms.decide(current.get(), replica, clock.instant());
      boolean won =
          switch (claim.decision()) {
            case KEEP -> store.renew(userId, claim.next());
            case TAKE -> store.replace(userId, current.get(), claim.next());
            case LEAVE -> false;
          };
      if (!won) {
        held.remove(userId);
        return Optional.empty();
      }
      if (claim.decision() == LeaseDecision.TAKE) {
        log.info(
            "replica {} took over user {}'s connection, epoch {}",
            replica,
            userId,
            claim.next().epoch());
      }
      held.put(userId, claim.next());
      return Optional.of(claim.next());
    } finally {
      closing.readLock().unlock();
    }
  }

  /** The lease, renewed if a renewal is due; empty once another replica took the connection. */
  public Optional<Lease> confirm(String userId, Lease lease) {
    return terms.renewalDue(lease, clock.instant()) ? renew(userId, lease) : Optional.of(lease);
  }

  /** Renews every lease this replica holds; the ones taken over meanwhile are forgotten. */
  public void renewAll() {
    held.forEach((userId, lease) -> renew(userId, lease));
  }

  /** Hands every held lease back, so that other replicas take the connections over at once. */
  public void close() {
    closing.writeLock().lock();
    try {
      open = false;
      if (store.releaseAll(held, RELEASE_WITHIN)) {
        log.info("replica {} released {} connection lease(s)", replica, held.size());
      } else {
        log.warn("replica {}'s {} lease(s) run out by themselves", replica, held.size());
      }
    } finally {
      held.clear();
      closing.writeLock().unlock();
    }
  }

  private Optional<Lease> renew(String userId, Lease lease) {
    Lease renewed = lease.renewed(clock.instant(), terms.duration());
    if (store.renew(userId, renewed)) {
      held.put(userId, renewed);
      return Optional.of(renewed);
    }
    held.computeIfPresent(userId, (id, known) -> known.epoch() == lease.epoch() ? null : known);
    log.info("replica {} lost user {}'s connection (epoch {})", replica, userId, lease.epoch());
    return Optional.empty();
  }
}
