package io.focussync.allocator.day;

import io.focussync.allocator.allocation.AllocatedEntry;
import io.focussync.allocator.allocation.AllocationSettings;
import io.focussync.allocator.allocation.BusySpan;
import io.focussync.allocator.allocation.DayAllocation;
import io.focussync.allocator.allocation.PushPolicy;
import io.focussync.allocator.allocation.SettingsReplan;
import io.focussync.allocator.settings.SettingsService;
import io.focussync.contracts.dayplans.v1.BusyInterval;
import io.focussync.contracts.dayplans.v1.DayPlanned;
import io.focussync.contracts.dayplans.v1.PlannedEntry;
import io.focussync.platform.web.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
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

  /** Whether a change re-plans the day after its mutation. */
  private enum Planning {
    /** The plan stays as it is (history a settings change leaves alone). */
    KEEP,
    /** Re-planned under the push policy; unchanged content keeps its revision. */
    PLAN,
    /** Re-planned and pushed with a new revision even when unchanged (resync). */
    FORCE
  }

  /**
   * The user's stored days split by what a settings change does to them (see {@link
   * SettingsReplan}).
   */
  public record StoredDates(SortedSet<LocalDate> replanned, SortedSet<LocalDate> kept) {

    /** Every stored date. */
    public SortedSet<LocalDate> all() {
      SortedSet<LocalDate> all = new TreeSet<>(replanned);
      all.addAll(kept);
      return all;
    }
  }

  /**
   * Applies a batch of session changes and emits the plans they changed: one read of all the days,
   * one write, one emission. Days in {@code owed} only have a stored but unemitted plan emitted
   * (their session change was already applied before a crash or a failed emission).
   */
  public void applySessions(
      Map<DayRef, List<SessionChange>> changes,
      Set<DayRef> owed,
      Map<String, AllocationSettings> settings) {
    Set<DayRef> refs = new HashSet<>(changes.keySet());
    refs.addAll(owed);
    Map<DayRef, UserDay> stored = days.findAll(refs);
    List<UserDay> changed = new ArrayList<>();
    for (Map.Entry<DayRef, List<SessionChange>> e : changes.entrySet()) {
      DayRef ref = e.getKey();
      UserDay day = stored.computeIfAbsent(ref, r -> new UserDay(r.userId(), r.date()));
      AllocationSettings s = settings.get(ref.userId());
      boolean applied = applyChanges(day, s, e.getValue());
      if (plan(day, s, false) || applied) {
        changed.add(day);
      }
    }
    if (!days.saveAll(changed)) {
      // Someone else (an API call, a sync result) wrote one of these days in between: redo each
      // day on its own from what is stored; re-applying is harmless (contributions are
      // version-guarded and an unchanged plan keeps its revision).
      changes.forEach(
          (ref, list) ->
              change(
                  ref.userId(), ref.date(), (day, s) -> applyChanges(day, s, list), Planning.PLAN));
      stored = days.findAll(owed);
    }
    emitAll(stored.values().stream().filter(DayService::owesEmission).toList());
  }

  private static boolean applyChanges(UserDay day, AllocationSettings s, List<SessionChange> list) {
    boolean changed = false;
    for (SessionChange c : list) {
      changed |= day.apply(c.sessionId(), c.version(), c.contribution());
    }
    if (changed && s.isClosed(day.date())) {
      day.lateChanges(true);
    }
    return changed;
  }

  /**
   * Makes the day hold exactly these sessions (after a time zone change moved sessions between
   * days), version-guarded like any session change, and re-plans it unless {@code replan} is false
   * (the plan Clockify holds stays).
   */
  public void reconcile(
      String userId, LocalDate date, java.util.Collection<Contribution> desired, boolean replan) {
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
        replan ? Planning.PLAN : Planning.KEEP);
  }

  /**
   * The user's stored days, split into those a change to these settings re-plans and those it
   * leaves as Clockify holds them (before today in the settings' zone, and held by Clockify).
   */
  public StoredDates storedDates(String userId, AllocationSettings settings) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), settings.timeZone());
    SortedSet<LocalDate> replanned = new TreeSet<>();
    SortedSet<LocalDate> kept = new TreeSet<>();
    for (UserDay day : days.findByUser(userId)) {
      boolean held = day.sync() != null && day.sync().heldByClockify();
      (SettingsReplan.replans(day.date(), today, held) ? replanned : kept).add(day.date());
    }
    return new StoredDates(replanned, kept);
  }

  /**
   * Re-plans a day as it stands (after a settings change, on request, or to finish a pending
   * emission).
   *
   * @return true when the day got a new plan revision
   */
  public boolean replan(String userId, LocalDate date) {
    return change(userId, date, (day, s) -> false, Planning.PLAN);
  }

  /**
   * Re-plans the user's stored days in [from, to], those Clockify already holds included (closed
   * days stay closed).
   *
   * @return the dates that got a new plan revision
   */
  public List<LocalDate> replanRange(String userId, LocalDate from, LocalDate to) {
    List<LocalDate> replanned = new ArrayList<>();
    for (UserDay day : days.findRange(userId, from, to)) {
      if (replan(userId, day.date())) {
        replanned.add(day.date());
      }
    }
    return replanned;
  }

  /**
   * Takes the clockify-connector's observations of the user's own Clockify entries and re-plans
   * each observed day around them at once (a newer observation of other busy time is a new
   * revision, whether the day was synced or not); per day the newest observation wins, older ones
   * than the day holds are ignored.
   */
  public void observeBusy(List<BusyObservation> observations) {
    Map<DayRef, BusyObservation> newest = new LinkedHashMap<>();
    for (BusyObservation o : observations) {
      newest.merge(o.day(), o, (a, b) -> b.observedAt().isAfter(a.observedAt()) ? b : a);
    }
    for (BusyObservation o : newest.values()) {
      change(
          o.day().userId(),
          o.day().date(),
          (day, s) -> day.observeBusy(o.busy(), o.observedAt()),
          Planning.PLAN);
    }
  }

  /** Re-plans and pushes the day again with a new revision even when unchanged. */
  public void resync(String userId, LocalDate date) {
    AllocationSettings s = settings.get(userId);
    if (s.isClosed(date)) {
      throw new InvalidInputException(409, List.of(closed(date)));
    }
    change(userId, date, (day, x) -> false, Planning.FORCE);
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
          DayAllocation allocation = day.allocation(x);
          String hash = allocation.contentHash();
          if (hash.equals(day.approvedHash())) {
            return false;
          }
          day.approvedHash(hash);
          return true;
        },
        Planning.PLAN);
  }

  /**
   * Records a poll's sync results on their days (no re-plan): one read of the days, the results of
   * each day applied in their order in memory, one write of the days whose sync state changed (of
   * their sync state only). A day someone else wrote in between is redone result by result.
   */
  public void applySyncResults(List<SyncResult> results) {
    if (results.isEmpty()) {
      return;
    }
    Map<DayRef, List<SyncResult>> byDay = new LinkedHashMap<>();
    for (SyncResult result : results) {
      byDay.computeIfAbsent(result.day(), ref -> new ArrayList<>()).add(result);
    }
    Map<DayRef, UserDay> stored = days.findAll(byDay.keySet());
    List<UserDay> changed = new ArrayList<>();
    for (Map.Entry<DayRef, List<SyncResult>> e : byDay.entrySet()) {
      DayRef ref = e.getKey();
      UserDay day = stored.getOrDefault(ref, new UserDay(ref.userId(), ref.date()));
      SyncState state = day.sync();
      for (SyncResult result : e.getValue()) {
        SyncState next = result.applyTo(state);
        if (next != null) {
          state = next;
        }
      }
      if (!Objects.equals(state, day.sync())) {
        day.sync(state);
        changed.add(day);
      }
    }
    if (days.saveSyncAll(changed)) {
      return;
    }
    // Which writes lost is not reported: a day that now holds the state computed here needs nothing
    // more, the others are redone result by result from what is stored.
    List<DayRef> refs = changed.stream().map(d -> new DayRef(d.userId(), d.date())).toList();
    Map<DayRef, UserDay> now = days.findAll(refs);
    for (UserDay day : changed) {
      DayRef ref = new DayRef(day.userId(), day.date());
      UserDay held = now.get(ref);
      if (held == null || !Objects.equals(held.sync(), day.sync())) {
        byDay.get(ref).forEach(this::applySyncResult);
      }
    }
  }

  /** Records one sync result on its day (no re-plan), re-reading the day on a conflict. */
  public void applySyncResult(SyncResult result) {
    DayRef ref = result.day();
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      UserDay day =
          days.find(ref.userId(), ref.date())
              .orElseGet(() -> new UserDay(ref.userId(), ref.date()));
      SyncState next = result.applyTo(day.sync());
      if (next == null || next.equals(day.sync())) {
        return;
      }
      day.sync(next);
      if (days.save(day)) {
        return;
      }
    }
    throw new ConcurrentDayChangeException(ref.userId(), ref.date());
  }

  /** Emits every stored-but-unemitted plan; run at startup and periodically. */
  public int sweepUnemitted() {
    List<UserDay> unemitted = days.findUnemitted(properties.sweepBatch());
    emitAll(unemitted);
    return unemitted.size();
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

  /**
   * Changes and (unless KEEP) re-plans the day, stores it and emits a new plan revision.
   *
   * @return true when the day got a new plan revision
   */
  private boolean change(String userId, LocalDate date, Mutation mutation, Planning planning) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      UserDay day = days.find(userId, date).orElseGet(() -> new UserDay(userId, date));
      long revision = day.plan() == null ? 0 : day.plan().revision();
      AllocationSettings s = settings.get(userId);
      boolean changed = mutation.apply(day, s);
      boolean planned = planning != Planning.KEEP && plan(day, s, planning == Planning.FORCE);
      if (changed || planned) {
        if (!days.save(day)) {
          continue;
        }
      }
      if (owesEmission(day)) {
        emitAll(List.of(day));
      }
      return day.plan() != null && day.plan().revision() != revision;
    }
    throw new ConcurrentDayChangeException(userId, date);
  }

  /** Re-plans the day under its policy; true when the day's stored state changed. */
  private boolean plan(UserDay day, AllocationSettings s, boolean force) {
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
            false,
            allocation.busy()));
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

  private static boolean owesEmission(UserDay day) {
    return day.plan() != null && !day.plan().emitted();
  }

  /** Emits the days' stored plans and waits for the broker, then marks them emitted. */
  private void emitAll(List<UserDay> owing) {
    if (owing.isEmpty()) {
      return;
    }
    List<DayPlanned> events = new ArrayList<>(owing.size());
    owing.forEach(day -> events.add(toEvent(day.userId(), day.date(), day.plan())));
    publisher.publishAll(events);
    days.markEmitted(owing);
  }

  /** The event for a stored plan revision: the same revision always gives the same event. */
  static DayPlanned toEvent(String userId, LocalDate date, StoredPlan plan) {
    List<PlannedEntry> entries = new ArrayList<>(plan.entries().size());
    for (AllocatedEntry e : plan.entries()) {
      entries.add(
          new PlannedEntry(
              e.slot(), e.projectId(), e.start(), e.end(), e.description(), e.sessionIds()));
    }
    List<BusyInterval> busy = new ArrayList<>(plan.busy().size());
    for (BusySpan b : plan.busy()) {
      busy.add(new BusyInterval(b.start(), b.end()));
    }
    return new DayPlanned(
        userId,
        date,
        plan.timeZone(),
        plan.revision(),
        plan.mode(),
        entries,
        plan.plannedAt(),
        busy);
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
