package io.focussync.clockify.ledger;

import java.util.HashSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Which user-days this replica may apply: those whose plans come on the partitions its consumer is
 * assigned (a user's plans all come on one partition, keyed by user id). Days stored without a
 * partition (by an earlier version) may be applied by any replica; the day's lease decides. Also
 * this replica's identity as a lease owner: stable across restarts of the same replica (host and
 * port, the pod name on Kubernetes), so a replica restarted after a crash takes its own days back
 * at once instead of waiting for their leases to run out.
 */
@Component
public class Ownership {

  private final String replicaId;
  private volatile Set<Integer> partitions = Set.of();

  public Ownership(ApplyProperties properties) {
    this.replicaId = properties.replicaId();
  }

  /** This process's identity as a lease owner. */
  public String replicaId() {
    return replicaId;
  }

  /** Whether this replica may apply days of the partition. */
  public boolean owns(int partition) {
    return partition < 0 || partitions.contains(partition);
  }

  /** The partitions owned now. */
  public Set<Integer> partitions() {
    return partitions;
  }

  /** The partitions were assigned to this replica. */
  public synchronized void assigned(Set<Integer> added) {
    Set<Integer> next = new HashSet<>(partitions);
    next.addAll(added);
    partitions = Set.copyOf(next);
  }

  /** The partitions were taken from this replica (rebalance, stop). */
  public synchronized void revoked(Set<Integer> removed) {
    Set<Integer> next = new HashSet<>(partitions);
    next.removeAll(removed);
    partitions = Set.copyOf(next);
  }
}
