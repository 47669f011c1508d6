package io.focussync.allocator.day;

import io.focussync.allocator.allocation.AllocatedEntry;
import io.focussync.allocator.allocation.AllocationSettings;
import io.focussync.allocator.allocation.DayAllocation;
import io.focussync.allocator.allocation.DayPlanner;
import io.focussync.allocator.allocation.PushPolicy;
import io.focussync.allocator.settings.SettingsService;
import io.focussync.contracts.dayplans.v1.DayPlanned;
import io.focussync.contracts.dayplans.v1.PlannedEntry;
import io.focussync.platform.web.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Keeps each user-day's plan current and emits it exactly once per revision: the plan is stored
 * (with its revision and content hash) in the day's document first, emitted second, marked emitted
 * third. A stored but unemitted revision is emitted again unchanged by the next touch of the day or
 * by the sweep, never replaced by a different plan under the same revision.
 */
@Service
public class DayService {

  private static final Logger log = LoggerFactory.getLogger(DayService.class);
  private static final int MAX_ATTEMPTS = 20;

  private final UserDayRepository days;
  private final SettingsService settings;
  private final PlanPublisher publisher;
  private final DayProperties properties;
  private final Clock clock;

  public DayService(
      UserDayRepository days,
      SettingsService settings,
      PlanPublisher publisher,
      DayProperties properties,
      Clock clock) {
    this.days = days;
    this.settings = settings;
    this.publisher = publisher;
    this.properties = properties;
    this.clock = clock;
  }

  /** What a change to a day should do besides re-planning. */
  private interface Mutation {
    /** Changes the day; true when it changed anything that must be stored. */
    boolean apply(UserDay day, AllocationSettings settings);
  }

  /**
   * Applies one session change to a day (the contribution, or null when the session no longer
   * touches it) and re-plans the day.
   */
  public void applySession(
      String userId, LocalDate date, String sessionId, long version, Contribution contribution) {
    change(
        userId,
        date,
        (day, s) -> {
          boolean changed = day.apply(sessionId, version, contribution);
          if (changed && s.isClosed(date)) {
            day.lateChanges(true);
          }
          return changed;
        },
        false);
  }

  /**
   * Makes the day hold exactly these sessions (after a time zone change moved sessions between
   * days), version-guarded like any session change, and re-plans it.
   */
  public void reconcile(String userId, LocalDate date, java.util.Collection<Contribution> desired) {
    change(
        userId,
        date,
        (day, s) -> {
          boolean changed = false;
          java.util.Map<String, Contribution> wanted = new java.util.HashMap<>();
          desired.forEach(c -> wanted.put(c.sessionId(), c));
          for (Contribution held : new ArrayList<>(day.sessions().values())) {
            if (!wanted.containsKey(held.sessionId())) {
              changed |= day.apply(held.sessionId(), held.version(), null);
            }
          }
          for (Contribution c : desired) {
            changed |= day.apply(c.sessionId(), c.version(), c);
          }
          return changed;
        },
        false);
  }

  /** The dates of the user's stored days. */
  public List<LocalDate> storedDates(String userId) {
    return days.findByUser(userId).stream().map(UserDay::date).toList();
  }

  /** Re-plans a day as it stands (after a settings change, or to finish a pending emission). */
  public void replan(String userId, LocalDate date) {
    change(userId, date, (day, s) -> false, false);
  }

  /** Re-plans and pushes the day again with a new revision even when unchanged. */
  public void resync(String userId, LocalDate date) {
    AllocationSettings s = settings.get(userId);
    if (s.isClosed(date)) {
      throw new InvalidInputException(409, List.of(closed(date)));
    }
    change(userId, date, (day, x) -> false, true);
  }

  /** Approves the day's current plan content, which is then pushed. */
  public void approve(String userId, LocalDate date) {
    AllocationSettings s = settings.get(userId);
    if (s.isClosed(date)) {
      throw new InvalidInputException(409, List.of(closed(date)));
    }
    change(
        userId,
        date,
        (day, x) -> {
          DayAllocation allocation = DayPlanner.plan(x, date, day.spans());
          String hash = allocation.contentHash();
          if (hash.equals(day.approvedHash())) {
            return false;
          }
          day.approvedHash(hash);
          return true;
        },
        false);
  }

  /**
   * Records a sync result on the day (no re-plan). The update gets the held state (null for none)
   * and returns the next one, or null to ignore an older result.
   */
  public void applySyncResult(
      String userId, LocalDate date, java.util.function.UnaryOperator<SyncState> update) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      UserDay day = days.find(userId, date).orElseGet(() -> new UserDay(userId, date));
      SyncState next = update.apply(day.sync());
      if (next == null || next.equals(day.sync())) {
        return;
      }
      day.sync(next);
      if (days.save(day)) {
        return;
      }
    }
    throw new ConcurrentDayChangeException(userId, date);
  }

  /** Emits any stored-but-unemitted plan of these days (after a duplicate delivery). */
  public void emitPending(String userId, List<LocalDate> dates) {
    for (LocalDate date : dates) {
      days.find(userId, date)
          .filter(d -> d.plan() != null && !d.plan().emitted())
          .ifPresent(this::emit);
    }
  }

  /** Emits every stored-but-unemitted plan; run at startup and periodically. */
  public int sweepUnemitted() {
    int emitted = 0;
    for (UserDay day : days.findUnemitted(properties.sweepBatch())) {
      try {
        emit(day);
        emitted++;
      } catch (RuntimeException e) {
        log.warn("could not emit plan of {}/{}: {}", day.userId(), day.date(), e.toString());
      }
    }
    return emitted;
  }

  /** Pushes the DAY_END days whose day plus grace is over. */
  public int sweepDue() {
    int pushed = 0;
    for (UserDay day : days.findDue(clock.instant(), properties.sweepBatch())) {
      try {
        replan(day.userId(), day.date());
        pushed++;
      } catch (RuntimeException e) {
        log.warn("could not push due day {}/{}: {}", day.userId(), day.date(), e.toString());
      }
    }
    return pushed;
  }

  private void change(String userId, LocalDate date, Mutation mutation, boolean force) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      UserDay day = days.find(userId, date).orElseGet(() -> new UserDay(userId, date));
      AllocationSettings s = settings.get(userId);
      boolean changed = mutation.apply(day, s);
      boolean planned = plan(day, s, force);
      if (changed || planned) {
        if (!days.save(day)) {
          continue;
        }
      }
      if (day.plan() != null && !day.plan().emitted()) {
        emit(day);
      }
      return;
    }
    throw new ConcurrentDayChangeException(userId, date);
  }

  /** Re-plans the day under its policy; true when the day's stored state changed. */
  private boolean plan(UserDay day, AllocationSettings s, boolean force) {
    if (s.isClosed(day.date())) {
      return false;
    }
    StoredPlan previous = day.plan();
    DayAllocation allocation = DayPlanner.plan(s, day.date(), day.spans());
    if (allocation.entries().isEmpty() && previous == null) {
      return setDue(day, null);
    }
    String hash = allocation.contentHash();
    if (!force && previous != null && hash.equals(previous.hash())) {
      return setDue(day, null);
    }
    Instant now = clock.instant();
    boolean push;
    if (force) {
      push = s.pushPolicy() != PushPolicy.APPROVAL || hash.equals(day.approvedHash());
      if (!push) {
        throw new InvalidInputException(
            409,
            List.of(
                new io.focussync.platform.web.FieldProblem(
                    "date", "the day's plan awaits approval: approve it instead")));
      }
    } else if (s.pushPolicy() == PushPolicy.LIVE) {
      push = true;
    } else if (s.pushPolicy() == PushPolicy.DAY_END) {
      Instant due = dayEndOf(day.date(), s).plus(properties.dayEndGrace());
      push = !now.isBefore(due);
      if (!push) {
        return setDue(day, due);
      }
    } else {
      push = hash.equals(day.approvedHash());
    }
    if (!push) {
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
            false));
    day.dueAt(null);
    return true;
  }

  private static boolean setDue(UserDay day, Instant due) {
    if (java.util.Objects.equals(day.dueAt(), due)) {
      return false;
    }
    day.dueAt(due);
    return true;
  }

  /** The instant the local day ends (the next local midnight). */
  public static Instant dayEndOf(LocalDate date, AllocationSettings s) {
    return date.plusDays(1).atStartOfDay(s.timeZone()).toInstant();
  }

  private void emit(UserDay day) {
    StoredPlan plan = day.plan();
    publisher.publish(toEvent(day.userId(), day.date(), plan));
    days.markEmitted(day.userId(), day.date(), plan.revision());
  }

  /** The event for a stored plan revision: the same revision always gives the same event. */
  static DayPlanned toEvent(String userId, LocalDate date, StoredPlan plan) {
    List<PlannedEntry> entries = new ArrayList<>(plan.entries().size());
    for (AllocatedEntry e : plan.entries()) {
      entries.add(
          new PlannedEntry(
              e.slot(), e.projectId(), e.start(), e.end(), e.description(), e.sessionIds()));
    }
    return new DayPlanned(
        userId, date, plan.timeZone(), plan.revision(), plan.mode(), entries, plan.plannedAt());
  }

  private static io.focussync.platform.web.FieldProblem closed(LocalDate date) {
    return new io.focussync.platform.web.FieldProblem(
        "date", date + " is before closedBefore: the day is closed");
  }

  /** A day kept changing under us for too many attempts. */
  public static final class ConcurrentDayChangeException extends RuntimeException {
    public ConcurrentDayChangeException(String userId, LocalDate date) {
      super("too many concurrent changes of " + userId + "/" + date);
    }
  }
}
