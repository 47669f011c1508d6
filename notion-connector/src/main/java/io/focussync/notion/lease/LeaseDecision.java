package io.focussync.notion.lease;

/** What a replica does with a connection's lease before polling it. */
public enum LeaseDecision {
  /** The lease is the replica's own: renew it and poll. */
  KEEP,
  /** The lease is free or ran out: take it over (next epoch) and poll. */
  TAKE,
  /** Another replica holds a live lease: leave the connection to it. */
  LEAVE;

  /** True if the replica may poll, provided its conditional write of the lease succeeds. */
  public boolean mayPoll() {
    return this != LEAVE;
  }
}
