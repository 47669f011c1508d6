package io.focussync.clockify.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.focussync.clockify.client.ClockifyException;
import io.focussync.clockify.client.ClockifyException.Kind;
import io.focussync.clockify.client.EntryBody;
import io.focussync.clockify.client.TimeEntry;
import io.focussync.contracts.dayplans.v1.BusyInterval;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The sync engine's decisions, against an in-memory Clockify and ledger: no Spring, no store. */
class DayRunTest {

  private static final LocalDate DATE = LocalDate.of(2026, 11, 20);
  private static final Instant NINE = Instant.parse("2026-11-20T09:00:00Z");
  private static final Duration WINDOW = Duration.ofSeconds(10);

  private final MutableClock clock = new MutableClock(NINE.plusSeconds(86_400));
  private final FakeClockify clockify = new FakeClockify(clock);
  private final StoredLedger stored = new StoredLedger();
  private Optional<WorkspaceLock> lock = Optional.empty();

  private static DesiredEntry entry(String slot, String project, int fromHour, int toHour) {
    return new DesiredEntry(
        slot,
        project,
        NINE.plusSeconds(3600L * (fromHour - 9)),
        NINE.plusSeconds(3600L * (toHour - 9)),
        "Development",
        List.of());
  }

  private DayOutcome run(long revision, DesiredEntry... plan) {
    return run(revision, List.of(), plan);
  }

  /** A run of a plan made around the busy time. */
  private DayOutcome run(long revision, List<BusyInterval> busy, DesiredEntry... plan) {
    return new DayRun(context(() -> "tag"), dayPlan(revision, busy, plan), stored.slots, Set.of())
        .run();
  }

  private DayRun.Context context(MarkerTag tag) {
    return new DayRun.Context(clockify, stored, tag, () -> lock, "u1", WINDOW, clock);
  }

  private static DayPlan dayPlan(long revision, List<BusyInterval> busy, DesiredEntry... plan) {
    return new DayPlan(DATE, ZoneOffset.UTC, revision, List.of(plan), busy);
  }

  private static Instant at(int hour) {
    return NINE.plusSeconds(3600L * (hour - 9));
  }

  private static BusyInterval busy(int fromHour, int toHour) {
    return new BusyInterval(at(fromHour), at(toHour));
  }

  private static ClockifyException timeout() {
    return new ClockifyException(Kind.TIMEOUT, 0, "timed out", null, false);
  }

  @Test
  void aCreateThatTimedOutIsNotSentAgainInsideTheWindowAndIsAdoptedAfterIt() {
    clockify.listingLag = Duration.ofSeconds(3);
    clockify.fail("POST", timeout(), true);
    DesiredEntry a = entry("a", "pa", 9, 17);

    DayOutcome first = run(1, a);
    assertThat(first).isInstanceOf(DayOutcome.RetryLater.class);
    assertThat(((DayOutcome.RetryLater) first).failure()).isTrue();
    assertThat(stored.slots)
        .singleElement()
        .extracting(LedgerSlot::state)
        .isEqualTo(SlotState.PENDING);

    clock.advance(Duration.ofSeconds(2));
    DayOutcome early = run(1, a);
    assertThat(early).isInstanceOf(DayOutcome.RetryLater.class);
    assertThat(((DayOutcome.RetryLater) early).failure()).isFalse();
    assertThat(((DayOutcome.RetryLater) early).delay()).isEqualTo(Duration.ofSeconds(8));

    clock.advance(Duration.ofSeconds(8));
    DayOutcome done = run(1, a);

    assertThat(done).isInstanceOf(DayOutcome.Synced.class);
    assertThat(clockify.entries()).hasSize(1);
    assertThat(clockify.calls.stream().filter("POST"::equals)).hasSize(1);
    assertThat(stored.slots)
        .singleElement()
        .satisfies(
            slot -> {
              assertThat(slot.state()).isEqualTo(SlotState.SYNCED);
              assertThat(slot.entryId()).isEqualTo(clockify.entries().get(0).id());
            });
  }

  @Test
  void aProcessThatDiesBetweenThePostAndItsLedgerWriteLeavesAPendingSlotThatIsAdopted() {
    DesiredEntry a = entry("a", "pa", 9, 17);
    stored.dieOnSave = 2; // the pending write succeeds, the write after the POST never happens

    assertThatThrownBy(() -> run(1, a)).hasMessageContaining("died");
    assertThat(clockify.entries()).hasSize(1);
    assertThat(stored.slots)
        .singleElement()
        .extracting(LedgerSlot::state)
        .isEqualTo(SlotState.PENDING);

    clock.advance(WINDOW);
    DayOutcome after = run(1, a);

    assertThat(after).isInstanceOf(DayOutcome.Synced.class);
    assertThat(clockify.entries()).hasSize(1);
    assertThat(((DayOutcome.Synced) after).entryIds())
        .containsEntry("a", clockify.entries().get(0).id());
  }

  @Test
  void twoCopiesOfAPendingSlotInClockifyBecomeOne() {
    DesiredEntry a = entry("a", "pa", 9, 17);
    EntryBody body = new EntryBody(a.start(), a.end(), "pa", "Development", List.of("tag"));
    clockify.put(body);
    clockify.put(body);
    stored.slots.add(LedgerSlot.pending(a, clock.instant().minus(WINDOW)));

    DayOutcome outcome = run(1, a);

    assertThat(outcome).isInstanceOf(DayOutcome.Synced.class);
    assertThat(clockify.entries()).hasSize(1);
    assertThat(stored.slots.get(0).entryId()).isEqualTo(clockify.entries().get(0).id());
  }

  @Test
  void neverAdoptsAnEntryOfAnotherSlotOrWithAnotherEndOrProject() {
    DesiredEntry a = entry("a", "pa", 9, 12);
    DesiredEntry b = entry("b", "pa", 9, 12);
    EntryBody same = new EntryBody(a.start(), a.end(), "pa", "Development", List.of("tag"));
    String ownedByB = clockify.put(same).id();
    clockify.put(new EntryBody(a.start(), a.end().plusSeconds(60), "pa", "x", List.of("tag")));
    clockify.put(new EntryBody(a.start(), a.end(), "other", "x", List.of("tag")));
    clockify.put(new EntryBody(a.start(), a.end(), "pa", "manual", List.of()));
    stored.slots.add(LedgerSlot.synced(b, ownedByB));
    stored.slots.add(LedgerSlot.pending(a, clock.instant().minus(WINDOW)));

    // The untagged entry is the user's own: the plan was made around it.
    DayOutcome outcome = run(1, List.of(busy(9, 12)), a, b);

    assertThat(outcome).isInstanceOf(DayOutcome.Synced.class);
    assertThat(clockify.entries()).hasSize(5);
    String created = ((DayOutcome.Synced) outcome).entryIds().get("a");
    assertThat(created).isNotEqualTo(ownedByB);
    assertThat(clockify.entries()).extracting(e -> e.id()).contains(created, ownedByB);
  }

  @Test
  void aRunThatLostItsDayWritesNothing() {
    stored.fencedOut = true;

    assertThatThrownBy(() -> run(1, entry("a", "pa", 9, 17))).isInstanceOf(DayLostException.class);
    assertThat(clockify.calls).containsExactly("LIST");
  }

  @Test
  void aDeleteAnswered400IsGoneOnlyWhenAGetConfirmsIt() {
    DesiredEntry a = entry("a", "pa", 9, 17);
    String id =
        clockify.put(new EntryBody(a.start(), a.end(), "pa", "Development", List.of("tag"))).id();
    stored.slots.add(LedgerSlot.synced(a, id));
    clockify.fail(
        "DELETE", new ClockifyException(Kind.BAD_REQUEST, 400, "bad", null, false), false);

    DayOutcome refused = run(2);

    assertThat(refused).isInstanceOf(DayOutcome.NeedsAttention.class);
    assertThat(clockify.entries()).hasSize(1);
    assertThat(stored.slots).hasSize(1);

    clockify.deleteAsUser(id);
    DayOutcome gone = run(3);

    assertThat(gone).isInstanceOf(DayOutcome.Synced.class);
    assertThat(stored.slots).isEmpty();
  }

  @Test
  void aPutOfAnEntryTheUserDeletedIsDrift() {
    DesiredEntry a = entry("a", "pa", 9, 17);
    stored.slots.add(LedgerSlot.synced(a, "deleted-by-user"));

    DayOutcome outcome = run(2, entry("a", "pa", 9, 16));

    assertThat(outcome).isInstanceOf(DayOutcome.NeedsAttention.class);
    assertThat(stored.slots.get(0).state()).isEqualTo(SlotState.DRIFTED);
  }

  @Test
  void aRefusedKeyStopsTheRunAndLeavesNoPendingSlot() {
    clockify.fail("POST", new ClockifyException(Kind.UNAUTHORIZED, 401, "no", null, false), false);

    DayOutcome outcome = run(1, entry("a", "pa", 9, 17));

    assertThat(outcome).isInstanceOf(DayOutcome.CredentialsRefused.class);
    assertThat(stored.slots).isEmpty();
  }

  @Test
  void a429OnAPostMayHaveCreatedTheEntrySoItStaysPending() {
    clockify.fail(
        "POST",
        new ClockifyException(Kind.RATE_LIMITED, 429, "slow down", Duration.ofSeconds(3), false),
        true);

    DayOutcome outcome = run(1, entry("a", "pa", 9, 17));

    assertThat(outcome).isInstanceOf(DayOutcome.RetryLater.class);
    assertThat(((DayOutcome.RetryLater) outcome).delay()).isEqualTo(Duration.ofSeconds(3));
    assertThat(stored.slots)
        .singleElement()
        .extracting(LedgerSlot::state)
        .isEqualTo(SlotState.PENDING);
  }

  @Test
  void aPostRefusedBeforeLeavingIsNotPending() {
    clockify.fail("POST", new ClockifyException(Kind.CIRCUIT_OPEN, 0, "open", null, false), false);

    DayOutcome outcome = run(1, entry("a", "pa", 9, 17));

    assertThat(outcome).isInstanceOf(DayOutcome.RetryLater.class);
    assertThat(stored.slots).isEmpty();
  }

  @Test
  void aTagCallThatIsForbiddenNeedsAPersonAndIsNotRetried() {
    DayRun.Context context =
        context(
            () -> {
              throw new ClockifyException(Kind.FORBIDDEN, 403, "forbidden", null, false);
            });

    DayOutcome outcome =
        new DayRun(context, dayPlan(1, List.of(), entry("a", "pa", 9, 17)), stored.slots, Set.of())
            .run();

    assertThat(outcome).isInstanceOf(DayOutcome.NeedsAttention.class);
    assertThat(((DayOutcome.NeedsAttention) outcome).reasons()).containsKey("a");
  }

  @Test
  void aDayInTheLockedPeriodGetsNoCallAtAll() {
    DesiredEntry a = entry("a", "pa", 9, 17);
    stored.slots.add(LedgerSlot.synced(entry("a", "pa", 9, 12), "e1"));
    lock =
        Optional.of(new WorkspaceLock(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC, null));

    DayOutcome outcome = run(2, a);

    assertThat(outcome)
        .isEqualTo(
            new DayOutcome.Closed(
                "Clockify locks entries before 2026-11-21", new DayOutcome.Counts(0, 0, 0)));
    assertThat(clockify.calls).isEmpty();
    assertThat(stored.slots).singleElement().extracting(LedgerSlot::entryId).isEqualTo("e1");
  }

  @Test
  void aLockInsideTheDayLeavesItOpen() {
    lock =
        Optional.of(new WorkspaceLock(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC, null));

    assertThat(run(1, entry("a", "pa", 13, 17))).isInstanceOf(DayOutcome.Synced.class);
  }

  @Test
  void aManualEntryThePlanWasNotMadeAroundStopsTheRunBeforeAnyWrite() {
    DesiredEntry a = entry("a", "pa", 9, 12);
    stored.slots.add(LedgerSlot.synced(entry("a", "pa", 9, 11), "kept"));
    clockify.putManual(at(10), at(11));
    clockify.putManual(at(11), at(12).plusMillis(400));
    clockify.put(new EntryBody(at(13), at(14), "pa", "ours, lost answer", List.of("tag")));
    clockify.calls.clear();

    DayOutcome outcome = run(2, a);

    assertThat(outcome).isInstanceOf(DayOutcome.BusyChanged.class);
    assertThat(((DayOutcome.BusyChanged) outcome).busy()).containsExactly(busy(10, 12));
    assertThat(clockify.calls).containsExactly("LIST");
    assertThat(stored.slots).singleElement().extracting(LedgerSlot::entryId).isEqualTo("kept");
  }

  @Test
  void aPlanMadeAroundTheUsersEntriesIsApplied() {
    clockify.putManual(at(10), at(11));

    DayOutcome outcome = run(1, List.of(busy(10, 11)), entry("a", "pa", 9, 10));

    assertThat(outcome).isInstanceOf(DayOutcome.Synced.class);
    assertThat(clockify.entries()).hasSize(2);
  }

  @Test
  void entriesInAnyLedgerOfTheDayOrWithTheMarkerTagAreNotBusy() {
    TimeEntry otherScope = clockify.put(new EntryBody(at(9), at(10), "pa", "x", List.of()));
    clockify.put(new EntryBody(at(10), at(11), "pa", "tagged", List.of("tag")));
    DayPlan plan = dayPlan(1, List.of());

    DayOutcome outcome =
        new DayRun(context(() -> "tag"), plan, stored.slots, Set.of(otherScope.id())).run();

    assertThat(outcome).isInstanceOf(DayOutcome.Synced.class);
  }

  @Test
  void oneListingServesTheBusyCheckAndEveryLookup() {
    DesiredEntry a = entry("a", "pa", 9, 11);
    DesiredEntry b = entry("b", "pb", 11, 13);
    clockify.put(new EntryBody(a.start(), a.end(), "pa", "Development", List.of("tag")));
    stored.slots.add(LedgerSlot.pending(a, clock.instant().minus(WINDOW)));
    stored.slots.add(LedgerSlot.pending(b, clock.instant().minus(WINDOW)));

    DayOutcome outcome = run(1, a, b);

    assertThat(outcome).isInstanceOf(DayOutcome.Synced.class);
    assertThat(clockify.calls.stream().filter("LIST"::equals)).hasSize(1);
    assertThat(clockify.calls.stream().filter("POST"::equals)).hasSize(1);
    assertThat(clockify.entries()).hasSize(2);
  }

  @Test
  void theUsersOwnEntriesAreNeverChangedOrDeleted() {
    // Manual entries where our slots are, were and are pending: same project, start and end too.
    List<TimeEntry> manual =
        List.of(
            clockify.put(new EntryBody(at(9), at(11), "pa", "Development", List.of())),
            clockify.put(new EntryBody(at(13), at(14), "pb", "Development", List.of())),
            clockify.putManual(at(16), at(17)));
    List<BusyInterval> around = List.of(busy(9, 11), busy(13, 14), busy(16, 17));
    DesiredEntry a = entry("a", "pa", 9, 11);
    stored.slots.add(LedgerSlot.pending(a, clock.instant().minus(WINDOW)));

    assertThat(run(1, around, a, entry("b", "pb", 13, 14))).isInstanceOf(DayOutcome.Synced.class);
    assertThat(run(2, around, entry("a", "pa", 9, 12), entry("c", "pc", 14, 16)))
        .isInstanceOf(DayOutcome.Synced.class);
    assertThat(run(3, around)).isInstanceOf(DayOutcome.Synced.class);

    assertThat(stored.slots).isEmpty();
    assertThat(clockify.entries()).containsExactlyInAnyOrderElementsOf(manual);
  }

  /** The ledger as the store holds it; a write can be refused (fenced out) or kill the run. */
  private static final class StoredLedger implements DayGuard {
    private final List<LedgerSlot> slots = new ArrayList<>();
    private boolean fencedOut;
    private int dieOnSave;
    private int saves;

    @Override
    public void beforeWrite() {
      if (fencedOut) {
        throw new DayLostException(DayLostException.Why.FENCED_OUT, "fenced out");
      }
    }

    @Override
    public void saveLedger(Collection<LedgerSlot> ledger) {
      saves++;
      if (saves == dieOnSave) {
        throw new IllegalStateException("the process died");
      }
      if (fencedOut) {
        throw new DayLostException(DayLostException.Why.FENCED_OUT, "fenced out");
      }
      slots.clear();
      slots.addAll(ledger);
    }
  }

  /** A clock the test moves. */
  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
