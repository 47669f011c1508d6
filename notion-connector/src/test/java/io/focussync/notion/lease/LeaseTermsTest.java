package io.focussync.notion.lease;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LeaseTermsTest {

  static final Instant NOW = Instant.parse("2026-07-06T07:00:00Z");
  static final LeaseTerms TERMS = new LeaseTerms(Duration.ofSeconds(30), Duration.ofSeconds(10));

  @Test
  void aConnectionNobodyHeldIsTakenInTheFirstEpoch() {
    LeaseClaim claim = TERMS.decide(Lease.NONE, "a", NOW);

    assertThat(claim.decision()).isEqualTo(LeaseDecision.TAKE);
    assertThat(claim.decision().mayPoll()).isTrue();
    assertThat(claim.next()).isEqualTo(new Lease("a", 1, NOW.plusSeconds(30)));
  }

  @Test
  void anotherReplicasLiveLeaseIsLeftAlone() {
    Lease theirs = new Lease("b", 4, NOW.plusSeconds(1));

    LeaseClaim claim = TERMS.decide(theirs, "a", NOW);

    assertThat(claim.decision()).isEqualTo(LeaseDecision.LEAVE);
    assertThat(claim.decision().mayPoll()).isFalse();
    assertThat(claim.next()).isEqualTo(theirs);
  }

  @Test
  void anExpiredLeaseChangesHandsWithTheNextEpoch() {
    Lease theirs = new Lease("b", 4, NOW);

    LeaseClaim claim = TERMS.decide(theirs, "a", NOW);

    assertThat(theirs.isExpired(NOW)).isTrue();
    assertThat(claim.decision()).isEqualTo(LeaseDecision.TAKE);
    assertThat(claim.next()).isEqualTo(new Lease("a", 5, NOW.plusSeconds(30)));
  }

  @Test
  void aReleasedLeaseIsFreeAtOnceAndKeepsItsEpochForTheNextHolder() {
    Lease released = new Lease("b", 4, NOW.plusSeconds(25)).released();

    LeaseClaim claim = TERMS.decide(released, "a", NOW);

    assertThat(released).isEqualTo(new Lease(null, 4, null));
    assertThat(claim.decision()).isEqualTo(LeaseDecision.TAKE);
    assertThat(claim.next().epoch()).isEqualTo(5);
  }

  @Test
  void itsOwnLeaseIsRenewedInTheSameEpochEvenWhenRunOut() {
    LeaseClaim live = TERMS.decide(new Lease("a", 7, NOW.plusSeconds(3)), "a", NOW);
    LeaseClaim runOut = TERMS.decide(new Lease("a", 7, NOW.minusSeconds(3)), "a", NOW);

    assertThat(live.decision()).isEqualTo(LeaseDecision.KEEP);
    assertThat(live.next()).isEqualTo(new Lease("a", 7, NOW.plusSeconds(30)));
    assertThat(runOut.decision()).isEqualTo(LeaseDecision.KEEP);
    assertThat(runOut.next().epoch()).isEqualTo(7);
  }

  @Test
  void aRenewalIsDueOnceTheRenewIntervalPassedSinceTheLastOne() {
    Lease renewedNow = new Lease("a", 1, NOW.plusSeconds(30));

    assertThat(TERMS.renewalDue(renewedNow, NOW)).isFalse();
    assertThat(TERMS.renewalDue(renewedNow, NOW.plusSeconds(9))).isFalse();
    assertThat(TERMS.renewalDue(renewedNow, NOW.plusSeconds(10))).isTrue();
    assertThat(TERMS.renewalDue(new Lease(null, 1, null), NOW)).isTrue();
  }

  @Test
  void aRenewIntervalNotBelowTheDurationBecomesAThirdOfIt() {
    assertThat(new LeaseTerms(Duration.ofSeconds(30), Duration.ofSeconds(30)).renewInterval())
        .isEqualTo(Duration.ofSeconds(10));
    assertThat(new LeaseTerms(Duration.ofSeconds(3), null).renewInterval())
        .isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void replicaIdsDifferPerStart() {
    assertThat(ReplicaId.generate()).isNotEqualTo(ReplicaId.generate()).contains("/");
  }
}
