package io.focussync.clockify.ledger;

import io.focussync.contracts.dayplans.v1.DayPlanned;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The newest plan this process accepted per user-day, held until that revision is applied (or the
 * day waits for a connection). An apply starts from it without reading the store and, before each
 * write, asks it whether a newer revision has arrived. The store stays the truth: a day not held
 * here (after a restart, after a wait) is read from it.
 */
@Component
public class AcceptedPlans {

  /** A held plan and how many attempts at it have failed so far. */
  public record Held(DayPlanned plan, int failures) {}

  private final ConcurrentHashMap<DayKey, Held> held = new ConcurrentHashMap<>();

  /** The plan was stored as the day's newest; an older one held for the day is replaced. */
  public void accepted(DayPlanned plan) {
    held.merge(
        key(plan),
        new Held(plan, 0),
        (old, fresh) -> fresh.plan().revision() > old.plan().revision() ? fresh : old);
  }

  /** The day's newest plan accepted here, if it has not been applied yet. */
  public Optional<Held> newest(DayKey day) {
    return Optional.ofNullable(held.get(day));
  }

  /** Whether a revision above the given one has been accepted here for the day. */
  public boolean newerThan(DayKey day, long revision) {
    Held newest = held.get(day);
    return newest != null && newest.plan().revision() > revision;
  }

  /** An attempt at the revision failed; the next one starts from this count. */
  public void failed(DayKey day, long revision, int failures) {
    held.computeIfPresent(
        day,
        (key, current) ->
            current.plan().revision() == revision ? new Held(current.plan(), failures) : current);
  }

  /** The revision is applied: it (and anything older) is no longer held. */
  public void applied(DayKey day, long revision) {
    held.computeIfPresent(
        day, (key, current) -> current.plan().revision() <= revision ? null : current);
  }

  /** The day waits (no connection): it will be read from the store when it can go. */
  public void forget(DayKey day) {
    held.remove(day);
  }

  private static DayKey key(DayPlanned plan) {
    return new DayKey(plan.userId(), plan.date());
  }
}
