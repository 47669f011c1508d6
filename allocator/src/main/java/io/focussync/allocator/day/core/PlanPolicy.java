package io.focussync.allocator.day.core;

import io.focussync.allocator.allocation.AllocationSettings;
import io.focussync.allocator.allocation.DayAllocation;
import io.focussync.allocator.allocation.PushPolicy;
import io.focussync.allocator.day.StoredPlan;
import io.focussync.allocator.day.UserDay;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Decides whether a day's current content becomes a new plan revision now: a closed day keeps its
 * plan; unchanged content keeps its revision unless forced; under LIVE a change is pushed at once,
 * under DAY_END once the local day plus the grace is over (until then the day is due), under
 * APPROVAL once the user approved exactly that content.
 */
public final class PlanPolicy {

  private final Duration dayEndGrace;

  public PlanPolicy(Duration dayEndGrace) {
    this.dayEndGrace = dayEndGrace;
  }

  /** Refuses a change to a closed day. */
  public static void requireOpen(AllocationSettings settings, LocalDate date) {
    if (settings.isClosed(date)) {
      throw new DayClosedException(date);
    }
  }

  /** The instant the local day ends (the next local midnight). */
  public static Instant dayEndOf(LocalDate date, AllocationSettings settings) {
    return date.plusDays(1).atStartOfDay(settings.timeZone()).toInstant();
  }

  /**
   * Re-plans the day under its policy at {@code now}; {@code force} pushes a new revision even when
   * the content is unchanged (and refuses unapproved content under APPROVAL).
   *
   * @return true when the day's stored state changed (a new revision or another due time)
   * @throws AwaitingApprovalException when forced under APPROVAL with unapproved content
   */
  public boolean plan(UserDay day, AllocationSettings s, boolean force, Instant now) {
    if (s.isClosed(day.date())) {
      return false;
    }
    StoredPlan previous = day.plan();
    DayAllocation allocation = day.allocation(s);
    if (allocation.entries().isEmpty() && previous == null) {
      return setDue(day, null);
    }
    String hash = allocation.contentHash();
    if (!force && previous != null && hash.equals(previous.hash())) {
      return setDue(day, null);
    }
    boolean approved = hash.equals(day.approvedHash());
    if (force) {
      if (s.pushPolicy() == PushPolicy.APPROVAL && !approved) {
        throw new AwaitingApprovalException();
      }
    } else if (s.pushPolicy() == PushPolicy.DAY_END) {
      Instant due = dayEndOf(day.date(), s).plus(dayEndGrace);
      if (now.isBefore(due)) {
        return setDue(day, due);
      }
    } else if (s.pushPolicy() == PushPolicy.APPROVAL && !approved) {
      return setDue(day, null);
    }
    long revision = previous == null ? 1 : previous.revision() + 1;
    day.plan(
        new StoredPlan(
            revision,
            hash,
            allocation.mode().name(),
            allocation.timeZone(),
            allocation.entries(),
            now,
            false,
            allocation.busy()));
    day.dueAt(null);
    return true;
  }

  /** Whether the day holds a stored plan revision not yet emitted. */
  public static boolean owesEmission(UserDay day) {
    return day.plan() != null && !day.plan().emitted();
  }

  private static boolean setDue(UserDay day, Instant due) {
    if (Objects.equals(day.dueAt(), due)) {
      return false;
    }
    day.dueAt(due);
    return true;
  }
}
