package io.focussync.clockify.ledger;

import io.focussync.clockify.reconcile.DayGuard;
import io.focussync.clockify.reconcile.DayLostException;
import io.focussync.clockify.reconcile.DayLostException.Why;
import io.focussync.clockify.reconcile.LedgerSlot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * The guard of one apply: ledger writes conditional on the day's fencing token, and before each
 * Clockify write a check that the day is still this replica's (its partition, no newer revision,
 * enough lease left for the call, renewed when half of it is gone).
 */
final class FencedDay implements DayGuard {

  private final DayStore days;
  private final Ownership ownership;
  private final AcceptedPlans accepted;
  private final Clock clock;
  private final Duration lease;
  private final DayKey key;
  private final int partition;
  private final long revision;
  private final long fence;
  private final String scope;
  private Instant leaseUntil;

  FencedDay(
      DayStore days,
      Ownership ownership,
      AcceptedPlans accepted,
      Clock clock,
      Duration lease,
      DayRecord claimed,
      String scope) {
    this.days = days;
    this.ownership = ownership;
    this.accepted = accepted;
    this.clock = clock;
    this.lease = lease;
    this.key = claimed.key();
    this.partition = claimed.partition();
    this.revision = claimed.plan().revision();
    this.fence = claimed.fence();
    this.scope = scope;
    this.leaseUntil = claimed.leaseUntil();
  }

  long fence() {
    return fence;
  }

  @Override
  public void beforeWrite() {
    if (!ownership.owns(partition)) {
      throw new DayLostException(Why.HANDED_OVER, "the day's partition moved to another replica");
    }
    if (accepted.newerThan(key, revision)) {
      throw new DayLostException(Why.SUPERSEDED, "a newer revision than " + revision + " came");
    }
    Instant now = clock.instant();
    if (Duration.between(now, leaseUntil).compareTo(lease.dividedBy(2)) < 0) {
      Instant until = now.plus(lease);
      if (!days.renew(key, fence, until)) {
        throw fencedOut();
      }
      leaseUntil = until;
    }
  }

  @Override
  public void saveLedger(Collection<LedgerSlot> slots) {
    if (!days.saveLedger(key, fence, scope, slots)) {
      throw fencedOut();
    }
  }

  private DayLostException fencedOut() {
    return new DayLostException(Why.FENCED_OUT, "another replica holds the day now");
  }
}
