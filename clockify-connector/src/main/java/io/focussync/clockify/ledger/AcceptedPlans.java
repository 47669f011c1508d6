package io.focussync.clockify.ledger;

import io.focussync.contracts.dayplans.v1.DayPlanned;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The newest revision this process accepted per user-day, until it is applied: an apply asks it
 * before each write whether a newer revision has arrived, without a store read. A cache only: the
 * apply itself always works from the day as stored.
 */
@Component
public class AcceptedPlans {

  private final ConcurrentHashMap<DayKey, Long> newest = new ConcurrentHashMap<>();

  /** The plan was stored as the day's newest. */
  public void accepted(DayPlanned plan) {
    newest.merge(new DayKey(plan.userId(), plan.date()), plan.revision(), Math::max);
  }

  /** Whether a revision above the given one has been accepted here for the day. */
  public boolean newerThan(DayKey day, long revision) {
    Long held = newest.get(day);
    return held != null && held > revision;
  }

  /** The revision is applied (or the day left this process): older ones are no longer held. */
  public void settled(DayKey day, long revision) {
    newest.computeIfPresent(day, (key, held) -> held <= revision ? null : held);
  }
}
